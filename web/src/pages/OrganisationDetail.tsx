import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import type { UpdateOrganisationInput } from '../../../src/contract/organisations.js';
import { ORGANISATION_KINDS, type OrganisationKind } from '../../../src/domain/vocabulary.js';
import { api, messageOf } from '../api/client.js';
import type { Contact, Organisation } from '../api/types.js';
import { OrgContactForm } from '../components/ContactForms.js';
import { FormError, SelectField, TextArea, TextField } from '../components/Field.js';
import { useNotice } from '../session.js';
import { kindLabel } from './Organisations.js';
import { useResource } from '../components/Async.js';

export function OrganisationDetailPage({ id }: { id: string }) {
  const { data: org, loading, reload } = useResource(() => api.get<Organisation>(`/api/organisations/${id}`), [id]);
  const { showStatus } = useNotice();
  const [editing, setEditing] = useState(false);
  const [contactEdit, setContactEdit] = useState<string | 'new' | null>(null);

  if (loading && !org) return <p role="status">Loading organisation…</p>;
  if (!org) {
    return (
      <section>
        <h1>Organisation</h1>
        <Link href="/organisations">Back to organisations</Link>
      </section>
    );
  }
  const saved = (c: Contact, verb: string) => {
    setContactEdit(null);
    showStatus(`${verb} ${c.name}.`);
    reload();
  };

  return (
    <article aria-labelledby="org-name">
      <p className="crumbs">
        <Link href="/organisations">Organisations</Link> › {org.name}
      </p>
      <div className="page-head">
        <div>
          <h1 id="org-name">{org.name}</h1>
          <p className="muted">{kindLabel(org.kind)}</p>
        </div>
      </div>
      <section className="panel" aria-labelledby="org-details-h">
        <div className="panel-head">
          <h2 id="org-details-h">Details</h2>
          {!editing && (
            <button type="button" className="secondary small" onClick={() => setEditing(true)}>
              Edit details
            </button>
          )}
        </div>
        {editing ? (
          <OrgEditForm
            org={org}
            onDone={(didSave) => {
              setEditing(false);
              if (didSave) {
                showStatus('Details saved.');
                reload();
              }
            }}
          />
        ) : (
          <dl className="details">
            {(
              [
                ['Kind', kindLabel(org.kind)],
                ['Address', org.address],
                ['Phone', org.phone],
                ['Email', org.email],
                ['Notes', org.notes],
              ] as const
            ).map(([k, v]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd>{v ? <span className="pre">{v}</span> : <span className="muted">—</span>}</dd>
              </div>
            ))}
          </dl>
        )}
      </section>
      <section className="panel" aria-labelledby="org-contacts-h">
        <div className="panel-head">
          <h2 id="org-contacts-h">Contacts</h2>
          {contactEdit !== 'new' && (
            <button type="button" className="secondary small" onClick={() => setContactEdit('new')}>
              Add contact
            </button>
          )}
        </div>
        {contactEdit === 'new' && <OrgContactForm organisationId={org.id} onSaved={(c) => saved(c, 'Added')} onCancel={() => setContactEdit(null)} />}
        {org.contacts.length === 0 && contactEdit !== 'new' && <p className="empty">No contacts recorded.</p>}
        <ul className="contact-list">
          {org.contacts.map((c) => (
            <li key={c.id} className="contact" aria-label={c.name}>
              {contactEdit === c.id ? (
                <OrgContactForm organisationId={org.id} contact={c} onSaved={(x) => saved(x, 'Saved')} onCancel={() => setContactEdit(null)} />
              ) : (
                <>
                  <div className="contact-main">
                    <strong className="contact-name">{c.name}</strong>
                    {c.role && <span className="muted"> · {c.role}</span>}
                    <div className="contact-lines small">
                      {c.phone && <span>{`Phone ${c.phone}`}</span>}
                      {c.email && <span>{c.email}</span>}
                    </div>
                  </div>
                  <button type="button" className="secondary small" aria-label={`Edit ${c.name}`} onClick={() => setContactEdit(c.id)}>
                    Edit
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}

function OrgEditForm({ org, onDone }: { org: Organisation; onDone: (saved: boolean) => void }) {
  const [f, setF] = useState({ name: org.name, kind: org.kind, address: org.address, phone: org.phone, email: org.email, notes: org.notes });
  const [error, setError] = useState<string | null>(null);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF((x) => ({ ...x, [k]: e.target.value }));
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const body: UpdateOrganisationInput = {};
    for (const k of ['name', 'address', 'phone', 'email', 'notes'] as const) if (f[k] !== org[k]) body[k] = f[k];
    if (f.kind !== org.kind) body.kind = f.kind as OrganisationKind;
    if (Object.keys(body).length === 0) return onDone(false);
    try {
      await api.patch(`/api/organisations/${org.id}`, body);
      onDone(true);
    } catch (err) {
      setError(messageOf(err));
    }
  }
  return (
    <form onSubmit={submit} className="form-grid" aria-label="Edit organisation" noValidate>
      <TextField label="Name" name="name" value={f.name} onChange={set('name')} autoFocus />
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
      <TextArea label="Notes" name="notes" rows={3} value={f.notes} onChange={set('notes')} />
      <div className="span-all">
        <FormError message={error} />
        <div className="buttons">
          <button type="submit" className="primary">
            Save details
          </button>
          <button type="button" className="secondary" onClick={() => onDone(false)}>
            Cancel
          </button>
        </div>
      </div>
    </form>
  );
}
