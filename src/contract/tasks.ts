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

/**
 * A statutory or court deadline leaves the list only with a one-line confirmation from the
 * person (how it was met, why it is waived, why it can wait); a practice target needs none.
 */
const confirmation = z.string().trim().max(200, 'is too long (one line, 200 characters at most)').optional();

export const completeTaskInput = z
  .object({ outcome: z.enum(['done', 'waived']).optional(), on: isoDate.optional(), note: shortText.optional(), confirmation })
  .strict();
export type CompleteTaskInput = z.input<typeof completeTaskInput>;

export const snoozeTaskInput = z.object({ until: isoDate, reason: shortText.min(1, 'is required: say why it can wait'), confirmation }).strict();
export type SnoozeTaskInput = z.input<typeof snoozeTaskInput>;

/** Reopens a done or waived task, or brings a snoozed one back to today (an Undo). */
export const reopenTaskInput = z.object({ note: shortText.optional() }).strict();
export type ReopenTaskInput = z.input<typeof reopenTaskInput>;

export const TASK_EVENT_ACTIONS = ['done', 'waived', 'snoozed', 'reopened', 'unsnoozed'] as const;
export const recentTaskEventsInput = z.object({ days: z.coerce.number().int().min(1).max(90).optional() }).strict();
export type RecentTaskEventsInput = z.input<typeof recentTaskEventsInput>;

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

/** One thing done to a task, by whom, with the note, reason or confirmation they gave. */
export const taskEvent = z.object({
  id: z.string(),
  task_id: z.string(),
  at: z.string(),
  action: z.enum(TASK_EVENT_ACTIONS),
  until: z.string().nullable(),
  note: z.string(),
  confirmation: z.string(),
  by: z.string().nullable(),
});
export type TaskEvent = z.infer<typeof taskEvent>;
export const taskHistoryResponse = z.object({ task, events: z.array(taskEvent) });
export type TaskHistoryResponse = z.infer<typeof taskHistoryResponse>;

/** A recent action of the person's own that can still be undone: the task is still done, waived or snoozed. */
export const recentTaskEvent = taskEvent.extend({
  task_title: z.string(),
  hard: z.boolean(),
  client_id: z.string().nullable(),
  client_name: z.string().nullable(),
});
export type RecentTaskEvent = z.infer<typeof recentTaskEvent>;
export const recentTaskEventsResponse = z.object({ events: z.array(recentTaskEvent) });
export type RecentTaskEventsResponse = z.infer<typeof recentTaskEventsResponse>;
