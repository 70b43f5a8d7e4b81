/**
 * One child's EHCP timeline: the plan, the deadlines Steve keeps for it (each with its rule
 * and reason), what follows the next meeting, and the events recorded. Recording an event
 * (a meeting set or moved, a plan received) moves the deadlines at once.
 */
import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { api, messageOf } from '../api/client.js';
import { FormError, SelectField, TextArea, TextField } from '../components/Field.js';
import { EVENT_LABELS, type EhcpTimeline } from '../deadlines/types.js';
import '../deadlines/deadlines.css';
import { humanise, parseUkDate, ukDate } from '../format.js';
import { useNotice } from '../session.js';
import { Empty, useResource } from '../components/Async.js';
import { RecordMissing } from '../components/RecordMissing.js';

export function EhcpChildPage({ caseId }: { caseId: string }) {
  const { data: t, loading, reload } = useResource(() => api.get<EhcpTimeline>(`/api/ehcp/${caseId}`), [caseId]);
  if (!t)
    return (
      <RecordMissing
        title="EHCP timeline"
        loading={loading}
        loadingText="Loading the EHCP timeline…"
        message="This EHCP timeline could not be loaded."
        back="/ehcp"
        backLabel="Back to the EHCP register"
      />
    );
  const today = new Date().toISOString().slice(0, 10);
  return (
    <section aria-labelledby="child-heading">
      <p className="crumbs">
        <Link href="/ehcp">EHCP register</Link> › <Link href={`/clients/${t.client_id}`}>{t.client_name}</Link>
      </p>
      <div className="page-head">
        <h1 id="child-heading">{t.client_name}: EHCP timeline</h1>
      </div>
      {t.not_modelled_reason && <p className="alert info">{t.not_modelled_reason}</p>}
      {t.warnings.map((w) => (
        <p key={w} className="alert warn" role="status">
          {w}
        </p>
      ))}
      <div className="panel">
        <h2>The plan</h2>
        <dl className="facts">
          <dt>LA reference</dt>
          <dd>{t.plan.la_reference || '—'}</dd>
          <dt>Year group</dt>
          <dd>{t.plan.year_group || '—'}</dd>
          <dt>Plan issued</dt>
          <dd>{ukDate(t.plan.plan_issued_on as string | null)}</dd>
          <dt>Last review</dt>
          <dd>{ukDate(t.plan.last_review_on as string | null)}</dd>
          <dt>Next review meeting</dt>
          <dd data-testid="next-meeting">{ukDate(t.plan.next_review_meeting_on as string | null)}</dd>
          <dt>Advice requested</dt>
          <dd>{ukDate(t.plan.advice_requested_on as string | null)}</dd>
        </dl>
      </div>
      <div className="panel">
        <h2>Deadlines</h2>
        {t.deadlines.length === 0 ? (
          <Empty>No deadlines are being tracked for this plan.</Empty>
        ) : (
          <ol className="timeline" aria-label="Deadlines">
            {t.deadlines.map((d) => (
              <li key={d.id} className={d.status !== 'open' ? d.status : d.due_on < today ? 'overdue' : undefined}>
                <strong className="nowrap">{ukDate(d.due_on)}</strong> {d.title} {d.rule_id && <code>{d.rule_id}</code>}{' '}
                <span className={`badge ${d.hardness === 'hard' ? 'hard' : 'soft'}`}>{d.hardness === 'hard' ? 'Hard' : 'Soft'}</span>
                {d.status !== 'open' && <span className="muted small"> · {humanise(d.status)}</span>}
                {d.reason && <p className="reason">{d.reason}</p>}
                {d.standing && <p className="muted small standing">{d.standing}.</p>}
              </li>
            ))}
          </ol>
        )}
        {t.follow_on.length > 0 && (
          <>
            <h3>After the meeting (the school’s and LA’s duties)</h3>
            <ul>
              {t.follow_on.map((f) => (
                <li key={f.rule}>
                  <strong>{ukDate(f.due)}</strong> {f.title} <code>{f.rule}</code> <span className="muted small">({f.standing})</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <RecordEvent caseId={caseId} onRecorded={reload} />
      <div className="panel">
        <h2>What has happened</h2>
        {t.events.length === 0 ? (
          <Empty>No events recorded yet.</Empty>
        ) : (
          <table className="table" aria-label="Events">
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Event</th>
                <th scope="col">Meeting</th>
                <th scope="col">Notes</th>
              </tr>
            </thead>
            <tbody>
              {t.events.map((e) => (
                <tr key={e.id}>
                  <td className="nowrap">{ukDate(e.on_date)}</td>
                  <td>{EVENT_LABELS[e.kind] ?? humanise(e.kind)}</td>
                  <td className="nowrap">{ukDate(e.meeting_on)}</td>
                  <td>{e.notes}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}

function RecordEvent({ caseId, onRecorded }: { caseId: string; onRecorded: () => void }) {
  const { showStatus } = useNotice();
  const [kind, setKind] = useState('review_meeting_set');
  const [on, setOn] = useState('');
  const [meeting, setMeeting] = useState('');
  const [notes, setNotes] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const needsMeeting = kind === 'review_meeting_set' || kind === 'review_meeting_moved';

  async function submit(e: FormEvent) {
    e.preventDefault();
    const onIso = parseUkDate(on);
    const meetingIso = needsMeeting ? parseUkDate(meeting) : null;
    if (!onIso) return setError('Enter the date it happened as dd/mm/yyyy.');
    if (needsMeeting && !meetingIso) return setError('Enter the meeting date as dd/mm/yyyy.');
    setBusy(true);
    setError(null);
    try {
      const r = await api.post<{ deadlines: { created: number; moved: number; closed: number } }>(`/api/ehcp/${caseId}/events`, {
        kind,
        on: onIso,
        ...(meetingIso ? { meeting_on: meetingIso } : {}),
        ...(notes.trim() ? { notes: notes.trim() } : {}),
      });
      const d = r.deadlines;
      showStatus(`Recorded. Deadlines: ${d.created} new, ${d.moved} moved, ${d.closed} closed.`);
      setOn('');
      setMeeting('');
      setNotes('');
      onRecorded();
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="panel" onSubmit={(e) => void submit(e)} aria-labelledby="record-h">
      <h2 id="record-h">Record an event</h2>
      <FormError message={error} />
      <div className="form-grid">
        <SelectField label="What happened" value={kind} onChange={(e) => setKind(e.target.value)}>
          {Object.entries(EVENT_LABELS).map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </SelectField>
        <TextField label="Date it happened or arrived" placeholder="dd/mm/yyyy" value={on} onChange={(e) => setOn(e.target.value)} />
        {needsMeeting && <TextField label="Meeting date" placeholder="dd/mm/yyyy" value={meeting} onChange={(e) => setMeeting(e.target.value)} />}
        <TextArea label="Notes" wide value={notes} onChange={(e) => setNotes(e.target.value)} rows={2} />
      </div>
      <button type="submit" className="primary" disabled={busy}>
        Record event
      </button>
    </form>
  );
}
