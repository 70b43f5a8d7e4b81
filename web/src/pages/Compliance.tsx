/**
 * The practice compliance register (HCPC, indemnity, ICO fee, DBS update service, Cyber
 * Essentials, DSPT, RCOT) and subject access requests: each with the next due date its rule gives.
 */
import { complianceItemInput, subjectAccessInput } from '../../../src/contract/deadlines.js';
import { api } from '../api/client.js';
import type { User } from '../api/types.js';
import { Field } from '../components/Field.js';
import { Form, useForm } from '../components/Form.js';
import { Table } from '../components/Table.js';
import type { ComplianceItem, SubjectAccessRequest } from '../deadlines/types.js';
import '../deadlines/deadlines.css';
import { parseUkDate, ukDate } from '../format.js';
import { useNotice } from '../session.js';
import { useResource } from '../components/Async.js';

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
        {data && (
          <Table
            label="Compliance register"
            rows={data.items}
            rowKey={(i) => i.id}
            empty="Nothing on the register yet."
            columns={[
              {
                header: 'Next due',
                className: 'nowrap',
                cell: (i) => (
                  <>
                    {ukDate(i.next_due)} {i.overdue && <span className="badge hard">Overdue</span>}
                  </>
                ),
              },
              {
                header: 'What',
                cell: (i) => (
                  <>
                    {i.title}
                    <p className="reason">{i.reason}</p>
                  </>
                ),
              },
              { header: 'Whose', cell: (i) => i.holder_name ?? 'Practice' },
              { header: 'Last done', className: 'nowrap', cell: (i) => ukDate(i.last_done_on) },
              { header: 'Rule', cell: (i) => <code>{i.rule_id}</code> },
              {
                header: <span className="visually-hidden">Actions</span>,
                label: 'Actions',
                className: 'actions',
                cell: (i) => (
                  <button type="button" className="secondary small" onClick={() => void renew(i)} aria-label={`Record renewal: ${i.title}`}>
                    Record renewal
                  </button>
                ),
              },
            ]}
          />
        )}
        <AddItem users={users.data?.users ?? []} onAdded={reload} />
      </div>
      <div className="panel">
        <h2>Subject access requests</h2>
        <p className="muted small">UK GDPR: answer within one month of receipt, or three if extended for complexity (GDPR-02).</p>
        {sars.data && (
          <Table
            label="Subject access requests"
            rows={sars.data.requests}
            rowKey={(r) => r.id}
            empty="No subject access requests."
            columns={[
              { header: 'Received', className: 'nowrap', cell: (r) => ukDate(r.received_on) },
              { header: 'From', cell: (r) => r.requester },
              { header: 'Client', cell: (r) => r.client_name ?? <span className="muted">Not linked to a client</span> },
              {
                header: 'Due',
                className: 'nowrap',
                cell: (r) => (
                  <>
                    {ukDate(r.due)}
                    {r.extended && <span className="muted small"> (extended)</span>}
                  </>
                ),
              },
              {
                header: 'Answered',
                className: 'nowrap',
                cell: (r) => (
                  <>
                    {ukDate(r.responded_on)}
                    {r.late && <span className="badge hard"> {r.responded_on ? 'Answered late' : 'Late'}</span>}
                  </>
                ),
              },
              {
                header: <span className="visually-hidden">Actions</span>,
                label: 'Actions',
                className: 'actions',
                cell: (r) =>
                  !r.responded_on && (
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
                  ),
              },
            ]}
          />
        )}
        <AddSar onAdded={sars.reload} />
      </div>
    </section>
  );
}

function AddItem({ users, onAdded }: { users: User[]; onAdded: () => void }) {
  const { showStatus } = useNotice();
  const form = useForm({
    initial: { rule_id: 'COMP-HCPC-01', user_id: '', last_done_on: '' },
    schema: complianceItemInput,
    resetOnSuccess: true,
    onSubmit: async (input) => {
      await api.post('/api/compliance', input);
      showStatus('Added to the register.');
      onAdded();
    },
  });
  return (
    <Form form={form} label="Add to the register" title="Add to the register" titleLevel={3} className="subform form-grid" submitLabel="Add">
      <Field form={form} name="rule_id" label="What" type="select">
        {Object.entries(RULE_LABELS).map(([k, v]) => (
          <option key={k} value={k}>
            {v}
          </option>
        ))}
      </Field>
      <Field form={form} name="user_id" label="Whose" type="select">
        <option value="">The practice</option>
        {users.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
      </Field>
      <Field form={form} name="last_done_on" label="Last renewed, paid or submitted" type="date" />
    </Form>
  );
}

function AddSar({ onAdded }: { onAdded: () => void }) {
  const { showStatus } = useNotice();
  const form = useForm({
    initial: { requester: '', received_on: '' },
    schema: subjectAccessInput,
    resetOnSuccess: true,
    onSubmit: async (input) => {
      await api.post('/api/sars', input);
      showStatus('Request logged.');
      onAdded();
    },
  });
  return (
    <Form form={form} label="Log a subject access request" title="Log a request" titleLevel={3} className="subform form-grid" submitLabel="Log request">
      <Field form={form} name="requester" label="Requester" />
      <Field form={form} name="received_on" label="Date received" type="date" />
    </Form>
  );
}
