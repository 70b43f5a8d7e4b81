import { z } from 'zod';
import { authorisationDetailInput, caseDetail, updateAuthorisationInput } from '../../../contract/cases.js';
import { id } from '../../../contract/common.js';
import { invalid } from '../../../domain/errors.js';
import { addAuthorisation, updateAuthorisation, updateCaseDetail, type DetailKind } from '../../../services/cases/update-case-details.js';
import { defineRoute } from '../../route.js';

const KINDS = ['ehcp', 'medico_legal', 'housing', 'workplace'] as const;

export const updateDetail = defineRoute({
  method: 'PATCH',
  url: '/api/cases/:id/details/:kind',
  access: 'cases.change',
  summary: "Change a case's EHCP, medico-legal, housing or workplace details; deadlines follow",
  tags: ['cases'],
  response: caseDetail,
  params: z.object({ id, kind: z.enum(KINDS) }),
  body: z.record(z.string(), z.unknown()),
  handler: async ({ ctx, params, body }) => {
    if (!KINDS.includes(params.kind)) throw invalid('Unknown detail kind.', 'kind');
    return updateCaseDetail(ctx, params.id, params.kind as DetailKind, body as never);
  },
});

export const addCaseAuthorisation = defineRoute({
  method: 'POST',
  url: '/api/cases/:id/authorisations',
  access: 'authorisations.record',
  summary: 'Record an insurer authorisation on a case',
  tags: ['cases'],
  response: caseDetail,
  params: z.object({ id }),
  body: authorisationDetailInput,
  status: 201,
  handler: async ({ ctx, params, body }) => addAuthorisation(ctx, params.id, body),
});

export const patchAuthorisation = defineRoute({
  method: 'PATCH',
  url: '/api/authorisations/:id',
  access: 'authorisations.record',
  summary: 'Extend or correct an authorisation; its expiry deadline moves',
  tags: ['cases'],
  response: caseDetail,
  params: z.object({ id }),
  body: updateAuthorisationInput,
  handler: async ({ ctx, params, body }) => updateAuthorisation(ctx, params.id, body),
});
