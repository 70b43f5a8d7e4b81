import { medicoLegalInstruction, mlStageInput } from '../../../contract/money.js';
import { z } from 'zod';
import { id } from '../../../contract/common.js';
import { moveMedicoLegalStage } from '../../../services/medico-legal/move-medico-legal-stage.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'POST',
  url: '/api/cases/:id/medico-legal/stage',
  access: 'medico_legal.change',
  tags: ['money'],
  response: medicoLegalInstruction,
  summary: 'Move a medico-legal instruction to its next stage; its dates go through the deadline engine',
  params: z.object({ id }),
  body: mlStageInput,
  handler: async ({ ctx, params, body }) => moveMedicoLegalStage(ctx, params.id, body),
});
