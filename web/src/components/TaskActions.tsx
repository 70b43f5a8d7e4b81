/**
 * What a person does with a task from a list: Done (with a note of what was sent), Snooze (to a
 * date, with the reason), Undo for a while afterwards, and the task's history. A statutory or
 * court deadline asks for a one-line confirmation before it leaves the list; the server asks
 * too, so the CLI and the API cannot skip it.
 */
import { useState } from 'react';
import { completeTaskInput, snoozeTaskInput, type TaskHistoryResponse, type TaskRow as Task } from '../../../src/contract/tasks.js';
import { api } from '../api/client.js';
import { ukDate, ukDateTime } from '../format.js';
import { useNotice } from '../session.js';
import { Async, useResource } from './Async.js';
import { Field } from './Field.js';
import { Form, useForm } from './Form.js';

export interface ActionTask {
  id: string;
  title: string;
  hard: boolean;
}

/** Undoes a Done, a Waive or a Snooze; says so, and offers nothing further to undo. */
export function useUndoTask(onChanged: () => void): (task: { id: string; title: string }) => Promise<void> {
  const { showError, showStatus } = useNotice();
  return async (task) => {
    try {
      await api.post<Task>(`/api/tasks/${task.id}/reopen`, {});
      showStatus(`Back on the list: ${task.title}`);
      onChanged();
    } catch (e) {
      showError(e);
    }
  };
}

const CONFIRM_HINT = 'A statutory or court deadline: one line for the record.';

export function DoneForm({ task, onDone, onCancel }: { task: ActionTask; onDone: () => void; onCancel: () => void }) {
  const { showStatus } = useNotice();
  const undo = useUndoTask(onDone);
  const form = useForm({
    initial: { note: '', confirmation: '' },
    schema: completeTaskInput,
    onSubmit: async (input) => {
      await api.post<Task>(`/api/tasks/${task.id}/complete`, input);
      showStatus(`Marked done: ${task.title}`, { label: 'Undo', run: () => void undo(task) });
      onDone();
    },
  });
  return (
    <Form form={form} label={`Mark done: ${task.title}`} className="subform task-action" submitLabel="Mark done" busyLabel="Saving…" onCancel={onCancel}>
      <Field form={form} name="note" label="What was sent or done (optional)" />
      {task.hard && <Field form={form} name="confirmation" label="How was this deadline met?" hint={CONFIRM_HINT} required />}
    </Form>
  );
}

export function SnoozeForm({ task, onDone, onCancel }: { task: ActionTask; onDone: () => void; onCancel: () => void }) {
  const { showStatus } = useNotice();
  const undo = useUndoTask(onDone);
  const form = useForm({
    initial: { until: '', reason: '', confirmation: '' },
    schema: snoozeTaskInput,
    onSubmit: async (input) => {
      const t = await api.post<Task>(`/api/tasks/${task.id}/snooze`, input);
      showStatus(`Snoozed until ${ukDate(t.snoozed_until)}: ${task.title}`, { label: 'Undo', run: () => void undo(task) });
      onDone();
    },
  });
  return (
    <Form form={form} label={`Snooze: ${task.title}`} className="subform task-action" submitLabel="Snooze" busyLabel="Saving…" onCancel={onCancel}>
      <Field form={form} name="until" label="Snooze until" type="date" required />
      <Field form={form} name="reason" label="Why it can wait" required />
      {task.hard && <Field form={form} name="confirmation" label="Why can this deadline wait?" hint={CONFIRM_HINT} required />}
    </Form>
  );
}

const ACTION_WORDS: Record<string, string> = {
  done: 'Marked done',
  waived: 'Waived',
  snoozed: 'Snoozed',
  reopened: 'Reopened',
  unsnoozed: 'Woken from snooze',
};

/** Everything done to a task, oldest first, with Reopen when it is closed or asleep. */
export function TaskHistory({ task, onChanged }: { task: ActionTask; onChanged: () => void }) {
  const history = useResource(() => api.get<TaskHistoryResponse>(`/api/tasks/${task.id}/history`), [task.id]);
  const undo = useUndoTask(() => {
    history.reload();
    onChanged();
  });
  return (
    <div className="subform task-history" aria-label={`History of ${task.title}`} role="region">
      <Async resource={history} loading="Loading the history…">
        {(h) => {
          const asleep = h.task.status === 'open' && h.task.snoozed_until !== null;
          return (
            <>
              {h.events.length === 0 ? (
                <p className="muted small">Nothing has been done to this task yet.</p>
              ) : (
                <ol className="history-list">
                  {h.events.map((e) => (
                    <li key={e.id}>
                      <span className="small muted">{ukDateTime(e.at)}</span> {ACTION_WORDS[e.action] ?? e.action}
                      {e.until ? ` until ${ukDate(e.until)}` : ''}
                      {e.by ? ` by ${e.by}` : ''}
                      {e.confirmation ? `: ${e.confirmation}` : ''}
                      {e.note ? <span className="muted"> ({e.note})</span> : null}
                    </li>
                  ))}
                </ol>
              )}
              {(h.task.status !== 'open' || asleep) && (
                <button type="button" className="secondary small" onClick={() => void undo(task)}>
                  {asleep ? 'Bring back today' : 'Reopen'}
                </button>
              )}
            </>
          );
        }}
      </Async>
    </div>
  );
}

/** Which of a row's panels is open: none, Done, Snooze or History. */
export type TaskPanel = 'done' | 'snooze' | 'history' | null;

export function useTaskPanels(): { open: { id: string; panel: TaskPanel } | null; toggle: (id: string, panel: TaskPanel) => void; close: () => void } {
  const [open, setOpen] = useState<{ id: string; panel: TaskPanel } | null>(null);
  return {
    open,
    toggle: (id, panel) => setOpen((o) => (o?.id === id && o.panel === panel ? null : { id, panel })),
    close: () => setOpen(null),
  };
}
