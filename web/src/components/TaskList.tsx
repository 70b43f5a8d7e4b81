/** Tasks as a clinician scans them: due date, what, whose, how hard the deadline is, and which rule made it. */
import { useState, type ReactNode } from 'react';
import { api } from '../api/client.js';
import type { TaskRow as StoredTask } from '../../../src/contract/tasks.js';
import { humanise } from '../format.js';
import { useNotice } from '../session.js';
import { Table } from './Table.js';
import { UkDate } from './UkDate.js';

/** A task as the lists show it, whether it came from a client's record or from the briefing. */
export interface TaskRow {
  id: string;
  title: string;
  kind: string;
  due_on: string;
  hard: boolean;
  client_id: string | null;
  client_name?: string | null;
  rule_id: string | null;
  /** Why a rule-made task is due when it is; shown under the title when given. */
  reason?: string | null;
  /** What kind of obligation it is in words ("statutory", "contractual", "practice default"); the task's kind otherwise. */
  obligation?: string;
  /** How far the rule behind it is checked, in words ("Practice default — check your instructions"). */
  standing?: string | null;
}

/** Any task the API answers with, listed or on a client's record (which has no names to add). */
export const taskRow = (t: StoredTask): TaskRow => ({ ...t, hard: t.hardness === 'hard' });

/** Marks a task done, saying so (or why not) in the notice region; `busy` is the task in flight. */
function useMarkDone(onChanged: () => void): { busy: string | null; markDone: (id: string, title: string) => Promise<void> } {
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
  ruleColumn = true,
  whatHeader = 'Task',
  onChanged,
  empty,
}: {
  tasks: TaskRow[];
  label: string;
  showClient?: boolean;
  /** The rule in a column of its own; otherwise a "Why" under the title. */
  ruleColumn?: boolean;
  whatHeader?: string;
  onChanged: () => void;
  empty: ReactNode;
}) {
  const { busy, markDone } = useMarkDone(onChanged);
  return (
    <Table
      label={label}
      className="tasks"
      rows={tasks}
      rowKey={(t) => t.id}
      empty={empty}
      columns={[
        { header: 'Due', cell: (t) => <UkDate iso={t.due_on} />, className: 'nowrap' },
        {
          header: whatHeader,
          cell: (t) => (
            <>
              <span className="task-title">{t.title}</span>
              <span className="muted small"> · {t.obligation ?? humanise(t.kind)}</span>
              {t.standing && t.standing.startsWith('Practice default') && <span className="badge soft small"> {t.standing}</span>}
              {!ruleColumn && t.rule_id && (
                <details className="why">
                  <summary>
                    Why: <code>{t.rule_id}</code>
                  </summary>
                  <p className="small">{t.reason}</p>
                  {t.standing && <p className="small muted">{t.standing}.</p>}
                </details>
              )}
            </>
          ),
        },
        showClient && {
          header: 'Client',
          cell: (t) => t.client_name ?? (t.client_id ? 'Open client' : <span className="muted">—</span>),
          href: (t) => (t.client_id ? `/clients/${t.client_id}` : null),
        },
        { header: 'Deadline', cell: (t) => <span className={`badge ${t.hard ? 'hard' : 'soft'}`}>{t.hard ? 'Hard' : 'Soft'}</span> },
        ruleColumn && { header: 'Rule', cell: (t) => (t.rule_id ? <code>{t.rule_id}</code> : <span className="muted">—</span>) },
        {
          header: <span className="visually-hidden">Actions</span>,
          className: 'actions',
          cell: (t) => (
            <button
              type="button"
              className="secondary small"
              disabled={busy === t.id}
              onClick={() => void markDone(t.id, t.title)}
              aria-label={`Mark done: ${t.title}`}
            >
              Mark done
            </button>
          ),
        },
      ]}
    />
  );
}
