import { idParams } from '../../../contract/common.js';
import { snoozeTaskInput, task } from '../../../contract/tasks.js';
import { snoozeTask } from '../../../services/tasks/snooze-task.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'POST',
  url: '/api/tasks/:id/snooze',
  access: 'signed_in',
  summary: 'Hide a task from Today until a later date',
  tags: ['tasks'],
  response: task,
  params: idParams,
  body: snoozeTaskInput,
  handler: async ({ ctx, params, body }) => snoozeTask(ctx, params.id, body),
});
