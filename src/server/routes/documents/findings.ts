/** A case's structured findings. Clinical: owners and clinicians only. */
import { z } from 'zod';
import { id } from '../../../contract/common.js';
import { FINDING_KINDS, deleteFindingResponse, finding, getCaseFindingsResponse, noteInput, setFindingNoteResponse } from '../../../contract/findings.js';
import { addFinding } from '../../../services/findings/add-finding.js';
import { deleteFinding } from '../../../services/findings/delete-finding.js';
import { getFindings } from '../../../services/findings/get-findings.js';
import { setNote } from '../../../services/findings/set-note.js';
import { updateFinding } from '../../../services/findings/update-finding.js';
import { defineRoute } from '../../route.js';

const kind = z.enum(FINDING_KINDS);

export const getCaseFindings = defineRoute({
  method: 'GET',
  url: '/api/cases/:caseId/findings',
  access: 'clinical.read',
  summary: "A case's structured findings, with COPM change and GAS T-scores",
  tags: ['documents'],
  response: getCaseFindingsResponse,
  params: z.object({ caseId: id }),
  handler: async ({ ctx, params }) => getFindings(ctx, params.caseId),
});

export const putFindingNote = defineRoute({
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

export const addCaseFinding = defineRoute({
  method: 'POST',
  url: '/api/cases/:caseId/findings/:kind',
  access: 'clinical.write',
  summary: 'Add a need, observation or recommendation (item), an assessment, a goal or a provision line',
  tags: ['documents'],
  response: finding,
  params: z.object({ caseId: id, kind }),
  body: z.record(z.string(), z.unknown()),
  status: 201,
  handler: async ({ ctx, params, body }) => addFinding(ctx, params.caseId, params.kind, body as never),
});

export const updateCaseFinding = defineRoute({
  method: 'PATCH',
  url: '/api/findings/:kind/:id',
  access: 'clinical.write',
  summary: 'Change fields of one finding',
  tags: ['documents'],
  response: finding,
  params: z.object({ kind, id }),
  body: z.record(z.string(), z.unknown()),
  handler: async ({ ctx, params, body }) => updateFinding(ctx, params.kind, params.id, body as never),
});

export const deleteCaseFinding = defineRoute({
  method: 'DELETE',
  url: '/api/findings/:kind/:id',
  access: 'clinical.write',
  summary: 'Delete one finding',
  tags: ['documents'],
  response: deleteFindingResponse,
  params: z.object({ kind, id }),
  handler: async ({ ctx, params }) => deleteFinding(ctx, params.kind, params.id),
});
