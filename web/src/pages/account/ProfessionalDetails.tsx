/**
 * The signed-in user's professional details: qualifications, professional bodies and HCPC
 * number, exactly as they should read under a signature. Signing a document is refused until
 * the qualifications and HCPC number are recorded here.
 */
import { updateMyDetailsInput, type UserRow } from '../../../../src/contract/practice.js';
import { api } from '../../api/client.js';
import { Async, useResource } from '../../components/Async.js';
import { Field } from '../../components/Field.js';
import { changedFields, Form, useForm } from '../../components/Form.js';
import { useNotice, useSession } from '../../session.js';

export function ProfessionalDetails() {
  const { session } = useSession();
  const users = useResource(() => api.get<{ users: UserRow[] }>('/api/users'), []);
  return (
    <section className="panel" aria-labelledby="professional-h">
      <h2 id="professional-h">Professional details</h2>
      <p className="muted small">
        What the sign-off block of every document you sign shows under your name. A document cannot be signed until your qualifications and HCPC number are
        recorded.
      </p>
      <Async resource={users} loading="Loading your details…">
        {(data) => {
          const me = data.users.find((u) => u.id === session.user.id);
          return me ? <DetailsForm me={me} onSaved={users.reload} /> : <p className="muted">Your user record was not found.</p>;
        }}
      </Async>
    </section>
  );
}

function DetailsForm({ me, onSaved }: { me: UserRow; onSaved: () => void }) {
  const { showStatus } = useNotice();
  const initial = { qualifications: me.qualifications ?? '', professional_bodies: me.professional_bodies ?? '', hcpc_number: me.hcpc_number ?? '' };
  const form = useForm({
    initial,
    schema: updateMyDetailsInput,
    blanks: 'empty',
    toInput: (read) => changedFields(initial, read),
    onSubmit: async (input) => {
      if (Object.keys(input).length === 0) return showStatus('Nothing has changed.');
      await api.patch<UserRow>('/api/account/details', input);
      showStatus('Professional details saved.');
      onSaved();
    },
  });
  return (
    <Form form={form} label="Professional details" className="form-grid" submitLabel="Save professional details" busyLabel="Saving…">
      <Field
        form={form}
        name="qualifications"
        label="Qualifications"
        hint="As they should read under your signature, e.g. BSc (Hons) Occupational Therapy."
        wide
      />
      <Field
        form={form}
        name="professional_bodies"
        label="Professional bodies"
        hint="Memberships, e.g. Royal College of Occupational Therapists. Leave empty if none."
        wide
      />
      <Field form={form} name="hcpc_number" label="HCPC number" hint="For example OT12345." />
    </Form>
  );
}
