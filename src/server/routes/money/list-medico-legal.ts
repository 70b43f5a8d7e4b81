import { listMedicoLegalResponse, queryFlag } from '../../../contract/money.js';
import { z } from 'zod';
import { ML_STAGES } from '../../../domain/vocabulary.js';
import { listMedicoLegal } from '../../../services/medico-legal/list-medico-legal.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'GET',
  url: '/api/medico-legal',
  access: 'signed_in',
  tags: ['money'],
  response: listMedicoLegalResponse,
  summary: 'Medico-legal instructions with stage, next court date and deferred fees',
  query: z.object({ stage: z.enum(ML_STAGES).optional(), all: queryFlag }).strict(),
  handler: async ({ ctx, query }) => listMedicoLegal(ctx, { stage: query.stage, include_closed: query.all }),
});
