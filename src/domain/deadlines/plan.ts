/**
 * Which rule-made tasks a case, a compliance item or a subject access request should have
 * today, and how to bring the stored tasks into line without duplicating any.
 *
 * Each planned task carries a `rule_key`: the rule, the subject, and where a rule repeats,
 * the cycle it belongs to (the annual review after which it falls, the renewal after which
 * it is due). Moving a trigger inside a cycle moves the task; a new cycle makes a new task;
 * a task the user completed stays completed.
 */
import { formatUkDate as uk, type LocalDate } from '../calendar/local-date.js';
import { ML_STAGE_LABELS, stageIndex, type MlStage } from '../money/ml-stages.js';
import { lateReviewWarning } from './plausible-dates.js';
import { computeDeadline, type ComputedDeadline, type RuleContext } from './rules.js';
import type { Jurisdiction, TaskHardness, TaskKind } from '../vocabulary.js';

export interface PlannedTask {
  rule_key: string;
  rule_id: string | null;
  title: string;
  due_on: LocalDate;
  hardness: TaskHardness;
  kind: TaskKind;
  trigger_kind: string;
  trigger_on: LocalDate;
  trigger_ref: string;
  reason: string;
  case_id: string | null;
  client_id: string | null;
  assignee_id: string | null;
}

export interface CaseFacts {
  case_id: string;
  client_id: string;
  client_name: string;
  client_dob: LocalDate;
  clinician_id: string | null;
  jurisdiction: Jurisdiction;
  status: string;
  ehcp: null | {
    la_name: string | null;
    advice_requested_on: LocalDate | null;
    next_review_meeting_on: LocalDate | null;
    plan_issued_on: LocalDate | null;
    last_review_on: LocalDate | null;
    draft_served_on: LocalDate | null;
    amendment_notice_on: LocalDate | null;
    decision_letter_on: LocalDate | null;
    transfer_year: number | null;
    transfer_kind: string | null;
  };
  authorisations: {
    id: string;
    insurer_name: string | null;
    authorisation_code: string;
    valid_until: LocalDate;
    sessions_authorised: number;
    sessions_used: number;
    /** The date of the session that left one session on the authorisation, if any. */
    penultimate_session_on: LocalDate | null;
  }[];
  medico_legal: null | {
    solicitor_name: string | null;
    report_due_on: LocalDate | null;
    report_served_on: LocalDate | null;
    questions_received_on: LocalDate | null;
    stage: string;
  };
  housing: null | { housing_name: string | null; dfg_application_on: LocalDate | null; dfg_approved_on: LocalDate | null };
  workplace: null | { employer_name: string | null; job_start_on: LocalDate | null; atw_application_on: LocalDate | null };
}

export type RuleContextFor = (jurisdiction: Jurisdiction) => RuleContext;

const ACTIVE_CASE = new Set(['referred', 'open', 'on_hold']);

function task(
  d: ComputedDeadline,
  key: string,
  title: string,
  subject: { case_id: string | null; client_id: string | null; assignee_id: string | null },
  trigger_kind: string,
  opts: { hardness?: TaskHardness; kind?: TaskKind; due?: LocalDate } = {},
): PlannedTask {
  return {
    rule_key: key,
    rule_id: d.rule,
    title,
    due_on: opts.due ?? d.due,
    hardness: opts.hardness ?? (d.hard ? 'hard' : 'soft'),
    kind: opts.kind ?? 'statutory',
    trigger_kind,
    trigger_on: d.trigger,
    trigger_ref: subject.case_id ?? '',
    reason: `${d.reason} [${d.rule}; ${d.citation}]`,
    ...subject,
  };
}

/** The rule-made tasks one case should carry. Closed and discharged cases carry none. */
export function planCaseTasks(f: CaseFacts, ruleCtx: RuleContextFor, today?: LocalDate): PlannedTask[] {
  if (!ACTIVE_CASE.has(f.status)) return [];
  const planned = planActiveCase(f, ruleCtx);
  // Someone else's window (a family's comment or appeal period, the other side's CPR 35.6 questions)
  // is worth knowing while it is open; once it has passed there is nothing left for the OT to do.
  return today ? planned.filter((p) => !EXPIRES.has(p.rule_id ?? '') || p.due_on >= today) : planned;
}

