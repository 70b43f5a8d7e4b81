import { practice, updatePracticeInput } from '../../../contract/practice.js';
import { updatePractice } from '../../../services/practice/update-practice.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'PATCH',
  url: '/api/practice',
  access: 'practice.change',
  summary: 'Change the practice’s details (owner only)',
  tags: ['settings'],
  response: practice,
  body: updatePracticeInput,
  handler: async ({ ctx, body }) => updatePractice(ctx, body),
});
