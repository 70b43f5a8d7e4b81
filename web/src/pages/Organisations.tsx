import { useEffect, useState } from 'react';
import { useLocation } from 'wouter';
import { addOrganisationInput } from '../../../src/contract/organisations.js';
import { ORGANISATION_KINDS, ORGANISATION_KIND_LABELS, type OrganisationKind } from '../../../src/domain/vocabulary.js';
import { api } from '../api/client.js';
import type { Organisation, OrgRow } from '../api/types.js';
import { Field, SelectField, TextField } from '../components/Field.js';
import { Form, useForm, type FormState, type FormValues } from '../components/Form.js';
import { Table } from '../components/Table.js';
import { useNotice } from '../session.js';
import { Async, useResource } from '../components/Async.js';

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
  const orgs = useResource(() => api.get<{ organisations: OrgRow[] }>('/api/organisations', { q: term, kind }), [term, kind]);

  const groups = new Map<string, OrgRow[]>();
  for (const o of orgs.data?.organisations ?? []) groups.set(o.kind, [...(groups.get(o.kind) ?? []), o]);
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
        <TextField label="Name" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        <SelectField label="Kind" value={kind} onChange={(e) => setKind(e.target.value)}>
          <option value="">All kinds</option>
          <KindOptions />
        </SelectField>
      </form>
      <Async resource={orgs} loading="Loading organisations…" empty="No organisations match." isEmpty={(d) => d.organisations.length === 0}>
        {() =>
          ordered.map((k) => (
            <section key={k} className="panel" aria-labelledby={`kind-${k}`}>
              <h2 id={`kind-${k}`}>{`${kindLabel(k)} (${groups.get(k)!.length})`}</h2>
              <Table
                label={kindLabel(k)}
                rows={groups.get(k)!}
                rowKey={(o) => o.id}
                columns={[
                  { header: 'Name', cell: (o) => o.name, href: (o) => `/organisations/${o.id}` },
                  { header: 'Phone', cell: (o) => o.phone || '—', className: 'nowrap' },
                  { header: 'Email', cell: (o) => o.email || '—' },
                  { header: 'Contacts', cell: (o) => o.contacts ?? 0 },
                ]}
              />
            </section>
          ))
        }
      </Async>
    </section>
  );
}

function AddOrganisationForm({ onAdded, onCancel }: { onAdded: (o: Organisation) => void; onCancel: () => void }) {
  const form = useForm({
    initial: { name: '', kind: 'school', address: '', phone: '', email: '' },
    schema: addOrganisationInput,
    onSubmit: async (input) => onAdded(await api.post<Organisation>('/api/organisations', input)),
  });
  return (
    <Form form={form} label="Add organisation" title="Add an organisation" submitLabel="Add organisation" busyLabel="Adding…" onCancel={onCancel}>
      <OrganisationFields form={form} />
    </Form>
  );
}

function KindOptions() {
  return ORGANISATION_KINDS.map((k) => (
    <option key={k} value={k}>
      {kindLabel(k)}
    </option>
  ));
}

/** The fields an organisation is added and edited with. */
export function OrganisationFields<V extends FormValues & Record<'name' | 'kind' | 'address' | 'phone' | 'email', string>>({ form }: { form: FormState<V> }) {
  return (
    <>
      <Field form={form} name="name" label="Name" required autoFocus />
      <Field form={form} name="kind" label="Kind" type="select">
        <KindOptions />
      </Field>
      <Field form={form} name="address" label="Address" />
      <Field form={form} name="phone" label="Phone" type="tel" />
      <Field form={form} name="email" label="Email" type="email" />
    </>
  );
}
