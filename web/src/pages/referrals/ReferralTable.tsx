/** Referrals in a table, each with the outcome buttons its status allows. */
import { api } from '../../api/client.js';
import { Table } from '../../components/Table.js';
import { UkDate } from '../../components/UkDate.js';
import { humanise } from '../../format.js';
import { useNotice, useSession } from '../../session.js';
import type { Referral } from '../Referrals.js';
import { Link } from 'wouter';

const STATUS_LABEL: Record<Referral['status'], string> = { pending: 'Pending', waitlisted: 'Waiting list', accepted: 'Accepted', declined: 'Declined' };

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
  empty,
}: {
  referrals: Referral[];
  onChanged: () => void;
  showClient?: boolean;
  label: string;
  empty: string;
}) {
  return (
    <Table
      label={label}
      rows={referrals}
      rowKey={(r) => r.id}
      empty={empty}
      rowTestId="referral-row"
      columns={[
        { header: 'Received', cell: (r) => <UkDate iso={r.received_on} />, className: 'nowrap' },
        { header: 'From', cell: (r) => r.source_name },
        showClient && { header: 'Client', cell: (r) => r.client_name, href: (r) => `/clients/${r.client_id}` },
        {
          header: 'Service',
          cell: (r) => (
            <>
              {humanise(r.service_line)}
              {r.urgency === 'urgent' && <span className="badge hard"> Urgent</span>}
            </>
          ),
        },
        {
          header: 'Status',
          cell: (r) => (
            <>
              {STATUS_LABEL[r.status]}
              {r.status === 'declined' && r.decline_reason ? `: ${r.decline_reason}` : ''}
              {r.case_id && (
                <>
                  {' '}
                  (<Link href={`/clients/${r.client_id}`}>case open</Link>)
                </>
              )}
            </>
          ),
        },
        {
          header: 'Acknowledge by',
          cell: (r) =>
            r.acknowledged_on ? (
              <>
                Acknowledged <UkDate iso={r.acknowledged_on} />
              </>
            ) : (
              <UkDate iso={r.ack_due_on} />
            ),
          className: 'nowrap',
        },
        { header: <span className="visually-hidden">Actions</span>, label: 'Actions', cell: (r) => <ReferralActions r={r} onChanged={onChanged} /> },
      ]}
    />
  );
}
