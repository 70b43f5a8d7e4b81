import { triageFilesResponse, uploadInput } from '../../../contract/inbox.js';
import { triageFiles } from '../../../services/inbox/triage-files.js';
import { defineRoute } from '../../route.js';
import { decodeUploads } from './uploaded-files.js';

export default defineRoute({
  method: 'POST',
  url: '/api/triage',
  access: 'inbox.use',
  summary: 'Triage letters and emails without storing them: category, client, references, dates, facts (one result or error per file)',
  tags: ['inbox'],
  response: triageFilesResponse,
  body: uploadInput,
  handler: async ({ ctx, body }) => triageFiles(decodeUploads(body.files), { today: ctx.clock.today() }),
});
