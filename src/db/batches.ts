/**
 * Long id lists go to the database in batches: SQLite refuses more than 32,766 bound parameters
 * in one statement and PostgreSQL more than 65,535, and a batch of 500 keeps any row-valued
 * insert well under both.
 */
export const BATCH = 500;

export function inBatches<T>(xs: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += BATCH) out.push(xs.slice(i, i + BATCH));
  return out;
}
