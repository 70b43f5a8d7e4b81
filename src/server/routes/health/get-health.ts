import { getHealthResponse } from '../../../contract/health.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'GET',
  url: '/api/health',
  access: 'open',
  summary: 'Is the server up, and which database does it use',
  tags: ['system'],
  response: getHealthResponse,
  handler: async ({ deps }) => ({ ok: true as const, version: deps.version, database: deps.dialect }),
});
