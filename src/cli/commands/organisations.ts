import type { Command } from 'commander';
import { ORGANISATION_KINDS } from '../../domain/vocabulary.js';
import { addContact } from '../../services/organisations/add-contact.js';
import { addOrganisation } from '../../services/organisations/add-organisation.js';
import { listOrganisations } from '../../services/organisations/list-organisations.js';
import { table } from '../format.js';
import { withContext, type CliRuntime } from '../runtime.js';

export function registerOrganisations(program: Command, rt: CliRuntime): void {
  const orgs = program.command('orgs').description('organisations: LAs, schools, insurers, solicitors, GPs…');

  orgs
    .command('list')
    .description('list organisations')
    .option('--kind <kind>', `one of ${ORGANISATION_KINDS.join(', ')}`)
    .option('-q, --search <text>', 'match the name')
    .action(async (opts: { kind?: string; search?: string }, cmd: Command) =>
      withContext(
        rt,
        cmd,
        (ctx) => listOrganisations(ctx.db, { kind: opts.kind as never, q: opts.search }),
        (rows) =>
          table(rows, [
            ['name', 'Name'],
            ['kind', 'Kind'],
            ['phone', 'Phone'],
            ['email', 'Email'],
            ['contacts', 'Contacts'],
            ['id', 'ID'],
          ]),
      ),
    );

  orgs
    .command('add')
    .description('add an organisation')
    .requiredOption('--name <name>')
    .requiredOption('--kind <kind>', `one of ${ORGANISATION_KINDS.join(', ')}`)
    .option('--address <text>')
    .option('--phone <text>')
    .option('--email <email>')
    .action(async (opts: Record<string, string | undefined>, cmd: Command) =>
      withContext(
        rt,
        cmd,
        (ctx) => addOrganisation(ctx, { name: opts.name!, kind: opts.kind as never, address: opts.address, phone: opts.phone, email: opts.email }),
        (o) => `Added ${o.name} (${o.id}).`,
      ),
    );

  orgs
    .command('add-contact <organisationId>')
    .description('add a person at an organisation')
    .requiredOption('--name <name>')
    .option('--role <text>', 'e.g. SENCO, case handler')
    .option('--email <email>')
    .option('--phone <text>')
    .action(async (organisationId: string, opts: Record<string, string | undefined>, cmd: Command) =>
      withContext(
        rt,
        cmd,
        (ctx) => addContact(ctx, organisationId, { name: opts.name!, role: opts.role, email: opts.email, phone: opts.phone }),
        (c) => `Added ${c.name} (${c.id}).`,
      ),
    );
}
