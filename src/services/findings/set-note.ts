import { noteInput, type NoteInput } from '../../contract/findings.js';
import { parseInput } from '../../contract/common.js';
import { newId } from '../../db/ids.js';
import { appendAudit } from '../audit/append-audit.js';
import { actorUserId, nowIso, type ServiceContext } from '../context.js';
import { clinicalCase } from './clinical-access.js';

/** Sets one narrative note; empty text removes it (it then drafts as a placeholder again). */
export async function setNote(ctx: ServiceContext, caseId: string, input: NoteInput) {
  const data = parseInput(noteInput, input);
  return ctx.db.transaction().execute(async (trx) => {
    const c = await clinicalCase(trx, ctx, caseId);
    const text = data.text.trim();
    await trx.deleteFrom('finding_notes').where('case_id', '=', caseId).where('key', '=', data.key).execute();
    if (text)
      await trx
        .insertInto('finding_notes')
        .values({ id: newId(), case_id: caseId, key: data.key, text, updated_by: actorUserId(ctx.actor), updated_at: nowIso(ctx) })
        .execute();
    await appendAudit(trx, ctx, {
      action: text ? 'update' : 'delete',
      entity: 'finding_note',
      entity_id: caseId,
      client_id: c.client_id,
      detail: `key=${data.key}`,
    });
    return { case_id: caseId, key: data.key, text: text || null };
  });
}
