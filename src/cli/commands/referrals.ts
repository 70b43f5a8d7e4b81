/**
 * `steve referrers` (source health and the sources themselves) and `steve referrals`
 * (intake, acknowledgement and outcomes): thin wrappers over services/referrals.
 */
import type { Command } from 'commander';
import { formatUkDate } from '../../domain/calendar/local-date.js';
import { formatPounds } from '../../domain/money/pence.js';
import { addReferral } from '../../services/referrals/add-referral.js';
import { getReferral, listReferrals } from '../../services/referrals/list-referrals.js';
import { acceptReferral, acknowledgeReferral, declineReferral, waitlistReferral } from '../../services/referrals/record-outcome.js';
import { referrerAnalytics } from '../../services/referrals/referrer-analytics.js';
import { addReferralSource } from '../../services/referrals/add-referral-source.js';
import { listReferralSources } from '../../services/referrals/list-referral-sources.js';
import { resolveSourceId } from '../../services/referrals/referral-source.js';
import { updateReferralSource } from '../../services/referrals/update-referral-source.js';
import { fields, table } from '../format.js';
import { globals, intOption, withContext, type CliRuntime } from '../runtime.js';

const pct = (x: number | null) => (x === null ? '' : `${Math.round(x * 100)}%`);

interface SourceOpts {
  name?: string;
  kind?: string;
  organisation?: string;
  contact?: string;
  consent?: string;
  ackDays?: number;
  reportBackDays?: number;
  expects?: string;
  notes?: string;
}

function sourceInput(o: SourceOpts) {
  return {
    ...(o.name !== undefined ? { name: o.name } : {}),
    ...(o.kind !== undefined ? { kind: o.kind } : {}),
    ...(o.organisation !== undefined ? { organisation_id: o.organisation } : {}),
    ...(o.contact !== undefined ? { contact_id: o.contact } : {}),
    ...(o.consent !== undefined ? { consent_party: o.consent === 'none' ? null : o.consent } : {}),
    ...(o.ackDays !== undefined ? { ack_working_days: o.ackDays } : {}),
    ...(o.reportBackDays !== undefined ? { report_back_working_days: o.reportBackDays } : {}),
    ...(o.expects !== undefined ? { expects: o.expects } : {}),
    ...(o.notes !== undefined ? { notes: o.notes } : {}),
  };
}

const sourceOptions = (cmd: Command) =>
  cmd
    .option('--organisation <id>', 'the organisation the source belongs to')
    .option('--contact <id>', 'the person at that organisation')
    .option('--consent <party>', 'whose consent report-backs rest on: gp, school, la, insurer, solicitor, self or none (default from the kind)')
    .option('--ack-days <n>', 'working days to acknowledge a referral (default 2)', intOption('ack-days'))
    .option('--report-back-days <n>', 'working days to report back after a milestone (default 10)', intOption('report-back-days'))
    .option('--expects <text>', 'what they expect back, and when')
    .option('--notes <text>', 'relationship notes');

