import { useEffect, useState } from 'react';
import { useLocation } from 'wouter';
import { api } from '../api/client.js';
import type { ClientRow, User } from '../api/types.js';
import { AddClientForm } from '../components/ClientForm.js';
import { nhs } from '../format.js';
import { Async, useResource } from '../components/Async.js';
import { TextField } from '../components/Field.js';
import { Table } from '../components/Table.js';
import { UkDate } from '../components/UkDate.js';
import { useNotice, useSession } from '../session.js';

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

  const clients = useResource(() => api.get<{ clients: ClientRow[] }>('/api/clients', { q: term, limit: PAGE + 1, offset }), [term, offset]);
  const users = useResource(() => (canAdd ? api.get<{ users: User[] }>('/api/users') : Promise.resolve({ users: [] })), [canAdd]);
  const clinicians = (users.data?.users ?? []).filter((u) => u.role !== 'admin' && u.active !== false);
  const rows = clients.data?.clients.slice(0, PAGE) ?? [];
  const more = (clients.data?.clients.length ?? 0) > PAGE;

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
        <TextField label="Find a client" type="search" value={q} placeholder="Name, NHS number or postcode" onChange={(e) => setQ(e.target.value)} />
      </form>
      <Async resource={clients} loading="Loading clients…">
        {() => (
          <Table
            label="Clients"
            rows={rows}
            rowKey={(c) => c.id}
            empty={term ? `No clients match “${term}”.` : 'No clients yet.'}
            columns={[
              { header: 'Name', cell: (c) => c.name, href: (c) => `/clients/${c.id}` },
              { header: 'Date of birth', cell: (c) => <UkDate iso={c.dob} />, className: 'nowrap' },
              { header: 'NHS number', cell: (c) => nhs(c.nhs_number), className: 'nowrap' },
              { header: 'Postcode', cell: (c) => c.postcode || '—', className: 'nowrap' },
              { header: 'Lead clinician', cell: (c) => c.lead_clinician_name ?? <span className="muted">Not allocated</span> },
            ]}
          />
        )}
      </Async>
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
