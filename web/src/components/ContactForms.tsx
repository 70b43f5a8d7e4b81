/** Editing a client's carers and contacts, and an organisation's contacts. Only changed fields are sent. */
import { clientContactInput } from '../../../src/contract/clients.js';
import { contactInput, updateContactInput } from '../../../src/contract/organisations.js';
import { api } from '../api/client.js';
import type { ClientContact, Contact } from '../api/types.js';
import { Field } from './Field.js';
import { changedFields, Form, useForm } from './Form.js';

/** What both contact forms share: a titled subform that saves or is cancelled. */
function contactFormProps(contact: { name: string } | undefined, addTitle: string, onCancel: () => void) {
  const title = contact ? `Edit ${contact.name}` : addTitle;
  return { label: title, title, titleLevel: 3, className: 'subform form-grid', submitLabel: 'Save contact', busyLabel: 'Saving…', onCancel } as const;
}

interface ContactFormProps<C> {
  contact?: C;
  onSaved: (c: C) => void;
  onCancel: () => void;
}

export function ClientContactForm({ clientId, contact, onSaved, onCancel }: ContactFormProps<ClientContact> & { clientId: string }) {
  const form = useForm({
    initial: {
      name: contact?.name ?? '',
      relationship: contact?.relationship ?? '',
      phone: contact?.phone ?? '',
      email: contact?.email ?? '',
      address: contact?.address ?? '',
      is_carer: contact?.is_carer ?? false,
      parental_responsibility: contact?.parental_responsibility ?? false,
    },
    schema: contact ? clientContactInput.partial() : clientContactInput,
    blanks: contact ? 'empty' : 'omit',
    toInput: (read) => changedFields(contact, read),
    onSubmit: async (input) =>
      onSaved(await api.save<ClientContact>(contact && `/api/client-contacts/${contact.id}`, `/api/clients/${clientId}/contacts`, input)),
  });
  return (
    <Form form={form} {...contactFormProps(contact, 'Add a carer or contact', onCancel)}>
      <Field form={form} name="name" label="Name" required autoFocus />
      <Field form={form} name="relationship" label="Relationship" hint="For example Mother, Social worker" />
      <Field form={form} name="phone" label="Phone" type="tel" />
      <Field form={form} name="email" label="Email" type="email" />
      <Field form={form} name="address" label="Address" />
      <div className="field checks">
        <Field form={form} name="is_carer" label="Carer" type="check" />
        <Field form={form} name="parental_responsibility" label="Has parental responsibility" type="check" />
      </div>
    </Form>
  );
}

export function OrgContactForm({ organisationId, contact, onSaved, onCancel }: ContactFormProps<Contact> & { organisationId: string }) {
  const form = useForm({
    initial: { name: contact?.name ?? '', role: contact?.role ?? '', email: contact?.email ?? '', phone: contact?.phone ?? '' },
    schema: contact ? updateContactInput : contactInput,
    blanks: contact ? 'empty' : 'omit',
    toInput: (read) => changedFields(contact, read),
    onSubmit: async (input) =>
      onSaved(await api.save<Contact>(contact && `/api/contacts/${contact.id}`, `/api/organisations/${organisationId}/contacts`, input)),
  });
  return (
    <Form form={form} {...contactFormProps(contact, 'Add a contact', onCancel)}>
      <Field form={form} name="name" label="Name" required autoFocus />
      <Field form={form} name="role" label="Role" hint="For example SENCO, Case handler" />
      <Field form={form} name="email" label="Email" type="email" />
      <Field form={form} name="phone" label="Phone" type="tel" />
    </Form>
  );
}
