/**
 * Today: the morning briefing. Overdue, due today, the rest of this week and the next four
 * weeks; statutory and court deadlines first; every rule-made item says which rule set it and why.
 */
import { useState } from 'react';
import { Link } from 'wouter';
import { api } from '../api/client.js';
import type { Briefing, BriefingItem, BriefingSection, User } from '../api/types.js';
import { humanise, ukDate } from '../format.js';
import { useSession } from '../session.js';
import { useMarkDone } from '../components/TaskList.js';
import '../deadlines/deadlines.css';
import { useResource } from '../components/Async.js';

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
  const { data, loading, reload } = useResource(() => api.get<Briefing>('/api/briefing', clinician ? { clinician_id: clinician } : undefined), [clinician]);
  const users = useResource(() => (isOwner ? api.get<{ users: User[] }>('/api/users') : Promise.resolve({ users: [] as User[] })), [isOwner]);
  const first = session.user.name.split(' ')[0];
  return (
    <section aria-labelledby="today-heading">
      <div className="page-head">
        <div>
          <h1 id="today-heading">Today</h1>
          {data && <p className="muted">{`Good day, ${first}. It is ${ukDate(data.date)}.`}</p>}
        </div>
        {isOwner && (
          <div className="field">
            <label htmlFor="brief-for">Whose work</label>
            <select id="brief-for" value={clinician} onChange={(e) => setClinician(e.target.value)}>
              <option value="">Everyone’s</option>
              {(users.data?.users ?? [])
                .filter((u) => u.role !== 'admin')
                .map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
            </select>
          </div>
        )}
      </div>
      {loading && !data && <p role="status">Loading today’s briefing…</p>}
      {data && (
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
                <BriefingList items={items} label={s.title} onChanged={reload} empty={s.empty} />
                {hidden > 0 && <p className="muted">{`${hidden} more not shown: see Clients or the task lists.`}</p>}
              </section>
            );
          })}
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
                    <Link href="/referrers">{d.name}</Link> <span className="muted small">({d.kind_label})</span>: no referral since {ukDate(d.last_referral)},{' '}
                    {d.silence_days} days; usually every {Math.round(d.median_gap_days)} days.
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </section>
  );
}

function BriefingList({ items, label, onChanged, empty }: { items: BriefingItem[]; label: string; onChanged: () => void; empty: string }) {
  const { busy, markDone } = useMarkDone(onChanged);
  const complete = (i: BriefingItem) => markDone(i.task_id, i.title);
  if (items.length === 0) return <p className="empty">{empty}</p>;
  return (
    <table className="table tasks" aria-label={`${label} tasks`}>
      <thead>
        <tr>
          <th scope="col">Due</th>
          <th scope="col">What</th>
          <th scope="col">Client</th>
          <th scope="col">Deadline</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((i) => (
          <tr key={i.task_id}>
            <td className="nowrap">{ukDate(i.due)}</td>
            <td>
              <span className="task-title">{i.title}</span>
              <span className="muted small"> · {humanise(i.kind)}</span>
              {i.rule && (
                <details className="why">
                  <summary>
                    Why: <code>{i.rule}</code>
                  </summary>
                  <p className="small">{i.reason}</p>
                </details>
              )}
            </td>
            <td>{i.client_id ? <Link href={`/clients/${i.client_id}`}>{i.client ?? 'Open client'}</Link> : <span className="muted">—</span>}</td>
            <td>
              <span className={`badge ${i.hard ? 'hard' : 'soft'}`}>{i.hard ? 'Hard' : 'Soft'}</span>
            </td>
            <td className="actions">
              <button
                type="button"
                className="secondary small"
                disabled={busy === i.task_id}
                onClick={() => void complete(i)}
                aria-label={`Mark done: ${i.title}`}
              >
                Mark done
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
