import { getSearchResponse, searchQuery } from '../../../contract/search.js';
import { search } from '../../../services/search/search.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'GET',
  url: '/api/search',
  access: 'signed_in',
  summary: 'Search clients (own caseload for clinicians) and organisations',
  tags: ['search'],
  query: searchQuery,
  response: getSearchResponse,
  handler: async ({ ctx, query }) => search(ctx, query),
});
