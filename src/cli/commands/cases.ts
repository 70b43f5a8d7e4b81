import type { Command } from 'commander';
import { FUNDER_KINDS, JURISDICTIONS, SERVICE_LINES } from '../../domain/vocabulary.js';
import { getCase } from '../../services/cases/get-case.js';
import { listCases } from '../../services/cases/list-cases.js';
import { openCase } from '../../services/cases/open-case.js';
import { fields, table } from '../format.js';
import { withContext, type CliRuntime } from '../runtime.js';

export function registerCases(program: Command, rt: CliRuntime): void {
  const cases = program.command('cases').description('episodes of work for a client');

  cases
    .command('list')
    .description('list cases, newest first')
    .option('--client <id>', 'only this client')
    .option('--status <status>', 'referred, open, on_hold, discharged or closed')
    .option('--service-line <line>', SERVICE_LINES.join(', '))
    .action(async (opts: { client?: string; status?: string; serviceLine?: string }, cmd: Command) =>
      withContext(
        rt,
        cmd,
        (ctx) => listCases(ctx, { client_id: opts.client, status: opts.status as never, service_line: opts.serviceLine as never }),
        (rows) =>
          table(rows, [
            ['client_name', 'Client'],
            ['service_line', 'Service'],
            ['status', 'Status'],
            ['opened_on', 'Opened'],
            ['clinician_name', 'Clinician'],
            ['details', 'Details'],
            ['id', 'ID'],
          ]),
      ),
    );

  cases
    .command('show <id>')
    .description('one case with its detail records')
    .action(async (id: string, _opts: unknown, cmd: Command) =>
      withContext(
        rt,
        cmd,
        (ctx) => getCase(ctx, id),
        (c) => {
          const lines = [
            fields(c, [
              ['client_name', 'Client'],
              ['title', 'Title'],
              ['service_line', 'Service line'],
              ['status', 'Status'],
              ['jurisdiction', 'Jurisdiction'],
              ['funder_kind', 'Funder'],
              ['clinician_name', 'Clinician'],
              ['opened_on', 'Opened'],
              ['closed_on', 'Closed'],
              ['id', 'ID'],
            ]),
          ];
          if (c.ehcp)
            lines.push(
              '',
              'EHCP plan',
              fields(c.ehcp, [
                ['la_reference', 'LA reference'],
                ['year_group', 'Year group'],
                ['plan_issued_on', 'Plan issued'],
                ['last_review_on', 'Last review'],
                ['next_review_meeting_on', 'Next review meeting'],
                ['advice_requested_on', 'Advice requested'],
              ]),
            );
          for (const a of c.authorisations)
            lines.push(
              '',
              'Authorisation',
              fields(a, [
                ['authorisation_code', 'Code'],
                ['membership_number', 'Membership no.'],
                ['sessions_authorised', 'Sessions authorised'],
                ['valid_from', 'Valid from'],
                ['valid_until', 'Valid until'],
              ]),
            );
          if (c.medico_legal)
            lines.push(
              '',
              'Medico-legal instruction',
              fields(c.medico_legal, [
                ['instructed_by', 'Instructed by'],
                ['claim_reference', 'Claim ref'],
                ['court_claim_number', 'Court claim no.'],
                ['accident_date', 'Accident'],
                ['report_type', 'Report'],
                ['stage', 'Stage'],
                ['report_due_on', 'Report due'],
              ]),
            );
          if (c.housing)
            lines.push(
              '',
              'Housing adaptation',
              fields(c.housing, [
                ['adaptation', 'Adaptation'],
                ['stage', 'Stage'],
                ['dfg_application_on', 'DFG applied'],
                ['dfg_approved_on', 'DFG approved'],
              ]),
            );
          if (c.workplace)
            lines.push(
              '',
              'Workplace assessment',
              fields(c.workplace, [
                ['job_title', 'Job'],
                ['job_start_on', 'Job start'],
                ['stage', 'Stage'],
              ]),
            );
          return lines.join('\n');
        },
      ),
    );

  cases
    .command('open')
    .description('open a case for a client')
    .requiredOption('--client <id>')
    .requiredOption('--service-line <line>', SERVICE_LINES.join(', '))
    .option('--title <text>')
    .option('--funder <kind>', FUNDER_KINDS.join(', '))
    .option('--funder-org <id>')
    .option('--referrer-org <id>')
    .option('--jurisdiction <j>', JURISDICTIONS.join(', '))
    .option('--clinician <userId>')
    .option('--opened <date>', 'YYYY-MM-DD, default today')
    .action(async (opts: Record<string, string | undefined>, cmd: Command) =>
      withContext(
        rt,
        cmd,
        (ctx) =>
          openCase(ctx, {
            client_id: opts.client!,
            service_line: opts.serviceLine as never,
            title: opts.title,
            funder_kind: opts.funder as never,
            funder_org_id: opts.funderOrg,
            referrer_org_id: opts.referrerOrg,
            jurisdiction: opts.jurisdiction as never,
            clinician_id: opts.clinician,
            opened_on: opts.opened,
          }),
        (c) => `Opened a ${c.service_line.replace(/_/g, ' ')} case for ${c.client_name} (${c.id}).`,
      ),
    );
}