const EXPIRES = new Set(['EHCP-NA-05', 'EHCP-AM-01', 'EHCP-TR-01', 'ML-Q-01', 'ATW-01']);

const CASE_STATUS_WORDS: Record<string, string> = { discharged: 'discharged', closed: 'closed' };

/**
 * Why a rule-made task of this case is no longer planned, in words for its notes, where the
 * facts say more than "the trigger no longer applies": the case closed, the instruction moved to
 * a later stage, the window passed. Null when there is nothing more particular to say.
 */
export function whyNoLongerPlanned(f: CaseFacts | undefined, t: { rule_key: string | null; due_on: string }, today: LocalDate): string | null {
  if (!f) return null;
  if (!ACTIVE_CASE.has(f.status)) return `the case was ${CASE_STATUS_WORDS[f.status] ?? f.status}, so its deadlines no longer apply.`;
  const rule = t.rule_key?.split('|')[0] ?? '';
  const m = f.medico_legal;
  if (m && (rule === 'ML-REPORT' || rule.startsWith('ML-Q-'))) {
    const label = ML_STAGE_LABELS[m.stage as MlStage] ?? m.stage;
    if (m.stage === 'settled' || m.stage === 'closed') return `the claim is ${m.stage === 'settled' ? 'settled' : 'closed'} (stage "${label}").`;
    if (rule === 'ML-REPORT' && m.report_served_on) return `the report was served on ${uk(m.report_served_on)}.`;
    if (rule === 'ML-Q-01' && m.stage !== 'served') return `the instruction moved on to "${label}": the question window no longer needs watching.`;
    if (rule === 'ML-Q-02' && m.stage !== 'questions') return `the questions were answered: the instruction moved on to "${label}".`;
  }
  if (EXPIRES.has(rule) && t.due_on < today) return `the window closed on ${uk(t.due_on)}; nothing is left for the OT to do.`;
  return null;
}

