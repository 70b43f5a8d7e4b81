import { z } from 'zod';
import { id } from '../../../contract/common.js';
import { deleteFindingResponse, findingKind } from '../../../contract/findings.js';
import { deleteFinding } from '../../../services/findings/delete-finding.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'DELETE',
  url: '/api/findings/:kind/:id',
  access: 'clinical.write',
  summary: 'Delete one finding',
  tags: ['documents'],
  response: deleteFindingResponse,
  params: z.object({ kind: findingKind, id }),
  handler: async ({ ctx, params }) => deleteFinding(ctx, params.kind, params.id),
});
