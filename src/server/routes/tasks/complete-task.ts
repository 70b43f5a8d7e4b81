import { idParams } from '../../../contract/common.js';
import { completeTaskInput, task } from '../../../contract/tasks.js';
import { completeTask } from '../../../services/tasks/complete-task.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'POST',
  url: '/api/tasks/:id/complete',
  access: 'signed_in',
  summary: 'Mark a task done or waived',
  tags: ['tasks'],
  response: task,
  params: idParams,
  body: completeTaskInput,
  handler: async ({ ctx, params, body }) => completeTask(ctx, params.id, body),
});