export function registerReferrals(program: Command, rt: CliRuntime): void {
  const referrers = program
    .command('referrers')
    .description('referral sources: health per source (referrals, conversion, last referral, dormant); add, list or update sources')
    .option('--date <date>', 'as of this day (YYYY-MM-DD), default today')
    .option('--quarters <n>', 'quarters of activity to show (default 8)', intOption('quarters'))
    .action(async (opts: { date?: string; quarters?: number }, cmd: Command) => {
      const g = globals(cmd);
      const opened = await rt.open(g);
      try {
        const a = await referrerAnalytics(opened.ctx, { date: opts.date, quarters: opts.quarters });
        if (g.json) {
          rt.out(JSON.stringify(a.referrers, null, 2));
          return;
        }
        const rows = a.referrers.map((r) => ({
          ...r,
          conversion_pct: pct(r.conversion),
          on_time: pct(r.report_backs_on_time),
          ack: r.median_days_to_acknowledge === null ? '' : `${r.median_days_to_acknowledge} wd`,
          revenue: r.revenue_pence === null ? '' : formatPounds(r.revenue_pence),
          this_quarter: r.per_quarter.at(-1)?.referrals ?? 0,
          dormant_flag: r.dormant ? `DORMANT (${r.silence_days} days)` : '',
        }));
        const dormant = a.referrers.filter((r) => r.dormant);
        rt.out(
          [
            `Referrers as of ${formatUkDate(a.date)}`,
            table(rows, [
              ['name', 'Source'],
              ['kind_label', 'Kind'],
              ['referrals', 'Referrals'],
              ['this_quarter', 'This qtr'],
              ['conversion_pct', 'Accepted'],
              ['last_referral', 'Last referral'],
              ['ack', 'Ack (median)'],
              ['on_time', 'Report-backs on time'],
              ['revenue', 'Revenue'],
              ['dormant_flag', ''],
            ]),
            a.revenue_available ? '' : '\nRevenue: no invoices are recorded in this database yet.',
            dormant.length ? `\nWorth a call: ${dormant.map((d) => `${d.name} (last referral ${formatUkDate(d.last_referral!)})`).join('; ')}.` : '',
          ]
            .filter(Boolean)
            .join('\n'),
        );
      } finally {
        await opened.close();
      }
    });

  sourceOptions(
    referrers
      .command('add')
      .description('add a referral source')
      .requiredOption('--name <name>')
      .requiredOption('--kind <kind>', 'gp, paediatrician, school, case_manager, solicitor, insurer, cmht, employer, local_authority, self_parent or other'),
  ).action(async (opts: SourceOpts, cmd: Command) =>
    withContext(
      rt,
      cmd,
      (ctx) => addReferralSource(ctx, sourceInput(opts) as Parameters<typeof addReferralSource>[1]),
      (s) => `Added referral source ${s.name} (${s.kind_label}), id ${s.id}.`,
    ),
  );

  referrers
    .command('list')
    .description('the referral sources and what each expects back')
    .action(async (_o: unknown, cmd: Command) =>
      withContext(
        rt,
        cmd,
        (ctx) => listReferralSources(ctx),
        (rows) =>
          table(rows, [
            ['name', 'Source'],
            ['kind_label', 'Kind'],
            ['consent_party', 'Consent'],
            ['ack_working_days', 'Ack (wd)'],
            ['report_back_working_days', 'Report back (wd)'],
            ['expects', 'Expects'],
            ['id', 'ID'],
          ]),
      ),
    );

  sourceOptions(
    referrers.command('update <source>').description('change a referral source (by id or exact name)').option('--name <name>').option('--kind <kind>'),
  ).action(async (source: string, opts: SourceOpts, cmd: Command) =>
    withContext(
      rt,
      cmd,
      async (ctx) => updateReferralSource(ctx, await resolveSourceId(ctx.db, source), sourceInput(opts) as Parameters<typeof updateReferralSource>[2]),
      (s) => `Updated ${s.name}.`,
    ),
  );

  const referrals = program.command('referrals').description('referrals: intake, acknowledgement and outcome');

  referrals
    .command('add')
    .description('record a referral; Steve sets the acknowledgement task')
    .requiredOption('--source <source>', 'referral source id or exact name')
    .requiredOption('--received <date>', 'day the referral arrived, YYYY-MM-DD')
    .requiredOption('--service <line>', 'paediatric, adult_neuro, mental_health, workplace, housing, medico_legal or other')
    .option('--client <id>', 'an existing client')
    .option('--name <name>', 'a client by name (matched by name and date of birth, or added)')
    .option('--dob <date>', 'the client’s date of birth, YYYY-MM-DD')
    .option('--detail <text>', 'the service asked for, in the referrer’s words')
    .option('--urgency <urgency>', 'routine, soon or urgent')
    .option('--funding <kind>', 'self_pay, insurer, solicitor, local_authority, employer, case_manager, nhs or other')
    .option('--funder <id>', 'the funding organisation')
    .option('--reason <text>', 'reason for referral')
    .action(
      async (
        o: {
          source: string;
          received: string;
          service: string;
          client?: string;
          name?: string;
          dob?: string;
          detail?: string;
          urgency?: string;
          funding?: string;
          funder?: string;
          reason?: string;
        },
        cmd: Command,
      ) =>
        withContext(
          rt,
          cmd,
          async (ctx) =>
            addReferral(ctx, {
              source_id: await resolveSourceId(ctx.db, o.source),
              received_on: o.received,
              service_line: o.service as never,
              ...(o.client ? { client_id: o.client } : {}),
              ...(o.name || o.dob ? { client: { name: o.name ?? '', dob: o.dob ?? '' } } : {}),
              ...(o.detail ? { service_detail: o.detail } : {}),
              ...(o.urgency ? { urgency: o.urgency as never } : {}),
              ...(o.funding ? { funding: o.funding as never } : {}),
              ...(o.funder ? { funder_org_id: o.funder } : {}),
              ...(o.reason ? { reason: o.reason } : {}),
            }),
          (r) =>
            `Recorded referral ${r.id}: ${r.source_name} → ${r.client_name}, received ${formatUkDate(r.received_on)}. Acknowledge by ${formatUkDate(r.ack_due_on)}.`,
        ),
    );

  referrals
    .command('list')
    .description('referrals, newest first')
    .option('--status <status>', 'pending, waitlisted, accepted or declined')
    .option('--source <source>', 'one source (id or exact name)')
    .option('--client <id>')
    .option('--from <date>')
    .option('--to <date>')
    .option('--limit <n>', 'at most this many', intOption('limit'))
    .action(async (o: { status?: string; source?: string; client?: string; from?: string; to?: string; limit?: number }, cmd: Command) =>
      withContext(
        rt,
        cmd,
        async (ctx) =>
          listReferrals(ctx, {
            ...(o.status ? { status: o.status as never } : {}),
            ...(o.source ? { source_id: await resolveSourceId(ctx.db, o.source) } : {}),
            ...(o.client ? { client_id: o.client } : {}),
            ...(o.from ? { from: o.from } : {}),
            ...(o.to ? { to: o.to } : {}),
            ...(o.limit ? { limit: o.limit } : {}),
          }),
        (rows) =>
          table(rows, [
            ['received_on', 'Received'],
            ['source_name', 'Source'],
            ['client_name', 'Client'],
            ['service_line', 'Service'],
            ['urgency', 'Urgency'],
            ['status', 'Status'],
            ['ack_due_on', 'Ack due'],
            ['acknowledged_on', 'Acknowledged'],
            ['id', 'ID'],
          ]),
      ),
    );

  referrals
    .command('show <id>')
    .description('one referral with its acknowledgement, decline-letter and report-back tasks')
    .action(async (id: string, _o: unknown, cmd: Command) =>
      withContext(
        rt,
        cmd,
        (ctx) => getReferral(ctx, id),
        (r) =>
          [
            fields(r, [
              ['source_name', 'Source'],
              ['client_name', 'Client'],
              ['received_on', 'Received'],
              ['service_line', 'Service'],
              ['service_detail', 'Asked for'],
              ['urgency', 'Urgency'],
              ['funding', 'Funding'],
              ['status', 'Status'],
              ['outcome_on', 'Outcome on'],
              ['decline_reason', 'Declined because'],
              ['case_id', 'Case'],
              ['ack_due_on', 'Acknowledge by'],
              ['acknowledged_on', 'Acknowledged'],
              ['id', 'ID'],
            ]),
            '',
            'Tasks',
            table(r.tasks, [
              ['due_on', 'Due'],
              ['title', 'Task'],
              ['status', 'Status'],
              ['rule_id', 'Rule'],
            ]),
          ].join('\n'),
      ),
    );

  referrals
    .command('acknowledge <id>')
    .description('record that the referral was acknowledged (completes the acknowledgement task)')
    .option('--on <date>', 'default today')
    .action(async (id: string, o: { on?: string }, cmd: Command) =>
      withContext(
        rt,
        cmd,
        (ctx) => acknowledgeReferral(ctx, id, o.on ? { on: o.on } : {}),
        (r) => `Acknowledged on ${formatUkDate(r.acknowledged_on!)}.`,
      ),
    );

  referrals
    .command('accept <id>')
    .description('accept the referral and open its case')
    .option('--on <date>', 'default today')
    .option('--clinician <userId>', 'the case’s clinician')
    .option('--title <text>', 'the case title')
    .action(async (id: string, o: { on?: string; clinician?: string; title?: string }, cmd: Command) =>
      withContext(
        rt,
        cmd,
        (ctx) =>
          acceptReferral(ctx, id, {
            ...(o.on ? { on: o.on } : {}),
            ...(o.clinician ? { clinician_id: o.clinician } : {}),
            ...(o.title ? { title: o.title } : {}),
          }),
        (r) => `Accepted: opened case ${r.case.id} for ${r.client_name}.`,
      ),
    );

  referrals
    .command('waitlist <id>')
    .description('put the referral on the waiting list')
    .option('--on <date>', 'default today')
    .option('--note <text>')
    .action(async (id: string, o: { on?: string; note?: string }, cmd: Command) =>
      withContext(
        rt,
        cmd,
        (ctx) => waitlistReferral(ctx, id, { ...(o.on ? { on: o.on } : {}), ...(o.note ? { note: o.note } : {}) }),
        (r) => `Waitlisted ${r.client_name}'s referral.`,
      ),
    );

  referrals
    .command('decline <id>')
    .description('decline the referral with a reason; Steve sets the decline-letter task')
    .requiredOption('--reason <text>')
    .option('--on <date>', 'default today')
    .action(async (id: string, o: { on?: string; reason: string }, cmd: Command) =>
      withContext(
        rt,
        cmd,
        (ctx) => declineReferral(ctx, id, { reason: o.reason, ...(o.on ? { on: o.on } : {}) }),
        (r) => `Declined. Send the decline letter to ${r.source_name} (task due ${formatUkDate(r.tasks.find((t) => t.rule_id === 'REF-DECLINE')!.due_on)}).`,
      ),
    );
}