function planActiveCase(f: CaseFacts, ruleCtx: RuleContextFor): PlannedTask[] {
  const out: PlannedTask[] = [];
  const ctx = ruleCtx(f.jurisdiction);
  const subject = { case_id: f.case_id, client_id: f.client_id, assignee_id: f.clinician_id };
  const base = `case:${f.case_id}`;
  const who = f.client_name;

  // England's SEND timers only for English cases (JUR-UI-01): others are shown as not modelled.
  const e = f.ehcp;
  if (e && f.jurisdiction === 'england') {
    const la = e.la_name ?? 'the LA';
    if (e.advice_requested_on) {
      const d = computeDeadline('EHCP-ADV-01', e.advice_requested_on, ctx);
      out.push(
        task(d, `EHCP-ADV-01|${base}|req:${e.advice_requested_on.slice(0, 4)}`, `Send OT advice to ${la} for ${who}`, subject, 'advice_request_received'),
      );
    }
    const cycle = e.last_review_on ?? e.plan_issued_on ?? 'none';
    if (e.next_review_meeting_on) {
      const d = computeDeadline('EHCP-AR-04', e.next_review_meeting_on, ctx);
      out.push(
        task(
          d,
          `EHCP-AR-04|${base}|after:${cycle}`,
          `Send annual review contribution for ${who} (meeting ${uk(e.next_review_meeting_on)})`,
          subject,
          'review_meeting',
        ),
      );
    }
    const reviewAnchor = e.last_review_on ?? e.plan_issued_on;
    if (reviewAnchor) {
      const d = computeDeadline('EHCP-AR-01', reviewAnchor, ctx);
      // The LA's duty, not the OT's: a soft reminder to check a review is arranged.
      out.push(
        task(
          d,
          `EHCP-AR-01|${base}|after:${reviewAnchor}`,
          `Annual review of ${who}'s EHC plan due: check ${la} has arranged it`,
          subject,
          e.last_review_on ? 'last_review' : 'plan_issued',
          { hardness: 'soft' },
        ),
      );
      // A meeting set after the limit is accepted (the LA may be late), and said on Today.
      const late = lateReviewWarning(e, ctx.calendar);
      if (late && e.next_review_meeting_on) {
        out.push({
          ...task(
            d,
            `EHCP-AR-01|${base}|late-meeting:${e.next_review_meeting_on}`,
            `${who}'s review meeting is after the 12-month limit: ask ${la}`,
            subject,
            'review_meeting',
            {
              hardness: 'soft',
            },
          ),
          reason: `${late} [EHCP-AR-01; ${d.citation}]`,
        });
      }
    }
    if (e.draft_served_on) {
      const d = computeDeadline('EHCP-NA-05', e.draft_served_on, ctx);
      out.push(
        task(
          d,
          `EHCP-NA-05|${base}|served:${e.draft_served_on}`,
          `Comments on ${who}'s draft EHC plan close (check section F for OT provision)`,
          subject,
          'draft_plan_served',
          { hardness: 'soft' },
        ),
      );
    }
    if (e.amendment_notice_on) {
      const d = computeDeadline('EHCP-AM-01', e.amendment_notice_on, ctx);
      out.push(
        task(d, `EHCP-AM-01|${base}|served:${e.amendment_notice_on}`, `Comments on ${who}'s amendment notice close`, subject, 'amendment_notice_served', {
          hardness: 'soft',
        }),
      );
    }
    if (e.decision_letter_on) {
      const d = computeDeadline('EHCP-TR-01', e.decision_letter_on, ctx);
      out.push(
        task(
          d,
          `EHCP-TR-01|${base}|letter:${e.decision_letter_on}`,
          `Tribunal appeal deadline for ${who} (family's deadline: is OT evidence needed?)`,
          subject,
          'decision_letter',
          { hardness: 'soft' },
        ),
      );
    }
    if (e.transfer_year) {
      const transferDay = `${e.transfer_year}-09-01` as LocalDate;
      const ruleId = e.transfer_kind === 'post16' ? 'EHCP-PT-02' : e.transfer_kind === 'post16_post16' ? 'EHCP-PT-03' : 'EHCP-PT-04';
      const d = computeDeadline(ruleId, transferDay, ctx);
      const title =
        ruleId === 'EHCP-PT-04'
          ? `Phase transfer ${e.transfer_year}: OT advice for ${who}'s transfer review`
          : `Phase transfer ${e.transfer_year}: ${who}'s amended plan must be final`;
      out.push(task(d, `${ruleId}|${base}|year:${e.transfer_year}`, title, subject, 'transfer_year', { hardness: ruleId === 'EHCP-PT-04' ? 'soft' : 'hard' }));
    }
  }

  // Only the latest authorisation is live: an earlier one was superseded by it.
  const latest = [...f.authorisations].sort((a, b) => a.valid_until.localeCompare(b.valid_until)).slice(-1);
  for (const a of latest) {
    const insurer = a.insurer_name ?? 'the insurer';
    const d = computeDeadline('INS-ENG-01', a.valid_until, ctx);
    out.push(
      task(
        d,
        `INS-ENG-01|auth:${a.id}|until:${a.valid_until}`,
        `Ask ${insurer} to extend ${who}'s authorisation ${a.authorisation_code || ''} (ends ${uk(a.valid_until)})`.replace('  ', ' '),
        subject,
        'authorisation_expiry',
        { kind: 'contractual' },
      ),
    );
    if (a.penultimate_session_on && a.sessions_used < a.sessions_authorised + 1) {
      const left = Math.max(0, a.sessions_authorised - a.sessions_used);
      out.push({
        rule_key: `INS-ENG-01|auth:${a.id}|sessions:${a.sessions_authorised}`,
        rule_id: 'INS-ENG-01',
        title: `Progress report to ${insurer} for ${who}: ${left} authorised session${left === 1 ? '' : 's'} left`,
        due_on: a.penultimate_session_on,
        hardness: 'soft',
        kind: 'contractual',
        trigger_kind: 'sessions_nearly_used',
        trigger_on: a.penultimate_session_on,
        trigger_ref: f.case_id,
        reason: `One authorised session was left after the session on ${uk(a.penultimate_session_on)}; insurers need a progress report before authorising more (INS-ENG-01; INS-GEN-02). [INS-ENG-01; Insurer pre-authorisation terms (INS-GEN-02); practice default]`,
        ...subject,
      });
    }
  }

  const m = f.medico_legal;
  if (m && !['settled', 'closed'].includes(m.stage) && (f.jurisdiction === 'england' || f.jurisdiction === 'wales')) {
    const firm = m.solicitor_name ?? 'the instructing solicitor';
    const stage = stageIndex(m.stage);
    if (m.report_due_on && !m.report_served_on && stage < stageIndex('served')) {
      // The date comes from the letter of instruction: a firm deadline, but a contractual one.
      out.push({
        rule_key: `ML-REPORT|${base}`,
        rule_id: null,
        title: `Serve expert report for ${who} on ${firm}`,
        due_on: m.report_due_on,
        hardness: 'hard',
        kind: 'contractual',
        trigger_kind: 'instruction',
        trigger_on: m.report_due_on,
        trigger_ref: f.case_id,
        reason: `The letter of instruction from ${firm} sets the report due date ${uk(m.report_due_on)}.`,
        ...subject,
      });
    }
    // Each stage's tasks belong to it: the question window while the report is just served,
    // the answers while the questions are open; a later stage closes them.
    if (m.report_served_on && m.stage === 'served') {
      const d = computeDeadline('ML-Q-01', m.report_served_on, ctx);
      out.push(
        task(d, `ML-Q-01|${base}|served:${m.report_served_on}`, `CPR 35.6 question window on ${who}'s report closes`, subject, 'report_served', {
          hardness: 'soft',
          kind: 'court',
        }),
      );
    }
    if (m.questions_received_on && m.stage === 'questions') {
      const d = computeDeadline('ML-Q-02', m.questions_received_on, ctx);
      // No rule fixes the time to answer (ML-Q-02 is a practice default), so it is not a court deadline.
      out.push(task(d, `ML-Q-02|${base}`, `Answer CPR 35.6 questions on ${who}'s report`, subject, 'questions_received', { kind: 'practice' }));
    }
  }

  const h = f.housing;
  if (h?.dfg_application_on && !h.dfg_approved_on && (f.jurisdiction === 'england' || f.jurisdiction === 'wales')) {
    const d = computeDeadline('DFG-03', h.dfg_application_on, ctx);
    out.push(
      task(
        d,
        `DFG-03|${base}|app:${h.dfg_application_on}`,
        `DFG decision due from ${h.housing_name ?? 'the housing authority'} for ${who}`,
        subject,
        'dfg_application',
        { hardness: 'soft' },
      ),
    );
  }

  const w = f.workplace;
  if (w?.job_start_on && !w.atw_application_on && f.jurisdiction !== 'ni') {
    const d = computeDeadline('ATW-01', w.job_start_on, ctx);
    out.push(
      task(
        d,
        `ATW-01|${base}|start:${w.job_start_on}`,
        `Access to Work application for ${who} (full funding if within 6 weeks of starting)`,
        subject,
        'job_start',
        { hardness: 'soft', kind: 'contractual' },
      ),
    );
  }
  return out;
}

