/** The intake form: source, date received, the client matched by name and date of birth, service, urgency and funding. */
import { addReferralInput } from '../../../../src/contract/referrals.js';
import { api } from '../../api/client.js';
import { useResource } from '../../components/Async.js';
import { Field } from '../../components/Field.js';
import { Form, useForm } from '../../components/Form.js';
import type { Referral, ReferralSource } from '../Referrals.js';

const SERVICE_LINES: [string, string][] = [
  ['paediatric', 'Paediatric'],
  ['adult_neuro', 'Adult neurological'],
  ['mental_health', 'Mental health'],
  ['workplace', 'Workplace'],
  ['housing', 'Housing and adaptations'],
  ['medico_legal', 'Medico-legal'],
  ['other', 'Other'],
];
const FUNDING: [string, string][] = [
  ['self_pay', 'Self-pay'],
  ['insurer', 'Insurer'],
  ['solicitor', 'Solicitor'],
  ['local_authority', 'Local authority'],
  ['employer', 'Employer'],
  ['case_manager', 'Case manager'],
  ['nhs', 'NHS'],
  ['other', 'Other'],
];
export function ReferralForm({ onSaved, onCancel }: { onSaved: (r: Referral) => void; onCancel: () => void }) {
  const sources = useResource(() => api.get<{ sources: ReferralSource[] }>('/api/referral-sources'), []);
  const form = useForm({
    initial: {
      source_id: '',
      received_on: '',
      client_name: '',
      client_dob: '',
      service_line: 'paediatric',
      service_detail: '',
      urgency: 'routine',
      funding: 'self_pay',
      reason: '',
    },
    schema: addReferralInput,
    fieldFor: { 'client.name': 'client_name', 'client.dob': 'client_dob' },
    toInput: ({ client_name, client_dob, ...read }) => ({ ...read, client: { name: client_name, dob: client_dob } }),
    onSubmit: async (input) => onSaved(await api.post<Referral>('/api/referrals', input)),
  });
  return (
    <Form form={form} label="Record a referral" title="Record a referral" submitLabel="Record referral" busyLabel="Recording…" onCancel={onCancel}>
      <Field form={form} name="source_id" label="Referred by" type="select" required>
        <option value="">Choose a source…</option>
        {(sources.data?.sources ?? []).map((s) => (
          <option key={s.id} value={s.id}>
            {s.name} ({s.kind_label})
          </option>
        ))}
      </Field>
      <Field form={form} name="received_on" label="Date received" type="date" required />
      <Field form={form} name="client_name" label="Client’s full name" hint="An existing client with this name and date of birth is used" required />
      <Field form={form} name="client_dob" label="Client’s date of birth" type="date" required />
      <Field form={form} name="service_line" label="Service asked for" type="select">
        {SERVICE_LINES.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </Field>
      <Field form={form} name="service_detail" label="In their words (optional)" />
      <Field form={form} name="urgency" label="Urgency" type="select">
        <option value="routine">Routine</option>
        <option value="soon">Soon</option>
        <option value="urgent">Urgent</option>
      </Field>
      <Field form={form} name="funding" label="Funding" type="select">
        {FUNDING.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </Field>
      <Field form={form} name="reason" label="Reason for referral (optional)" type="textarea" wide />
    </Form>
  );
}
