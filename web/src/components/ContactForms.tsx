/** Editing a client's carers and contacts, and an organisation's contacts. Only changed fields are sent. */
import { useState, type FormEvent } from 'react';
import type { ClientContactInput } from '../../../src/contract/clients.js';
import type { ContactInput } from '../../../src/contract/organisations.js';
import { api, messageOf } from '../api/client.js';
import type { ClientContact, Contact } from '../api/types.js';
import { CheckField, FormError, TextField } from './Field.js';

function changed<T extends Record<string, unknown>>(before: Partial<T> | undefined, after: T): Partial<T> {
  if (!before) return after;
  const out: Partial<T> = {};
  for (const k of Object.keys(after) as (keyof T)[]) if (after[k] !== before[k]) out[k] = after[k];
  return out;
}

export function ClientContactForm({
  clientId,
  contact,
  onSaved,
  onCancel,
}: {
  clientId: string;
  contact?: ClientContact;
  onSaved: (c: ClientContact) => void;
  onCancel: () => void;
}) {
  const [f, setF] = useState({
    name: contact?.name ?? '',
    relationship: contact?.relationship ?? '',
    phone: contact?.phone ?? '',
    email: contact?.email ?? '',
    address: contact?.address ?? '',
    is_carer: contact?.is_carer ?? false,
    parental_responsibility: contact?.parental_responsibility ?? false,
  });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: 'name' | 'relationship' | 'phone' | 'email' | 'address') => (e: { target: { value: string } }) =>
    setF((x) => ({ ...x, [k]: e.target.value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (!f.name.trim()) return setError('Enter the contact’s name.');
    const body: ClientContactInput = { ...f, name: f.name.trim() };
    setBusy(true);
    try {
      const saved = contact
        ? await api.patch<ClientContact>(`/api/client-contacts/${contact.id}`, changed(contact, body))
        : await api.post<ClientContact>(`/api/clients/${clientId}/contacts`, body);
      onSaved(saved);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  const title = contact ? `Edit ${contact.name}` : 'Add a carer or contact';
  return (
    <form onSubmit={submit} className="subform form-grid" aria-label={title} noValidate>
      <h3 className="span-all">{title}</h3>
      <TextField label="Name" name="name" required value={f.name} onChange={set('name')} autoFocus />
      <TextField label="Relationship" name="relationship" hint="For example Mother, Social worker" value={f.relationship} onChange={set('relationship')} />
      <TextField label="Phone" name="phone" type="tel" value={f.phone} onChange={set('phone')} />
      <TextField label="Email" name="email" type="email" value={f.email} onChange={set('email')} />
      <TextField label="Address" name="address" value={f.address} onChange={set('address')} />
      <div className="field checks">
        <CheckField label="Carer" checked={f.is_carer} onChange={(e) => setF((x) => ({ ...x, is_carer: e.target.checked }))} />
        <CheckField
          label="Has parental responsibility"
          checked={f.parental_responsibility}
          onChange={(e) => setF((x) => ({ ...x, parental_responsibility: e.target.checked }))}
        />
      </div>
      <div className="span-all">
        <FormError message={error} />
        <div className="buttons">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Saving…' : 'Save contact'}
          </button>
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </div>
    </form>
  );
}

export function OrgContactForm({
  organisationId,
  contact,
  onSaved,
  onCancel,
}: {
  organisationId: string;
  contact?: Contact;
  onSaved: (c: Contact) => void;
  onCancel: () => void;
}) {
  const [f, setF] = useState({ name: contact?.name ?? '', role: contact?.role ?? '', email: contact?.email ?? '', phone: contact?.phone ?? '' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF((x) => ({ ...x, [k]: e.target.value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (!f.name.trim()) return setError('Enter the contact’s name.');
    const body: ContactInput = { ...f, name: f.name.trim() };
    setBusy(true);
    try {
      const saved = contact
        ? await api.patch<Contact>(`/api/contacts/${contact.id}`, changed(contact, body))
        : await api.post<Contact>(`/api/organisations/${organisationId}/contacts`, body);
      onSaved(saved);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  const title = contact ? `Edit ${contact.name}` : 'Add a contact';
  return (
    <form onSubmit={submit} className="subform form-grid" aria-label={title} noValidate>
      <h3 className="span-all">{title}</h3>
      <TextField label="Name" name="name" required value={f.name} onChange={set('name')} autoFocus />
      <TextField label="Role" name="role" hint="For example SENCO, Case handler" value={f.role} onChange={set('role')} />
      <TextField label="Email" name="email" type="email" value={f.email} onChange={set('email')} />
      <TextField label="Phone" name="phone" type="tel" value={f.phone} onChange={set('phone')} />
      <div className="span-all">
        <FormError message={error} />
        <div className="buttons">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Saving…' : 'Save contact'}
          </button>
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </div>
    </form>
  );
}
