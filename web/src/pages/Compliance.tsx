/**
 * The practice compliance register (HCPC, indemnity, ICO fee, DBS update service, Cyber
 * Essentials, DSPT, RCOT) and subject access requests: each with the next due date its rule gives.
 */
import { useState, type FormEvent } from 'react';
import { api, messageOf } from '../api/client.js';
import type { User } from '../api/types.js';
import { FormError, SelectField, TextField } from '../components/Field.js';
import type { ComplianceItem, SubjectAccessRequest } from '../deadlines/types.js';
import '../deadlines/deadlines.css';
import { parseUkDate, ukDate } from '../format.js';
import { useNotice } from '../session.js';
import { Empty, useResource } from '../components/Async.js';

const RULE_LABELS: Record<string, string> = {
  'COMP-HCPC-01': 'HCPC registration renewal',
  'COMP-IND-01': 'Professional indemnity',
  'COMP-ICO-01': 'ICO data protection fee',
  'COMP-DBS-01': 'DBS Update Service',
  'COMP-CE-01': 'Cyber Essentials',
  'COMP-DSPT-01': 'Data Security and Protection Toolkit',
  'COMP-RCOT-01': 'RCOT / BAOT membership',
};

export function CompliancePage() {
  const { data, reload } = useResource(() => api.get<{ items: ComplianceItem[] }>('/api/compliance'), []);
  const sars = useResource(() => api.get<{ requests: SubjectAccessRequest[] }>('/api/sars'), []);
  const users = useResource(() => api.get<{ users: User[] }>('/api/users'), []);
  const { showError, showStatus } = useNotice();

  async function renew(item: ComplianceItem) {
    const answer = window.prompt(`When was "${item.title}" renewed? (dd/mm/yyyy)`, new Date().toLocaleDateString('en-GB'));
    if (answer === null) return;
    const on = parseUkDate(answer);
    if (!on) return showError(new Error('Enter the renewal date as dd/mm/yyyy.'));
    try {
      await api.post(`/api/compliance/${item.id}/renew`, { on });
      showStatus(`Renewed: ${item.title}.`);
      reload();
    } catch (e) {
      showError(e);
    }
  }

  async function respond(r: SubjectAccessRequest, change: { extend?: true; responded_on?: string }) {
    try {
      await api.post(`/api/sars/${r.id}`, change);
      showStatus(change.extend ? 'Extended by two months.' : 'Response recorded.');
      sars.reload();
    } catch (e) {
      showError(e);
    }
  }

  return (
    <section aria-labelledby="compliance-heading">
      <div className="page-head">
        <h1 id="compliance-heading">Compliance</h1>
      </div>
      <div className="panel">
        <h2>Register</h2>
        {data && data.items.length === 0 && <Empty>Nothing on the register yet.</Empty>}
        {data && data.items.length > 0 && (
          <table className="table" aria-label="Compliance register">
            <thead>
              <tr>
                <th scope="col">Next due</th>
                <th scope="col">What</th>
                <th scope="col">Whose</th>
                <th scope="col">Last done</th>
                <th scope="col">Rule</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((i) => (
                <tr key={i.id}>
                  <td className="nowrap">
                    {ukDate(i.next_due)} {i.overdue && <span className="badge hard">Overdue</span>}
                  </td>
                  <td>
                    {i.title}
                    <p className="reason">{i.reason}</p>
                  </td>
                  <td>{i.holder_name ?? 'Practice'}</td>
                  <td className="nowrap">{ukDate(i.last_done_on)}</td>
                  <td>
                    <code>{i.rule_id}</code>
                  </td>
                  <td className="actions">
                    <button type="button" className="secondary small" onClick={() => void renew(i)} aria-label={`Record renewal: ${i.title}`}>
                      Record renewal
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <AddItem users={users.data?.users ?? []} onAdded={reload} />
      </div>
      <div className="panel">
        <h2>Subject access requests</h2>
        <p className="muted small">UK GDPR: answer within one month of receipt, or three if extended for complexity (GDPR-02).</p>
        {sars.data && sars.data.requests.length === 0 && <Empty>No subject access requests.</Empty>}
        {sars.data && sars.data.requests.length > 0 && (
          <table className="table" aria-label="Subject access requests">
            <thead>
              <tr>
                <th scope="col">Received</th>
                <th scope="col">From</th>
                <th scope="col">Client</th>
                <th scope="col">Due</th>
                <th scope="col">Answered</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sars.data.requests.map((r) => (
                <tr key={r.id}>
                  <td className="nowrap">{ukDate(r.received_on)}</td>
                  <td>{r.requester}</td>
                  <td>{r.client_name ?? '—'}</td>
                  <td className="nowrap">
                    {ukDate(r.due)}
                    {r.extended && <span className="muted small"> (extended)</span>}
                  </td>
                  <td className="nowrap">{ukDate(r.responded_on)}</td>
                  <td className="actions">
                    {!r.responded_on && (
                      <>
                        {!r.extended && (
                          <button type="button" className="secondary small" onClick={() => void respond(r, { extend: true })}>
                            Extend
                          </button>
                        )}{' '}
                        <button
                          type="button"
                          className="secondary small"
                          onClick={() => void respond(r, { responded_on: new Date().toISOString().slice(0, 10) })}
                        >
                          Answered today
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <AddSar onAdded={sars.reload} />
      </div>
    </section>
  );
}

function AddItem({ users, onAdded }: { users: User[]; onAdded: () => void }) {
  const { showStatus } = useNotice();
  const [rule, setRule] = useState('COMP-HCPC-01');
  const [who, setWho] = useState('');
  const [last, setLast] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const on = parseUkDate(last);
    if (!on) return setError('Enter when it was last done as dd/mm/yyyy.');
    try {
      await api.post('/api/compliance', { rule_id: rule, last_done_on: on, ...(who ? { user_id: who } : {}) });
      setError(null);
      setLast('');
      showStatus('Added to the register.');
      onAdded();
    } catch (err) {
      setError(messageOf(err));
    }
  }
  return (
    <form className="subform" onSubmit={(e) => void submit(e)} aria-label="Add to the register">
      <h3>Add to the register</h3>
      <FormError message={error} />
      <div className="form-grid">
        <SelectField label="What" value={rule} onChange={(e) => setRule(e.target.value)}>
          {Object.entries(RULE_LABELS).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </SelectField>
        <SelectField label="Whose" value={who} onChange={(e) => setWho(e.target.value)}>
          <option value="">The practice</option>
          {users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </SelectField>
        <TextField label="Last renewed, paid or submitted" placeholder="dd/mm/yyyy" value={last} onChange={(e) => setLast(e.target.value)} />
      </div>
      <button type="submit" className="primary">
        Add
      </button>
    </form>
  );
}

function AddSar({ onAdded }: { onAdded: () => void }) {
  const { showStatus } = useNotice();
  const [requester, setRequester] = useState('');
  const [received, setReceived] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const on = parseUkDate(received);
    if (!requester.trim()) return setError('Enter who made the request.');
    if (!on) return setError('Enter the date received as dd/mm/yyyy.');
    try {
      await api.post('/api/sars', { requester: requester.trim(), received_on: on });
      setError(null);
      setRequester('');
      setReceived('');
      showStatus('Request logged.');
      onAdded();
    } catch (err) {
      setError(messageOf(err));
    }
  }
  return (
    <form className="subform" onSubmit={(e) => void submit(e)} aria-label="Log a subject access request">
      <h3>Log a request</h3>
      <FormError message={error} />
      <div className="form-grid">
        <TextField label="Requester" value={requester} onChange={(e) => setRequester(e.target.value)} />
        <TextField label="Date received" placeholder="dd/mm/yyyy" value={received} onChange={(e) => setReceived(e.target.value)} />
      </div>
      <button type="submit" className="primary">
        Log request
      </button>
    </form>
  );
}
