import { addTaskInput, task } from '../../../contract/tasks.js';
import { addTask } from '../../../services/tasks/add-task.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'POST',
  url: '/api/tasks',
  access: 'signed_in',
  summary: 'Add a task',
  tags: ['tasks'],
  response: task,
  body: addTaskInput,
  status: 201,
  handler: async ({ ctx, body }) => addTask(ctx, body),
});
