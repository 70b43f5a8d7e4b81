/**
 * The EHCP register: every child's next dates as a list and as a month calendar. Children in
 * Wales, Scotland or Northern Ireland are listed as "not modelled" rather than given England's dates.
 */
import { useMemo, useState } from 'react';
import { Link } from 'wouter';
import { api } from '../api/client.js';
import type { EhcpChild } from '../deadlines/types.js';
import '../deadlines/deadlines.css';
import { ukDate } from '../format.js';
import { Async, useResource } from '../components/Async.js';

interface CalendarEntry {
  date: string;
  text: string;
  kind: 'meeting' | 'hard' | 'soft';
  href: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

export function EhcpPage() {
  const register = useResource(() => api.get<{ children: EhcpChild[] }>('/api/ehcp'), []);
  const [view, setView] = useState<'list' | 'calendar'>('list');
  const children = register.data?.children ?? [];
  return (
    <section aria-labelledby="ehcp-heading">
      <div className="page-head">
        <h1 id="ehcp-heading">EHCP register</h1>
        <div className="buttons" role="group" aria-label="View">
          <button type="button" className={view === 'list' ? 'primary' : 'secondary'} aria-pressed={view === 'list'} onClick={() => setView('list')}>
            List
          </button>
          <button
            type="button"
            className={view === 'calendar' ? 'primary' : 'secondary'}
            aria-pressed={view === 'calendar'}
            onClick={() => setView('calendar')}
          >
            Month calendar
          </button>
        </div>
      </div>
      <Async resource={register} loading="Loading the register…" empty="No children with an EHC plan on your caseload." isEmpty={() => children.length === 0}>
        {() => (view === 'list' ? <Register rows={children} /> : <MonthCalendar rows={children} />)}
      </Async>
    </section>
  );
}

function Register({ rows }: { rows: EhcpChild[] }) {
  return (
    <table className="table" aria-label="Children with EHC plans">
      <thead>
        <tr>
          <th scope="col">Child</th>
          <th scope="col">LA and reference</th>
          <th scope="col">School</th>
          <th scope="col">Year</th>
          <th scope="col">Plan issued</th>
          <th scope="col">Review meeting</th>
          <th scope="col">Next deadline</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.case_id}>
            <td>
              <Link href={`/ehcp/${r.case_id}`}>{r.client_name}</Link>
            </td>
            <td>
              {r.la_name ?? '—'}
              {r.la_reference && <span className="muted small"> · {r.la_reference}</span>}
            </td>
            <td>
              {r.school_name ?? '—'}
              {r.senco_name && <span className="muted small"> · SENCO {r.senco_name}</span>}
            </td>
            <td>{r.year_group || '—'}</td>
            <td className="nowrap">{ukDate(r.plan_issued_on)}</td>
            <td className="nowrap">{ukDate(r.next_review_meeting_on)}</td>
            <td>
              {!r.modelled ? (
                <span className="badge soft" title="England's statutory timers are not applied to this jurisdiction">
                  Not modelled ({r.jurisdiction === 'ni' ? 'Northern Ireland' : r.jurisdiction})
                </span>
              ) : r.next_deadline ? (
                <>
                  <span className="nowrap">{ukDate(r.next_deadline.due_on)}</span> {r.next_deadline.rule_id && <code>{r.next_deadline.rule_id}</code>}
                  <div className="muted small">{r.next_deadline.title}</div>
                </>
              ) : (
                <span className="muted">—</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function MonthCalendar({ rows }: { rows: EhcpChild[] }) {
  const now = new Date();
  const [ym, setYm] = useState({ y: now.getFullYear(), m: now.getMonth() + 1 });
  const entries = useMemo(() => {
    const out = new Map<string, CalendarEntry[]>();
    const add = (e: CalendarEntry) => (out.get(e.date) ?? out.set(e.date, []).get(e.date)!).push(e);
    for (const r of rows) {
      if (r.next_review_meeting_on)
        add({ date: r.next_review_meeting_on, text: `Review meeting: ${r.client_name}`, kind: 'meeting', href: `/ehcp/${r.case_id}` });
      if (r.next_deadline)
        add({
          date: r.next_deadline.due_on,
          text: `${r.next_deadline.rule_id ?? 'Due'}: ${r.client_name}`,
          kind: r.next_deadline.hardness === 'hard' ? 'hard' : 'soft',
          href: `/ehcp/${r.case_id}`,
        });
    }
    return out;
  }, [rows]);
  const first = new Date(Date.UTC(ym.y, ym.m - 1, 1));
  const lead = (first.getUTCDay() + 6) % 7; // Monday-first weeks, as in the UK
  const days = new Date(Date.UTC(ym.y, ym.m, 0)).getUTCDate();
  const cells: (number | null)[] = [...Array(lead).fill(null), ...Array.from({ length: days }, (_, i) => i + 1)];
  while (cells.length % 7) cells.push(null);
  const weeks: (number | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  const todayIso = iso(now.getFullYear(), now.getMonth() + 1, now.getDate());
  const move = (delta: number) => setYm(({ y, m }) => ({ y: m + delta > 12 ? y + 1 : m + delta < 1 ? y - 1 : y, m: ((m + delta + 11) % 12) + 1 }));
  return (
    <div className="panel">
      <div className="month-nav">
        <button type="button" className="secondary small" onClick={() => move(-1)} aria-label="Previous month">
          ‹
        </button>
        <h2 aria-live="polite" style={{ margin: 0 }}>
          {MONTHS[ym.m - 1]} {ym.y}
        </h2>
        <button type="button" className="secondary small" onClick={() => move(1)} aria-label="Next month">
          ›
        </button>
      </div>
      <table className="month" aria-label={`EHCP dates in ${MONTHS[ym.m - 1]} ${ym.y}`}>
        <thead>
          <tr>
            {WEEKDAYS.map((d) => (
              <th key={d} scope="col">
                {d}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((w, i) => (
            <tr key={i}>
              {w.map((d, j) => {
                if (d === null) return <td key={j} className="other" />;
                const date = iso(ym.y, ym.m, d);
                const list = entries.get(date) ?? [];
                return (
                  <td key={j} className={date === todayIso ? 'today' : undefined}>
                    <span className="day">{d}</span>
                    <ul>
                      {list.map((e, k) => (
                        <li key={k} className={e.kind}>
                          <Link href={e.href}>{e.text}</Link>
                        </li>
                      ))}
                    </ul>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
