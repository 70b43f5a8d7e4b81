/** Drafting, checks, review, signing, sending and download of a case's documents. */
import { z } from 'zod';
import { id, longText } from '../../../contract/common.js';
import {
  checkProvisionResponse,
  deleteLaProfileResponse,
  documentView,
  draftInput,
  editBlockInput,
  laProfile,
  listDocumentsInput,
  listDocumentsResponse,
  listLaProfilesResponse,
  renderFormat,
  sendInput,
  signInput,
} from '../../../contract/documents.js';
import { laProfileInput } from '../../../contract/findings.js';
import { checkProvisionText } from '../../../services/documents/check-provision-text.js';
import { draftDocument } from '../../../services/documents/draft-document.js';
import { editBlock } from '../../../services/documents/edit-block.js';
import { getDocument } from '../../../services/documents/get-document.js';
import { listDocuments } from '../../../services/documents/list-documents.js';
import { redraftDocument } from '../../../services/documents/redraft-document.js';
import { renderDocument } from '../../../services/documents/render-document.js';
import { sendDocument } from '../../../services/documents/send-document.js';
import { signDocument } from '../../../services/documents/sign-document.js';
import { submitForReview } from '../../../services/documents/submit-for-review.js';
import { deleteLaProfile, listLaProfiles, saveLaProfile } from '../../../services/documents/la-profiles.js';
import { defineRoute, rawResponse } from '../../route.js';

const byId = z.object({ id });
const num = z.coerce.number().int().min(1);

export const listDocs = defineRoute({
  method: 'GET',
  url: '/api/documents',
  access: 'clinical.read',
  summary: 'Documents, most recently changed first',
  tags: ['documents'],
  response: listDocumentsResponse,
  query: listDocumentsInput.extend({ limit: z.coerce.number().int().min(1).max(1000).optional() }),
  handler: async ({ ctx, query }) => listDocuments(ctx, query),
});

export const draftDoc = defineRoute({
  method: 'POST',
  url: '/api/documents',
  access: 'clinical.write',
  summary: "Draft a document of a kind from the case's recorded findings",
  tags: ['documents'],
  response: documentView,
  body: draftInput,
  status: 201,
  handler: async ({ ctx, body }) => draftDocument(ctx, body),
});

export const getDoc = defineRoute({
  method: 'GET',
  url: '/api/documents/:id',
  access: 'clinical.read',
  summary: 'A document version with provenance, still-needed list and checks',
  tags: ['documents'],
  response: documentView,
  params: byId,
  query: z.object({ version: num.optional() }),
  handler: async ({ ctx, params, query }) => getDocument(ctx, params.id, query.version === undefined ? {} : { version: query.version }),
});

export const editDocBlock = defineRoute({
  method: 'PATCH',
  url: '/api/documents/:id/blocks',
  access: 'clinical.write',
  summary: 'Rewrite one block; always makes a new version (a signed version never changes)',
  tags: ['documents'],
  response: documentView,
  params: byId,
  body: editBlockInput,
  handler: async ({ ctx, params, body }) => editBlock(ctx, params.id, body),
});

export const redraftDoc = defineRoute({
  method: 'POST',
  url: '/api/documents/:id/redraft',
  access: 'clinical.write',
  summary: 'Recompose from the findings as they are now: a new version',
  tags: ['documents'],
  response: documentView,
  params: byId,
  handler: async ({ ctx, params }) => redraftDocument(ctx, params.id),
});

export const reviewDoc = defineRoute({
  method: 'POST',
  url: '/api/documents/:id/review',
  access: 'clinical.write',
  summary: 'Send the draft for review',
  tags: ['documents'],
  response: documentView,
  params: byId,
  handler: async ({ ctx, params }) => submitForReview(ctx, params.id),
});

export const signDoc = defineRoute({
  method: 'POST',
  url: '/api/documents/:id/sign',
  access: 'documents.sign',
  summary: 'Sign the version in review as the signed-in clinician',
  tags: ['documents'],
  response: documentView,
  params: byId,
  body: signInput.omit({ signer_id: true }).optional(),
  handler: async ({ ctx, params, body }) => signDocument(ctx, params.id, body ?? {}),
});

export const sendDoc = defineRoute({
  method: 'POST',
  url: '/api/documents/:id/send',
  access: 'clinical.write',
  summary: 'Mark the signed version sent and log the correspondence entry',
  tags: ['documents'],
  response: documentView,
  params: byId,
  body: sendInput.optional(),
  handler: async ({ ctx, params, body }) => sendDocument(ctx, params.id, body ?? {}),
});

export const downloadDoc = defineRoute({
  method: 'GET',
  url: '/api/documents/:id/file',
  access: 'clinical.read',
  summary: 'Download as DOCX, HTML or Markdown ("DRAFT — not for circulation" until signed)',
  tags: ['documents'],
  response: rawResponse('The document as DOCX, HTML or Markdown', 'application/octet-stream'),
  params: byId,
  query: z.object({ format: renderFormat.default('docx'), version: num.optional() }),
  handler: async ({ ctx, params, query, reply }) => {
    const r = await renderDocument(ctx, params.id, query.format, query.version === undefined ? {} : { version: query.version });
    reply
      .header('content-type', r.content_type)
      .header('content-disposition', `attachment; filename="${r.filename}"`)
      .header('cache-control', 'no-store')
      .header('x-content-hash', r.content_hash);
    // An HTML preview must never run anything it holds, even if escaping were bypassed.
    if (query.format === 'html') reply.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
    return r.content;
  },
});

export const checkProvision = defineRoute({
  method: 'POST',
  url: '/api/check/provision',
  access: 'clinical.read',
  summary: 'Section F specificity check (EHCP-F-01) on text: one provision per line, or a whole document',
  tags: ['documents'],
  response: checkProvisionResponse,
  body: z.object({ text: longText.or(z.string().max(200_000)) }),
  handler: async ({ body }) => ({ findings: checkProvisionText(body.text) }),
});

export const listProfiles = defineRoute({
  method: 'GET',
  url: '/api/la-profiles',
  access: 'clinical.read',
  summary: 'Local authority profiles for EHCP advice layout',
  tags: ['documents'],
  response: listLaProfilesResponse,
  handler: async ({ ctx }) => listLaProfiles(ctx),
});

export const saveProfile = defineRoute({
  method: 'PUT',
  url: '/api/la-profiles',
  access: 'la_profiles.change',
  summary: "Create or replace an LA's profile",
  tags: ['documents'],
  response: laProfile,
  body: laProfileInput,
  handler: async ({ ctx, body }) => saveLaProfile(ctx, body),
});

export const deleteProfile = defineRoute({
  method: 'DELETE',
  url: '/api/la-profiles/:id',
  access: 'la_profiles.change',
  summary: 'Delete an LA profile (EHCP advice falls back to the SEND Code layout)',
  tags: ['documents'],
  response: deleteLaProfileResponse,
  params: byId,
  handler: async ({ ctx, params }) => deleteLaProfile(ctx, params.id),
});
