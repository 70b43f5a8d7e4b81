/**
 * Local authority profiles: how each LA wants OT advice laid out. One per
 * LA organisation; `ehcp-advice` follows the child's LA's profile, else the SEND Code layout.
 * Layout data, not clinical data: owners and clinicians manage them.
 */
import { parseInput } from '../../contract/common.js';
import { laProfileInput, type LaProfileInput } from '../../contract/findings.js';
import { newId } from '../../db/ids.js';
import { invalid, notFound } from '../../domain/errors.js';
import { requirePermission } from '../access.js';
import { appendAudit } from '../audit/append-audit.js';
import { nowIso, type ServiceContext } from '../context.js';
import { profileFromRow } from './draft-source.js';

export async function listLaProfiles(ctx: ServiceContext) {
  const rows = await ctx.db.selectFrom('la_profiles').selectAll().orderBy('name').execute();
  return rows.map(profileFromRow);
}

/** Creates the profile, or replaces the one the LA already has. */
export async function saveLaProfile(ctx: ServiceContext, input: LaProfileInput) {
  requirePermission(ctx.actor, 'la_profiles.change');
  const data = parseInput(laProfileInput, input);
  return ctx.db.transaction().execute(async (trx) => {
    if (data.organisation_id) {
      const org = await trx.selectFrom('organisations').select('kind').where('id', '=', data.organisation_id).executeTakeFirst();
      if (!org) throw invalid(`No organisation with id ${data.organisation_id}.`, 'organisation_id');
      if (org.kind !== 'local_authority') throw invalid('An LA profile belongs to a local authority organisation.', 'organisation_id');
    }
    const existing = data.organisation_id
      ? await trx.selectFrom('la_profiles').select('id').where('organisation_id', '=', data.organisation_id).executeTakeFirst()
      : undefined;
    const row = {
      organisation_id: data.organisation_id ?? null,
      name: data.name,
      section_order: JSON.stringify(data.section_order ?? []),
      headings: JSON.stringify(data.headings ?? {}),
      front_sheet_fields: JSON.stringify(data.front_sheet_fields ?? []),
      reference_format: data.reference_format ?? null,
      provision_layout: data.provision_layout ?? 'split',
      scores_in: data.scores_in ?? 'appendix',
      max_words: data.max_words ?? null,
      max_pages: data.max_pages ?? null,
      freshness_months: data.freshness_months ?? null,
      return_to: data.return_to ?? null,
    };
    const id = existing?.id ?? newId();
    if (existing) await trx.updateTable('la_profiles').set(row).where('id', '=', id).execute();
    else
      await trx
        .insertInto('la_profiles')
        .values({ ...row, id, created_at: nowIso(ctx) })
        .execute();
    await appendAudit(trx, ctx, { action: existing ? 'update' : 'create', entity: 'la_profile', entity_id: id });
    return profileFromRow(await trx.selectFrom('la_profiles').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
  });
}

export async function deleteLaProfile(ctx: ServiceContext, id: string) {
  requirePermission(ctx.actor, 'la_profiles.change');
  return ctx.db.transaction().execute(async (trx) => {
    const r = await trx.deleteFrom('la_profiles').where('id', '=', id).executeTakeFirst();
    if (Number(r.numDeletedRows) === 0) throw notFound('LA profile', id);
    await appendAudit(trx, ctx, { action: 'delete', entity: 'la_profile', entity_id: id });
    return { id, deleted: true };
  });
}
