import { getSearchResponse, searchQuery } from '../../../contract/search.js';
import { searchPractice } from '../../../services/search/search-practice.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'GET',
  url: '/api/search',
  access: 'signed_in',
  summary: 'Search clients (own caseload for clinicians) and organisations',
  tags: ['search'],
  query: searchQuery,
  response: getSearchResponse,
  handler: async ({ ctx, query }) => searchPractice(ctx, query),
});
