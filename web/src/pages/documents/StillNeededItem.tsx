/** One item a draft still needs: a way to record it in the findings, or to fill it in on this draft only. */
import { useState } from 'react';
import { Link } from 'wouter';
import { z } from 'zod';
import { editBlockInput } from '../../../../src/contract/documents.js';
import { Field } from '../../components/Field.js';
import { Form, useForm } from '../../components/Form.js';

export function StillNeededItem({
  label,
  field,
  caseId,
  canFill,
  busy,
  onFill,
}: {
  label: string;
  field: string;
  caseId: string | null;
  canFill: boolean;
  busy: boolean;
  onFill: (value: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const form = useForm({
    initial: { value: '' },
    schema: z.object({ value: editBlockInput.shape.text.pipe(z.string().min(1, 'is required')) }),
    onSubmit: (input) => onFill(input.value),
  });
  return (
    <li data-field={field}>
      <span>{label}</span>{' '}
      {caseId && field.startsWith('note:') && (
        <Link href={`/cases/${caseId}/findings`} className="small">
          Record in findings
        </Link>
      )}{' '}
      {canFill && !open && (
        <button type="button" className="link small" aria-label={`Fill in ${label}`} onClick={() => setOpen(true)}>
          Fill in
        </button>
      )}
      {open && (
        <Form
          form={form}
          label={`Fill in ${label}`}
          className="fill-in"
          submitLabel="Put in the draft"
          submitClassName="primary small"
          disabled={busy || !form.values.value.trim()}
          actions={
            <button type="button" className="secondary small" onClick={() => setOpen(false)}>
              Cancel
            </button>
          }
        >
          <Field form={form} name="value" label={label} autoFocus />
        </Form>
      )}
    </li>
  );
}
