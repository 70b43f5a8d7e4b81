/** Adding a client: the fields of the contract's add-client input, with a UK date of birth and the NHS number as people write it. */
import { addClientInput } from '../../../src/contract/clients.js';
import { useState } from 'react';
import { api, ApiError } from '../api/client.js';
import type { Client, User } from '../api/types.js';
import { useSession } from '../session.js';
import { Field } from './Field.js';
import { Form, useForm } from './Form.js';

export function AddClientForm({ clinicians, onAdded, onCancel }: { clinicians: User[]; onAdded: (c: Client) => void; onCancel: () => void }) {
  const { session } = useSession();
  // Set when the server found a client with the same name and date of birth: the person may say it is someone else.
  const [sameNameAndDob, setSameNameAndDob] = useState(false);
  const [differentPerson, setDifferentPerson] = useState(false);
  const form = useForm({
    initial: {
      name: '',
      dob: '',
      nhs_number: '',
      address: '',
      postcode: '',
      phone: '',
      email: '',
      lead_clinician_id: session.user.role === 'clinician' ? session.user.id : '',
    },
    schema: addClientInput,
    toInput: (read) => ({
      ...read,
      ...(typeof read.postcode === 'string' ? { postcode: read.postcode.toUpperCase() } : {}),
      ...(differentPerson ? { different_person: true } : {}),
    }),
    onSubmit: async (input) => {
      try {
        onAdded(await api.post<Client>('/api/clients', input));
      } catch (e) {
        setSameNameAndDob(e instanceof ApiError && e.code === 'CONFLICT' && e.field === 'name');
        throw e;
      }
    },
  });
  return (
    <Form
      form={form}
      label="Add client"
      title="Add a client"
      submitLabel="Add client"
      busyLabel="Adding…"
      onCancel={onCancel}
      actions={
        sameNameAndDob && (
          <label className="check">
            <input type="checkbox" checked={differentPerson} onChange={(e) => setDifferentPerson(e.target.checked)} />
            This is a different person who shares the name and date of birth
          </label>
        )
      }
    >
      <Field form={form} name="name" label="Full name" required autoFocus />
      <Field form={form} name="dob" label="Date of birth" type="date" required />
      <Field form={form} name="nhs_number" label="NHS number (optional)" hint="10 digits, e.g. 943 476 5919" inputMode="numeric" />
      <Field form={form} name="postcode" label="Postcode" autoComplete="postal-code" />
      <Field form={form} name="address" label="Address" wide />
      <Field form={form} name="phone" label="Phone" type="tel" />
      <Field form={form} name="email" label="Email" type="email" />
      <Field form={form} name="lead_clinician_id" label="Lead clinician" type="select">
        <option value="">Not yet allocated</option>
        {clinicians.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
      </Field>
    </Form>
  );
}