export interface ComplianceFacts {
  id: string;
  rule_id: string;
  title: string;
  user_id: string | null;
  holder_name: string | null;
  last_done_on: LocalDate;
}

export function planComplianceTask(c: ComplianceFacts, ctx: RuleContext): PlannedTask {
  const d = computeDeadline(c.rule_id, c.last_done_on, ctx);
  const whose = c.holder_name && !c.title.includes(c.holder_name) ? ` (${c.holder_name})` : '';
  return task(
    d,
    `${c.rule_id}|compliance:${c.id}|after:${c.last_done_on}`,
    `${c.title}${whose}`,
    { case_id: null, client_id: null, assignee_id: c.user_id },
    'compliance',
    { kind: 'renewal' },
  );
}

export interface SubjectAccessFacts {
  id: string;
  client_id: string | null;
  requester: string;
  received_on: LocalDate;
  extended: boolean;
  responded_on: LocalDate | null;
}

export function planSubjectAccessTask(s: SubjectAccessFacts, ctx: RuleContext): PlannedTask | null {
  if (s.responded_on) return null;
  const d = computeDeadline('GDPR-02', s.received_on, ctx);
  const due = s.extended ? d.also![0]!.due : d.due;
  return task(
    d,
    `GDPR-02|sar:${s.id}`,
    `Respond to ${s.requester}'s subject access request${s.extended ? ' (extended)' : ''}`,
    { case_id: null, client_id: s.client_id, assignee_id: null },
    'sar_received',
    { due },
  );
}
