import { useEffect, useState, type FormEvent } from 'react';
import { Link, useLocation } from 'wouter';
import type { AddOrganisationInput } from '../../../src/contract/organisations.js';
import { ORGANISATION_KINDS, ORGANISATION_KIND_LABELS, type OrganisationKind } from '../../../src/domain/vocabulary.js';
import { api, messageOf } from '../api/client.js';
import type { Organisation, OrgRow } from '../api/types.js';
import { FormError, SelectField, TextField } from '../components/Field.js';
import { useNotice } from '../session.js';
import { useResource } from '../components/Async.js';

export const kindLabel = (k: string) => ORGANISATION_KIND_LABELS[k as OrganisationKind] ?? k;

export function OrganisationsPage() {
  const [, navigate] = useLocation();
  const { showStatus } = useNotice();
  const [q, setQ] = useState('');
  const [term, setTerm] = useState('');
  const [kind, setKind] = useState('');
  const [adding, setAdding] = useState(false);
  useEffect(() => {
    const t = setTimeout(() => setTerm(q.trim()), 250);
    return () => clearTimeout(t);
  }, [q]);
  const { data, loading } = useResource(() => api.get<{ organisations: OrgRow[] }>('/api/organisations', { q: term, kind }), [term, kind]);

  const groups = new Map<string, OrgRow[]>();
  for (const o of data?.organisations ?? []) groups.set(o.kind, [...(groups.get(o.kind) ?? []), o]);
  const ordered = ORGANISATION_KINDS.filter((k) => groups.has(k));

  return (
    <section aria-labelledby="orgs-heading">
      <div className="page-head">
        <h1 id="orgs-heading">Organisations</h1>
        {!adding && (
          <button type="button" className="primary" onClick={() => setAdding(true)}>
            Add organisation
          </button>
        )}
      </div>
      {adding && (
        <AddOrganisationForm
          onCancel={() => setAdding(false)}
          onAdded={(o) => {
            showStatus(`Added ${o.name}.`);
            navigate(`/organisations/${o.id}`);
          }}
        />
      )}
      <form
        className="filters"
        role="search"
        aria-label="Filter organisations"
        onSubmit={(e) => {
          e.preventDefault();
          setTerm(q.trim());
        }}
      >
        <div className="field">
          <label htmlFor="org-q">Name</label>
          <input id="org-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="org-kind">Kind</label>
          <select id="org-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
            <option value="">All kinds</option>
            {ORGANISATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {kindLabel(k)}
              </option>
            ))}
          </select>
        </div>
      </form>
      {loading && !data && <p role="status">Loading organisations…</p>}
      {data && data.organisations.length === 0 && <p className="empty">No organisations match.</p>}
      {ordered.map((k) => (
        <section key={k} className="panel" aria-labelledby={`kind-${k}`}>
          <h2 id={`kind-${k}`}>{`${kindLabel(k)} (${groups.get(k)!.length})`}</h2>
          <div className="table-wrap">
            <table className="table" aria-label={kindLabel(k)}>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Phone</th>
                  <th scope="col">Email</th>
                  <th scope="col">Contacts</th>
                </tr>
              </thead>
              <tbody>
                {groups.get(k)!.map((o) => (
                  <tr key={o.id}>
                    <td>
                      <Link href={`/organisations/${o.id}`}>{o.name}</Link>
                    </td>
                    <td className="nowrap">{o.phone || '—'}</td>
                    <td>{o.email || '—'}</td>
                    <td>{o.contacts ?? 0}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </section>
  );
}

function AddOrganisationForm({ onAdded, onCancel }: { onAdded: (o: Organisation) => void; onCancel: () => void }) {
  const [f, setF] = useState({ name: '', kind: 'school', address: '', phone: '', email: '' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF((x) => ({ ...x, [k]: e.target.value }));
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (!f.name.trim()) return setError('Enter the organisation’s name.');
    setBusy(true);
    try {
      const body: AddOrganisationInput = { ...f, name: f.name.trim(), kind: f.kind as OrganisationKind };
      onAdded(await api.post<Organisation>('/api/organisations', body));
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={submit} className="panel form-grid" aria-label="Add organisation" noValidate>
      <h2 className="span-all">Add an organisation</h2>
      <TextField label="Name" name="name" required value={f.name} onChange={set('name')} autoFocus />
      <SelectField label="Kind" name="kind" value={f.kind} onChange={set('kind')}>
        {ORGANISATION_KINDS.map((k) => (
          <option key={k} value={k}>
            {kindLabel(k)}
          </option>
        ))}
      </SelectField>
      <TextField label="Address" name="address" value={f.address} onChange={set('address')} />
      <TextField label="Phone" name="phone" type="tel" value={f.phone} onChange={set('phone')} />
      <TextField label="Email" name="email" type="email" value={f.email} onChange={set('email')} />
      <div className="span-all">
        <FormError message={error} />
        <div className="buttons">
          <button type="submit" className="primary" disabled={busy}>
            Add organisation
          </button>
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </div>
    </form>
  );
}
