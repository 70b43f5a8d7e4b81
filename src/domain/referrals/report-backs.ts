/**
 * Report-back obligations: after the assessment, each review and the
 * discharge, the referrer is owed an update, but only where the client has consented to
 * share with that party. A milestone whose report-back is not allowed is returned as
 * blocked with the reason, never as a task: no task ever proposes sending without consent.
 */
import type { WorkingCalendar } from '../calendar/bank-holidays.js';
import { formatUkDate, type LocalDate } from '../calendar/local-date.js';
import type { PlannedTask } from '../deadlines/plan.js';
import type { ConsentParty } from '../vocabulary.js';
import { REF_RULES, reportBackKeyPrefix, type ReportBackParty } from './referrals.js';

export const MILESTONE_KINDS = ['assessment', 'review', 'discharge'] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];

export interface Milestone {
  kind: MilestoneKind;
  on: LocalDate;
  /** What makes it unique within the referral: a session id for a review, '' otherwise. */
  ref: string;
}

export interface ReportBackFacts {
  referral_id: string;
  source_name: string;
  consent_party: ReportBackParty | null;
  report_back_working_days: number;
  client_id: string;
  client_name: string;
  case_id: string;
  assignee_id: string | null;
  consent: Record<ConsentParty, boolean>;
  milestones: Milestone[];
}

const CONSENT_LABEL: Record<ConsentParty, string> = {
  gp: 'their GP and NHS care team',
  school: 'their school',
  la: 'the local authority',
  insurer: 'their insurer',
  solicitor: 'their solicitor',
};

const WHAT: Record<MilestoneKind, string> = {
  assessment: 'the assessment',
  review: 'the review',
  discharge: 'discharge',
};

/** Why a report-back to this source may not be proposed, or null when it may. */
export function reportBackBlock(f: Pick<ReportBackFacts, 'consent_party' | 'consent' | 'source_name'>): string | null {
  if (f.consent_party === null) return `No consent on the client record covers ${f.source_name}: set the source's consent party before anything is shared.`;
  if (f.consent_party === 'self') return 'Self-referral: the client or parent receives their reports directly, so no report-back to a third party is due.';
  if (!f.consent[f.consent_party]) return `The client has not consented to sharing with ${CONSENT_LABEL[f.consent_party]} (consent_${f.consent_party}).`;
  return null;
}

export interface ReportBackPlan {
  planned: PlannedTask[];
  blocked: { milestone: Milestone; reason: string }[];
}

export function planReportBacks(f: ReportBackFacts, calendar: WorkingCalendar): ReportBackPlan {
  const block = reportBackBlock(f);
  if (block !== null) return { planned: [], blocked: f.milestones.map((m) => ({ milestone: m, reason: block })) };
  const party = f.consent_party as ConsentParty;
  const planned = f.milestones.map((m): PlannedTask => {
    const key = `${reportBackKeyPrefix(f.referral_id)}${m.kind}${m.ref ? `:${m.ref}` : ''}`;
    return {
      rule_key: key,
      rule_id: REF_RULES.reportBack,
      title: `Report back to ${f.source_name} after ${WHAT[m.kind]}`,
      due_on: calendar.addWorkingDays(m.on, f.report_back_working_days),
      hardness: 'soft',
      kind: 'report_back',
      trigger_kind: `referral_${m.kind}`,
      trigger_on: m.on,
      trigger_ref: f.referral_id,
      reason: `${f.source_name} referred ${f.client_name} and is owed an update within ${f.report_back_working_days} working days of ${WHAT[m.kind]} on ${formatUkDate(m.on)}; the client consents to sharing with ${CONSENT_LABEL[party]} (consent_${party}).`,
      case_id: f.case_id,
      client_id: f.client_id,
      assignee_id: f.assignee_id,
    };
  });
  return { planned, blocked: [] };
}
