import { useEffect, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { api } from '../api/client.js';
import type { ClientRow, User } from '../api/types.js';
import { AddClientForm } from '../components/ClientForm.js';
import { nhs, ukDate } from '../format.js';
import { useNotice, useSession } from '../session.js';
import { useResource } from '../components/Async.js';

const PAGE = 50;

export function ClientsPage() {
  const { session } = useSession();
  const { showStatus } = useNotice();
  const [, navigate] = useLocation();
  const [q, setQ] = useState('');
  const [term, setTerm] = useState('');
  const [offset, setOffset] = useState(0);
  const [adding, setAdding] = useState(false);
  const canAdd = session.user.role === 'owner' || session.user.role === 'clinician';

  useEffect(() => {
    const t = setTimeout(() => {
      setTerm(q.trim());
      setOffset(0);
    }, 250);
    return () => clearTimeout(t);
  }, [q]);

  const { data, loading } = useResource(() => api.get<{ clients: ClientRow[] }>('/api/clients', { q: term, limit: PAGE + 1, offset }), [term, offset]);
  const users = useResource(() => (canAdd ? api.get<{ users: User[] }>('/api/users') : Promise.resolve({ users: [] })), [canAdd]);
  const clinicians = (users.data?.users ?? []).filter((u) => u.role !== 'admin' && u.active !== false);
  const rows = data?.clients.slice(0, PAGE) ?? [];
  const more = (data?.clients.length ?? 0) > PAGE;

  return (
    <section aria-labelledby="clients-heading">
      <div className="page-head">
        <h1 id="clients-heading">Clients</h1>
        {canAdd && !adding && (
          <button type="button" className="primary" onClick={() => setAdding(true)}>
            Add client
          </button>
        )}
      </div>
      {adding && (
        <AddClientForm
          clinicians={clinicians}
          onCancel={() => setAdding(false)}
          onAdded={(c) => {
            setAdding(false);
            showStatus(`Added ${c.name}.`);
            navigate(`/clients/${c.id}`);
          }}
        />
      )}
      <form
        className="filters"
        role="search"
        aria-label="Find clients"
        onSubmit={(e) => {
          e.preventDefault();
          setTerm(q.trim());
          setOffset(0);
        }}
      >
        <div className="field">
          <label htmlFor="client-q">Find a client</label>
          <input id="client-q" type="search" value={q} placeholder="Name, NHS number or postcode" onChange={(e) => setQ(e.target.value)} />
        </div>
      </form>
      {loading && !data && <p role="status">Loading clients…</p>}
      {data && rows.length === 0 && <p className="empty">{term ? `No clients match “${term}”.` : 'No clients yet.'}</p>}
      {rows.length > 0 && (
        <div className="table-wrap">
          <table className="table" aria-label="Clients">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Date of birth</th>
                <th scope="col">NHS number</th>
                <th scope="col">Postcode</th>
                <th scope="col">Lead clinician</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link href={`/clients/${c.id}`}>{c.name}</Link>
                  </td>
                  <td className="nowrap">{ukDate(c.dob)}</td>
                  <td className="nowrap">{nhs(c.nhs_number)}</td>
                  <td className="nowrap">{c.postcode || '—'}</td>
                  <td>{c.lead_clinician_name ?? <span className="muted">Not allocated</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {(offset > 0 || more) && (
        <nav className="pager" aria-label="Pages of clients">
          <button type="button" className="secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
            Previous
          </button>
          <span className="muted">{`Showing ${offset + 1}–${offset + rows.length}`}</span>
          <button type="button" className="secondary" disabled={!more} onClick={() => setOffset(offset + PAGE)}>
            Next
          </button>
        </nav>
      )}
    </section>
  );
}
