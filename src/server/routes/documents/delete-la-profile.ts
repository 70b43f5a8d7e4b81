import { idParams } from '../../../contract/common.js';
import { deleteLaProfileResponse } from '../../../contract/documents.js';
import { deleteLaProfile } from '../../../services/documents/la-profiles.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'DELETE',
  url: '/api/la-profiles/:id',
  access: 'la_profiles.change',
  summary: 'Delete an LA profile (EHCP advice falls back to the SEND Code layout)',
  tags: ['documents'],
  response: deleteLaProfileResponse,
  params: idParams,
  handler: async ({ ctx, params }) => deleteLaProfile(ctx, params.id),
});
