import { listLaProfilesResponse } from '../../../contract/documents.js';
import { listLaProfiles } from '../../../services/documents/la-profiles.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'GET',
  url: '/api/la-profiles',
  access: 'clinical.read',
  summary: 'Local authority profiles for EHCP advice layout',
  tags: ['documents'],
  response: listLaProfilesResponse,
  handler: async ({ ctx }) => listLaProfiles(ctx),
});
