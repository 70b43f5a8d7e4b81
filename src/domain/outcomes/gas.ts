/**
 * Goal Attainment Scaling (OM-GAS-01). Each goal is scored −2 (much less than
 * expected) … 0 (as expected) … +2 (much more than expected). Kiresuk & Sherman (1968):
 *   T = 50 + 10·Σwᵢxᵢ / √[(1−ρ)·Σwᵢ² + ρ·(Σwᵢ)²]
 * with ρ = 0.3 (the assumed correlation between goal scores) and wᵢ = 1 when unweighted.
 * T = 50 when every goal is met as expected; the SD is about 10.
 */
export const GAS_RHO = 0.3;
export const GAS_LEVELS = [-2, -1, 0, 1, 2] as const;
export type GasLevel = (typeof GAS_LEVELS)[number];

export const GAS_LEVEL_LABELS: Record<GasLevel, string> = {
  [-2]: 'much less than expected',
  [-1]: 'somewhat less than expected',
  [0]: 'as expected',
  [1]: 'somewhat more than expected',
  [2]: 'much more than expected',
};

export interface GasGoalScore {
  level: number;
  /** Turner-Stokes weight = importance × difficulty (OM-GAS-02); 1 when unweighted. */
  weight?: number | null;
}

export function isGasLevel(n: unknown): n is GasLevel {
  return typeof n === 'number' && (GAS_LEVELS as readonly number[]).includes(n);
}

/** The T-score to two decimals, or null when no goal is scored (a T-score of nothing is not 50). */
export function gasTScore(goals: readonly GasGoalScore[], rho = GAS_RHO): number | null {
  const scored = goals.filter((g) => isGasLevel(g.level));
  if (scored.length === 0) return null;
  let sumWx = 0;
  let sumW = 0;
  let sumW2 = 0;
  for (const g of scored) {
    const w = g.weight === null || g.weight === undefined ? 1 : g.weight;
    if (!(w > 0)) throw new RangeError(`A GAS weight must be positive, not ${w}.`);
    sumWx += w * g.level;
    sumW += w;
    sumW2 += w * w;
  }
  const t = 50 + (10 * sumWx) / Math.sqrt((1 - rho) * sumW2 + rho * sumW * sumW);
  return Math.round(t * 100) / 100;
}

/** Turner-Stokes weight (OM-GAS-02, unverified default): importance 0–3 × difficulty 0–3. */
export function turnerStokesWeight(importance: number, difficulty: number): number {
  for (const [n, v] of [
    ['importance', importance],
    ['difficulty', difficulty],
  ] as const) {
    if (!Number.isInteger(v) || v < 0 || v > 3) throw new RangeError(`GAS ${n} must be 0–3, not ${v}.`);
  }
  return importance * difficulty;
}
