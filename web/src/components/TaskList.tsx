/**
 * Tasks as a clinician scans and acts on them: due date, what (and why, and where its work is
 * done), whose, how hard the deadline is; Done, Snooze and the task's history on each row.
 */
import type { ReactNode } from 'react';
import { Link } from 'wouter';
import type { TaskRow as StoredTask } from '../../../src/contract/tasks.js';
import { taskWorkLink } from '../../../src/domain/deadlines/work-link.js';
import { humanise } from '../format.js';
import { Table } from './Table.js';
import { DoneForm, SnoozeForm, TaskHistory, useTaskPanels } from './TaskActions.js';
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
  case_id: string | null;
  rule_id: string | null;
  trigger_kind: string | null;
  trigger_ref: string | null;
  /** Why a rule-made task is due when it is; shown under the title when given. */
  reason?: string | null;
  /** What kind of obligation it is in words ("statutory", "contractual", "practice default"); the task's kind otherwise. */
  obligation?: string;
  /** How far the rule behind it is checked, in words ("Practice default — check your instructions"). */
  standing?: string | null;
}

/** Any task the API answers with, listed or on a client's record (which has no names to add). */
export const taskRow = (t: StoredTask): TaskRow => ({ ...t, hard: t.hardness === 'hard' });

/** The two kinds of deadline in words: a hard one is set by statute or a court, a soft one by the practice or a contract. */
export const DEADLINE_WORDS = { hard: 'Statutory or court', soft: 'Practice target' } as const;

export function DeadlineBadge({ hard }: { hard: boolean }) {
  return (
    <span
      className={`badge ${hard ? 'hard' : 'soft'}`}
      title={hard ? 'A statutory or court deadline: it cannot slip' : 'A practice or contract target: it can move if it must'}
    >
      {hard ? DEADLINE_WORDS.hard : DEADLINE_WORDS.soft}
    </span>
  );
}

export function TaskList({
  tasks,
  label,
  showClient = true,
  whatHeader = 'Task',
  onChanged,
  empty,
}: {
  tasks: TaskRow[];
  label: string;
  showClient?: boolean;
  whatHeader?: string;
  onChanged: () => void;
  empty: ReactNode;
}) {
  const panels = useTaskPanels();
  const done = () => {
    panels.close();
    onChanged();
  };
  return (
    <Table
      label={label}
      className="tasks"
      rows={tasks}
      rowKey={(t) => t.id}
      rowClassName={(t) => (panels.open?.id === t.id ? 'acting' : undefined)}
      empty={empty}
      columns={[
        { header: 'Due', cell: (t) => <UkDate iso={t.due_on} />, className: 'nowrap' },
        {
          header: whatHeader,
          cell: (t) => {
            const work = taskWorkLink(t);
            const open = panels.open?.id === t.id ? panels.open.panel : null;
            return (
              <>
                <span className="task-title">{t.title}</span>
                <span className="muted small"> · {t.obligation ?? humanise(t.kind)}</span>
                {t.standing && t.standing.startsWith('Practice default') && <span className="badge soft small"> {t.standing}</span>}
                {work && (
                  <div className="small">
                    <Link href={work.href} aria-label={`${work.label}: ${t.title}`}>
                      {work.label} →
                    </Link>
                  </div>
                )}
                {t.rule_id && (
                  <details className="why">
                    <summary>Why</summary>
                    <p className="small">
                      {t.reason ?? 'Set by a deadline rule.'} <code className="rule-tag">{t.rule_id}</code>
                    </p>
                    {t.standing && <p className="small muted">{t.standing}.</p>}
                  </details>
                )}
                {open === 'done' && <DoneForm task={t} onDone={done} onCancel={panels.close} />}
                {open === 'snooze' && <SnoozeForm task={t} onDone={done} onCancel={panels.close} />}
                {open === 'history' && <TaskHistory task={t} onChanged={onChanged} />}
              </>
            );
          },
        },
        showClient && {
          header: 'Client',
          cell: (t) => t.client_name ?? (t.client_id ? 'Open client' : <span className="muted">—</span>),
          href: (t) => (t.client_id ? `/clients/${t.client_id}` : null),
        },
        { header: 'Deadline', cell: (t) => <DeadlineBadge hard={t.hard} /> },
        {
          header: <span className="visually-hidden">Actions</span>,
          label: '',
          className: 'actions',
          cell: (t) => {
            const open = panels.open?.id === t.id ? panels.open.panel : null;
            return (
              <span className="buttons task-buttons">
                <button
                  type="button"
                  className="secondary small"
                  aria-expanded={open === 'done'}
                  onClick={() => panels.toggle(t.id, 'done')}
                  aria-label={`Done: ${t.title}`}
                >
                  Done
                </button>
                <button
                  type="button"
                  className="secondary small"
                  aria-expanded={open === 'snooze'}
                  onClick={() => panels.toggle(t.id, 'snooze')}
                  aria-label={`Snooze: ${t.title}`}
                >
                  Snooze
                </button>
                <button
                  type="button"
                  className="link small"
                  aria-expanded={open === 'history'}
                  onClick={() => panels.toggle(t.id, 'history')}
                  aria-label={`History: ${t.title}`}
                >
                  History
                </button>
              </span>
            );
          },
        },
      ]}
    />
  );
}
