import { idParams } from '../../../contract/common.js';
import { contact, updateContactInput } from '../../../contract/organisations.js';
import { updateContact } from '../../../services/organisations/update-contact.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'PATCH',
  url: '/api/contacts/:id',
  access: 'signed_in',
  summary: 'Change a person at an organisation',
  tags: ['organisations'],
  response: contact,
  params: idParams,
  body: updateContactInput,
  handler: async ({ ctx, params, body }) => updateContact(ctx, params.id, body),
});
