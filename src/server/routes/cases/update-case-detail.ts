import { z } from 'zod';
import { caseDetail } from '../../../contract/cases.js';
import { id } from '../../../contract/common.js';
import { updateCaseDetail, type DetailKind } from '../../../services/cases/update-case-details.js';
import { defineRoute } from '../../route.js';

const KINDS = ['ehcp', 'medico_legal', 'housing', 'workplace'] as const satisfies readonly DetailKind[];

export default defineRoute({
  method: 'PATCH',
  url: '/api/cases/:id/details/:kind',
  access: 'cases.change',
  summary: "Change a case's EHCP, medico-legal, housing or workplace details; deadlines follow",
  tags: ['cases'],
  response: caseDetail,
  params: z.object({ id, kind: z.enum(KINDS) }),
  body: z.record(z.string(), z.unknown()),
  handler: async ({ ctx, params, body }) => updateCaseDetail(ctx, params.id, params.kind, body as never),
});
