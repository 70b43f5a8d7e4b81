import { practice } from '../../../contract/practice.js';
import { getPractice } from '../../../services/practice/get-practice.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'GET',
  url: '/api/practice',
  access: 'signed_in',
  summary: 'The practice’s details and letterhead',
  tags: ['settings'],
  response: practice,
  handler: async ({ ctx }) => getPractice(ctx.db),
});
