import { idParams } from '../../../contract/common.js';
import { reopenTaskInput, task } from '../../../contract/tasks.js';
import { reopenTask } from '../../../services/tasks/reopen-task.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'POST',
  url: '/api/tasks/:id/reopen',
  access: 'signed_in',
  summary: 'Undo: reopen a done or waived task, or bring a snoozed one back to today',
  tags: ['tasks'],
  response: task,
  params: idParams,
  body: reopenTaskInput,
  handler: async ({ ctx, params, body }) => reopenTask(ctx, params.id, body),
});
