import { z } from 'zod';
import { id } from '../../../contract/common.js';
import { finding, findingKind } from '../../../contract/findings.js';
import { addFinding } from '../../../services/findings/add-finding.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'POST',
  url: '/api/cases/:caseId/findings/:kind',
  access: 'clinical.write',
  summary: 'Add a need, observation or recommendation (item), an assessment, a goal or a provision line',
  tags: ['documents'],
  response: finding,
  params: z.object({ caseId: id, kind: findingKind }),
  body: z.record(z.string(), z.unknown()),
  status: 201,
  handler: async ({ ctx, params, body }) => addFinding(ctx, params.caseId, params.kind, body as never),
});
