/**
 * Canadian Occupational Performance Measure (OM-COPM-01): up to five problems,
 * each rated for performance and satisfaction 1–10 at baseline and at re-assessment.
 * The average is the sum over the number of problems rated; a change of 2 or more is
 * clinically important. Per-problem change is always reported too, because an average can
 * hide one problem getting better while another gets worse.
 */
export const COPM_IMPORTANT_CHANGE = 2;

export interface CopmProblem {
  problem: string;
  importance?: number | null;
  performance_baseline: number | null;
  satisfaction_baseline: number | null;
  performance_followup?: number | null;
  satisfaction_followup?: number | null;
}

export interface CopmChange {
  problem: string;
  performance_change: number | null;
  satisfaction_change: number | null;
  performance_important: boolean;
  satisfaction_important: boolean;
}

export interface CopmSummary {
  problems: CopmChange[];
  performance_baseline: number | null;
  satisfaction_baseline: number | null;
  performance_followup: number | null;
  satisfaction_followup: number | null;
  performance_change: number | null;
  satisfaction_change: number | null;
  performance_important: boolean;
  satisfaction_important: boolean;
  /** True when per-problem changes go both ways, so the average alone would mislead. */
  mixed: boolean;
  /** How many problems were rated for performance at both times: the averages compared are over these. */
  compared: number;
}

export function isCopmRating(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 10;
}

/** Rounded to one decimal, as the COPM form reports averages. */
function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

function average(values: (number | null | undefined)[]): number | null {
  const rated = values.filter(isCopmRating);
  if (rated.length === 0) return null;
  return round1(rated.reduce((a, b) => a + b, 0) / rated.length);
}

function diff(after: number | null | undefined, before: number | null | undefined): number | null {
  return isCopmRating(after) && isCopmRating(before) ? after - before : null;
}

/**
 * Once any problem has been re-rated, every average (baseline, follow-up and change) is taken
 * over the problems rated at both times, so the row adds up: change = follow-up − baseline,
 * and adding or dropping a problem at follow-up does not distort it. Before any re-rating the
 * baseline average is over every problem rated.
 */
export function summariseCopm(problems: readonly CopmProblem[]): CopmSummary {
  const changes: CopmChange[] = problems.map((p) => {
    const pc = diff(p.performance_followup, p.performance_baseline);
    const sc = diff(p.satisfaction_followup, p.satisfaction_baseline);
    return {
      problem: p.problem,
      performance_change: pc,
      satisfaction_change: sc,
      performance_important: pc !== null && Math.abs(pc) >= COPM_IMPORTANT_CHANGE,
      satisfaction_important: sc !== null && Math.abs(sc) >= COPM_IMPORTANT_CHANGE,
    };
  });
  const paired = problems.filter((p) => isCopmRating(p.performance_followup) && isCopmRating(p.performance_baseline));
  const pairedSat = problems.filter((p) => isCopmRating(p.satisfaction_followup) && isCopmRating(p.satisfaction_baseline));
  const perfOver = paired.length ? paired : problems;
  const satOver = pairedSat.length ? pairedSat : problems;
  const pb = average(perfOver.map((p) => p.performance_baseline));
  const sb = average(satOver.map((p) => p.satisfaction_baseline));
  const pf = paired.length ? average(paired.map((p) => p.performance_followup)) : null;
  const sf = pairedSat.length ? average(pairedSat.map((p) => p.satisfaction_followup)) : null;
  const perfChange = pf !== null && pb !== null ? round1(pf - pb) : null;
  const satChange = sf !== null && sb !== null ? round1(sf - sb) : null;
  const signs = new Set(
    changes
      .flatMap((c) => [c.performance_change, c.satisfaction_change])
      .filter((c): c is number => c !== null && c !== 0)
      .map(Math.sign),
  );
  return {
    problems: changes,
    performance_baseline: pb,
    satisfaction_baseline: sb,
    performance_followup: pf,
    satisfaction_followup: sf,
    performance_change: perfChange,
    satisfaction_change: satChange,
    performance_important: perfChange !== null && Math.abs(perfChange) >= COPM_IMPORTANT_CHANGE,
    satisfaction_important: satChange !== null && Math.abs(satChange) >= COPM_IMPORTANT_CHANGE,
    mixed: signs.size > 1,
    compared: paired.length,
  };
}
