import { z } from 'zod';
import { longText } from '../../../contract/common.js';
import { checkProvisionResponse } from '../../../contract/documents.js';
import { checkProvisionText } from '../../../services/documents/check-provision-text.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'POST',
  url: '/api/check/provision',
  access: 'clinical.read',
  summary: 'Section F specificity check (EHCP-F-01) on text: one provision per line, or a whole document',
  tags: ['documents'],
  response: checkProvisionResponse,
  body: z.object({ text: longText.or(z.string().max(200_000)) }),
  handler: async ({ body }) => ({ findings: checkProvisionText(body.text) }),
});
