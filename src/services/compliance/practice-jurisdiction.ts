/** The register and subject access requests count working days in the practice's own nation. */
import type { Jurisdiction } from '../../domain/vocabulary.js';
import type { Db } from '../context.js';
import { getPractice } from '../practice/get-practice.js';

export async function practiceJurisdiction(db: Db): Promise<Jurisdiction> {
  return (await getPractice(db)).default_jurisdiction as Jurisdiction;
}
