/** Adding a client: the fields of AddClientInput, with a UK date of birth and the NHS number as people write it. */
import { useState, type FormEvent } from 'react';
import type { AddClientInput } from '../../../src/contract/clients.js';
import { isValidNhsNumber } from '../../../src/domain/people/nhs-number.js';
import { api, messageOf } from '../api/client.js';
import type { Client, User } from '../api/types.js';
import { parseUkDate } from '../format.js';
import { useSession } from '../session.js';
import { FormError, SelectField, TextField } from './Field.js';

export function AddClientForm({ clinicians, onAdded, onCancel }: { clinicians: User[]; onAdded: (c: Client) => void; onCancel: () => void }) {
  const { session } = useSession();
  const [f, setF] = useState({
    name: '',
    dob: '',
    nhs_number: '',
    address: '',
    postcode: '',
    phone: '',
    email: '',
    lead_clinician_id: session.user.role === 'clinician' ? session.user.id : '',
  });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF((x) => ({ ...x, [k]: e.target.value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const dob = parseUkDate(f.dob);
    if (!f.name.trim()) return setError('Enter the client’s name.');
    if (!dob) return setError('Enter the date of birth as dd/mm/yyyy, for example 04/07/2015.');
    if (f.nhs_number.trim() && !isValidNhsNumber(f.nhs_number)) return setError('That NHS number is not valid: check the 10 digits.');
    const body: AddClientInput = { name: f.name.trim(), dob };
    if (f.nhs_number.trim()) body.nhs_number = f.nhs_number.trim();
    if (f.address.trim()) body.address = f.address.trim();
    if (f.postcode.trim()) body.postcode = f.postcode.trim().toUpperCase();
    if (f.phone.trim()) body.phone = f.phone.trim();
    if (f.email.trim()) body.email = f.email.trim();
    if (f.lead_clinician_id) body.lead_clinician_id = f.lead_clinician_id;
    setBusy(true);
    try {
      onAdded(await api.post<Client>('/api/clients', body));
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="panel form-grid" aria-label="Add client" noValidate>
      <h2 className="span-all">Add a client</h2>
      <TextField label="Full name" name="name" required value={f.name} onChange={set('name')} autoFocus />
      <TextField label="Date of birth" name="dob" hint="dd/mm/yyyy" required inputMode="numeric" value={f.dob} onChange={set('dob')} />
      <TextField
        label="NHS number (optional)"
        name="nhs_number"
        hint="10 digits, e.g. 943 476 5919"
        inputMode="numeric"
        value={f.nhs_number}
        onChange={set('nhs_number')}
      />
      <TextField label="Postcode" name="postcode" autoComplete="postal-code" value={f.postcode} onChange={set('postcode')} />
      <TextField label="Address" name="address" wide value={f.address} onChange={set('address')} />
      <TextField label="Phone" name="phone" type="tel" value={f.phone} onChange={set('phone')} />
      <TextField label="Email" name="email" type="email" value={f.email} onChange={set('email')} />
      <SelectField label="Lead clinician" name="lead_clinician_id" value={f.lead_clinician_id} onChange={set('lead_clinician_id')}>
        <option value="">Not yet allocated</option>
        {clinicians.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
      </SelectField>
      <div className="span-all">
        <FormError message={error} />
        <div className="buttons">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Adding…' : 'Add client'}
          </button>
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </div>
    </form>
  );
}
