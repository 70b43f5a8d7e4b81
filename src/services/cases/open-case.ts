import type { Transaction } from 'kysely';
import { parseInput } from '../../contract/common.js';
import { openCaseInput, type OpenCaseInput } from '../../contract/cases.js';
import { newId } from '../../db/ids.js';
import type { Database } from '../../db/schema.js';
import { invalid } from '../../domain/errors.js';
import type { ServiceLine } from '../../domain/vocabulary.js';
import { assertClientVisible, requirePermission } from '../access.js';
import { appendAudit } from '../audit/append-audit.js';
import { assertClinician } from '../clients/add-client.js';
import { syncCaseDeadlines } from '../deadlines/sync-deadlines.js';
import { nowIso, type Db, type ServiceContext } from '../context.js';
import { getPractice } from '../practice/get-practice.js';
import { getCase } from './get-case.js';

async function assertOrg(db: Db, id: string | undefined, field: string, kinds?: string[]): Promise<void> {
  if (!id) return;
  const org = await db.selectFrom('organisations').select(['kind', 'name']).where('id', '=', id).executeTakeFirst();
  if (!org) throw invalid(`No organisation with id ${id}.`, field);
  if (kinds && !kinds.includes(org.kind))
    throw invalid(`${org.name} is a ${org.kind.replace(/_/g, ' ')}, not a ${kinds.join(' or ').replace(/_/g, ' ')}.`, field);
}

async function assertContact(db: Db, id: string | undefined, field: string): Promise<void> {
  if (!id) return;
  const c = await db.selectFrom('contacts').select('id').where('id', '=', id).executeTakeFirst();
  if (!c) throw invalid(`No contact with id ${id}.`, field);
}

/** Which service lines a detail kind belongs with, so an EHCP plan is not hung on a housing case. */
const DETAIL_SERVICE_LINES: Record<'ehcp' | 'medico_legal' | 'housing' | 'workplace', ServiceLine[]> = {
  ehcp: ['paediatric', 'other'],
  medico_legal: ['medico_legal', 'adult_neuro', 'paediatric', 'other'],
  housing: ['housing', 'adult_neuro', 'paediatric', 'other'],
  workplace: ['workplace', 'mental_health', 'adult_neuro', 'other'],
};

/** Opens a case with any detail kinds in one transaction: all of it lands, or none. */
export async function openCase(ctx: ServiceContext, input: OpenCaseInput) {
  requirePermission(ctx.actor, 'cases.open');
  const data = parseInput(openCaseInput, input);
  for (const kind of ['ehcp', 'medico_legal', 'housing', 'workplace'] as const) {
    if (data[kind] && !DETAIL_SERVICE_LINES[kind].includes(data.service_line)) {
      throw invalid(`A ${data.service_line.replace(/_/g, ' ')} case cannot carry ${kind.replace(/_/g, ' ')} details.`, kind);
    }
  }
  const id = newId();
  // Joins the caller's transaction when given one (accepting a referral opens its case inside its own).
  const run = <T>(fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> =>
    ctx.db.isTransaction ? fn(ctx.db as Transaction<Database>) : ctx.db.transaction().execute(fn);
  await run(async (trx) => {
    await assertClientVisible(trx, ctx.actor, data.client_id);
    const practice = await getPractice(trx);
    await assertOrg(trx, data.funder_org_id, 'funder_org_id');
    await assertOrg(trx, data.referrer_org_id, 'referrer_org_id');
    await assertContact(trx, data.referrer_contact_id, 'referrer_contact_id');
    const clinician = data.clinician_id ?? (ctx.actor.kind === 'user' ? ctx.actor.id : null);
    if (clinician) await assertClinician(trx, clinician, 'clinician_id');
    const opened_on = data.opened_on ?? ctx.clock.today();
    await trx
      .insertInto('cases')
      .values({
        id,
        client_id: data.client_id,
        title: data.title ?? '',
        service_line: data.service_line,
        funder_kind: data.funder_kind ?? (data.authorisation ? 'insurer' : 'self_pay'),
        funder_org_id: data.funder_org_id ?? null,
        referrer_org_id: data.referrer_org_id ?? null,
        referrer_contact_id: data.referrer_contact_id ?? null,
        jurisdiction: data.jurisdiction ?? practice.default_jurisdiction,
        status: data.status ?? 'open',
        clinician_id: clinician,
        opened_on,
        closed_on: null,
        created_at: nowIso(ctx),
      })
      .execute();
    if (data.ehcp) {
      await assertOrg(trx, data.ehcp.la_org_id, 'ehcp.la_org_id', ['local_authority']);
      await assertOrg(trx, data.ehcp.school_org_id, 'ehcp.school_org_id', ['school']);
      await assertContact(trx, data.ehcp.senco_contact_id, 'ehcp.senco_contact_id');
      await trx
        .insertInto('ehcp_plans')
        .values({ id: newId(), case_id: id, la_reference: '', year_group: '', ...data.ehcp })
        .execute();
    }
    if (data.authorisation) {
      await assertOrg(trx, data.authorisation.insurer_org_id, 'authorisation.insurer_org_id', ['insurer']);
      await trx
        .insertInto('authorisations')
        .values({ id: newId(), case_id: id, ...data.authorisation })
        .execute();
    }
    if (data.medico_legal) {
      await assertOrg(trx, data.medico_legal.solicitor_org_id, 'medico_legal.solicitor_org_id', ['solicitor']);
      await assertContact(trx, data.medico_legal.solicitor_contact_id, 'medico_legal.solicitor_contact_id');
      await trx
        .insertInto('medico_legal_instructions')
        .values({ id: newId(), case_id: id, stage: 'instructed', ...data.medico_legal })
        .execute();
    }
    if (data.housing) {
      await assertOrg(trx, data.housing.housing_org_id, 'housing.housing_org_id', ['housing_authority', 'local_authority']);
      await trx
        .insertInto('housing_adaptations')
        .values({ id: newId(), case_id: id, stage: 'assessment', ...data.housing })
        .execute();
    }
    if (data.workplace) {
      await assertOrg(trx, data.workplace.employer_org_id, 'workplace.employer_org_id', ['employer']);
      await trx
        .insertInto('workplace_assessments')
        .values({ id: newId(), case_id: id, stage: 'referred', ...data.workplace })
        .execute();
    }
    await syncCaseDeadlines(trx, ctx, [id]);
    await appendAudit(trx, ctx, { action: 'create', entity: 'case', entity_id: id, client_id: data.client_id });
  });
  return getCase(ctx, id, { audit: false });
}
