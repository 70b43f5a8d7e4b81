/**
 * Tasks the money area keeps in line with its facts, the way the deadline engine does for
 * cases: the Bupa / AXA Health invoice deadline (INS-BUPA-01, INS-AXA-01: six months from
 * treatment), medico-legal joint statement and trial window dates, and the chase ladder.
 *
 * They are keyed by (trigger_kind, trigger_ref) and carry no rule_key, so the deadline
 * engine's reconciliation (which owns rule_key tasks) leaves them alone. The task writer
 * (services/tasks/write-rule-tasks.ts) closes an open task whose reason has gone (the sessions
 * were invoiced, the invoice was paid) the way it closes every other; a task the user completed
 * is never reopened or duplicated.
 */
import { formatUkDate as uk, type LocalDate } from '../../domain/calendar/local-date.js';
import { computeDeadline } from '../../domain/deadlines/rules.js';
import { CHASE_LABELS, CHASE_LEVELS, draftChaser, levelsReached, type ChaseLevel } from '../../domain/money/chase.js';
import { INSURED_KINDS } from '../../domain/money/billing.js';
import { formatPounds } from '../../domain/money/pence.js';
import type { Jurisdiction } from '../../domain/vocabulary.js';
import { inBatches } from '../../db/batches.js';
import type { Db, ServiceContext } from '../context.js';
import { STORED_TASK_COLUMNS, writeRuleTasks, type RuleTask, type StoredTask, type TaskWriteResult } from '../tasks/write-rule-tasks.js';
import { loadRuleOverrides, ruleContextFactory } from '../deadlines/sync-deadlines.js';
import { getPractice } from '../practice/get-practice.js';
import { loadMoneySettings } from './money-settings.js';

type OwnTask = Omit<RuleTask, 'rule_key'> & { notes: string };

export type MoneyTaskResult = TaskWriteResult;

/** Brings the stored tasks of `kinds` about `refs` in line with `planned`. */
async function applyOwn(
  db: Db,
  ctx: Pick<ServiceContext, 'clock'>,
  kinds: readonly string[],
  refs: readonly string[],
  planned: OwnTask[],
  closedBecause: string,
): Promise<MoneyTaskResult> {
  const stored: StoredTask[] = [];
  for (const ids of inBatches(refs)) {
    stored.push(
      ...(await db
        .selectFrom('tasks')
        .select([...STORED_TASK_COLUMNS])
        .where('rule_key', 'is', null)
        .where('trigger_kind', 'in', [...kinds])
        .where('trigger_ref', 'in', ids)
        .execute()),
    );
  }
  return writeRuleTasks(db, ctx, { planned: planned.map((p) => ({ ...p, rule_key: null })), stored, identity: 'trigger', closedBecause });
}

function invoiceRule(insurerName: string | null): 'INS-BUPA-01' | 'INS-AXA-01' | null {
  if (!insurerName) return null;
  if (/\bbupa\b/i.test(insurerName)) return 'INS-BUPA-01';
  if (/\baxa\b/i.test(insurerName)) return 'INS-AXA-01';
  return null;
}

/** Bupa and AXA Health pay nothing invoiced more than six months after treatment: one task per case, from its oldest unbilled session. */
export async function syncInvoiceDeadlineTasks(db: Db, ctx: Pick<ServiceContext, 'clock'>, caseIds: string[]): Promise<MoneyTaskResult> {
  if (caseIds.length === 0) return { created: 0, moved: 0, closed: 0 };
  const ruleCtx = ruleContextFactory(await loadRuleOverrides(db));
  const planned: OwnTask[] = [];
  for (const ids of inBatches(caseIds)) {
    const rows = await db
      .selectFrom('sessions')
      .innerJoin('authorisations', 'authorisations.id', 'sessions.authorisation_id')
      .innerJoin('cases', 'cases.id', 'sessions.case_id')
      .innerJoin('clients', 'clients.id', 'cases.client_id')
      .leftJoin('organisations', 'organisations.id', 'authorisations.insurer_org_id')
      .select([
        'sessions.case_id',
        'cases.client_id',
        'cases.clinician_id',
        'cases.jurisdiction',
        'clients.name as client_name',
        'organisations.name as insurer_name',
      ])
      .select((eb) => eb.fn.min('sessions.on_date').as('first_on'))
      .where('sessions.case_id', 'in', ids)
      .where('sessions.attendance', '=', 'attended')
      .where('sessions.billable', '=', 1)
      .where('sessions.kind', 'in', [...INSURED_KINDS])
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('invoice_lines')
              .innerJoin('invoices', 'invoices.id', 'invoice_lines.invoice_id')
              .select('invoice_lines.id')
              .whereRef('invoice_lines.session_id', '=', 'sessions.id')
              .where('invoices.status', '=', 'issued')
              .where('invoice_lines.kind', '=', 'session'),
          ),
        ),
      )
      .groupBy(['sessions.case_id', 'cases.client_id', 'cases.clinician_id', 'cases.jurisdiction', 'clients.name', 'organisations.name'])
      .execute();
    for (const r of rows) {
      const rule = invoiceRule(r.insurer_name);
      if (!rule) continue;
      const first = String(r.first_on) as LocalDate;
      const d = computeDeadline(rule, first, ruleCtx(r.jurisdiction as Jurisdiction));
      planned.push({
        title: `Invoice ${r.insurer_name} for ${r.client_name}'s treatment from ${uk(first)}`,
        kind: 'contractual',
        hardness: 'hard',
        due_on: d.due,
        rule_id: rule,
        trigger_kind: 'uninvoiced_treatment',
        trigger_on: first,
        trigger_ref: r.case_id,
        reason: `${d.reason} [${rule}; ${d.citation}]`,
        notes: '',
        client_id: r.client_id,
        case_id: r.case_id,
        assignee_id: r.clinician_id,
      });
    }
  }
  return applyOwn(db, ctx, ['uninvoiced_treatment'], caseIds, planned, 'the treatment has been invoiced.');
}

