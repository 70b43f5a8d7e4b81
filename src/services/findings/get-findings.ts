/**
 * Structured findings of a case: narrative notes by key, needs, observations, recommendations,
 * standardised assessments, goals and provision lines.
 */
import { summariseCopm } from '../../domain/outcomes/copm.js';
import { gasTScore, isGasLevel } from '../../domain/outcomes/gas.js';
import { appendAudit } from '../audit/append-audit.js';
import type { ServiceContext } from '../context.js';
import { clinicalCase } from './clinical-access.js';
import { loadFindings } from './load-findings.js';

export async function getFindings(ctx: ServiceContext, caseId: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const c = await clinicalCase(trx, ctx, caseId);
    const f = await loadFindings(trx, caseId);
    await appendAudit(trx, ctx, { action: 'read', entity: 'findings', entity_id: caseId, client_id: c.client_id });
    const copm = f.goals.filter((g) => g.kind === 'copm');
    const gas = f.goals.filter((g) => g.kind === 'gas');
    return {
      case_id: caseId,
      notes: Object.fromEntries(f.notes.map((n) => [n.key, n.text])) as Record<string, string>,
      needs: f.items.filter((i) => i.kind === 'need'),
      observations: f.items.filter((i) => i.kind === 'observation'),
      recommendations: f.items.filter((i) => i.kind === 'recommendation'),
      assessments: f.assessments,
      goals: f.goals,
      provision: f.provision,
      copm: copm.length ? summariseCopm(copm.map((g) => ({ problem: g.text, ...g }))) : null,
      gas: gas.length
        ? {
            baseline_t: gasTScore(gas.filter((g) => isGasLevel(g.gas_baseline)).map((g) => ({ level: g.gas_baseline!, weight: g.gas_weight }))),
            outcome_t: gasTScore(gas.filter((g) => isGasLevel(g.gas_outcome)).map((g) => ({ level: g.gas_outcome!, weight: g.gas_weight }))),
          }
        : null,
    };
  });
}
