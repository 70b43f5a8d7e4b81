import { z } from 'zod';
import { id } from '../../../contract/common.js';
import { finding, findingKind } from '../../../contract/findings.js';
import { updateFinding } from '../../../services/findings/update-finding.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'PATCH',
  url: '/api/findings/:kind/:id',
  access: 'clinical.write',
  summary: 'Change fields of one finding',
  tags: ['documents'],
  response: finding,
  params: z.object({ kind: findingKind, id }),
  body: z.record(z.string(), z.unknown()),
  handler: async ({ ctx, params, body }) => updateFinding(ctx, params.kind, params.id, body as never),
});
