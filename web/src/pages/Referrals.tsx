/**
 * Referrals: the intake form (source, date received, client matched by name and
 * date of birth, service, urgency, funding), the list with its outcomes (acknowledge, accept
 * and open the case, waitlist, decline with a reason), and a client's referral section.
 */
import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { api, messageOf } from '../api/client.js';
import { FormError, SelectField, TextArea, TextField } from '../components/Field.js';
import { humanise, parseUkDate, ukDate } from '../format.js';
import { useNotice, useSession } from '../session.js';
import { useResource } from '../components/Async.js';

export interface ReferralSource {
  id: string;
  name: string;
  kind: string;
  kind_label: string;
  organisation_name: string | null;
  consent_party: string | null;
  ack_working_days: number;
  report_back_working_days: number;
  expects: string;
  notes: string;
}

export interface Referral {
  id: string;
  source_id: string;
  source_name: string;
  client_id: string;
  client_name: string;
  received_on: string;
  service_line: string;
  service_detail: string;
  urgency: string;
  funding: string;
  status: 'pending' | 'waitlisted' | 'accepted' | 'declined';
  outcome_on: string | null;
  decline_reason: string | null;
  case_id: string | null;
  ack_due_on: string;
  acknowledged_on: string | null;
}

const SERVICE_LINES: [string, string][] = [
  ['paediatric', 'Paediatric'],
  ['adult_neuro', 'Adult neurological'],
  ['mental_health', 'Mental health'],
  ['workplace', 'Workplace'],
  ['housing', 'Housing and adaptations'],
  ['medico_legal', 'Medico-legal'],
  ['other', 'Other'],
];
const FUNDING: [string, string][] = [
  ['self_pay', 'Self-pay'],
  ['insurer', 'Insurer'],
  ['solicitor', 'Solicitor'],
  ['local_authority', 'Local authority'],
  ['employer', 'Employer'],
  ['case_manager', 'Case manager'],
  ['nhs', 'NHS'],
  ['other', 'Other'],
];
const STATUS_LABEL: Record<Referral['status'], string> = { pending: 'Pending', waitlisted: 'Waiting list', accepted: 'Accepted', declined: 'Declined' };

