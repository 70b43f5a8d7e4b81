/**
 * A person corrects what the inbox reader made of a letter: its category, the client it is
 * about, its references. The item, its correspondence entry and its waiting task proposals
 * follow at once, and each change is kept as a correction that later letters from the same
 * sender, or with the same reference shape, are read with.
 */
import { parseInput } from '../../contract/common.js';
import { correctInboxItemInput, type CorrectInboxItemInput } from '../../contract/inbox.js';
import { notFound } from '../../domain/errors.js';
import { distinctive, referenceShape } from '../../triage/learning.js';
import { assertClientVisible, requirePermission } from '../access.js';
import { appendAudit } from '../audit/append-audit.js';
import type { ServiceContext } from '../context.js';
import { loadInboxItems, parseStoredTriage, type InboxItemView } from './inbox-item-view.js';
import { referenceCorrections, storeCorrections, type NewCorrection } from './learned-hints.js';

const BY_A_PERSON = { score: 1, evidence: 'set by a person', check: false };

export async function correctInboxItem(ctx: ServiceContext, itemId: string, raw: CorrectInboxItemInput): Promise<InboxItemView> {
  requirePermission(ctx.actor, 'inbox.use', 'correct inbox items');
  const input = parseInput(correctInboxItemInput, raw);
  // Reading the item through the same filter as the list: what a person cannot see, they cannot correct.
  if (!(await loadInboxItems(ctx.db, ctx.actor, { id: itemId })).length) throw notFound('inbox item', itemId);
  await ctx.db.transaction().execute(async (trx) => {
    const item = await trx.selectFrom('inbox_items').selectAll().where('id', '=', itemId).executeTakeFirst();
    if (!item) throw notFound('inbox item', itemId);
    if (item.client_id) await assertClientVisible(trx, ctx.actor, item.client_id);
    const t = parseStoredTriage(item.triage_json) as ReturnType<typeof parseStoredTriage> & Record<string, unknown>;
    const before = t.references ?? [];
    const corrections: NewCorrection[] = [];
    const said: string[] = [];
    const set: { category?: string; client_id?: string | null; case_id?: string | null; match?: string } = {};

    if (input.category !== undefined && input.category !== item.category) {
      const shapes = before.map((r) => referenceShape(r.value)).filter(distinctive);
      corrections.push({ field: 'category', pattern: shapes.join(' ') || null, proposed: item.category, corrected: input.category });
      set.category = input.category;
      t.category = input.category;
      t.confidence = { ...t.confidence, category: BY_A_PERSON };
      said.push(`category ${item.category.replace(/_/g, ' ')} → ${input.category.replace(/_/g, ' ')}`);
    }

    if (input.client_id !== undefined && input.client_id !== item.client_id) {
      let name = '';
      if (input.client_id) {
        await assertClientVisible(trx, ctx.actor, input.client_id);
        const c = await trx.selectFrom('clients').select('name').where('id', '=', input.client_id).executeTakeFirst();
        if (!c) throw notFound('client', input.client_id);
        name = c.name;
        const cases = await trx.selectFrom('cases').select(['id', 'status']).where('client_id', '=', input.client_id).orderBy('opened_on', 'desc').execute();
        set.case_id = (cases.find((x) => x.status !== 'closed') ?? cases[0])?.id ?? null;
        corrections.push({ field: 'client', pattern: null, proposed: t.client?.name ?? '', corrected: name });
        const refs = input.references ?? before;
        for (const r of refs)
          if (r.kind !== 'invoice_number')
            corrections.push({ field: 'client', pattern: `${r.kind}:${r.value}`, proposed: t.client?.name ?? '', corrected: name });
      } else set.case_id = null;
      set.client_id = input.client_id;
      set.match = input.client_id ? 'linked by a person' : 'unlinked by a person';
      t.confidence = { ...t.confidence, client: input.client_id ? BY_A_PERSON : null };
      said.push(input.client_id ? `client → ${name}` : 'client unlinked');
    }

    if (input.references !== undefined) {
      const changes = referenceCorrections(before, input.references);
      if (changes.length) {
        corrections.push(...changes);
        t.references = input.references;
        t.confidence = { ...t.confidence, references: input.references.map(() => BY_A_PERSON) };
        said.push(`references corrected (${changes.length})`);
      }
    }

    if (!said.length) return;
    t.corrected = [...(t.corrected ?? []), ...said];
    await trx
      .updateTable('inbox_items')
      .set({ ...set, triage_json: JSON.stringify(t) })
      .where('id', '=', itemId)
      .execute();
    if (set.client_id !== undefined) {
      if (item.correspondence_id)
        await trx
          .updateTable('correspondence')
          .set({ client_id: set.client_id, case_id: set.case_id ?? null })
          .where('id', '=', item.correspondence_id)
          .execute();
      // Tasks still waiting follow the letter to its client.
      const waiting = await trx
        .selectFrom('inbox_proposals')
        .select(['id', 'payload_json'])
        .where('item_id', '=', itemId)
        .where('status', '=', 'pending')
        .where('kind', '=', 'task')
        .execute();
      for (const w of waiting) {
        const payload = { ...(JSON.parse(w.payload_json) as Record<string, unknown>), client_id: set.client_id, case_id: set.case_id ?? null };
        await trx
          .updateTable('inbox_proposals')
          .set({ payload_json: JSON.stringify(payload) })
          .where('id', '=', w.id)
          .execute();
      }
    }
    await storeCorrections(trx, ctx, itemId, t, corrections);
    await appendAudit(trx, ctx, {
      action: 'update',
      entity: 'inbox_item',
      entity_id: itemId,
      client_id: set.client_id ?? item.client_id,
      detail: `corrected: ${said.join('; ')}`.slice(0, 500),
    });
  });
  return (await loadInboxItems(ctx.db, ctx.actor, { id: itemId }))[0] ?? Promise.reject(notFound('inbox item', itemId));
}
