import { updateMyDetailsInput, userRow } from '../../../contract/practice.js';
import { updateMyDetails } from '../../../services/users/update-my-details.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'PATCH',
  url: '/api/account/details',
  access: 'signed_in',
  summary: 'Change your own qualifications, professional bodies and HCPC number (what your signature shows)',
  tags: ['settings'],
  body: updateMyDetailsInput,
  response: userRow,
  handler: async ({ ctx, body }) => updateMyDetails(ctx, body),
});
