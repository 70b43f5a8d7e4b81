/**
 * Money at the command line: authorisations, sessions, medico-legal instructions,
 * invoices, payments, aged debt and chasers. Amounts are typed in pounds (85.00) and held
 * as pence; --json prints pence.
 */
import type { Command } from 'commander';
import type { InvoiceDetail } from '../../contract/money.js';
import { formatUkDate } from '../../domain/calendar/local-date.js';
import { invalid } from '../../domain/errors.js';
import { BUCKET_LABELS, BUCKETS } from '../../domain/money/aged-debt.js';
import { formatPounds, parsePounds, parseQuantity } from '../../domain/money/pence.js';
import { ATTENDANCE, ML_STAGES, SESSION_KINDS } from '../../domain/vocabulary.js';
import { agedDebt } from '../../services/billing/aged-debt.js';
import { runChasers } from '../../services/billing/chasers.js';
import { createInvoice } from '../../services/billing/create-invoice.js';
import { getInvoice } from '../../services/billing/get-invoice.js';
import { issueCreditNote } from '../../services/billing/issue-credit-note.js';
import { listInvoices } from '../../services/billing/list-invoices.js';
import { voidInvoice } from '../../services/billing/void-invoice.js';
import { writeOffInvoice } from '../../services/billing/write-off-invoice.js';
import { getMoneySettings, updateMoneySettings } from '../../services/billing/money-settings.js';
import { applyCredit } from '../../services/billing/apply-credit.js';
import { listPayments } from '../../services/billing/list-payments.js';
import { recordPayment } from '../../services/billing/record-payment.js';
import { exportXero } from '../../services/billing/xero-export.js';
import { listMedicoLegal } from '../../services/medico-legal/list-medico-legal.js';
import { moveMedicoLegalStage } from '../../services/medico-legal/move-medico-legal-stage.js';
import { listAuthorisations } from '../../services/sessions/authorisations.js';
import { addSession } from '../../services/sessions/add-session.js';
import { listSessions } from '../../services/sessions/list-sessions.js';
import { fields, table } from '../format.js';
import { globals, intOption, withContext, type CliRuntime } from '../runtime.js';

const collect = (v: string, prev: string[] = []) => [...prev, v];
const money = (p: unknown) => (typeof p === 'number' ? formatPounds(p) : '');
const pounds = (name: string) => (v: string) => parsePounds(v, name);

function invoiceText(i: InvoiceDetail): string {
  const head = fields(
    {
      ...i,
      total: money(i.total_pence),
      paid: money(i.paid_pence),
      outstanding: money(i.outstanding_pence),
      client_dob: i.client_dob ? formatUkDate(String(i.client_dob)) : '',
    },
    [
      ['number', 'Invoice'],
      ['state', 'State'],
      ['payer_name', 'Bill to'],
      ['client_name', 'Client'],
      ['client_dob', 'Date of birth'],
      ['membership_number', 'Membership no.'],
      ['authorisation_code', 'Authorisation'],
      ['issued_on', 'Date'],
      ['due_on', 'Due'],
      ['treatment_from', 'Treatment from'],
      ['treatment_to', 'Treatment to'],
      ['total', 'Total'],
      ['paid', 'Paid'],
      ['outstanding', 'Outstanding'],
      ['override_reason', 'Override'],
      ['notes', 'Notes'],
    ],
  );
  const lines = table(
    i.lines.map((l) => ({ ...l, amount: money(l.amount_pence) })),
    [
      ['on_date', 'Date'],
      ['description', 'Description'],
      ['amount', 'Amount'],
    ],
  );
  const pays = i.payments.length
    ? `\n\nPayments\n${table(
        i.payments.map((p) => ({ ...p, amount: money(p.amount_pence) })),
        [
          ['allocated_on', 'Date'],
          ['reference', 'Reference'],
          ['amount', 'Amount'],
        ],
      )}`
    : '';
  return `${head}\n\n${lines}${pays}`;
}

