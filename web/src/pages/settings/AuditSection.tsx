/** The audit log: every view and change of a client's record and every sign-in, newest first, for all clients or one. */
import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { api } from '../../api/client.js';
import type { AuditEvent, ClientRow } from '../../api/types.js';
import { Empty, Loading } from '../../components/Async.js';
import { TextField } from '../../components/Field.js';
import { Table } from '../../components/Table.js';
import { humanise, ukDate, ukDateTime } from '../../format.js';
import { useNotice } from '../../session.js';

const ACTION_LABELS: Record<string, string> = {
  read: 'Viewed',
  create: 'Created',
  update: 'Changed',
  delete: 'Deleted',
  sign_in: 'Signed in',
  sign_out: 'Signed out',
  sign_in_failed: 'Failed sign-in',
  export: 'Exported',
  import: 'Imported',
};

export function AuditSection({ clientId, onClientChange }: { clientId: string | null; onClientChange: (id: string | null) => void }) {
  const [events, setEvents] = useState<AuditEvent[]>([]);
  const [more, setMore] = useState(false);
  const [loading, setLoading] = useState(true);
  const { showError } = useNotice();
  const PAGE = 100;

  async function load(before?: number) {
    setLoading(true);
    try {
      const r = await api.get<{ events: AuditEvent[] }>('/api/audit', { client_id: clientId, limit: PAGE, before_seq: before });
      setEvents((prev) => (before ? [...prev, ...r.events] : r.events));
      setMore(r.events.length === PAGE);
    } catch (e) {
      showError(e);
    } finally {
      setLoading(false);
    }
  }
  useEffect(() => {
    void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `load` is remade each render; the log reloads only when the client changes
  }, [clientId]);

  return (
    <section className="panel" aria-labelledby="audit-h">
      <h2 id="audit-h">Audit log</h2>
      <p className="muted small">Every view and change of a client’s record, and every sign-in, newest first.</p>
      <ClientFilter clientId={clientId} onChange={onClientChange} />
      {loading && events.length === 0 && <Loading>Loading the audit log…</Loading>}
      {!loading && events.length === 0 && <Empty>No events.</Empty>}
      {events.length > 0 && (
        <Table
          label="Audit log"
          className="audit"
          rows={events}
          rowKey={(e) => String(e.seq)}
          columns={[
            { header: 'When', cell: (e) => ukDateTime(e.at), className: 'nowrap' },
            { header: 'Who', cell: (e) => e.user_name ?? (e.user_id ? 'Unknown user' : 'System') },
            { header: 'What', cell: (e) => ACTION_LABELS[e.action] ?? humanise(e.action) },
            {
              header: 'Record',
              cell: (e) => (
                <>
                  {humanise(e.entity)}
                  {e.client_id && !clientId && (
                    <>
                      {' · '}
                      <Link href={`/settings?audit_client=${e.client_id}`}>this client’s events</Link>
                    </>
                  )}
                </>
              ),
            },
            { header: 'Detail', cell: (e) => (e.detail ? e.detail.replace(/,/g, ', ').replace(/_/g, ' ') : ''), className: 'small' },
          ]}
        />
      )}
      {more && (
        <button type="button" className="secondary" disabled={loading} onClick={() => void load(events[events.length - 1]?.seq)}>
          Show older events
        </button>
      )}
    </section>
  );
}

/** Chooses the client whose events to show, found by name; the client's name is never fetched from their record, so filtering does not itself log a view. */
function ClientFilter({ clientId, onChange }: { clientId: string | null; onChange: (id: string | null) => void }) {
  const [q, setQ] = useState('');
  const [found, setFound] = useState<ClientRow[]>([]);
  useEffect(() => {
    const term = q.trim();
    if (term.length < 2) return setFound([]);
    const t = setTimeout(() => {
      api.get<{ clients: ClientRow[] }>('/api/clients', { q: term, limit: 8 }).then(
        (r) => setFound(r.clients),
        () => setFound([]),
      );
    }, 200);
    return () => clearTimeout(t);
  }, [q]);
  if (clientId) {
    return (
      <div className="filters">
        <p>
          {'Showing events for one client. '}
          <Link href={`/clients/${clientId}`}>Open their record</Link>
          {' · '}
          <button type="button" className="link" onClick={() => onChange(null)}>
            Show all events
          </button>
        </p>
      </div>
    );
  }
  return (
    <div className="filters">
      <TextField label="Filter by client" type="search" placeholder="Type a client’s name" value={q} onChange={(e) => setQ(e.target.value)} />
      {found.length > 0 && (
        <ul className="pick-list" aria-label="Matching clients">
          {found.map((c) => (
            <li key={c.id}>
              <button type="button" className="link" onClick={() => onChange(c.id)}>
                {`${c.name} (born ${ukDate(c.dob)})`}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
