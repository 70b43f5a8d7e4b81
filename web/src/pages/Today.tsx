import { api } from '../api/client.js';
import type { Briefing } from '../api/types.js';
import { TaskList } from '../components/TaskList.js';
import { ukDate } from '../format.js';
import { useLoad, useSession } from '../session.js';

export function TodayPage() {
  const { session } = useSession();
  const { data, loading, reload } = useLoad(() => api.get<Briefing>('/api/briefing'), []);
  const first = session.user.name.split(' ')[0];
  return (
    <section aria-labelledby="today-heading">
      <div className="page-head">
        <h1 id="today-heading">Today</h1>
        {data && <p className="muted">{`Good day, ${first}. It is ${ukDate(data.today)}.`}</p>}
      </div>
      {loading && !data && <p role="status">Loading today’s tasks…</p>}
      {data && (
        <>
          <div className="summary-cards" aria-label="Summary">
            <div className={`summary ${data.overdue.length ? 'warn' : ''}`}>
              <span className="n">{data.overdue.length}</span> overdue
            </div>
            <div className="summary">
              <span className="n">{data.due_today.length}</span> due today
            </div>
            <div className="summary">
              <span className="n">{data.upcoming.length}</span> in the next 14 days
            </div>
          </div>
          <section className="panel" aria-labelledby="overdue-h">
            <h2 id="overdue-h">Overdue</h2>
            <TaskList tasks={data.overdue} label="Overdue tasks" onChanged={reload} empty="Nothing is overdue." />
          </section>
          <section className="panel" aria-labelledby="today-h">
            <h2 id="today-h">Due today</h2>
            <TaskList tasks={data.due_today} label="Tasks due today" onChanged={reload} empty="Nothing is due today." />
          </section>
          <section className="panel" aria-labelledby="upcoming-h">
            <h2 id="upcoming-h">Next 14 days</h2>
            <TaskList tasks={data.upcoming} label="Tasks due in the next 14 days" onChanged={reload} empty="Nothing is due in the next 14 days." />
            {data.later_count > 0 && <p className="muted">{`${data.later_count} more open task${data.later_count === 1 ? '' : 's'} due later.`}</p>}
          </section>
        </>
      )}
    </section>
  );
}