/** Joint statement and trial window dates of medico-legal instructions. */
export async function syncMedicoLegalTasks(db: Db, ctx: Pick<ServiceContext, 'clock'>, caseIds: string[]): Promise<MoneyTaskResult> {
  if (caseIds.length === 0) return { created: 0, moved: 0, closed: 0 };
  const planned: OwnTask[] = [];
  for (const ids of inBatches(caseIds)) {
    const rows = await db
      .selectFrom('medico_legal_instructions')
      .innerJoin('cases', 'cases.id', 'medico_legal_instructions.case_id')
      .innerJoin('clients', 'clients.id', 'cases.client_id')
      .leftJoin('organisations', 'organisations.id', 'medico_legal_instructions.solicitor_org_id')
      .selectAll('medico_legal_instructions')
      .select(['cases.client_id', 'cases.clinician_id', 'cases.status as case_status', 'clients.name as client_name', 'organisations.name as solicitor_name'])
      .where('medico_legal_instructions.case_id', 'in', ids)
      .execute();
    for (const m of rows) {
      if (['settled', 'closed'].includes(m.stage) || m.case_status === 'closed') continue;
      const subject = { client_id: m.client_id, case_id: m.case_id, assignee_id: m.clinician_id, rule_id: null, notes: '' };
      const firm = m.solicitor_name ?? 'the instructing solicitor';
      if (m.joint_statement_due_on && !m.joint_statement_on) {
        planned.push({
          ...subject,
          title: `Joint statement with the other expert due for ${m.client_name}`,
          kind: 'court',
          hardness: 'hard',
          due_on: m.joint_statement_due_on,
          trigger_kind: 'ml_joint_statement_due',
          trigger_on: m.joint_statement_due_on,
          trigger_ref: m.case_id,
          reason: `The court's directions (via ${firm}) set the joint statement date ${uk(m.joint_statement_due_on)}.`,
        });
      }
      if (m.trial_window_from) {
        const to = m.trial_window_to ? ` to ${uk(m.trial_window_to)}` : '';
        planned.push({
          ...subject,
          title: `Trial window opens for ${m.client_name}'s claim (${uk(m.trial_window_from)}${to}): keep the dates free`,
          kind: 'court',
          hardness: 'soft',
          due_on: m.trial_window_from,
          trigger_kind: 'ml_trial_window',
          trigger_on: m.trial_window_from,
          trigger_ref: m.case_id,
          reason: `${firm} gave the trial window ${uk(m.trial_window_from)}${to}; an expert may be called to give evidence.`,
        });
      }
    }
  }
  return applyOwn(db, ctx, ['ml_joint_statement_due', 'ml_trial_window'], caseIds, planned, 'the date has passed into the record, or the claim has settled.');
}

/**
 * The chase ladder: a task for each level an unpaid invoice has reached, with its letter
 * drafted in the notes. Paid, credited, written-off, void and deferred invoices are not chased.
 */