export function ReferralForm({ onSaved, onCancel }: { onSaved: (r: Referral) => void; onCancel: () => void }) {
  const sources = useResource(() => api.get<{ sources: ReferralSource[] }>('/api/referral-sources'), []);
  const [f, setF] = useState({
    source_id: '',
    received_on: '',
    name: '',
    dob: '',
    service_line: 'paediatric',
    service_detail: '',
    urgency: 'routine',
    funding: 'self_pay',
    reason: '',
  });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const received = parseUkDate(f.received_on);
    const dob = parseUkDate(f.dob);
    if (!f.source_id) return setError('Choose who referred.');
    if (!received) return setError('Enter the date received as dd/mm/yyyy.');
    if (!f.name.trim()) return setError('Enter the client’s name.');
    if (!dob) return setError('Enter the client’s date of birth as dd/mm/yyyy.');
    setBusy(true);
    try {
      const r = await api.post<Referral>('/api/referrals', {
        source_id: f.source_id,
        received_on: received,
        client: { name: f.name.trim(), dob },
        service_line: f.service_line,
        urgency: f.urgency,
        funding: f.funding,
        ...(f.service_detail.trim() ? { service_detail: f.service_detail.trim() } : {}),
        ...(f.reason.trim() ? { reason: f.reason.trim() } : {}),
      });
      onSaved(r);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="panel form-grid" aria-label="Record a referral" noValidate>
      <h2 className="span-all">Record a referral</h2>
      <SelectField label="Referred by" name="source_id" required value={f.source_id} onChange={set('source_id')}>
        <option value="">Choose a source…</option>
        {(sources.data?.sources ?? []).map((s) => (
          <option key={s.id} value={s.id}>
            {s.name} ({s.kind_label})
          </option>
        ))}
      </SelectField>
      <TextField label="Date received" name="received_on" hint="dd/mm/yyyy" inputMode="numeric" required value={f.received_on} onChange={set('received_on')} />
      <TextField
        label="Client’s full name"
        name="client_name"
        hint="An existing client with this name and date of birth is used"
        required
        value={f.name}
        onChange={set('name')}
      />
      <TextField label="Client’s date of birth" name="client_dob" hint="dd/mm/yyyy" inputMode="numeric" required value={f.dob} onChange={set('dob')} />
      <SelectField label="Service asked for" name="service_line" value={f.service_line} onChange={set('service_line')}>
        {SERVICE_LINES.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </SelectField>
      <TextField label="In their words (optional)" name="service_detail" value={f.service_detail} onChange={set('service_detail')} />
      <SelectField label="Urgency" name="urgency" value={f.urgency} onChange={set('urgency')}>
        <option value="routine">Routine</option>
        <option value="soon">Soon</option>
        <option value="urgent">Urgent</option>
      </SelectField>
      <SelectField label="Funding" name="funding" value={f.funding} onChange={set('funding')}>
        {FUNDING.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </SelectField>
      <TextArea label="Reason for referral (optional)" name="reason" wide value={f.reason} onChange={set('reason')} />
      <div className="span-all">
        <FormError message={error} />
        <div className="buttons">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Recording…' : 'Record referral'}
          </button>
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </div>
    </form>
  );
}

/** The outcome buttons a referral's status allows; accepting (it opens a case) is for the owner and clinicians. */
function ReferralActions({ r, onChanged }: { r: Referral; onChanged: () => void }) {
  const { session } = useSession();
  const { showError, showStatus } = useNotice();
  const canAccept = session.user.role !== 'admin';
  async function act(path: string, body: Record<string, unknown>, done: string) {
    try {
      await api.post(`/api/referrals/${r.id}/${path}`, body);
      showStatus(done);
      onChanged();
    } catch (e) {
      showError(e);
    }
  }
  function decline() {
    const reason = window.prompt(`Why is the referral of ${r.client_name} declined?`);
    if (reason === null) return;
    if (!reason.trim()) return showError(new Error('A decline needs a reason: the referrer is told why.'));
    void act('decline', { reason: reason.trim() }, `Declined. A task to send the decline letter to ${r.source_name} is on Today.`);
  }
  const open = r.status === 'pending' || r.status === 'waitlisted';
  return (
    <div className="buttons compact">
      {!r.acknowledged_on && r.status !== 'declined' && (
        <button
          type="button"
          className="secondary"
          onClick={() => void act('acknowledge', {}, `Acknowledged the referral from ${r.source_name}.`)}
          aria-label={`Acknowledge the referral of ${r.client_name}`}
        >
          Acknowledge
        </button>
      )}
      {open && canAccept && (
        <button
          type="button"
          className="primary"
          onClick={() => void act('accept', {}, `Accepted: a case is open for ${r.client_name}.`)}
          aria-label={`Accept the referral of ${r.client_name}`}
        >
          Accept
        </button>
      )}
      {r.status === 'pending' && (
        <button
          type="button"
          className="secondary"
          onClick={() => void act('waitlist', {}, `${r.client_name} is on the waiting list.`)}
          aria-label={`Put ${r.client_name} on the waiting list`}
        >
          Waitlist
        </button>
      )}
      {open && (
        <button type="button" className="secondary" onClick={decline} aria-label={`Decline the referral of ${r.client_name}`}>
          Decline
        </button>
      )}
    </div>
  );
}

export function ReferralTable({
  referrals,
  onChanged,
  showClient = true,
  label,
}: {
  referrals: Referral[];
  onChanged: () => void;
  showClient?: boolean;
  label: string;
}) {
  return (
    <table className="table" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">Received</th>
          <th scope="col">From</th>
          {showClient && <th scope="col">Client</th>}
          <th scope="col">Service</th>
          <th scope="col">Status</th>
          <th scope="col">Acknowledge by</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {referrals.map((r) => (
          <tr key={r.id} data-testid="referral-row">
            <td className="nowrap">{ukDate(r.received_on)}</td>
            <td>{r.source_name}</td>
            {showClient && (
              <td>
                <Link href={`/clients/${r.client_id}`}>{r.client_name}</Link>
              </td>
            )}
            <td>
              {humanise(r.service_line)}
              {r.urgency === 'urgent' && <span className="badge hard"> Urgent</span>}
            </td>
            <td>
              {STATUS_LABEL[r.status]}
              {r.status === 'declined' && r.decline_reason ? `: ${r.decline_reason}` : ''}
              {r.case_id && (
                <>
                  {' '}
                  (<Link href={`/clients/${r.client_id}`}>case open</Link>)
                </>
              )}
            </td>
            <td className="nowrap">{r.acknowledged_on ? `Acknowledged ${ukDate(r.acknowledged_on)}` : ukDate(r.ack_due_on)}</td>
            <td>
              <ReferralActions r={r} onChanged={onChanged} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ReferralsPage() {
  const [status, setStatus] = useState('');
  const [adding, setAdding] = useState(false);
  const { showStatus } = useNotice();
  const { data, reload } = useResource(() => api.get<{ referrals: Referral[] }>('/api/referrals', { status, limit: 200 }), [status]);
  return (
    <section aria-labelledby="referrals-heading">
      <div className="page-head">
        <h1 id="referrals-heading">Referrals</h1>
        <div className="buttons">
          <Link href="/referrers">Referrers</Link>
          {!adding && (
            <button type="button" className="primary" onClick={() => setAdding(true)}>
              Record a referral
            </button>
          )}
        </div>
      </div>
      {adding && (
        <ReferralForm
          onCancel={() => setAdding(false)}
          onSaved={(r) => {
            setAdding(false);
            showStatus(`Recorded the referral of ${r.client_name}. Acknowledge it by ${ukDate(r.ack_due_on)}: the task is on Today.`);
            reload();
          }}
        />
      )}
      <div className="panel">
        <SelectField label="Show" name="status" value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="">All referrals</option>
          <option value="pending">Pending</option>
          <option value="waitlisted">Waiting list</option>
          <option value="accepted">Accepted</option>
          <option value="declined">Declined</option>
        </SelectField>
        {data && data.referrals.length === 0 && <p className="empty">No referrals to show.</p>}
        {data && data.referrals.length > 0 && <ReferralTable referrals={data.referrals} onChanged={reload} label="Referrals" />}
      </div>
    </section>
  );
}

/** The referral section of a client's record. */
export function ClientReferrals({ clientId }: { clientId: string }) {
  const { data, reload } = useResource(() => api.get<{ referrals: Referral[] }>('/api/referrals', { client_id: clientId }), [clientId]);
  return (
    <section className="panel" aria-labelledby="client-referrals-h">
      <h2 id="client-referrals-h">Referrals</h2>
      {data && data.referrals.length === 0 && <p className="empty">No referrals recorded for this client.</p>}
      {data && data.referrals.length > 0 && (
        <ReferralTable referrals={data.referrals} onChanged={reload} showClient={false} label="Referrals for this client" />
      )}
    </section>
  );
}
