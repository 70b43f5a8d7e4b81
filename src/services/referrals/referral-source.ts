/**
 * Referral sources: the GPs, paediatricians, schools, case managers, solicitors, insurers,
 * CMHTs, employers and parents who refer, with what each expects back and when. How a source
 * is shown and found, and the checks adding and changing one share.
 */
import type { Selectable } from 'kysely';
import type { ReferralSourcesTable } from '../../db/schema.js';
import { AppError, invalid, notFound } from '../../domain/errors.js';
import { SOURCE_KIND_LABELS, type SourceKind } from '../../domain/referrals/referrals.js';
import type { Db } from '../context.js';

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

export function sourceQuery(db: Db) {
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

/** Finds a source by id, or by its exact name (case-insensitive), for the CLI's `--source`. */
export async function resolveSourceId(db: Db, idOrName: string): Promise<string> {
  const byId = await db.selectFrom('referral_sources').select('id').where('id', '=', idOrName).executeTakeFirst();
  if (byId) return byId.id;
  const byName = await db.selectFrom('referral_sources').select(['id', 'name']).execute();
  const hit = byName.filter((s) => s.name.toLowerCase() === idOrName.trim().toLowerCase());
  if (hit.length === 1) return hit[0]!.id;
  throw invalid(`No referral source called or numbered "${idOrName}": add it first with \`steve referrers add\`.`, 'source_id');
}

export async function assertLinks(db: Db, organisation_id: string | null | undefined, contact_id: string | null | undefined): Promise<void> {
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

export async function assertNameFree(db: Db, name: string, exceptId?: string): Promise<void> {
  const rows = await db.selectFrom('referral_sources').select(['id', 'name']).execute();
  const clash = rows.find((r) => r.name.toLowerCase() === name.toLowerCase() && r.id !== exceptId);
  if (clash) throw new AppError('CONFLICT', `A referral source called "${clash.name}" already exists (${clash.id}).`, { field: 'name' });
}
