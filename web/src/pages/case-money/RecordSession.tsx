/**
 * Recording a session on a case. A session outside the insurer's authorisation is refused until
 * an override reason is given; the form then asks for it, and the reason is kept with the session.
 */
import { useState } from 'react';
import { addSessionInput } from '../../../../src/contract/money.js';
import { api, ApiError } from '../../api/client.js';
import { Field } from '../../components/Field.js';
import { FieldProblem, Form, useForm } from '../../components/Form.js';
import { ukDate } from '../../format.js';
import { ATTENDANCE_LABELS, SESSION_KIND_LABELS } from '../../money/types.js';
import { useNotice } from '../../session.js';

/** The server's refusal that a reason would lift: the session or invoice is outside the authorisation. */
export const asksForOverride = (err: unknown) => err instanceof ApiError && err.status === 400 && /override reason/i.test(err.message);

export function RecordSession({ caseId, onRecorded }: { caseId: string; onRecorded: () => void }) {
  const { showStatus } = useNotice();
  const [needsOverride, setNeedsOverride] = useState(false);
  const form = useForm({
    initial: {
      on_date: new Date().toLocaleDateString('en-GB'),
      duration_minutes: '60',
      kind: 'therapy',
      attendance: 'attended',
      notes: '',
      override_reason: '',
    },
    schema: addSessionInput,
    toInput: ({ override_reason, ...read }) => {
      if (needsOverride && !override_reason) throw new FieldProblem('override_reason', 'must say why (at least 3 characters)');
      return { ...read, case_id: caseId, ...(needsOverride ? { override_reason } : {}) };
    },
    onSubmit: async (input) => {
      try {
        await api.post('/api/sessions', input);
      } catch (err) {
        if (asksForOverride(err)) setNeedsOverride(true);
        throw err;
      }
      showStatus(`Session on ${ukDate(input.on_date)} recorded${needsOverride ? ' with the override reason' : ''}.`);
      form.setValues((v) => ({ ...v, notes: '', override_reason: '' }));
      setNeedsOverride(false);
      onRecorded();
    },
  });
  return (
    <Form
      form={form}
      label="Record a session"
      title="Record a session"
      titleLevel={3}
      className="subform form-grid"
      submitLabel={needsOverride ? 'Record with override' : 'Record session'}
      busyLabel="Recording…"
    >
      <Field form={form} name="on_date" label="Session date" type="date" />
      <Field form={form} name="duration_minutes" label="Duration (minutes)" type="number" inputMode="numeric" />
      <Field form={form} name="kind" label="Kind" type="select">
        {Object.entries(SESSION_KIND_LABELS).map(([k, l]) => (
          <option key={k} value={k}>
            {l}
          </option>
        ))}
      </Field>
      <Field form={form} name="attendance" label="Attendance" type="select">
        {Object.entries(ATTENDANCE_LABELS).map(([k, l]) => (
          <option key={k} value={k}>
            {l}
          </option>
        ))}
      </Field>
      <Field form={form} name="notes" label="Notes" type="textarea" rows={2} wide />
      {needsOverride && (
        <Field
          form={form}
          name="override_reason"
          label="Override reason"
          type="textarea"
          rows={2}
          wide
          hint="This session falls outside the insurer’s authorisation. Say why it is being recorded against it anyway; the reason is kept with the session and in the audit trail."
        />
      )}
    </Form>
  );
}
