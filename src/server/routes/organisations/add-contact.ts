import { idParams } from '../../../contract/common.js';
import { contact, contactInput } from '../../../contract/organisations.js';
import { addContact } from '../../../services/organisations/add-contact.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'POST',
  url: '/api/organisations/:id/contacts',
  access: 'signed_in',
  summary: 'Add a person at an organisation',
  tags: ['organisations'],
  response: contact,
  params: idParams,
  body: contactInput,
  status: 201,
  handler: async ({ ctx, params, body }) => addContact(ctx, params.id, body),
});
