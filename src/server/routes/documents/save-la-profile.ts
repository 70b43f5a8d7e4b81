import { laProfile } from '../../../contract/documents.js';
import { laProfileInput } from '../../../contract/findings.js';
import { saveLaProfile } from '../../../services/documents/la-profiles.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'PUT',
  url: '/api/la-profiles',
  access: 'la_profiles.change',
  summary: "Create or replace an LA's profile",
  tags: ['documents'],
  response: laProfile,
  body: laProfileInput,
  handler: async ({ ctx, body }) => saveLaProfile(ctx, body),
});
