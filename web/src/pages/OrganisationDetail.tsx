/** One organisation: its details, editable, and the people to contact there. */
import { useState } from 'react';
import { Link } from 'wouter';
import { updateOrganisationInput } from '../../../src/contract/organisations.js';
import { api } from '../api/client.js';
import type { Organisation } from '../api/types.js';
import { useResource } from '../components/Async.js';
import { OrgContactForm } from '../components/ContactForms.js';
import { ContactsPanel } from '../components/ContactsPanel.js';
import { Details } from '../components/Details.js';
import { Field } from '../components/Field.js';
import { changedFields, Form, useForm } from '../components/Form.js';
import { RecordMissing } from '../components/RecordMissing.js';
import { useNotice } from '../session.js';
import { kindLabel, OrganisationFields } from './Organisations.js';

export function OrganisationDetailPage({ id }: { id: string }) {
  const { data: org, loading, reload } = useResource(() => api.get<Organisation>(`/api/organisations/${id}`), [id]);
  const { showStatus } = useNotice();
  const [editing, setEditing] = useState(false);

  if (!org)
    return <RecordMissing title="Organisation" loading={loading} loadingText="Loading organisation…" back="/organisations" backLabel="Back to organisations" />;

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
          <Details
            rows={[
              ['Kind', kindLabel(org.kind)],
              ['Address', org.address && <span className="pre">{org.address}</span>],
              ['Phone', org.phone],
              ['Email', org.email],
              ['Notes', org.notes && <span className="pre">{org.notes}</span>],
            ]}
          />
        )}
      </section>
      <ContactsPanel
        headingId="org-contacts-h"
        title="Contacts"
        addLabel="Add contact"
        empty="No contacts recorded."
        contacts={org.contacts}
        onChanged={reload}
        describe={(c) => (
          <>
            {c.role && <span className="muted"> · {c.role}</span>}
            <div className="contact-lines small">
              {c.phone && <span>{`Phone ${c.phone}`}</span>}
              {c.email && <span>{c.email}</span>}
            </div>
          </>
        )}
        form={(contact, onSaved, onCancel) => <OrgContactForm organisationId={org.id} contact={contact} onSaved={onSaved} onCancel={onCancel} />}
      />
    </article>
  );
}

function OrgEditForm({ org, onDone }: { org: Organisation; onDone: (saved: boolean) => void }) {
  const form = useForm({
    initial: { name: org.name, kind: org.kind, address: org.address, phone: org.phone, email: org.email, notes: org.notes },
    schema: updateOrganisationInput,
    blanks: 'empty',
    toInput: (read) => changedFields(org, read),
    onSubmit: async (input) => {
      if (Object.keys(input).length === 0) return onDone(false);
      await api.patch(`/api/organisations/${org.id}`, input);
      onDone(true);
    },
  });
  return (
    <Form form={form} label="Edit organisation" className="form-grid" submitLabel="Save details" busyLabel="Saving…" onCancel={() => onDone(false)}>
      <OrganisationFields form={form} />
      <Field form={form} name="notes" label="Notes" type="textarea" />
    </Form>
  );
}
