/** Users and roles: who may sign in, as what, and whether they are active; adding a user. */
import { useEffect, useState } from 'react';
import { createUserInput } from '../../../../src/contract/practice.js';
import { ROLES, type Role } from '../../../../src/domain/vocabulary.js';
import { api } from '../../api/client.js';
import type { User } from '../../api/types.js';
import { Async, useResource } from '../../components/Async.js';
import { Field } from '../../components/Field.js';
import { Form, useForm } from '../../components/Form.js';
import { Table } from '../../components/Table.js';
import { ROLE_LABELS } from '../../format.js';
import { useNotice, useSession } from '../../session.js';

export function UsersSection() {
  const { session } = useSession();
  const { showStatus } = useNotice();
  const users = useResource(() => api.get<{ users: User[] }>('/api/users'), []);
  const [adding, setAdding] = useState(false);
  return (
    <section className="panel" aria-labelledby="users-h">
      <div className="panel-head">
        <h2 id="users-h">Users and roles</h2>
        {!adding && (
          <button type="button" className="secondary small" onClick={() => setAdding(true)}>
            Add user
          </button>
        )}
      </div>
      <p className="muted small">
        Owners can do everything. Clinicians see the clinical records of their own caseload. Administrators handle contacts, correspondence, tasks and money,
        but not clinical findings.
      </p>
      {adding && (
        <AddUserForm
          onCancel={() => setAdding(false)}
          onAdded={(u) => {
            setAdding(false);
            showStatus(`Added ${u.name} as ${ROLE_LABELS[u.role]?.toLowerCase() ?? u.role}.`);
            users.reload();
          }}
        />
      )}
      <Async resource={users} loading="Loading users…">
        {(data) => (
          <Table
            label="Users"
            rows={data.users}
            rowKey={(u) => u.id}
            rowClassName={(u) => (u.active === false ? 'inactive' : undefined)}
            columns={[
              {
                header: 'Name',
                cell: (u) => (
                  <>
                    {u.name}
                    {u.id === session.user.id && <span className="muted small"> (you)</span>}
                  </>
                ),
              },
              { header: 'Email', cell: (u) => u.email },
              { header: 'Qualifications', cell: (u) => u.qualifications ?? '—' },
              { header: 'HCPC number', cell: (u) => u.hcpc_number ?? '—' },
              { header: 'Two-step sign-in', cell: (u) => (u.totp_enabled ? 'On' : 'Off') },
              { header: 'Role', cell: (u) => <UserRole user={u} onChanged={users.reload} /> },
              { header: 'Active', cell: (u) => <UserActive user={u} isMe={u.id === session.user.id} onChanged={users.reload} /> },
            ]}
          />
        )}
      </Async>
    </section>
  );
}

/** Changes a user and says so; on a refusal (the last owner, say) the notice says why and the list reloads. */
function useUserChange(user: User, onChanged: () => void) {
  const { showError, showStatus } = useNotice();
  const [busy, setBusy] = useState(false);
  async function change(body: { role?: Role; active?: boolean }, what: string): Promise<boolean> {
    setBusy(true);
    try {
      await api.patch(`/api/users/${user.id}`, body);
      showStatus(`${user.name}: ${what}.`);
      return true;
    } catch (e) {
      showError(e);
      return false;
    } finally {
      setBusy(false);
      onChanged();
    }
  }
  return { busy, change };
}

function UserRole({ user, onChanged }: { user: User; onChanged: () => void }) {
  const { busy, change } = useUserChange(user, onChanged);
  // The chosen role shows at once; it goes back if the server refuses.
  const [role, setRole] = useState<Role>(user.role);
  useEffect(() => setRole(user.role), [user.role]);
  const roleId = `role-${user.id}`;
  return (
    <>
      <label htmlFor={roleId} className="visually-hidden">{`Role of ${user.name}`}</label>
      <select
        id={roleId}
        value={role}
        disabled={busy}
        onChange={(e) => {
          const next = ROLES.find((r) => r === e.target.value) ?? user.role;
          setRole(next);
          void change({ role: next }, `role changed to ${ROLE_LABELS[next]?.toLowerCase()}`).then((ok) => ok || setRole(user.role));
        }}
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {ROLE_LABELS[r]}
          </option>
        ))}
      </select>
    </>
  );
}

function UserActive({ user, isMe, onChanged }: { user: User; isMe: boolean; onChanged: () => void }) {
  const { busy, change } = useUserChange(user, onChanged);
  return (
    <button
      type="button"
      className="secondary small"
      disabled={busy || isMe}
      onClick={() => void change({ active: user.active === false }, user.active === false ? 'reactivated' : 'deactivated')}
    >
      {user.active === false ? 'Reactivate' : 'Deactivate'}
      <span className="visually-hidden">{` ${user.name}`}</span>
    </button>
  );
}

function AddUserForm({ onAdded, onCancel }: { onAdded: (u: User) => void; onCancel: () => void }) {
  const form = useForm({
    initial: { name: '', email: '', role: 'clinician', hcpc_number: '', password: '' },
    schema: createUserInput,
    onSubmit: async (input) => onAdded(await api.post<User>('/api/users', input)),
  });
  return (
    <Form
      form={form}
      label="Add user"
      title="Add a user"
      titleLevel={3}
      className="subform form-grid"
      submitLabel="Add user"
      busyLabel="Adding…"
      onCancel={onCancel}
    >
      <Field form={form} name="name" label="Name" autoFocus />
      <Field form={form} name="email" label="Email" type="email" />
      <Field form={form} name="role" label="Role" type="select">
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {ROLE_LABELS[r]}
          </option>
        ))}
      </Field>
      <Field form={form} name="hcpc_number" label="HCPC number (clinicians)" hint="For example OT12345." />
      <Field
        form={form}
        name="password"
        label="First password"
        type="password"
        autoComplete="new-password"
        hint="At least 12 characters, not a common password. Ask them to change it."
      />
    </Form>
  );
}
