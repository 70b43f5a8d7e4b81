import type { Command } from 'commander';
import { formatUkDate } from '../../domain/calendar/local-date.js';
import { formatNhsNumber } from '../../domain/people/nhs-number.js';
import { addClient } from '../../services/clients/add-client.js';
import { getClient } from '../../services/clients/get-client.js';
import { listClients } from '../../services/clients/list-clients.js';
import { fields, table } from '../format.js';
import { intOption, withContext, type CliRuntime } from '../runtime.js';

export function registerClients(program: Command, rt: CliRuntime): void {
  const clients = program.command('clients').description('the people the practice sees');

  clients
    .command('list')
    .description('list clients by name')
    .option('-q, --search <text>', 'match name, postcode or NHS number')
    .option('--limit <n>', 'at most this many', intOption('limit'))
    .action(async (opts: { search?: string; limit?: number }, cmd: Command) =>
      withContext(
        rt,
        cmd,
        (ctx) => listClients(ctx, { q: opts.search, limit: opts.limit }),
        (rows) =>
          table(rows, [
            ['name', 'Name'],
            ['dob', 'Date of birth'],
            ['nhs_number', 'NHS number'],
            ['postcode', 'Postcode'],
            ['lead_clinician_name', 'Lead clinician'],
            ['id', 'ID'],
          ]),
      ),
    );

  clients
    .command('show <id>')
    .description('one client, with contacts, cases, open tasks and correspondence')
    .action(async (id: string, _opts: unknown, cmd: Command) =>
      withContext(
        rt,
        cmd,
        (ctx) => getClient(ctx, id),
        (c) => {
          const head = fields({ ...c, nhs_number: c.nhs_number ? formatNhsNumber(c.nhs_number) : null, lead: c.lead_clinician?.name }, [
            ['name', 'Name'],
            ['dob', 'Date of birth'],
            ['nhs_number', 'NHS number'],
            ['address', 'Address'],
            ['postcode', 'Postcode'],
            ['phone', 'Phone'],
            ['email', 'Email'],
            ['lead', 'Lead clinician'],
            ['id', 'ID'],
          ]);
          const consent =
            Object.entries(c.consent)
              .filter(([, v]) => v)
              .map(([k]) => k.toUpperCase())
              .join(', ') || 'none recorded';
          return [
            head,
            `Consent to share: ${consent}`,
            `Records retention: ${c.retention.state === 'keep_until' ? `keep until ${formatUkDate(c.retention.until)} (REC-03)` : c.retention.reason}`,
            '',
            'Contacts',
            table(c.contacts, [
              ['name', 'Name'],
              ['relationship', 'Relationship'],
              ['phone', 'Phone'],
              ['email', 'Email'],
            ]),
            '',
            'Cases',
            table(c.cases, [
              ['service_line', 'Service'],
              ['status', 'Status'],
              ['opened_on', 'Opened'],
              ['clinician_name', 'Clinician'],
              ['details', 'Details'],
              ['id', 'ID'],
            ]),
            '',
            'Open tasks',
            table(c.tasks, [
              ['due_on', 'Due'],
              ['title', 'Task'],
              ['rule_id', 'Rule'],
            ]),
            '',
            'Correspondence',
            table(c.correspondence.slice(0, 20), [
              ['on_date', 'Date'],
              ['direction', 'In/out'],
              ['party_name', 'With'],
              ['subject', 'Subject'],
            ]),
          ].join('\n');
        },
      ),
    );

  clients
    .command('add')
    .description('add a client')
    .requiredOption('--name <name>', 'full name')
    .requiredOption('--dob <date>', 'date of birth, YYYY-MM-DD')
    .option('--nhs-number <digits>', 'NHS number (checked by modulus 11)')
    .option('--address <text>')
    .option('--postcode <text>')
    .option('--phone <text>')
    .option('--email <email>')
    .option('--lead-clinician <userId>', 'the clinician who holds this client')
    .option('--consent <parties>', 'comma-separated: school,la,gp,insurer,solicitor')
    .action(async (opts: Record<string, string | undefined>, cmd: Command) =>
      withContext(
        rt,
        cmd,
        (ctx) =>
          addClient(ctx, {
            name: opts.name!,
            dob: opts.dob!,
            nhs_number: opts.nhsNumber,
            address: opts.address,
            postcode: opts.postcode,
            phone: opts.phone,
            email: opts.email,
            lead_clinician_id: opts.leadClinician,
            consent: parseConsent(opts.consent),
          }),
        (c) => `Added ${c.name} (${c.id}).`,
      ),
    );
}

function parseConsent(text: string | undefined) {
  if (!text) return undefined;
  const parties = text
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  return Object.fromEntries(parties.map((p) => [p, true]));
}