export function registerMoney(program: Command, rt: CliRuntime): void {
  program
    .command('authorisations')
    .description('insurer authorisations: sessions authorised, used and left, validity and warnings')
    .option('--case <id>')
    .option('--client <id>')
    .option('--all', 'include ended authorisations of closed work')
    .option('--warnings', 'only those with a warning')
    .action(async (o: { case?: string; client?: string; all?: boolean; warnings?: boolean }, cmd: Command) =>
      withContext(
        rt,
        cmd,
        (ctx) => listAuthorisations(ctx, { case_id: o.case, client_id: o.client, include_ended: o.all, warnings_only: o.warnings }),
        (r) =>
          table(
            r.authorisations.map((a) => ({ ...a, used: `${a.sessions_used}/${a.sessions_authorised}`, warning: a.warnings.join(' ') })),
            [
              ['client_name', 'Client'],
              ['insurer_name', 'Insurer'],
              ['authorisation_code', 'Code'],
              ['used', 'Used'],
              ['sessions_left', 'Left'],
              ['valid_until', 'Valid until'],
              ['warning', 'Warning'],
            ],
          ),
      ),
    );

  const sessions = program.command('sessions').description('delivered sessions');
  sessions
    .command('add')
    .description('record a session; one outside an insurer authorisation needs --override')
    .requiredOption('--case <id>')
    .requiredOption('--date <date>', 'YYYY-MM-DD')
    .requiredOption('--minutes <n>', 'duration', intOption('minutes'))
    .requiredOption('--kind <kind>', SESSION_KINDS.join(', '))
    .option('--attendance <a>', ATTENDANCE.join(', '))
    .option('--start <hh:mm>')
    .option('--authorisation <id>')
    .option('--fee <pounds>', 'agreed fee instead of the hourly rate', pounds('fee'))
    .option('--miles <n>', 'mileage for the visit, e.g. 12.3', (v: string) => parseQuantity(v, 'miles'))
    .option('--not-billable')
    .option('--override <reason>', 'record the session although it is outside the authorisation (kept in the audit trail)')
    .option('--notes <text>')
    .action(async (o: Record<string, string | number | boolean | undefined>, cmd: Command) =>
      withContext(
        rt,
        cmd,
        (ctx) =>
          addSession(ctx, {
            case_id: o.case as string,
            on_date: o.date as string,
            duration_minutes: o.minutes as number,
            kind: o.kind as never,
            attendance: o.attendance as never,
            start_time: o.start as string | undefined,
            authorisation_id: o.authorisation as string | undefined,
            fee_pence: o.fee as number | undefined,
            miles_hundredths: o.miles as number | undefined,
            billable: o.notBillable ? false : undefined,
            override_reason: o.override as string | undefined,
            notes: o.notes as string | undefined,
          }),
        (s) =>
          `Recorded ${s.kind.replace(/_/g, ' ')} on ${formatUkDate(s.on_date)} for ${s.client_name}${s.authorisation_code ? ` (authorisation ${s.authorisation_code})` : ''}${s.override_reason ? ' under a recorded override' : ''}. ID ${s.id}`,
      ),
    );
  sessions
    .command('list')
    .option('--case <id>')
    .option('--client <id>')
    .option('--uninvoiced', 'only billable sessions not yet invoiced')
    .action(async (o: { case?: string; client?: string; uninvoiced?: boolean }, cmd: Command) =>
      withContext(
        rt,
        cmd,
        (ctx) => listSessions(ctx, { case_id: o.case, client_id: o.client, uninvoiced: o.uninvoiced }),
        (r) =>
          table(r.sessions, [
            ['on_date', 'Date'],
            ['kind', 'Kind'],
            ['duration_minutes', 'Min'],
            ['attendance', 'Attendance'],
            ['billable', 'Billable'],
            ['authorisation_code', 'Authorisation'],
            ['invoice_number', 'Invoice'],
            ['id', 'ID'],
          ]),
      ),
    );

  const ml = program.command('ml').description('medico-legal instructions');
  ml.command('list')
    .option('--stage <stage>', ML_STAGES.join(', '))
    .option('--all', 'include settled and closed')
    .action(async (o: { stage?: string; all?: boolean }, cmd: Command) =>
      withContext(
        rt,
        cmd,
        (ctx) => listMedicoLegal(ctx, { stage: o.stage as never, include_closed: o.all }),
        (r) =>
          table(r.instructions, [
            ['client_name', 'Client'],
            ['solicitor_name', 'Solicitor'],
            ['instructed_by', 'For'],
            ['claim_reference', 'Claim ref'],
            ['stage_label', 'Stage'],
            ['report_due_on', 'Report due'],
            ['next_court_date', 'Next court date'],
            ['case_id', 'Case'],
          ]),
      ),
    );
  ml.command('stage <caseId> <stage>')
    .description(`move an instruction on: ${ML_STAGES.join(' → ')}`)
    .option('--on <date>', 'when it happened (trial window: first day), default today')
    .option('--to <date>', 'last day of the trial window')
    .option('--joint-due <date>', 'joint statement due date')
    .option('--report-due <date>')
    .action(async (caseId: string, stage: string, o: { on?: string; to?: string; jointDue?: string; reportDue?: string }, cmd: Command) =>
      withContext(
        rt,
        cmd,
        (ctx) =>
          moveMedicoLegalStage(ctx, caseId, {
            stage: stage as never,
            on: o.on,
            trial_window_to: o.to,
            joint_statement_due_on: o.jointDue,
            report_due_on: o.reportDue,
          }),
        (m) => `${m.client_name}: ${m.stage_label}.`,
      ),
    );

  const invoices = program.command('invoices').description('invoices and credit notes');
  invoices
    .command('list')
    .option('--status <s>', 'outstanding, overdue, paid, deferred, void or all')
    .option('--client <id>')
    .option('--case <id>')
    .option('--payer <orgId>')
    .option('--limit <n>', 'how many', intOption('limit'))
    .action(async (o: { status?: string; client?: string; case?: string; payer?: string; limit?: number }, cmd: Command) =>
      withContext(
        rt,
        cmd,
        (ctx) => listInvoices(ctx, { status: o.status as never, client_id: o.client, case_id: o.case, payer_org_id: o.payer, limit: o.limit }),
        (r) =>
          table(
            r.invoices.map((i) => ({ ...i, total: money(i.total_pence), owed: money(i.outstanding_pence) })),
            [
              ['number', 'Invoice'],
              ['issued_on', 'Date'],
              ['payer_name', 'Bill to'],
              ['client_name', 'Client'],
              ['total', 'Total'],
              ['owed', 'Outstanding'],
              ['due_on', 'Due'],
              ['state', 'State'],
            ],
          ),
      ),
    );
  invoices.command('show <invoice>').action(async (ref: string, _o: unknown, cmd: Command) =>
    withContext(
      rt,
      cmd,
      (ctx) => getInvoice(ctx, ref),
      (i) => invoiceText(i),
    ),
  );
  invoices
    .command('create')
    .description("invoice a case's unbilled sessions (insurer cases also make the client's share invoice)")
    .requiredOption('--case <id>')
    .option('--bill-to <who>', 'funder (default) or client')
    .option('--session <id>', 'only these sessions (repeatable)', collect)
    .option('--authorisation <id>')
    .option('--from <date>')
    .option('--to <date>')
    .option('--no-sessions', 'no session lines, only --fixed lines')
    .option('--fixed <"description=pounds">', 'a fixed-fee line (repeatable)', collect)
    .option('--number <number>', 'use this number instead of the next one')
    .option('--date <date>', 'invoice date, default today')
    .option('--deferred', 'hold until settlement')
    .option('--override <reason>', 'bill an insurer for sessions outside the authorisation (recorded on the invoice)')
    .option('--notes <text>')
    .action(async (o: Record<string, string | string[] | boolean | undefined>, cmd: Command) => {
      const fixed = ((o.fixed as string[] | undefined) ?? []).map((f) => {
        const at = f.lastIndexOf('=');
        if (at < 1) throw invalid(`--fixed must be "description=amount", not "${f}".`, 'fixed');
        return { kind: 'fixed_fee' as const, description: f.slice(0, at).trim(), amount_pence: parsePounds(f.slice(at + 1), 'fixed fee') };
      });
      await withContext(
        rt,
        cmd,
        (ctx) =>
          createInvoice(ctx, {
            case_id: o.case as string,
            bill_to: o.billTo as never,
            session_ids: o.session as string[] | undefined,
            authorisation_id: o.authorisation as string | undefined,
            from: o.from as string | undefined,
            to: o.to as string | undefined,
            include_sessions: o.sessions === false ? false : undefined,
            extra_lines: fixed.length ? fixed : undefined,
            number: o.number as string | undefined,
            issued_on: o.date as string | undefined,
            deferred: o.deferred ? true : undefined,
            override_reason: o.override as string | undefined,
            notes: o.notes as string | undefined,
          }),
        (r) =>
          [
            invoiceText(r.invoice),
            ...(r.client_share ? ['', `Client's share: ${r.client_share.number} to ${r.client_share.payer_name}, ${money(r.client_share.total_pence)}`] : []),
          ].join('\n'),
      );
    });
  invoices
    .command('void <invoice>')
    .requiredOption('--reason <text>')
    .action(async (ref: string, o: { reason: string }, cmd: Command) =>
      withContext(
        rt,
        cmd,
        (ctx) => voidInvoice(ctx, ref, { reason: o.reason }),
        (i) => `${i.number} is void; its number will not be used again.`,
      ),
    );
  invoices
    .command('credit <invoice>')
    .description('issue a credit note')
    .requiredOption('--amount <pounds>', 'amount', pounds('amount'))
    .requiredOption('--reason <text>')
    .action(async (ref: string, o: { amount: number; reason: string }, cmd: Command) =>
      withContext(
        rt,
        cmd,
        (ctx) => issueCreditNote(ctx, ref, { amount_pence: o.amount, reason: o.reason }),
        (i) => `Credit note ${i.number} for ${money(i.total_pence)}.`,
      ),
    );
  invoices
    .command('write-off <invoice>')
    .option('--amount <pounds>', 'default: all that is owed', pounds('amount'))
    .requiredOption('--reason <text>')
    .action(async (ref: string, o: { amount?: number; reason: string }, cmd: Command) =>
      withContext(
        rt,
        cmd,
        (ctx) => writeOffInvoice(ctx, ref, { amount_pence: o.amount, reason: o.reason }),
        (i) => `${i.number}: ${money(i.written_off_pence)} written off; ${money(i.outstanding_pence)} outstanding.`,
      ),
    );
  invoices
    .command('export')
    .description('Xero CSV for the accountant')
    .requiredOption('--format <format>', 'xero')
    .option('--what <what>', 'invoices (default) or payments')
    .option('--from <date>')
    .option('--to <date>')
    .option('--out <file>')
    .action(async (o: { format: string; what?: string; from?: string; to?: string; out?: string }, cmd: Command) => {
      if (o.format !== 'xero') throw invalid('--format must be xero.', 'format');
      const opened = await rt.open(globals(cmd));
      try {
        const out = await exportXero(opened.ctx, { what: o.what as never, from: o.from, to: o.to });
        if (o.out) {
          await rt.files.write(o.out, out);
          rt.out(`Wrote ${out.trim().split('\r\n').length - 1} rows to ${o.out}.`);
        } else rt.out(out.trimEnd());
      } finally {
        await opened.close();
      }
    });

  const payments = program.command('payments').description('payments and remittances');
  payments
    .command('record')
    .description('record a payment; --invoice NUMBER=POUNDS (repeatable) spreads a remittance, none pays the oldest first')
    .requiredOption('--amount <pounds>', 'amount received', pounds('amount'))
    .option('--payer <orgId>')
    .option('--client <id>', 'a client paying privately')
    .option('--invoice <number=pounds>', 'allocation (repeatable)', collect)
    .option('--date <date>', 'received on, default today')
    .option('--ref <text>', 'remittance reference')
    .option('--method <m>', 'bacs, card, cheque, cash, other')
    .option('--keep-credit', 'keep anything above what is owed as the payer’s credit')
    .action(
      async (
        o: { amount: number; payer?: string; client?: string; invoice?: string[]; date?: string; ref?: string; method?: string; keepCredit?: boolean },
        cmd: Command,
      ) => {
        const allocations = (o.invoice ?? []).map((s) => {
          const at = s.indexOf('=');
          if (at < 1) throw invalid(`--invoice must be NUMBER=AMOUNT, not "${s}".`, 'invoice');
          return { invoice: s.slice(0, at).trim(), amount_pence: parsePounds(s.slice(at + 1), 'amount') };
        });
        await withContext(
          rt,
          cmd,
          (ctx) =>
            recordPayment(ctx, {
              amount_pence: o.amount,
              payer_org_id: o.payer,
              client_id: o.client,
              allocations: allocations.length ? allocations : undefined,
              received_on: o.date,
              reference: o.ref,
              method: o.method as never,
              keep_credit: o.keepCredit,
            }),
          (p) =>
            [
              `Recorded ${money(p.amount_pence)} from ${p.payer_name}.`,
              table(
                p.allocations.map((a) => ({ ...a, amount: money(a.amount_pence), left: money(a.outstanding_pence) })),
                [
                  ['number', 'Invoice'],
                  ['client_name', 'Client'],
                  ['amount', 'Paid'],
                  ['left', 'Still owed'],
                ],
              ),
              ...(p.unallocated_pence ? [`Credit kept for ${p.payer_name}: ${money(p.unallocated_pence)} (payment ${p.id}).`] : []),
            ].join('\n'),
        );
      },
    );
  payments
    .command('list')
    .option('--payer <orgId>')
    .option('--client <id>')
    .option('--credit', 'only payments with credit left')
    .action(async (o: { payer?: string; client?: string; credit?: boolean }, cmd: Command) =>
      withContext(
        rt,
        cmd,
        (ctx) => listPayments(ctx, { payer_org_id: o.payer, client_id: o.client, with_credit: o.credit }),
        (r) =>
          table(
            r.payments.map((p) => ({ ...p, amount: money(p.amount_pence), credit: p.unallocated_pence ? money(p.unallocated_pence) : '' })),
            [
              ['received_on', 'Date'],
              ['payer_name', 'From'],
              ['reference', 'Reference'],
              ['amount', 'Amount'],
              ['credit', 'Credit'],
              ['id', 'ID'],
            ],
          ),
      ),
    );
  payments
    .command('apply-credit <paymentId>')
    .requiredOption('--invoice <number>')
    .option('--amount <pounds>', 'default: as much as fits', pounds('amount'))
    .action(async (id: string, o: { invoice: string; amount?: number }, cmd: Command) =>
      withContext(
        rt,
        cmd,
        (ctx) => applyCredit(ctx, id, { invoice: o.invoice, amount_pence: o.amount }),
        (p) => `Credit left on payment: ${money(p.unallocated_pence)}.`,
      ),
    );

  program
    .command('debt')
    .description('aged debt per payer (current, 1–30, 31–60, 61–90, 90+ days past due), by client, deferred fees and credits')
    .option('--as-of <date>')
    .option('--clients <n>', 'how many clients to list', intOption('clients'))
    .action(async (o: { asOf?: string; clients?: number }, cmd: Command) =>
      withContext(
        rt,
        cmd,
        (ctx) => agedDebt(ctx, { as_of: o.asOf, clients_limit: o.clients }),
        (d) => {
          const cols: [string, string][] = [['payer_name', 'Payer'], ...BUCKETS.map((b): [string, string] => [b, BUCKET_LABELS[b]]), ['total', 'Total']];
          const fmt = (r: Record<string, unknown>) =>
            Object.fromEntries(Object.entries(r).map(([k, v]) => [k, (BUCKETS as readonly string[]).includes(k) || k === 'total' ? money(v) : v]));
          return [
            `Aged debt at ${formatUkDate(d.as_of)} (days past due)`,
            table(
              [...d.payers.map((p) => fmt({ ...p })), fmt({ payer_name: 'Total', ...Object.fromEntries(BUCKETS.map((b) => [b, d[b]])), total: d.total })],
              cols,
            ),
            '',
            `Debtor days: ${d.debtor_days}. Held until settlement: ${money(d.deferred.total)} (${d.deferred.invoices} invoices). Credits held: ${money(d.credits.total)}.`,
            '',
            'Owed by client',
            table(
              d.by_client.map((c) => ({ ...c, total: money(c.total) })),
              [
                ['client_name', 'Client'],
                ['total', 'Owed'],
                ['oldest_due_on', 'Oldest due'],
              ],
            ),
          ].join('\n');
        },
      ),
    );

  program
    .command('chasers')
    .description('bring the chase ladder up to date and list the chasers to send, with their letters (--json)')
    .action(async (_o: unknown, cmd: Command) =>
      withContext(
        rt,
        cmd,
        (ctx) => runChasers(ctx),
        (r) =>
          [
            `Chase tasks: ${r.created} created, ${r.closed} closed.`,
            table(
              r.chasers.map((c) => ({ ...c, owed: money(c.outstanding_pence) })),
              [
                ['level', 'Level'],
                ['invoice_number', 'Invoice'],
                ['payer_name', 'Payer'],
                ['owed', 'Owed'],
                ['task_id', 'Task'],
              ],
            ),
          ].join('\n'),
      ),
    );

  program
    .command('money-settings')
    .description('rates, mileage, payment terms, authorisation warning days and the chase ladder')
    .option('--set <name=value>', 'e.g. hourly_rate_pence=9500, terms_days:insurer=30, chase_firm_days=21 (repeatable)', collect)
    .action(async (o: { set?: string[] }, cmd: Command) =>
      withContext(
        rt,
        cmd,
        async (ctx) => {
          if (!o.set?.length) return getMoneySettings(ctx);
          const input: Record<string, unknown> = {};
          for (const s of o.set) {
            const [k, v] = s.split('=');
            if (!k || v === undefined || !/^\d+$/.test(v.trim())) throw invalid(`--set must be name=whole-number, not "${s}".`, 'set');
            const n = Number(v);
            if (k.startsWith('terms_days:org:')) ((input.org_terms_days ??= {}) as Record<string, number>)[k.slice(15)] = n;
            else if (k.startsWith('terms_days:')) ((input.terms_days ??= {}) as Record<string, number>)[k.slice(11)] = n;
            else input[k] = n;
          }
          return updateMoneySettings(ctx, input as never);
        },
        (s) => JSON.stringify(s, null, 2),
      ),
    );
}
