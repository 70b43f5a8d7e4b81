/** One client's record: overview (details, consent, carers and contacts), cases, tasks, correspondence, sessions. */
import { lazy, Suspense, useId, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { Link } from 'wouter';
import type { UpdateClientInput } from '../../../src/contract/clients.js';
import { isValidNhsNumber } from '../../../src/domain/people/nhs-number.js';
import {
  CONSENT_PARTIES,
  JURISDICTION_LABELS,
  SERVICE_LINE_LABELS,
  type ConsentParty,
  type Jurisdiction,
  type ServiceLine,
} from '../../../src/domain/vocabulary.js';
import { api, messageOf } from '../api/client.js';
import type { CaseDetail, CaseSummary, ClientContact, ClientDetail, Consent, DetailRecord } from '../api/types.js';
import { CheckField, FormError, SelectField, TextArea, TextField } from '../components/Field.js';
import { ClientContactForm } from '../components/ContactForms.js';
import { TaskList, taskRow } from '../components/TaskList.js';
import { ClientReferrals } from './Referrals.js';
import { humanise, money, nhs, parseUkDate, ukDate } from '../format.js';
import { useNotice, useSession } from '../session.js';
import { useResource } from '../components/Async.js';

const CONSENT_LABELS: Record<ConsentParty, string> = { school: 'School', la: 'Local authority', gp: 'GP', insurer: 'Insurer', solicitor: 'Solicitor' };
const DETAIL_LABELS: Record<string, string> = {
  ehcp: 'EHCP',
  authorisation: 'Insurer authorisation',
  medico_legal: 'Medico-legal',
  housing: 'Housing adaptation',
  workplace: 'Workplace',
};

type Tab = 'overview' | 'cases' | 'tasks' | 'correspondence' | 'sessions' | 'money';
const ClientMoney = lazy(() => import('./ClientMoney.js').then((m) => ({ default: m.ClientMoney })));

export function ClientDetailPage({ id }: { id: string }) {
  const { session } = useSession();
  const { data: client, loading, failed, reload } = useResource(() => api.get<ClientDetail>(`/api/clients/${id}`), [id]);
  const [tab, setTab] = useState<Tab>('overview');
  const baseId = useId();
  const tabRefs = useRef<Record<string, HTMLButtonElement | null>>({});

  if (loading && !client) return <p role="status">Loading client…</p>;
  if (!client) {
    return (
      <section>
        <h1>Client</h1>
        <p>{failed ? 'This client record could not be opened.' : ''}</p>
        <Link href="/clients">Back to clients</Link>
      </section>
    );
  }

  const tabs: { key: Tab; label: string }[] = [
    { key: 'overview', label: 'Overview' },
    { key: 'cases', label: `Cases (${client.cases.length})` },
    { key: 'tasks', label: `Tasks (${client.tasks.length})` },
    { key: 'correspondence', label: `Correspondence (${client.correspondence.length})` },
  ];
  if (client.sessions !== null) tabs.push({ key: 'sessions', label: `Sessions (${client.sessions.length})` });
  tabs.push({ key: 'money', label: 'Money' });

  // Arrow keys move between tabs (WAI-ARIA tabs pattern); Tab moves into the panel.
  function onTabKey(e: KeyboardEvent<HTMLButtonElement>, i: number) {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const next = tabs[(i + step + tabs.length) % tabs.length]!;
    setTab(next.key);
    tabRefs.current[next.key]?.focus();
  }

  return (
    <article aria-labelledby="client-name">
      <p className="crumbs">
        <Link href="/clients">Clients</Link> › {client.name}
      </p>
      <div className="page-head">
        <div>
          <h1 id="client-name">{client.name}</h1>
          <p className="muted">
            {`Born ${ukDate(client.dob)} · NHS ${nhs(client.nhs_number)}${client.postcode ? ` · ${client.postcode}` : ''}`}
            {client.lead_clinician ? ` · Lead: ${client.lead_clinician.name}` : ''}
          </p>
        </div>
        {session.user.role === 'owner' && (
          <Link href={`/settings?audit_client=${client.id}`} className="button-link secondary">
            Audit log for this client
          </Link>
        )}
      </div>
      <div role="tablist" aria-label="Client record" className="tabs">
        {tabs.map((t, i) => (
          <button
            key={t.key}
            ref={(el) => {
              tabRefs.current[t.key] = el;
            }}
            type="button"
            role="tab"
            id={`${baseId}-tab-${t.key}`}
            aria-selected={tab === t.key}
            aria-controls={`${baseId}-panel`}
            tabIndex={tab === t.key ? 0 : -1}
            onClick={() => setTab(t.key)}
            onKeyDown={(e) => onTabKey(e, i)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${baseId}-panel`} aria-labelledby={`${baseId}-tab-${tab}`} className="tabpanel">
        {tab === 'overview' && <Overview client={client} reload={reload} />}
        {tab === 'overview' && <ClientReferrals clientId={client.id} />}
        {tab === 'cases' && <Cases cases={client.cases} />}
        {tab === 'tasks' && <ClientTasks client={client} reload={reload} />}
        {tab === 'correspondence' && <Correspondence client={client} />}
        {tab === 'sessions' && client.sessions && <Sessions client={client} />}
        {tab === 'money' && (
          <Suspense fallback={<p role="status">Loading money…</p>}>
            <ClientMoney clientId={client.id} />
          </Suspense>
        )}
      </div>
    </article>
  );
}

function Dl({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="details">
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v === '' || v === null || v === undefined ? <span className="muted">—</span> : v}</dd>
        </div>
      ))}
    </dl>
  );
}

function Overview({ client, reload }: { client: ClientDetail; reload: () => void }) {
  const [editing, setEditing] = useState(false);
  return (
    <div className="overview">
      <section className="panel" aria-labelledby="details-h">
        <div className="panel-head">
          <h2 id="details-h">Details</h2>
          {!editing && (
            <button type="button" className="secondary small" onClick={() => setEditing(true)}>
              Edit details
            </button>
          )}
        </div>
        {editing ? (
          <ClientEditForm
            client={client}
            onDone={(saved) => {
              setEditing(false);
              if (saved) reload();
            }}
          />
        ) : (
          <Dl
            rows={[
              ['Name', client.name],
              ['Date of birth', ukDate(client.dob)],
              ['NHS number', client.nhs_number ? nhs(client.nhs_number) : ''],
              ['Address', client.address],
              ['Postcode', client.postcode],
              ['Phone', client.phone],
              ['Email', client.email],
              ['Lead clinician', client.lead_clinician?.name ?? 'Not allocated'],
              [
                'Keep records until',
                client.retention.state === 'keep_until' ? (
                  <span title={client.retention.reason}>{ukDate(client.retention.until)} (REC-03)</span>
                ) : (
                  <span className="muted">{client.retention.reason}</span>
                ),
              ],
              ['Notes', client.notes ? <span className="pre">{client.notes}</span> : ''],
            ]}
          />
        )}
      </section>
      <ConsentPanel client={client} reload={reload} />
      <ContactsPanel client={client} reload={reload} />
    </div>
  );
}

function ClientEditForm({ client, onDone }: { client: ClientDetail; onDone: (saved: boolean) => void }) {
  const { showStatus } = useNotice();
  const [f, setF] = useState({
    name: client.name,
    dob: ukDate(client.dob),
    nhs_number: client.nhs_number ? nhs(client.nhs_number) : '',
    address: client.address,
    postcode: client.postcode,
    phone: client.phone,
    email: client.email,
    notes: client.notes,
  });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF((x) => ({ ...x, [k]: e.target.value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const dob = parseUkDate(f.dob);
    if (!f.name.trim()) return setError('Enter the client’s name.');
    if (!dob) return setError('Enter the date of birth as dd/mm/yyyy.');
    if (f.nhs_number.trim() && !isValidNhsNumber(f.nhs_number)) return setError('That NHS number is not valid: check the 10 digits.');
    const body: UpdateClientInput = {};
    if (f.name.trim() !== client.name) body.name = f.name.trim();
    if (dob !== client.dob) body.dob = dob;
    const digits = f.nhs_number.replace(/[\s-]/g, '');
    if (digits !== (client.nhs_number ?? '')) body.nhs_number = digits;
    for (const k of ['address', 'postcode', 'phone', 'email', 'notes'] as const) if (f[k] !== client[k]) body[k] = f[k];
    if (Object.keys(body).length === 0) return onDone(false);
    setBusy(true);
    try {
      await api.patch(`/api/clients/${client.id}`, body);
      showStatus('Details saved.');
      onDone(true);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="form-grid" aria-label="Edit client details" noValidate>
      <TextField label="Full name" name="name" required value={f.name} onChange={set('name')} autoFocus />
      <TextField label="Date of birth" name="dob" hint="dd/mm/yyyy" value={f.dob} onChange={set('dob')} />
      <TextField label="NHS number" name="nhs_number" value={f.nhs_number} onChange={set('nhs_number')} />
      <TextField label="Postcode" name="postcode" value={f.postcode} onChange={set('postcode')} />
      <TextField label="Address" name="address" value={f.address} onChange={set('address')} />
      <TextField label="Phone" name="phone" type="tel" value={f.phone} onChange={set('phone')} />
      <TextField label="Email" name="email" type="email" value={f.email} onChange={set('email')} />
      <TextArea label="Notes" name="notes" rows={3} value={f.notes} onChange={set('notes')} />
      <div className="span-all">
        <FormError message={error} />
        <div className="buttons">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Saving…' : 'Save details'}
          </button>
          <button type="button" className="secondary" onClick={() => onDone(false)}>
            Cancel
          </button>
        </div>
      </div>
    </form>
  );
}

function ConsentPanel({ client, reload }: { client: ClientDetail; reload: () => void }) {
  const { showStatus } = useNotice();
  const [consent, setConsent] = useState<Consent>(client.consent);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const dirty = CONSENT_PARTIES.some((p) => consent[p] !== client.consent[p]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      await api.patch(`/api/clients/${client.id}`, { consent });
      showStatus('Consent to share saved.');
      reload();
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="consent-h">
      <h2 id="consent-h">Consent to share</h2>
      <form onSubmit={submit} aria-label="Consent to share">
        <fieldset>
          <legend>The client (or the person with parental responsibility) agrees that we may share information with:</legend>
          <div className="check-row">
            {CONSENT_PARTIES.map((p) => (
              <CheckField key={p} label={CONSENT_LABELS[p]} checked={consent[p]} onChange={(e) => setConsent((c) => ({ ...c, [p]: e.target.checked }))} />
            ))}
          </div>
        </fieldset>
        <FormError message={error} />
        <button type="submit" className="secondary small" disabled={!dirty || busy}>
          Save consent
        </button>
      </form>
    </section>
  );
}

function ContactsPanel({ client, reload }: { client: ClientDetail; reload: () => void }) {
  const { showStatus } = useNotice();
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const saved = (c: ClientContact, verb: string) => {
    setEditing(null);
    showStatus(`${verb} ${c.name}.`);
    reload();
  };
  return (
    <section className="panel" aria-labelledby="contacts-h">
      <div className="panel-head">
        <h2 id="contacts-h">Carers and contacts</h2>
        {editing !== 'new' && (
          <button type="button" className="secondary small" onClick={() => setEditing('new')}>
            Add carer or contact
          </button>
        )}
      </div>
      {editing === 'new' && <ClientContactForm clientId={client.id} onSaved={(c) => saved(c, 'Added')} onCancel={() => setEditing(null)} />}
      {client.contacts.length === 0 && editing !== 'new' && <p className="empty">No carers or contacts recorded.</p>}
      <ul className="contact-list">
        {client.contacts.map((c) => (
          <li key={c.id} className="contact" aria-label={c.name}>
            {editing === c.id ? (
              <ClientContactForm clientId={client.id} contact={c} onSaved={(x) => saved(x, 'Saved')} onCancel={() => setEditing(null)} />
            ) : (
              <>
                <div className="contact-main">
                  <strong className="contact-name">{c.name}</strong>
                  {c.relationship && <span className="muted"> · {c.relationship}</span>}
                  {c.is_carer && <span className="badge">Carer</span>}
                  {c.parental_responsibility && <span className="badge">Parental responsibility</span>}
                  <div className="contact-lines small">
                    {c.phone && <span>{`Phone ${c.phone}`}</span>}
                    {c.email && <span>{c.email}</span>}
                    {c.address && <span>{c.address}</span>}
                  </div>
                </div>
                <button type="button" className="secondary small" aria-label={`Edit ${c.name}`} onClick={() => setEditing(c.id)}>
                  Edit
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function detailValue(key: string, v: string | number | null): ReactNode {
  if (v === null || v === '') return '';
  if (key.endsWith('_pence') && typeof v === 'number') return money(v);
  if ((key.endsWith('_on') || key.endsWith('_from') || key.endsWith('_until') || key.endsWith('_date')) && typeof v === 'string') return ukDate(v);
  if (typeof v === 'string' && /^[a-z_]+$/.test(v) && !key.includes('reference') && !key.includes('number') && !key.includes('code')) return humanise(v);
  return String(v);
}

function DetailBlock({ title, record }: { title: string; record: DetailRecord }) {
  const rows = Object.entries(record)
    .filter(([k]) => k !== 'id' && k !== 'case_id' && !k.endsWith('_id'))
    .map(
      ([k, v]) =>
        [
          humanise(k.replace(/_pence$/, '').replace(/_on$/, ''))
            .replace(/\bLa\b/, 'LA')
            .replace(/\bAtw\b/, 'Access to Work')
            .replace(/\bDfg\b/, 'DFG'),
          detailValue(k, v),
        ] as [string, ReactNode],
    );
  return (
    <div className="detail-block">
      <h4>{title}</h4>
      <Dl rows={rows} />
    </div>
  );
}

function CaseCard({ c }: { c: CaseSummary }) {
  const clinical = useSession().session.user.role !== 'admin';
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function toggle() {
    if (open) return setOpen(false);
    setOpen(true);
    if (!detail) {
      try {
        setDetail(await api.get<CaseDetail>(`/api/cases/${c.id}`));
      } catch (e) {
        setError(messageOf(e));
      }
    }
  }
  const line = SERVICE_LINE_LABELS[c.service_line as ServiceLine] ?? humanise(c.service_line);
  return (
    <li className="case panel">
      <div className="panel-head">
        <h3>{c.title || line}</h3>
        <span className={`badge status-${c.status}`}>{humanise(c.status)}</span>
      </div>
      <p className="small">
        {`${line} · ${JURISDICTION_LABELS[c.jurisdiction as Jurisdiction] ?? c.jurisdiction} · Opened ${ukDate(c.opened_on)}`}
        {c.closed_on ? ` · Closed ${ukDate(c.closed_on)}` : ''}
        {` · Funder: ${humanise(c.funder_kind)} · Clinician: ${c.clinician_name ?? 'not allocated'}`}
      </p>
      {c.details.length > 0 && (
        <p className="kinds">
          {c.details.map((k) => (
            <span key={k} className="badge kind">
              {DETAIL_LABELS[k] ?? humanise(k)}
            </span>
          ))}
        </p>
      )}
      <button type="button" className="link" aria-expanded={open} onClick={() => void toggle()}>
        {open ? 'Hide case details' : 'Show case details'}
      </button>
      <Link href={`/cases/${c.id}/money`} className="case-findings-link" aria-label={`Sessions and money: ${c.title || line}`}>
        Sessions and money
      </Link>
      {clinical && (
        <Link href={`/cases/${c.id}/findings`} className="case-findings-link" aria-label={`Findings and documents: ${c.title || line}`}>
          Findings and documents
        </Link>
      )}
      {open && (
        <div className="case-details">
          <FormError message={error} />
          {!detail && !error && <p role="status">Loading…</p>}
          {detail && (
            <>
              {detail.ehcp && <DetailBlock title="EHCP" record={detail.ehcp} />}
              {detail.authorisations.map((a, i) => (
                <DetailBlock key={String(a.id ?? i)} title="Insurer authorisation" record={a} />
              ))}
              {detail.medico_legal && <DetailBlock title="Medico-legal instruction" record={detail.medico_legal} />}
              {detail.housing && <DetailBlock title="Housing adaptation" record={detail.housing} />}
              {detail.workplace && <DetailBlock title="Workplace assessment" record={detail.workplace} />}
              {c.details.length === 0 && <p className="muted">This case has no extra detail recorded.</p>}
            </>
          )}
        </div>
      )}
    </li>
  );
}

function Cases({ cases }: { cases: CaseSummary[] }) {
  if (cases.length === 0) return <p className="empty">No cases recorded for this client.</p>;
  return (
    <ul className="case-list" aria-label="Cases">
      {cases.map((c) => (
        <CaseCard key={c.id} c={c} />
      ))}
    </ul>
  );
}

function ClientTasks({ client, reload }: { client: ClientDetail; reload: () => void }) {
  const { showStatus } = useNotice();
  const [title, setTitle] = useState('');
  const [due, setDue] = useState('');
  const [hardness, setHardness] = useState<'soft' | 'hard'>('soft');
  const [error, setError] = useState<string | null>(null);
  async function add(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const due_on = parseUkDate(due);
    if (!title.trim()) return setError('Say what needs doing.');
    if (!due_on) return setError('Enter the due date as dd/mm/yyyy.');
    try {
      await api.post('/api/tasks', { title: title.trim(), due_on, hardness, client_id: client.id });
      setTitle('');
      setDue('');
      showStatus('Task added.');
      reload();
    } catch (err) {
      setError(messageOf(err));
    }
  }
  return (
    <>
      <TaskList
        tasks={client.tasks.map(taskRow)}
        label="Open tasks for this client"
        showClient={false}
        onChanged={reload}
        empty="No open tasks for this client."
      />
      <form onSubmit={add} className="panel form-grid" aria-label="Add a task">
        <h3 className="span-all">Add a task</h3>
        <TextField label="Task" name="title" value={title} onChange={(e) => setTitle(e.target.value)} />
        <TextField label="Due date" name="due_on" hint="dd/mm/yyyy" value={due} onChange={(e) => setDue(e.target.value)} />
        <SelectField label="Deadline" name="hardness" value={hardness} onChange={(e) => setHardness(e.target.value === 'hard' ? 'hard' : 'soft')}>
          <option value="soft">Soft (practice or contractual)</option>
          <option value="hard">Hard (statutory or court)</option>
        </SelectField>
        <div className="span-all">
          <FormError message={error} />
          <button type="submit" className="secondary">
            Add task
          </button>
        </div>
      </form>
    </>
  );
}

function Correspondence({ client }: { client: ClientDetail }) {
  if (client.correspondence.length === 0) return <p className="empty">No correspondence recorded.</p>;
  return (
    <div className="table-wrap">
      <table className="table" aria-label="Correspondence">
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">In/out</th>
            <th scope="col">Channel</th>
            <th scope="col">With</th>
            <th scope="col">Subject</th>
            <th scope="col">Follow up</th>
          </tr>
        </thead>
        <tbody>
          {client.correspondence.map((c) => (
            <tr key={c.id}>
              <td className="nowrap">{ukDate(c.on_date)}</td>
              <td>{c.direction === 'in' ? 'Received' : 'Sent'}</td>
              <td>{humanise(c.channel)}</td>
              <td>{c.party_name || '—'}</td>
              <td>
                {c.subject}
                {c.summary && <div className="muted small">{c.summary}</div>}
              </td>
              <td className="nowrap">{c.follow_up_on ? ukDate(c.follow_up_on) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Sessions({ client }: { client: ClientDetail }) {
  const sessions = client.sessions ?? [];
  if (sessions.length === 0) return <p className="empty">No sessions recorded.</p>;
  return (
    <div className="table-wrap">
      <table className="table" aria-label="Sessions">
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Kind</th>
            <th scope="col">Minutes</th>
            <th scope="col">Attendance</th>
            <th scope="col">Billable</th>
            <th scope="col">Notes</th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((s) => (
            <tr key={s.id}>
              <td className="nowrap">{ukDate(s.on_date)}</td>
              <td>{humanise(s.kind)}</td>
              <td>{s.duration_minutes}</td>
              <td>{s.attendance === 'dna' ? 'Did not attend' : humanise(s.attendance)}</td>
              <td>{s.billable ? 'Yes' : 'No'}</td>
              <td className="small">{s.notes}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