export async function syncChaseTasks(db: Db, ctx: Pick<ServiceContext, 'clock'>, scope?: { invoiceIds: string[] }): Promise<MoneyTaskResult> {
  const settings = await loadMoneySettings(db);
  const practice = await getPractice(db);
  const today = ctx.clock.today() as LocalDate;
  const base = () =>
    db
      .selectFrom('invoices')
      .innerJoin('clients', 'clients.id', 'invoices.client_id')
      .leftJoin('cases', 'cases.id', 'invoices.case_id')
      .leftJoin('medico_legal_instructions', 'medico_legal_instructions.case_id', 'invoices.case_id')
      .select([
        'invoices.id',
        'invoices.number',
        'invoices.issued_on',
        'invoices.due_on',
        'invoices.outstanding_pence',
        'invoices.total_pence',
        'invoices.payer_kind',
        'invoices.payer_name',
        'invoices.membership_number',
        'invoices.authorisation_code',
        'invoices.client_id',
        'invoices.case_id',
        'invoices.status',
        'invoices.deferred',
        'invoices.kind',
        'clients.name as client_name',
        'cases.clinician_id',
        'medico_legal_instructions.claim_reference',
      ]);
  const rows: Awaited<ReturnType<ReturnType<typeof base>['execute']>> = [];
  let refs: string[];
  if (scope) {
    for (const ids of inBatches(scope.invoiceIds)) rows.push(...(await base().where('invoices.id', 'in', ids).execute()));
    refs = scope.invoiceIds;
  } else {
    // Every invoice that owes, plus every invoice that still has an open chase task (to close it).
    rows.push(
      ...(await base()
        .where('invoices.status', '=', 'issued')
        .where('invoices.outstanding_pence', '>', 0)
        .where('invoices.deferred', '=', 0)
        .where('invoices.due_on', '<', today)
        .execute()),
    );
    const withTasks = (
      await db
        .selectFrom('tasks')
        .select('trigger_ref')
        .distinct()
        .where('status', '=', 'open')
        .where(
          'trigger_kind',
          'in',
          CHASE_LEVELS.map((l) => `chase_${l}`),
        )
        .execute()
    ).map((t) => t.trigger_ref!);
    const have = new Set(rows.map((r) => r.id));
    const missing = withTasks.filter((id) => !have.has(id));
    for (const ids of inBatches(missing)) rows.push(...(await base().where('invoices.id', 'in', ids).execute()));
    refs = rows.map((r) => r.id);
  }
  const planned: OwnTask[] = [];
  for (const r of rows) {
    if (r.status !== 'issued' || r.kind !== 'invoice' || Number(r.deferred) === 1 || !r.due_on || Number(r.outstanding_pence) <= 0) continue;
    const inv = {
      ...r,
      due_on: r.due_on,
      outstanding_pence: Number(r.outstanding_pence),
      total_pence: Number(r.total_pence),
      claim_reference: r.claim_reference ?? '',
    };
    const reached: ChaseLevel[] = levelsReached(inv, settings, today);
    for (const level of reached) {
      const draft = draftChaser(level, inv, practice, today);
      planned.push({
        title: `${CHASE_LABELS[level]}: chase ${r.payer_name} for ${r.number} (${formatPounds(inv.outstanding_pence)})`,
        kind: 'chaser',
        hardness: 'soft',
        due_on: today,
        rule_id: null,
        trigger_kind: `chase_${level}`,
        trigger_on: r.due_on,
        trigger_ref: r.id,
        reason: `Invoice ${r.number} was due on ${uk(r.due_on)}; the practice's chase ladder sends a ${CHASE_LABELS[level].toLowerCase()} ${settings[`chase_${level === 'reminder' ? 'reminder' : level}_days`]} days after the due date${/\baxa\b/i.test(r.payer_name) ? ', and AXA Health is not chased until 30 days after the invoice (INS-AXA-01)' : ''}.`,
        notes: `${draft.subject}\n\n${draft.body}`,
        client_id: r.client_id,
        case_id: r.case_id,
        assignee_id: null,
      });
    }
  }
  // A chase task already created keeps the day it was created as its due date.
  const stored = new Map<string, string>();
  for (const ids of inBatches(refs)) {
    for (const t of await db
      .selectFrom('tasks')
      .select(['trigger_kind', 'trigger_ref', 'due_on'])
      .where('rule_key', 'is', null)
      .where('trigger_ref', 'in', ids)
      .where('trigger_kind', 'like', 'chase_%')
      .execute()) {
      stored.set(`${t.trigger_kind}|${t.trigger_ref}`, t.due_on);
    }
  }
  for (const p of planned) p.due_on = stored.get(`${p.trigger_kind}|${p.trigger_ref}`) ?? p.due_on;
  return applyOwn(
    db,
    ctx,
    CHASE_LEVELS.map((l) => `chase_${l}`),
    refs,
    planned,
    'the invoice no longer owes anything (paid, credited, written off or void).',
  );
}
