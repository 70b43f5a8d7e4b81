import { listTasksInput, listTasksResponse } from '../../../contract/tasks.js';
import { listTasks } from '../../../services/tasks/list-tasks.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'GET',
  url: '/api/tasks',
  access: 'signed_in',
  summary: 'Tasks by due date',
  tags: ['tasks'],
  query: listTasksInput,
  response: listTasksResponse,
  handler: async ({ ctx, query }) => ({ tasks: await listTasks(ctx, query) }),
});
