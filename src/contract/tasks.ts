import { z } from 'zod';
import { TASK_HARDNESS, TASK_KINDS, TASK_STATUSES } from '../domain/vocabulary.js';
import { id, isoDate, longText, shortText } from './common.js';

export const addTaskInput = z
  .object({
    title: shortText.min(1, 'is required'),
    due_on: isoDate,
    kind: z.enum(TASK_KINDS, { error: `must be one of ${TASK_KINDS.join(', ')}` }).optional(),
    hardness: z.enum(TASK_HARDNESS, { error: 'must be hard or soft' }).optional(),
    client_id: id.optional(),
    case_id: id.optional(),
    assignee_id: id.optional(),
    notes: longText.optional(),
  })
  .strict();
export type AddTaskInput = z.input<typeof addTaskInput>;

export const listTasksInput = z
  .object({
    status: z.enum(TASK_STATUSES).optional(),
    client_id: id.optional(),
    case_id: id.optional(),
    assignee_id: id.optional(),
    due_before: isoDate.optional(),
    limit: z.coerce.number().int().min(1).max(10_000).optional(),
  })
  .strict();
export type ListTasksInput = z.input<typeof listTasksInput>;

export const completeTaskInput = z.object({ outcome: z.enum(['done', 'waived']).optional(), on: isoDate.optional(), note: shortText.optional() }).strict();
export type CompleteTaskInput = z.input<typeof completeTaskInput>;

export const snoozeTaskInput = z.object({ until: isoDate }).strict();

// What the API answers: the route serialises through these, so a field not listed never leaves the server.
export const taskRow = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.string(),
  hardness: z.string(),
  due_on: z.string(),
  status: z.string(),
  reason: z.string().nullable(),
  rule_id: z.string().nullable(),
  rule_key: z.string().nullable(),
  trigger_kind: z.string().nullable(),
  trigger_on: z.string().nullable(),
  trigger_ref: z.string().nullable(),
  snoozed_until: z.string().nullable(),
  assignee_id: z.string().nullable(),
  client_id: z.string().nullable(),
  case_id: z.string().nullable(),
  notes: z.string(),
  completed_on: z.string().nullable(),
  created_at: z.string(),
});
export type TaskRow = z.infer<typeof taskRow>;
/** A task with the names of its client and assignee, as task lists show it. */
export const task = taskRow.extend({ client_name: z.string().nullable(), assignee_name: z.string().nullable() });
export const listTasksResponse = z.object({ tasks: z.array(task) });
