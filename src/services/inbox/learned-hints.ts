/**
 * The practice's corrections to what the inbox reader proposed: stored when a person changes a
 * category, a client link, a date or a reference, and loaded as hints for every later import.
 * One database is one practice, so the corrections are the practice's own.
 */
import { newId } from '../../db/ids.js';
import type { ActionDate } from '../../triage/actions.js';
import { dateKey, referenceShape, senderKey, sentenceWords, type LearnedCorrection, type LearnedHints } from '../../triage/learning.js';
import { actorUserId, nowIso, type Db, type ServiceContext } from '../context.js';

/** The most recent corrections are enough to recognise a practice's regular correspondents. */
const HINTS_LIMIT = 5000;

export async function loadLearnedHints(db: Db): Promise<LearnedHints> {
  const rows = await db
    .selectFrom('triage_corrections')
    .select(['field', 'sender', 'domain', 'pattern', 'proposed', 'corrected', 'on_date'])
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(HINTS_LIMIT)
    .execute();
  return {
    corrections: rows.map((r) => ({
      field: r.field as LearnedCorrection['field'],
      sender: r.sender,
      domain: r.domain,
      pattern: r.pattern,
      proposed: r.proposed,
      corrected: r.corrected,
      on: r.on_date,
    })),
  };
}

/** Who sent an item, as corrections key it. */
export function itemSender(triage: { sender_email?: string | null; sender_org?: string | null }) {
  return senderKey(triage.sender_email ?? null, triage.sender_org ?? null);
}

export type NewCorrection = Omit<LearnedCorrection, 'on' | 'sender' | 'domain'>;

export async function storeCorrections(
  trx: Db,
  ctx: ServiceContext,
  itemId: string,
  triage: { sender_email?: string | null; sender_org?: string | null },
  rows: NewCorrection[],
): Promise<void> {
  const { sender, domain } = itemSender(triage);
  for (const c of rows) {
    await trx
      .insertInto('triage_corrections')
      .values({
        id: newId(),
        item_id: itemId,
        field: c.field,
        sender,
        domain,
        pattern: c.pattern,
        proposed: c.proposed,
        corrected: c.corrected,
        on_date: ctx.clock.today(),
        created_at: nowIso(ctx),
        created_by: actorUserId(ctx.actor),
      })
      .execute();
  }
}

/** A date proposal moved to another day, or removed as not the practice's to act on. */
export function dateCorrection(date: Pick<ActionDate, 'role' | 'rule' | 'stated' | 'reason'>, corrected: string): NewCorrection {
  return { field: 'date', pattern: sentenceWords(date.reason), proposed: dateKey(date), corrected };
}

/** The references a person changed: re-kinded, removed or added, each by its value's shape. */
export function referenceCorrections(before: { kind: string; value: string }[], after: { kind: string; value: string }[]): NewCorrection[] {
  const out: NewCorrection[] = [];
  const key = (r: { kind: string; value: string }) => `${r.kind}:${r.value}`;
  const kept = new Set(after.map(key));
  for (const r of before) {
    if (kept.has(key(r))) continue;
    const now = after.find((x) => x.value === r.value);
    out.push({ field: 'reference', pattern: referenceShape(r.value), proposed: r.kind, corrected: now?.kind ?? '' });
  }
  for (const r of after)
    if (!before.some((x) => x.value === r.value)) out.push({ field: 'reference', pattern: referenceShape(r.value), proposed: '', corrected: r.kind });
  return out;
}
