import type { Db } from '../context.js';

/** Everything recorded for a case, with COPM and GAS summaries worked out. */
export async function loadFindings(db: Db, caseId: string) {
  const [notes, items, assessments, goals, provision] = await Promise.all([
    db.selectFrom('finding_notes').select(['key', 'text', 'updated_at']).where('case_id', '=', caseId).orderBy('key').execute(),
    db.selectFrom('finding_items').selectAll().where('case_id', '=', caseId).orderBy('kind').orderBy('position').execute(),
    db.selectFrom('assessments').selectAll().where('case_id', '=', caseId).orderBy('position').execute(),
    db.selectFrom('goals').selectAll().where('case_id', '=', caseId).orderBy('position').execute(),
    db.selectFrom('provision_lines').selectAll().where('case_id', '=', caseId).orderBy('position').execute(),
  ]);
  return { notes, items, assessments, goals, provision };
}
