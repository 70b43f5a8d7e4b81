/**
 * One child's EHCP timeline: the plan, the deadlines Steve keeps for it (each with its rule
 * and reason), what follows the next meeting, and the events recorded. Recording an event
 * (a meeting set or moved, a plan received) moves the deadlines at once.
 */
import { Link } from 'wouter';
import { ehcpEventInput, type RecordEhcpEventResponse } from '../../../src/contract/deadlines.js';
import { api } from '../api/client.js';
import { Field } from '../components/Field.js';
import { Form, useForm } from '../components/Form.js';
import { EVENT_LABELS, type EhcpTimeline } from '../deadlines/types.js';
import '../deadlines/deadlines.css';
import { humanise, ukDate } from '../format.js';
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

const MEETING_KINDS = new Set(['review_meeting_set', 'review_meeting_moved']);

function RecordEvent({ caseId, onRecorded }: { caseId: string; onRecorded: () => void }) {
  const { showStatus } = useNotice();
  const form = useForm({
    initial: { kind: 'review_meeting_set', on: '', meeting_on: '', notes: '' },
    schema: ehcpEventInput,
    // A meeting date typed before the kind changed to one without a meeting is not sent.
    toInput: (read, values) => (MEETING_KINDS.has(values.kind) ? read : { ...read, meeting_on: undefined }),
    resetOnSuccess: true,
    onSubmit: async (input) => {
      const r = await api.post<RecordEhcpEventResponse>(`/api/ehcp/${caseId}/events`, input);
      const d = r.deadlines;
      showStatus(`Recorded. Deadlines: ${d.created} new, ${d.moved} moved, ${d.closed} closed.`);
      onRecorded();
    },
  });
  const needsMeeting = MEETING_KINDS.has(form.values.kind);
  return (
    <Form form={form} label="Record an event" title="Record an event" submitLabel="Record event">
      <Field form={form} name="kind" label="What happened" type="select">
        {Object.entries(EVENT_LABELS).map(([k, label]) => (
          <option key={k} value={k}>
            {label}
          </option>
        ))}
      </Field>
      <Field form={form} name="on" label="Date it happened or arrived" type="date" />
      {needsMeeting && <Field form={form} name="meeting_on" label="Meeting date" type="date" />}
      <Field form={form} name="notes" label="Notes" type="textarea" rows={2} wide />
    </Form>
  );
}
