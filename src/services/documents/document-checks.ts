/** The checks a draft is held to before it can be signed, with the facts about other clients they need. */
import { nameIndex, plainText, runChecks, type CheckFinding, type DocumentModel, type DraftSource } from '../../drafting/index.js';
import { parseTextDate } from '../../drafting/checks/other-client.js';
import type { Db } from '../context.js';

const DOB_WORDS = /\b(?:date of birth|d\.?o\.?b\.?|born(?: on)?)\b[\s:,-]*(\d{1,2}\/\d{1,2}\/\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}\s+[A-Za-z]+\s+\d{4})/gi;

/**
 * Only the clients whose names could appear are fetched: every run of 2–4 words in the text
 * is a candidate, so the check costs the same for 50 clients or 50,000.
 */
async function otherClientContext(db: Db, source: DraftSource, model: DocumentModel) {
  if (!source.client) return {};
  const text = plainText(model);
  const words = text.toLowerCase().match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
  const grams = new Set<string>();
  for (let i = 0; i < words.length; i++) for (let n = 2; n <= 4 && i + n <= words.length; n++) grams.add(words.slice(i, i + n).join(' '));
  const list = [...grams];
  const people: { name: string; dob: string }[] = [];
  for (let i = 0; i < list.length; i += 500) {
    const chunk = list.slice(i, i + 500);
    people.push(
      ...(await db
        .selectFrom('clients')
        .select(['name', 'dob'])
        .where('id', '!=', source.client.id)
        .where((eb) => eb(eb.fn('lower', ['name']), 'in', chunk))
        .execute()),
    );
  }
  const dates = [...text.matchAll(DOB_WORDS)].map((m) => parseTextDate(m[1]!)).filter((d): d is string => !!d && d !== source.client!.dob);
  const otherDobs = dates.length
    ? new Set((await db.selectFrom('clients').select('dob').where('id', '!=', source.client.id).where('dob', 'in', dates).execute()).map((r) => r.dob))
    : new Set<string>();
  return { names: nameIndex(people, [source.client.name, ...(source.author ? [source.author.name] : [])]), otherDobs };
}

export async function checksFor(db: Db, source: DraftSource, model: DocumentModel): Promise<CheckFinding[]> {
  return runChecks(model, { source, ...(await otherClientContext(db, source, model)) });
}
