/** The owner's settings: practice details and letterhead, users and roles, and the audit log. */
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import type { CreateUserInput, UpdatePracticeInput } from '../../../src/contract/practice.js';
import { JURISDICTIONS, JURISDICTION_LABELS, ROLES, type Role } from '../../../src/domain/vocabulary.js';
import { api, messageOf } from '../api/client.js';
import type { AuditEvent, ClientRow, Practice, User } from '../api/types.js';
import { FormError, SelectField, TextArea, TextField } from '../components/Field.js';
import { ROLE_LABELS, humanise, ukDate, ukDateTime } from '../format.js';
import { useNotice, useSession } from '../session.js';
import { useResource } from '../components/Async.js';

type Section = 'practice' | 'users' | 'audit';

export function SettingsPage() {
  const search = useSearch();
  const [, navigate] = useLocation();
  const params = new URLSearchParams(search);
  const auditClient = params.get('audit_client');
  const section: Section = auditClient !== null || params.get('section') === 'audit' ? 'audit' : params.get('section') === 'users' ? 'users' : 'practice';
  const items: [Section, string][] = [
    ['practice', 'Practice'],
    ['users', 'Users and roles'],
    ['audit', 'Audit log'],
  ];
  return (
    <section aria-labelledby="settings-heading">
      <div className="page-head">
        <h1 id="settings-heading">Settings</h1>
      </div>
      <nav aria-label="Settings sections" className="subnav">
        {items.map(([k, label]) => (
          <Link
            key={k}
            href={k === 'practice' ? '/settings' : `/settings?section=${k}`}
            aria-current={section === k ? 'page' : undefined}
            className={section === k ? 'current' : undefined}
          >
            {label}
          </Link>
        ))}
      </nav>
      {section === 'practice' && <PracticeSection />}
      {section === 'users' && <UsersSection />}
      {section === 'audit' && (
        <AuditSection
          clientId={auditClient}
          onClientChange={(id) => navigate(id ? `/settings?audit_client=${id}` : '/settings?section=audit')}
          key={auditClient ?? ''}
        />
      )}
    </section>
  );
}

const PRACTICE_FIELDS = ['name', 'address', 'phone', 'email', 'letterhead', 'bank_details', 'default_jurisdiction', 'invoice_prefix'] as const;

function PracticeSection() {
  const { data, reload } = useResource(() => api.get<Practice>('/api/practice'), []);
  if (!data) return <p role="status">Loading practice details…</p>;
  return <PracticeForm practice={data} onSaved={reload} />;
}

