/** The practice's details: name, contact details, bank details and letterhead printed on letters and invoices, defaults. */
import { updatePracticeInput } from '../../../../src/contract/practice.js';
import { JURISDICTIONS, JURISDICTION_LABELS } from '../../../../src/domain/vocabulary.js';
import { api } from '../../api/client.js';
import type { Practice } from '../../api/types.js';
import { Async, useResource } from '../../components/Async.js';
import { Field } from '../../components/Field.js';
import { changedFields, Form, useForm } from '../../components/Form.js';
import { useNotice } from '../../session.js';

export function PracticeSection() {
  const practice = useResource(() => api.get<Practice>('/api/practice'), []);
  return (
    <Async resource={practice} loading="Loading practice details…">
      {(data) => <PracticeForm practice={data} onSaved={practice.reload} />}
    </Async>
  );
}

function PracticeForm({ practice, onSaved }: { practice: Practice; onSaved: () => void }) {
  const { showStatus } = useNotice();
  const form = useForm({
    initial: {
      name: practice.name ?? '',
      address: practice.address ?? '',
      phone: practice.phone ?? '',
      email: practice.email ?? '',
      letterhead: practice.letterhead ?? '',
      bank_details: practice.bank_details ?? '',
      default_jurisdiction: practice.default_jurisdiction ?? '',
      invoice_prefix: practice.invoice_prefix ?? '',
    },
    schema: updatePracticeInput,
    blanks: 'empty',
    toInput: (read) => changedFields(practice, read),
    onSubmit: async (input) => {
      if (Object.keys(input).length === 0) return showStatus('Nothing has changed.');
      await api.patch<Practice>('/api/practice', input);
      showStatus('Practice details saved.');
      onSaved();
    },
  });
  return (
    <Form form={form} label="Practice details" title="Practice details" submitLabel="Save practice details" busyLabel="Saving…">
      <Field form={form} name="name" label="Practice name" wide />
      <Field form={form} name="phone" label="Phone" type="tel" />
      <Field form={form} name="email" label="Email" type="email" />
      <Field form={form} name="address" label="Address" wide />
      <Field form={form} name="bank_details" label="Bank details (printed on invoices)" wide />
      <Field form={form} name="default_jurisdiction" label="Default jurisdiction for new cases" type="select">
        {JURISDICTIONS.map((j) => (
          <option key={j} value={j}>
            {JURISDICTION_LABELS[j]}
          </option>
        ))}
      </Field>
      <Field form={form} name="invoice_prefix" label="Invoice number prefix" />
      <div className="span-all">
        <Field form={form} name="letterhead" label="Letterhead" type="textarea" rows={5} hint="The lines at the top of every letter and report." />
      </div>
    </Form>
  );
}
