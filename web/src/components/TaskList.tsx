/** Tasks as a clinician scans them: due date, what, whose, how hard the deadline is, and which rule made it. */
import { useState } from 'react';
import { Link } from 'wouter';
import { api } from '../api/client.js';
import type { Task } from '../api/types.js';
import { humanise, ukDate } from '../format.js';
import { useNotice } from '../session.js';

/** Marks a task done, saying so (or why not) in the notice region; `busy` is the task in flight. */
export function useMarkDone(onChanged: () => void): { busy: string | null; markDone: (id: string, title: string) => Promise<void> } {
  const { showError, showStatus } = useNotice();
  const [busy, setBusy] = useState<string | null>(null);
  async function markDone(id: string, title: string) {
    setBusy(id);
    try {
      await api.post(`/api/tasks/${id}/complete`, { outcome: 'done' });
      showStatus(`Marked done: ${title}`);
      onChanged();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(null);
    }
  }
  return { busy, markDone };
}

export function TaskList({
  tasks,
  label,
  showClient = true,
  onChanged,
  empty,
}: {
  tasks: Task[];
  label: string;
  showClient?: boolean;
  onChanged: () => void;
  empty: string;
}) {
  const { busy, markDone } = useMarkDone(onChanged);
  const complete = (t: Task) => markDone(t.id, t.title);

  if (tasks.length === 0) return <p className="empty">{empty}</p>;
  return (
    <table className="table tasks" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">Due</th>
          <th scope="col">Task</th>
          {showClient && <th scope="col">Client</th>}
          <th scope="col">Deadline</th>
          <th scope="col">Rule</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {tasks.map((t) => (
          <tr key={t.id}>
            <td className="nowrap">{ukDate(t.due_on)}</td>
            <td>
              <span className="task-title">{t.title}</span>
              <span className="muted small"> · {humanise(t.kind)}</span>
            </td>
            {showClient && (
              <td>{t.client_id ? <Link href={`/clients/${t.client_id}`}>{t.client_name ?? 'Open client'}</Link> : <span className="muted">—</span>}</td>
            )}
            <td>
              <span className={`badge ${t.hardness === 'hard' ? 'hard' : 'soft'}`}>{t.hardness === 'hard' ? 'Hard' : 'Soft'}</span>
            </td>
            <td>{t.rule_id ? <code>{t.rule_id}</code> : <span className="muted">—</span>}</td>
            <td className="actions">
              <button type="button" className="secondary small" disabled={busy === t.id} onClick={() => void complete(t)} aria-label={`Mark done: ${t.title}`}>
                Mark done
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
