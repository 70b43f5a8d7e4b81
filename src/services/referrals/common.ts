/** The practice's working calendar, which every referral date counts in. */
import { workingCalendar, type WorkingCalendar } from '../../domain/calendar/bank-holidays.js';
import { DIVISION_OF } from '../../domain/deadlines/rules.js';
import { JURISDICTIONS, type Jurisdiction } from '../../domain/vocabulary.js';
import type { Db } from '../context.js';

/** Referral dates count working days in the practice's own nation (its default jurisdiction). */
export async function practiceCalendar(db: Db): Promise<WorkingCalendar> {
  const p = await db.selectFrom('practice').select('default_jurisdiction').executeTakeFirst();
  const j = (JURISDICTIONS as readonly string[]).includes(p?.default_jurisdiction ?? '') ? (p!.default_jurisdiction as Jurisdiction) : 'england';
  return workingCalendar(DIVISION_OF[j]);
}
