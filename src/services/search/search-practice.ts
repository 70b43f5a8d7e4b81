/** The shell's search box: clients (caseload-filtered for clinicians) and organisations by name. */
import { parseInput } from '../../contract/common.js';
import { searchQuery } from '../../contract/search.js';
import { listClients } from '../clients/list-clients.js';
import type { ServiceContext } from '../context.js';
import { listOrganisations } from '../organisations/list-organisations.js';

export const SEARCH_LIMIT = 20;

export async function searchPractice(ctx: ServiceContext, input: { q?: string | undefined }) {
  const { q } = parseInput(searchQuery, input);
  if (!q) return { clients: [], organisations: [] };
  const [clients, organisations] = await Promise.all([listClients(ctx, { q, limit: SEARCH_LIMIT }), listOrganisations(ctx.db, { q })]);
  return { clients, organisations: organisations.slice(0, SEARCH_LIMIT) };
}
