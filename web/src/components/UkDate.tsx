/** An ISO date (2026-11-27) as a UK reader expects it (27/11/2026); a missing date is a dash. */
import { ukDate } from '../format.js';

export function UkDate({ iso }: { iso: string | null | undefined }) {
  return <>{ukDate(iso)}</>;
}
