/**
 * Referrals: the intake form (referrals/ReferralForm.tsx) (source, date received, client matched by name and
 * date of birth, service, urgency, funding), the list with its outcomes (acknowledge, accept
 * and open the case, waitlist, decline with a reason), and a client's referral section.
 */
import { useState } from 'react';
import { Link } from 'wouter';
import { api } from '../api/client.js';
import { Async, useResource } from '../components/Async.js';
import { SelectField } from '../components/Field.js';
import { ukDate } from '../format.js';
import { useNotice } from '../session.js';
import { ReferralForm } from './referrals/ReferralForm.js';
import { ReferralTable } from './referrals/ReferralTable.js';

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

export function ReferralsPage() {
  const [status, setStatus] = useState('');
  const [adding, setAdding] = useState(false);
  const { showStatus } = useNotice();
  const referrals = useResource(() => api.get<{ referrals: Referral[] }>('/api/referrals', { status, limit: 200 }), [status]);
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
            referrals.reload();
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
        <Async resource={referrals} loading="Loading referrals…">
          {(data) => <ReferralTable referrals={data.referrals} onChanged={referrals.reload} label="Referrals" empty="No referrals to show." />}
        </Async>
      </div>
    </section>
  );
}

/** The referral section of a client's record. */
export function ClientReferrals({ clientId }: { clientId: string }) {
  const referrals = useResource(() => api.get<{ referrals: Referral[] }>('/api/referrals', { client_id: clientId }), [clientId]);
  return (
    <section className="panel" aria-labelledby="client-referrals-h">
      <h2 id="client-referrals-h">Referrals</h2>
      <Async resource={referrals} loading="Loading referrals…">
        {(data) => (
          <ReferralTable
            referrals={data.referrals}
            onChanged={referrals.reload}
            showClient={false}
            label="Referrals for this client"
            empty="No referrals recorded for this client."
          />
        )}
      </Async>
    </section>
  );
}