function PracticeForm({ practice, onSaved }: { practice: Practice; onSaved: () => void }) {
  const { showStatus } = useNotice();
  const [f, setF] = useState(() => Object.fromEntries(PRACTICE_FIELDS.map((k) => [k, practice[k] ?? ''])) as Record<(typeof PRACTICE_FIELDS)[number], string>);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: (typeof PRACTICE_FIELDS)[number]) => (e: { target: { value: string } }) => setF((x) => ({ ...x, [k]: e.target.value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const body: Record<string, string> = {};
    for (const k of PRACTICE_FIELDS) if (f[k] !== (practice[k] ?? '')) body[k] = f[k];
    if (Object.keys(body).length === 0) return showStatus('Nothing has changed.');
    setBusy(true);
    try {
      await api.patch<Practice>('/api/practice', body as UpdatePracticeInput);
      showStatus('Practice details saved.');
      onSaved();
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="panel form-grid" aria-label="Practice details" noValidate>
      <h2 className="span-all">Practice details</h2>
      <TextField label="Practice name" name="name" wide value={f.name} onChange={set('name')} />
      <TextField label="Phone" name="phone" type="tel" value={f.phone} onChange={set('phone')} />
      <TextField label="Email" name="email" type="email" value={f.email} onChange={set('email')} />
      <TextField label="Address" name="address" wide value={f.address} onChange={set('address')} />
      <TextField label="Bank details (printed on invoices)" name="bank_details" wide value={f.bank_details} onChange={set('bank_details')} />
      <SelectField label="Default jurisdiction for new cases" name="default_jurisdiction" value={f.default_jurisdiction} onChange={set('default_jurisdiction')}>
        {JURISDICTIONS.map((j) => (
          <option key={j} value={j}>
            {JURISDICTION_LABELS[j]}
          </option>
        ))}
      </SelectField>
      <TextField label="Invoice number prefix" name="invoice_prefix" value={f.invoice_prefix} onChange={set('invoice_prefix')} />
      <div className="span-all">
        <TextArea
          label="Letterhead"
          name="letterhead"
          hint="The lines at the top of every letter and report."
          rows={5}
          value={f.letterhead}
          onChange={set('letterhead')}
        />
      </div>
      <div className="span-all">
        <FormError message={error} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save practice details'}
        </button>
      </div>
    </form>
  );
}

function UsersSection() {
  const { session } = useSession();
  const { showStatus } = useNotice();
  const { data, reload } = useResource(() => api.get<{ users: User[] }>('/api/users'), []);
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
            reload();
          }}
        />
      )}
      {!data && <p role="status">Loading users…</p>}
      {data && (
        <div className="table-wrap">
          <table className="table" aria-label="Users">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">HCPC number</th>
                <th scope="col">Two-step sign-in</th>
                <th scope="col">Role</th>
                <th scope="col">Active</th>
              </tr>
            </thead>
            <tbody>
              {data.users.map((u) => (
                <UserRow key={u.id} user={u} isMe={u.id === session.user.id} onChanged={reload} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function UserRow({ user, isMe, onChanged }: { user: User; isMe: boolean; onChanged: () => void }) {
  const { showError, showStatus } = useNotice();
  const [busy, setBusy] = useState(false);
  // The chosen role shows at once; it goes back if the server refuses (the last owner, say).
  const [role, setRole] = useState<Role>(user.role);
  useEffect(() => setRole(user.role), [user.role]);
  async function change(body: { role?: Role; active?: boolean }, what: string) {
    setBusy(true);
    if (body.role) setRole(body.role);
    try {
      await api.patch(`/api/users/${user.id}`, body);
      showStatus(`${user.name}: ${what}.`);
      onChanged();
    } catch (e) {
      setRole(user.role);
      showError(e);
      onChanged();
    } finally {
      setBusy(false);
    }
  }
  const roleId = `role-${user.id}`;
  return (
    <tr className={user.active === false ? 'inactive' : undefined}>
      <td>
        {user.name}
        {isMe && <span className="muted small"> (you)</span>}
      </td>
      <td>{user.email}</td>
      <td>{user.hcpc_number ?? '—'}</td>
      <td>{user.totp_enabled ? 'On' : 'Off'}</td>
      <td>
        <label htmlFor={roleId} className="visually-hidden">{`Role of ${user.name}`}</label>
        <select
          id={roleId}
          value={role}
          disabled={busy}
          onChange={(e) => void change({ role: e.target.value as Role }, `role changed to ${ROLE_LABELS[e.target.value]?.toLowerCase()}`)}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
      </td>
      <td>
        <button
          type="button"
          className="secondary small"
          disabled={busy || isMe}
          onClick={() => void change({ active: user.active === false }, user.active === false ? 'reactivated' : 'deactivated')}
        >
          {user.active === false ? 'Reactivate' : 'Deactivate'}
          <span className="visually-hidden">{` ${user.name}`}</span>
        </button>
      </td>
    </tr>
  );
}

function AddUserForm({ onAdded, onCancel }: { onAdded: (u: User) => void; onCancel: () => void }) {
  const [f, setF] = useState({ name: '', email: '', role: 'clinician', hcpc_number: '', password: '' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF((x) => ({ ...x, [k]: e.target.value }));
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (f.password.length < 8) return setError('The password must be at least 8 characters.');
    const body: CreateUserInput = { name: f.name.trim(), email: f.email.trim(), role: f.role as Role, password: f.password };
    if (f.hcpc_number.trim()) body.hcpc_number = f.hcpc_number.trim();
    setBusy(true);
    try {
      onAdded(await api.post<User>('/api/users', body));
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={submit} className="subform form-grid" aria-label="Add user" noValidate>
      <h3 className="span-all">Add a user</h3>
      <TextField label="Name" name="name" value={f.name} onChange={set('name')} autoFocus />
      <TextField label="Email" name="email" type="email" value={f.email} onChange={set('email')} />
      <SelectField label="Role" name="role" value={f.role} onChange={set('role')}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {ROLE_LABELS[r]}
          </option>
        ))}
      </SelectField>
      <TextField label="HCPC number (clinicians)" name="hcpc_number" hint="For example OT12345." value={f.hcpc_number} onChange={set('hcpc_number')} />
      <TextField
        label="First password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint="At least 8 characters. Ask them to change it."
        value={f.password}
        onChange={set('password')}
      />
      <div className="span-all">
        <FormError message={error} />
        <div className="buttons">
          <button type="submit" className="primary" disabled={busy}>
            Add user
          </button>
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </div>
    </form>
  );
}

const ACTION_LABELS: Record<string, string> = {
  read: 'Viewed',
  create: 'Created',
  update: 'Changed',
  delete: 'Deleted',
  sign_in: 'Signed in',
  sign_out: 'Signed out',
  sign_in_failed: 'Failed sign-in',
  export: 'Exported',
  import: 'Imported',
};

function AuditSection({ clientId, onClientChange }: { clientId: string | null; onClientChange: (id: string | null) => void }) {
  const [events, setEvents] = useState<AuditEvent[]>([]);
  const [more, setMore] = useState(false);
  const [loading, setLoading] = useState(true);
  const { showError } = useNotice();
  const PAGE = 100;

  async function load(before?: number) {
    setLoading(true);
    try {
      const r = await api.get<{ events: AuditEvent[] }>('/api/audit', { client_id: clientId, limit: PAGE, before_seq: before });
      setEvents((prev) => (before ? [...prev, ...r.events] : r.events));
      setMore(r.events.length === PAGE);
    } catch (e) {
      showError(e);
    } finally {
      setLoading(false);
    }
  }
  useEffect(() => {
    void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `load` is remade each render; the log reloads only when the client changes
  }, [clientId]);

  return (
    <section className="panel" aria-labelledby="audit-h">
      <h2 id="audit-h">Audit log</h2>
      <p className="muted small">Every view and change of a client’s record, and every sign-in, newest first.</p>
      <ClientFilter clientId={clientId} onChange={onClientChange} />
      {loading && events.length === 0 && <p role="status">Loading the audit log…</p>}
      {!loading && events.length === 0 && <p className="empty">No events.</p>}
      {events.length > 0 && (
        <div className="table-wrap">
          <table className="table audit" aria-label="Audit log">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">Record</th>
                <th scope="col">Detail</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.seq}>
                  <td className="nowrap">{ukDateTime(e.at)}</td>
                  <td>{e.user_name ?? (e.user_id ? 'Unknown user' : 'System')}</td>
                  <td>{ACTION_LABELS[e.action] ?? humanise(e.action)}</td>
                  <td>
                    {humanise(e.entity)}
                    {e.client_id && !clientId && (
                      <>
                        {' · '}
                        <Link href={`/settings?audit_client=${e.client_id}`}>this client’s events</Link>
                      </>
                    )}
                  </td>
                  <td className="small">{e.detail ? e.detail.replace(/,/g, ', ').replace(/_/g, ' ') : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {more && (
        <button type="button" className="secondary" disabled={loading} onClick={() => void load(events[events.length - 1]?.seq)}>
          Show older events
        </button>
      )}
    </section>
  );
}

/** Chooses the client whose events to show, found by name; the client's name is never fetched from their record, so filtering does not itself log a view. */
function ClientFilter({ clientId, onChange }: { clientId: string | null; onChange: (id: string | null) => void }) {
  const [q, setQ] = useState('');
  const [found, setFound] = useState<ClientRow[]>([]);
  useEffect(() => {
    const term = q.trim();
    if (term.length < 2) return setFound([]);
    const t = setTimeout(() => {
      api.get<{ clients: ClientRow[] }>('/api/clients', { q: term, limit: 8 }).then(
        (r) => setFound(r.clients),
        () => setFound([]),
      );
    }, 200);
    return () => clearTimeout(t);
  }, [q]);
  if (clientId) {
    return (
      <div className="filters">
        <p>
          {'Showing events for one client. '}
          <Link href={`/clients/${clientId}`}>Open their record</Link>
          {' · '}
          <button type="button" className="link" onClick={() => onChange(null)}>
            Show all events
          </button>
        </p>
      </div>
    );
  }
  return (
    <div className="filters">
      <div className="field">
        <label htmlFor="audit-client">Filter by client</label>
        <input id="audit-client" type="search" placeholder="Type a client’s name" value={q} onChange={(e) => setQ(e.target.value)} />
      </div>
      {found.length > 0 && (
        <ul className="pick-list" aria-label="Matching clients">
          {found.map((c) => (
            <li key={c.id}>
              <button type="button" className="link" onClick={() => onChange(c.id)}>
                {`${c.name} (born ${ukDate(c.dob)})`}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
