import { z } from 'zod';
import { id } from '../../../contract/common.js';
import { getCaseFindingsResponse } from '../../../contract/findings.js';
import { getFindings } from '../../../services/findings/get-findings.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'GET',
  url: '/api/cases/:caseId/findings',
  access: 'clinical.read',
  summary: "A case's structured findings, with COPM change and GAS T-scores",
  tags: ['documents'],
  response: getCaseFindingsResponse,
  params: z.object({ caseId: id }),
  handler: async ({ ctx, params }) => getFindings(ctx, params.caseId),
});
