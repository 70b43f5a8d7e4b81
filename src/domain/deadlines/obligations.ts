/**
 * One obligation, one open task. Steve's writers keep the tasks they own in line (by rule key or
 * trigger), but a database can also hold tasks they never owned for the same obligation: added by
 * hand or from a letter with the rule's ID, or written by an older version of Steve. This says
 * which open tasks are second copies of an obligation, and which rule-made tasks carry no reason,
 * so `steve deadlines sync` can close the copies and explain the rest. Pure.
 */
import { formatUkDate as uk } from '../calendar/local-date.js';
import { findRule, ruleStanding } from './rules.js';

export interface OpenTaskFacts {
  id: string;
  case_id: string | null;
  rule_id: string | null;
  rule_key: string | null;
  trigger_kind: string | null;
  trigger_on: string | null;
  title: string;
  due_on: string;
  reason: string | null;
  created_at: string;
}

/** Trigger kinds the money area's writer keeps in line (services/billing/money-tasks.ts). */
export const MANAGED_TRIGGER_KINDS: ReadonlySet<string> = new Set(['uninvoiced_treatment', 'ml_joint_statement_due', 'ml_trial_window']);

const managed = (t: OpenTaskFacts) => t.rule_key !== null || (t.trigger_kind !== null && MANAGED_TRIGGER_KINDS.has(t.trigger_kind));

/**
 * The obligation a case task stands for, or null when it names none Steve can recognise (a plain
 * to-do, a chase letter per invoice, a referral report-back, which has one per stage).
 */
export function obligationKey(t: OpenTaskFacts): string | null {
  if (!t.case_id) return null;
  if (t.rule_id?.startsWith('REF-') || t.rule_key?.startsWith('REF-') || t.trigger_kind?.startsWith('chase_')) return null;
  // The insurer's invoicing deadline is one obligation whatever the trigger was called.
  if (t.rule_id === 'INS-BUPA-01' || t.rule_id === 'INS-AXA-01') return `insurer-invoice|${t.case_id}`;
  // An authorisation carries two: the expiry and the progress report when sessions run low.
  if (t.rule_id === 'INS-ENG-01') return `INS-ENG-01|${t.trigger_kind ?? 'authorisation_expiry'}|${t.case_id}`;
  // The annual review reminder and the late-meeting warning share a rule but not an obligation.
  if (t.rule_id === 'EHCP-AR-01') return `EHCP-AR-01|${t.rule_key?.includes('|late-meeting:') ? 'late' : 'review'}|${t.case_id}`;
  if (t.rule_id) return `${t.rule_id}|${t.case_id}`;
  // Rule-less tasks with a trigger: the report to serve (trigger "instruction") and the like.
  if (t.trigger_kind) return `${t.trigger_kind}|${t.case_id}`;
  return null;
}

export interface Duplicate {
  id: string;
  note: string;
}

/**
 * Open tasks that duplicate another open task of the same obligation. The task a writer keeps in
 * line stays; among tasks no writer owns, the earliest due (then the first made) stays.
 */
export function findDuplicates(open: readonly OpenTaskFacts[]): Duplicate[] {
  const groups = new Map<string, OpenTaskFacts[]>();
  for (const t of open) {
    const k = obligationKey(t);
    if (k) groups.set(k, [...(groups.get(k) ?? []), t]);
  }
  const out: Duplicate[] = [];
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const ranked = [...group].sort(
      (a, b) =>
        Number(managed(b)) - Number(managed(a)) || a.due_on.localeCompare(b.due_on) || a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id),
    );
    const keep = ranked[0]!;
    for (const t of ranked.slice(1)) {
      // Two tasks a writer owns for one obligation are the writer's business (a new cycle), not a copy.
      if (managed(t) && managed(keep)) continue;
      out.push({ id: t.id, note: `a second task for the same obligation as "${keep.title}" (due ${uk(keep.due_on)}), which stays open.` });
    }
  }
  return out;
}

/** The reason a rule-made task without one should carry: what the rule is, how sure it is, and that its date is not recomputed. */
export function missingReason(t: OpenTaskFacts): string | null {
  if (!t.rule_id || (t.reason ?? '').trim() !== '') return null;
  const standing = ruleStanding(t.rule_id);
  if (!standing) {
    return `Set by hand with rule ${t.rule_id}; Steve does not recompute its date, so check it against the rule. [${t.rule_id}]`;
  }
  const rule = findRule(t.rule_id);
  const trigger = t.trigger_on ? ` from ${rule.trigger} (${uk(t.trigger_on)})` : '';
  return `${rule.title}${trigger}. ${standing.words}. Steve did not make this task, so it does not move its date: check it. [${rule.id}; ${rule.citation}]`;
}

/**
 * Insurer invoicing tasks (INS-BUPA-01, INS-AXA-01) no writer owns, on a case where Steve's own
 * check of the sessions finds nothing left to invoice: the treatment was invoiced, so the task is
 * stale. Call only after the money area's tasks have been brought up to date for every case.
 */
export function findStaleInsurerTasks(open: readonly OpenTaskFacts[]): Duplicate[] {
  const live = new Set(open.filter((t) => managed(t)).map(obligationKey));
  return open
    .filter((t) => (t.rule_id === 'INS-BUPA-01' || t.rule_id === 'INS-AXA-01') && !managed(t) && !live.has(obligationKey(t)))
    .map((t) => ({ id: t.id, note: `no attended session of this case is left to invoice to the insurer (${t.rule_id}), so the deadline no longer applies.` }));
}
