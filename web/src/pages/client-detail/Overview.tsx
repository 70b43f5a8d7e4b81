/** A client's overview: details (editable), consent to share, and carers and contacts. */
import { useState } from 'react';
import { updateClientInput } from '../../../../src/contract/clients.js';
import { CONSENT_PARTIES, type ConsentParty } from '../../../../src/domain/vocabulary.js';
import { api } from '../../api/client.js';
import type { ClientDetail } from '../../api/types.js';
import { ClientContactForm } from '../../components/ContactForms.js';
import { ContactsPanel } from '../../components/ContactsPanel.js';
import { Details } from '../../components/Details.js';
import { Field } from '../../components/Field.js';
import { changedFields, Form, useForm } from '../../components/Form.js';
import { UkDate } from '../../components/UkDate.js';
import { nhs, ukDate } from '../../format.js';
import { useNotice } from '../../session.js';

const CONSENT_LABELS: Record<ConsentParty, string> = { school: 'School', la: 'Local authority', gp: 'GP', insurer: 'Insurer', solicitor: 'Solicitor' };

export function Overview({ client, reload }: { client: ClientDetail; reload: () => void }) {
  const [editing, setEditing] = useState(false);
  return (
    <div className="overview">
      <section className="panel" aria-labelledby="details-h">
        <div className="panel-head">
          <h2 id="details-h">Details</h2>
          {!editing && (
            <button type="button" className="secondary small" onClick={() => setEditing(true)}>
              Edit details
            </button>
          )}
        </div>
        {editing ? (
          <ClientEditForm
            client={client}
            onDone={(saved) => {
              setEditing(false);
              if (saved) reload();
            }}
          />
        ) : (
          <Details
            rows={[
              ['Name', client.name],
              ['Date of birth', <UkDate iso={client.dob} />],
              ['NHS number', client.nhs_number ? nhs(client.nhs_number) : ''],
              ['Address', client.address],
              ['Postcode', client.postcode],
              ['Phone', client.phone],
              ['Email', client.email],
              ['Lead clinician', client.lead_clinician?.name ?? 'Not allocated'],
              [
                'Keep records until',
                client.retention.state === 'keep_until' ? (
                  <span title={client.retention.reason}>{ukDate(client.retention.until)} (REC-03)</span>
                ) : (
                  <span className="muted">{client.retention.reason}</span>
                ),
              ],
              ['Notes', client.notes ? <span className="pre">{client.notes}</span> : ''],
            ]}
          />
        )}
      </section>
      <ConsentPanel client={client} reload={reload} />
      <ContactsPanel
        headingId="contacts-h"
        title="Carers and contacts"
        addLabel="Add carer or contact"
        empty="No carers or contacts recorded."
        contacts={client.contacts}
        onChanged={reload}
        describe={(c) => (
          <>
            {c.relationship && <span className="muted"> · {c.relationship}</span>}
            {c.is_carer && <span className="badge">Carer</span>}
            {c.parental_responsibility && <span className="badge">Parental responsibility</span>}
            <div className="contact-lines small">
              {c.phone && <span>{`Phone ${c.phone}`}</span>}
              {c.email && <span>{c.email}</span>}
              {c.address && <span>{c.address}</span>}
            </div>
          </>
        )}
        form={(contact, onSaved, onCancel) => <ClientContactForm clientId={client.id} contact={contact} onSaved={onSaved} onCancel={onCancel} />}
      />
    </div>
  );
}

function ClientEditForm({ client, onDone }: { client: ClientDetail; onDone: (saved: boolean) => void }) {
  const { showStatus } = useNotice();
  const form = useForm({
    initial: {
      name: client.name,
      dob: ukDate(client.dob),
      nhs_number: client.nhs_number ? nhs(client.nhs_number) : '',
      address: client.address,
      postcode: client.postcode,
      phone: client.phone,
      email: client.email,
      notes: client.notes,
    },
    schema: updateClientInput,
    blanks: 'empty',
    // The NHS number is compared as digits, so "943 476 5919" left as it was is not a change.
    toInput: (read) =>
      changedFields({ ...client, nhs_number: client.nhs_number ?? '' }, { ...read, nhs_number: String(read.nhs_number).replace(/[\s-]/g, '') }),
    onSubmit: async (input) => {
      if (Object.keys(input).length === 0) return onDone(false);
      await api.patch(`/api/clients/${client.id}`, input);
      showStatus('Details saved.');
      onDone(true);
    },
  });
  return (
    <Form form={form} label="Edit client details" className="form-grid" submitLabel="Save details" busyLabel="Saving…" onCancel={() => onDone(false)}>
      <Field form={form} name="name" label="Full name" required autoFocus />
      <Field form={form} name="dob" label="Date of birth" type="date" />
      <Field form={form} name="nhs_number" label="NHS number" inputMode="numeric" />
      <Field form={form} name="postcode" label="Postcode" />
      <Field form={form} name="address" label="Address" />
      <Field form={form} name="phone" label="Phone" type="tel" />
      <Field form={form} name="email" label="Email" type="email" />
      <Field form={form} name="notes" label="Notes" type="textarea" />
    </Form>
  );
}

function ConsentPanel({ client, reload }: { client: ClientDetail; reload: () => void }) {
  const { showStatus } = useNotice();
  const form = useForm({
    initial: { ...client.consent },
    schema: updateClientInput,
    toInput: (read) => ({ consent: read }),
    onSubmit: async (input) => {
      await api.patch(`/api/clients/${client.id}`, input);
      showStatus('Consent to share saved.');
      reload();
    },
  });
  const dirty = CONSENT_PARTIES.some((p) => form.values[p] !== client.consent[p]);
  return (
    <section className="panel" aria-labelledby="consent-h">
      <h2 id="consent-h">Consent to share</h2>
      <Form form={form} label="Consent to share" className="" submitLabel="Save consent" submitClassName="secondary small" disabled={!dirty}>
        <fieldset>
          <legend>The client (or the person with parental responsibility) agrees that we may share information with:</legend>
          <div className="check-row">
            {CONSENT_PARTIES.map((p) => (
              <Field key={p} form={form} name={p} label={CONSENT_LABELS[p]} type="check" />
            ))}
          </div>
        </fieldset>
      </Form>
    </section>
  );
}
