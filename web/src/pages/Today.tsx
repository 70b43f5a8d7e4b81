/**
 * Today: the morning briefing. Overdue, due today, the rest of this week and the next four
 * weeks; statutory and court deadlines first; every rule-made item says which rule set it and why.
 */
import { useState } from 'react';
import { Link } from 'wouter';
import { api } from '../api/client.js';
import type { Briefing, BriefingItem, BriefingSection, User } from '../api/types.js';
import { ukDate, ukDateTime } from '../format.js';
import type { RecentTaskEventsResponse } from '../../../src/contract/tasks.js';
import { useUndoTask } from '../components/TaskActions.js';
import { useSession } from '../session.js';
import { SelectField } from '../components/Field.js';
import { TaskList, type TaskRow } from '../components/TaskList.js';
import '../deadlines/deadlines.css';
import { Async, useResource, type Resource } from '../components/Async.js';

const SECTIONS: { key: BriefingSection; title: string; empty: string }[] = [
  { key: 'overdue', title: 'Overdue', empty: 'Nothing is overdue.' },
  { key: 'today', title: 'Due today', empty: 'Nothing is due today.' },
  { key: 'this_week', title: 'This week', empty: 'Nothing else is due this week.' },
  { key: 'next_4_weeks', title: 'Next four weeks', empty: 'Nothing is due in the next four weeks.' },
];

export function TodayPage() {
  const { session } = useSession();
  const isOwner = session.user.role === 'owner';
  const [clinician, setClinician] = useState('');
  const briefing = useResource(() => api.get<Briefing>('/api/briefing', clinician ? { clinician_id: clinician } : undefined), [clinician]);
  const recent = useResource(() => api.get<RecentTaskEventsResponse>('/api/tasks/recent'), []);
  const reloadAll = () => {
    briefing.reload();
    recent.reload();
  };
  const users = useResource(() => (isOwner ? api.get<{ users: User[] }>('/api/users') : Promise.resolve({ users: [] as User[] })), [isOwner]);
  const first = session.user.name.split(' ')[0];
  return (
    <section aria-labelledby="today-heading">
      <div className="page-head">
        <div>
          <h1 id="today-heading">Today</h1>
          {briefing.data && <p className="muted">{`Good day, ${first}. It is ${ukDate(briefing.data.date)}.`}</p>}
        </div>
        {isOwner && (
          <SelectField label="Whose work" value={clinician} onChange={(e) => setClinician(e.target.value)}>
            <option value="">Everyone’s</option>
            {(users.data?.users ?? [])
              .filter((u) => u.role !== 'admin')
              .map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
          </SelectField>
        )}
      </div>
      <Async resource={briefing} loading="Loading today’s briefing…">
        {(data) => (
          <>
            <div className="summary-cards" aria-label="Summary">
              <div className={`summary ${data.counts.overdue ? 'warn' : ''}`}>
                <span className="n">{data.counts.overdue}</span> overdue
              </div>
              <div className="summary">
                <span className="n">{data.counts.today}</span> due today
              </div>
              <div className="summary">
                <span className="n">{data.counts.this_week}</span> more this week
              </div>
              <div className="summary">
                <span className="n">{data.counts.next_4_weeks}</span> in the next four weeks
              </div>
            </div>
            {SECTIONS.map((s) => {
              const items = data.items.filter((i) => i.section === s.key);
              const hidden = data.counts[s.key] - items.length;
              return (
                <section key={s.key} className="panel" aria-labelledby={`${s.key}-h`}>
                  <h2 id={`${s.key}-h`}>{s.title}</h2>
                  <TaskList tasks={items.map(briefingRow)} label={`${s.title} tasks`} whatHeader="What" onChanged={reloadAll} empty={s.empty} />
                  {hidden > 0 && <p className="muted">{`${hidden} more not shown: see Clients or the task lists.`}</p>}
                </section>
              );
            })}
            <RecentlyActed resource={recent} onChanged={reloadAll} />
            {data.later_count > 0 && (
              <p className="muted">
                {data.later_count >= 1000
                  ? '1,000 or more open tasks due later.'
                  : `${data.later_count} more open task${data.later_count === 1 ? '' : 's'} due later.`}
              </p>
            )}
            {data.dormant_sources && data.dormant_sources.length > 0 && (
              <section className="panel" aria-labelledby="dormant-h">
                <h2 id="dormant-h">Referrers worth a call</h2>
                <p className="muted small">Sources that have been quiet for more than twice their usual gap between referrals, and at least 90 days.</p>
                <ul>
                  {data.dormant_sources.slice(0, 10).map((d) => (
                    <li key={d.id}>
                      <Link href="/referrers">{d.name}</Link> <span className="muted small">({d.kind_label})</span>: no referral since {ukDate(d.last_referral)}
                      , {d.silence_days} days; usually every {Math.round(d.median_gap_days)} days.
                    </li>
                  ))}
                </ul>
              </section>
            )}
          </>
        )}
      </Async>
    </section>
  );
}

const briefingRow = (i: BriefingItem): TaskRow => ({
  id: i.task_id,
  title: i.title,
  kind: i.kind,
  due_on: i.due,
  hard: i.hard,
  client_id: i.client_id,
  client_name: i.client,
  case_id: i.case_id,
  rule_id: i.rule,
  trigger_kind: i.trigger_kind,
  trigger_ref: i.trigger_ref,
  reason: i.reason ?? undefined,
  obligation: i.obligation,
  standing: i.standing,
});

const RECENT_WORDS: Record<string, string> = { done: 'Marked done', waived: 'Waived', snoozed: 'Snoozed' };

/** The person's own Done and Snooze of the last week that still stand, each with its way back. */
function RecentlyActed({ resource, onChanged }: { resource: Resource<RecentTaskEventsResponse>; onChanged: () => void }) {
  const undo = useUndoTask(onChanged);
  if (!resource.data || resource.data.events.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="recent-h">
      <h2 id="recent-h">Done and snoozed this week</h2>
      <ul className="recent-actions">
        {resource.data.events.map((e) => (
          <li key={e.id}>
            <span>
              <span className="muted small">{ukDateTime(e.at)}</span> {RECENT_WORDS[e.action] ?? e.action}
              {e.until ? ` until ${ukDate(e.until)}` : ''}: <span className="task-title">{e.task_title}</span>
              {e.client_id && (
                <>
                  {' '}
                  · <Link href={`/clients/${e.client_id}`}>{e.client_name ?? 'Open client'}</Link>
                </>
              )}
              {(e.confirmation || e.note) && <span className="muted small"> ({[e.confirmation, e.note].filter(Boolean).join('; ')})</span>}
            </span>
            <button type="button" className="secondary small" onClick={() => void undo({ id: e.task_id, title: e.task_title })}>
              {e.action === 'snoozed' ? 'Bring back today' : 'Reopen'}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
