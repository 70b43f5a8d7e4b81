/**
 * Where the work behind a task is done: the draft to write, the invoice to chase, the letter
 * to answer, the authorisation to extend. Today and the task lists link to it beside the
 * client, so acting on a task is one click from reading it.
 */

export interface TaskWorkFacts {
  trigger_kind: string | null;
  trigger_ref: string | null;
  rule_id: string | null;
  case_id: string | null;
}

export interface WorkLink {
  href: string;
  /** What the link opens, in a few words ("Draft to write"). */
  label: string;
}

/** Rule-made deadlines whose work is a document the clinician writes (advice, a contribution, a report). */
const WRITING_RULES = /^(EHCP-ADV-|EHCP-AR-04|EHCP-PT-0[34]|ML-|REF-RB|DFG-|ML-CM-)/;
const MONEY_TRIGGERS = new Set(['authorisation', 'authorisation_expiry', 'sessions_nearly_used', 'treatment', 'uninvoiced_treatment']);
const WRITING_TRIGGERS = new Set([
  'advice_request_received',
  'instruction',
  'questions_received',
  'report_served',
  'monthly_report',
  'dfg_application',
  'job_start',
]);

export function taskWorkLink(t: TaskWorkFacts): WorkLink | null {
  const trigger = t.trigger_kind ?? '';
  const rule = t.rule_id ?? '';
  if (trigger.startsWith('chase_') && t.trigger_ref) return { href: `/invoices/${encodeURIComponent(t.trigger_ref)}`, label: 'Invoice to chase' };
  if (trigger === 'inbox') return { href: '/inbox', label: 'Letter to answer' };
  if (trigger.startsWith('referral_')) return { href: '/referrals', label: 'Referral' };
  if (trigger === 'compliance' || trigger === 'sar_received')
    return { href: '/compliance', label: trigger === 'compliance' ? 'Compliance register' : 'Subject access request' };
  if (!t.case_id) return null;
  if (MONEY_TRIGGERS.has(trigger) || rule.startsWith('INS-')) return { href: `/cases/${t.case_id}/money`, label: 'Sessions and authorisation' };
  if (WRITING_TRIGGERS.has(trigger) || WRITING_RULES.test(rule)) return { href: `/documents?case=${t.case_id}`, label: 'Draft to write' };
  if (rule.startsWith('EHCP-') || ['last_review', 'review_meeting', 'transfer_year', 'phase_transfer', 'amendment_notice_served'].includes(trigger))
    return { href: `/ehcp/${t.case_id}`, label: 'EHCP timeline' };
  return null;
}
