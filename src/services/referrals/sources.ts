/**
 * Referral sources: the GPs, paediatricians, schools, case managers, solicitors, insurers,
 * CMHTs, employers and parents who refer, with what each expects back and when.
 */
import { parseInput } from '../../contract/common.js';
import { referralSourceInput, updateReferralSourceInput, type ReferralSourceInput, type UpdateReferralSourceInput } from '../../contract/referrals.js';
import { newId } from '../../db/ids.js';
import type { ReferralSourcesTable } from '../../db/schema.js';
import type { Selectable } from 'kysely';
import { AppError, invalid, notFound } from '../../domain/errors.js';
import {
  DEFAULT_ACK_WORKING_DAYS,
  DEFAULT_CONSENT_PARTY,
  DEFAULT_REPORT_BACK_WORKING_DAYS,
  SOURCE_KIND_LABELS,
  type SourceKind,
} from '../../domain/referrals/referrals.js';
import { appendAudit } from '../audit/append-audit.js';
import { nowIso, type Db, type ServiceContext } from '../context.js';
import { syncReportBacks } from './sync-report-backs.js';

export function sourceView(s: Selectable<ReferralSourcesTable> & { organisation_name?: string | null; contact_name?: string | null }) {
  return {
    id: s.id,
    name: s.name,
    kind: s.kind,
    kind_label: SOURCE_KIND_LABELS[s.kind as SourceKind] ?? s.kind,
    organisation_id: s.organisation_id,
    organisation_name: s.organisation_name ?? null,
    contact_id: s.contact_id,
    contact_name: s.contact_name ?? null,
    consent_party: s.consent_party,
    ack_working_days: Number(s.ack_working_days),
    report_back_working_days: Number(s.report_back_working_days),
    expects: s.expects,
    notes: s.notes,
    created_at: s.created_at,
  };
}
export type SourceView = ReturnType<typeof sourceView>;

function sourceQuery(db: Db) {
  return db
    .selectFrom('referral_sources')
    .leftJoin('organisations', 'organisations.id', 'referral_sources.organisation_id')
    .leftJoin('contacts', 'contacts.id', 'referral_sources.contact_id')
    .selectAll('referral_sources')
    .select(['organisations.name as organisation_name', 'contacts.name as contact_name']);
}

export async function getReferralSource(db: Db, id: string): Promise<SourceView> {
  const s = await sourceQuery(db).where('referral_sources.id', '=', id).executeTakeFirst();
  if (!s) throw notFound('referral source', id);
  return sourceView(s);
}

export async function listReferralSources(ctx: ServiceContext): Promise<SourceView[]> {
  return (await sourceQuery(ctx.db).orderBy('referral_sources.name').execute()).map(sourceView);
}

/** Finds a source by id, or by its exact name (case-insensitive), for the CLI's `--source`. */
export async function resolveSourceId(db: Db, idOrName: string): Promise<string> {
  const byId = await db.selectFrom('referral_sources').select('id').where('id', '=', idOrName).executeTakeFirst();
  if (byId) return byId.id;
  const byName = await db.selectFrom('referral_sources').select(['id', 'name']).execute();
  const hit = byName.filter((s) => s.name.toLowerCase() === idOrName.trim().toLowerCase());
  if (hit.length === 1) return hit[0]!.id;
  throw invalid(`No referral source called or numbered "${idOrName}": add it first with \`steve referrers add\`.`, 'source_id');
}

async function assertLinks(db: Db, organisation_id: string | null | undefined, contact_id: string | null | undefined): Promise<void> {
  if (organisation_id) {
    const o = await db.selectFrom('organisations').select('id').where('id', '=', organisation_id).executeTakeFirst();
    if (!o) throw invalid(`No organisation with id ${organisation_id}.`, 'organisation_id');
  }
  if (contact_id) {
    const c = await db.selectFrom('contacts').select('organisation_id').where('id', '=', contact_id).executeTakeFirst();
    if (!c) throw invalid(`No contact with id ${contact_id}.`, 'contact_id');
    if (organisation_id && c.organisation_id !== organisation_id) throw invalid('That contact works for a different organisation.', 'contact_id');
  }
}

async function assertNameFree(db: Db, name: string, exceptId?: string): Promise<void> {
  const rows = await db.selectFrom('referral_sources').select(['id', 'name']).execute();
  const clash = rows.find((r) => r.name.toLowerCase() === name.toLowerCase() && r.id !== exceptId);
  if (clash) throw new AppError('CONFLICT', `A referral source called "${clash.name}" already exists (${clash.id}).`, { field: 'name' });
}

export async function addReferralSource(ctx: ServiceContext, input: ReferralSourceInput): Promise<SourceView> {
  const data = parseInput(referralSourceInput, input);
  return ctx.db.transaction().execute(async (trx) => {
    await assertNameFree(trx, data.name);
    await assertLinks(trx, data.organisation_id, data.contact_id);
    const id = newId();
    await trx
      .insertInto('referral_sources')
      .values({
        id,
        name: data.name,
        kind: data.kind,
        organisation_id: data.organisation_id ?? null,
        contact_id: data.contact_id ?? null,
        consent_party: data.consent_party === undefined ? DEFAULT_CONSENT_PARTY[data.kind] : data.consent_party,
        ack_working_days: data.ack_working_days ?? DEFAULT_ACK_WORKING_DAYS,
        report_back_working_days: data.report_back_working_days ?? DEFAULT_REPORT_BACK_WORKING_DAYS,
        expects: data.expects ?? '',
        notes: data.notes ?? '',
        created_at: nowIso(ctx),
      })
      .execute();
    await appendAudit(trx, ctx, { action: 'create', entity: 'referral_source', entity_id: id });
    return getReferralSource(trx, id);
  });
}

/**
 * Changing how a source is handled applies from now on: open acknowledgement tasks keep their
 * date, but report-backs are re-planned at once, so a source whose consent party is cleared
 * has its open report-backs closed in the same transaction.
 */
export async function updateReferralSource(ctx: ServiceContext, id: string, input: UpdateReferralSourceInput): Promise<SourceView> {
  const data = parseInput(updateReferralSourceInput, input);
  return ctx.db.transaction().execute(async (trx) => {
    const current = await getReferralSource(trx, id);
    if (data.name !== undefined) await assertNameFree(trx, data.name, id);
    const organisation_id = data.organisation_id ?? current.organisation_id;
    await assertLinks(trx, organisation_id, data.contact_id ?? current.contact_id);
    const set: Partial<Record<keyof typeof data, unknown>> = { ...data };
    if (Object.keys(set).length === 0) return current;
    await trx.updateTable('referral_sources').set(data).where('id', '=', id).execute();
    if (data.consent_party !== undefined || data.report_back_working_days !== undefined || data.name !== undefined) {
      await syncReportBacks(trx, ctx, { sourceIds: [id] });
    }
    await appendAudit(trx, ctx, { action: 'update', entity: 'referral_source', entity_id: id, detail: Object.keys(set).join(',') });
    return getReferralSource(trx, id);
  });
}
