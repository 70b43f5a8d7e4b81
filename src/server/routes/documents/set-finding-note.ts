import { z } from 'zod';
import { id } from '../../../contract/common.js';
import { noteInput, setFindingNoteResponse } from '../../../contract/findings.js';
import { setNote } from '../../../services/findings/set-note.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'PUT',
  url: '/api/cases/:caseId/findings/notes',
  access: 'clinical.write',
  summary: 'Set one narrative finding by key (empty text removes it)',
  tags: ['documents'],
  response: setFindingNoteResponse,
  params: z.object({ caseId: id }),
  body: noteInput,
  handler: async ({ ctx, params, body }) => setNote(ctx, params.caseId, body),
});
