import { idParams } from '../../../contract/common.js';
import { taskHistoryResponse } from '../../../contract/tasks.js';
import { listTaskHistory } from '../../../services/tasks/list-task-history.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'GET',
  url: '/api/tasks/:id/history',
  access: 'signed_in',
  summary: 'A task and what was done to it: done, waived, snoozed, reopened, by whom and why',
  tags: ['tasks'],
  response: taskHistoryResponse,
  params: idParams,
  handler: async ({ ctx, params }) => listTaskHistory(ctx, params.id),
});
