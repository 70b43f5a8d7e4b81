/** A client's correspondence and sessions, newest first as the server lists them. */
import type { ClientDetail } from '../../api/types.js';
import { Table } from '../../components/Table.js';
import { UkDate } from '../../components/UkDate.js';
import { humanise } from '../../format.js';

type Letter = ClientDetail['correspondence'][number];
type Session = NonNullable<ClientDetail['sessions']>[number];

export function Correspondence({ client }: { client: ClientDetail }) {
  return (
    <Table<Letter>
      label="Correspondence"
      rows={client.correspondence}
      rowKey={(c) => c.id}
      empty="No correspondence recorded."
      columns={[
        { header: 'Date', cell: (c) => <UkDate iso={c.on_date} />, className: 'nowrap' },
        { header: 'In/out', cell: (c) => (c.direction === 'in' ? 'Received' : 'Sent') },
        { header: 'Channel', cell: (c) => humanise(c.channel) },
        { header: 'With', cell: (c) => c.party_name || '—' },
        {
          header: 'Subject',
          cell: (c) => (
            <>
              {c.subject}
              {c.summary && <div className="muted small">{c.summary}</div>}
            </>
          ),
        },
        { header: 'Follow up', cell: (c) => <UkDate iso={c.follow_up_on} />, className: 'nowrap' },
      ]}
    />
  );
}

export function Sessions({ client }: { client: ClientDetail }) {
  return (
    <Table<Session>
      label="Sessions"
      rows={client.sessions ?? []}
      rowKey={(s) => s.id}
      empty="No sessions recorded."
      columns={[
        { header: 'Date', cell: (s) => <UkDate iso={s.on_date} />, className: 'nowrap' },
        { header: 'Kind', cell: (s) => humanise(s.kind) },
        { header: 'Minutes', cell: (s) => s.duration_minutes },
        { header: 'Attendance', cell: (s) => (s.attendance === 'dna' ? 'Did not attend' : humanise(s.attendance)) },
        { header: 'Billable', cell: (s) => (s.billable ? 'Yes' : 'No') },
        { header: 'Notes', cell: (s) => s.notes, className: 'small' },
      ]}
    />
  );
}
