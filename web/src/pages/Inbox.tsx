/**
 * The inbox: drop letters and emails (.eml, .txt, .pdf) or choose them; Steve reads each,
 * links it to a client and lists what it proposes, marking "check this" where it is unsure.
 * The letter reads on the page as text; the category, client and references can be corrected
 * (Steve learns from it), each proposal's date edited before accepting, and a rejection says
 * why in the page. Accepting applies all of a proposal's changes at once.
 */
import { useRef, useState, type DragEvent, type FormEvent } from 'react';
import { Link } from 'wouter';
import { reference, triageCategory, type InboxItemView, type InboxLetterView } from '../../../src/contract/inbox.js';
import { api } from '../api/client.js';
import { money, ukDate } from '../format.js';
import { useNotice } from '../session.js';
import { Async, useResource } from '../components/Async.js';
import { Details } from '../components/Details.js';
import { CheckField, SelectField, TextField } from '../components/Field.js';
import { UkDate } from '../components/UkDate.js';

interface ClientRow {
  id: string;
  name: string;
  dob: string;
}

type Proposal = InboxItemView['proposals'][number];

interface RemittancePlan {
  amount_pence: number;
  received_on: string | null;
  payer_name: string;
  reference: string;
  allocations: { invoice_id: string; number: string; client_name: string; amount_pence: number; outstanding_pence: number; matched_by: string }[];
  unallocated: { label: string; amount_pence: number | null; reason: string }[];
  credit_pence: number;
}

/** What a remittance will pay against which invoice, and what stays unallocated. */
function RemittanceTable({ plan }: { plan: RemittancePlan }) {
  return (
    <table className="remittance" aria-label="Payment allocations">
      <caption>
        {money(plan.amount_pence)} from {plan.payer_name}
        {plan.received_on ? ` on ${ukDate(plan.received_on)}` : ''}
        {plan.reference ? ` (ref ${plan.reference})` : ''}
      </caption>
      <thead>
        <tr>
          <th scope="col">Invoice</th>
          <th scope="col">Client</th>
          <th scope="col">Owed</th>
          <th scope="col">Paid now</th>
          <th scope="col">Matched by</th>
        </tr>
      </thead>
      <tbody>
        {plan.allocations.map((a) => (
          <tr key={a.invoice_id}>
            <td>{a.number}</td>
            <td>{a.client_name}</td>
            <td>{money(a.outstanding_pence)}</td>
            <td>{money(a.amount_pence)}</td>
            <td>{a.matched_by}</td>
          </tr>
        ))}
        {plan.unallocated.map((u, i) => (
          <tr key={`u${i}`} className="unallocated">
            <td>{u.label}</td>
            <td colSpan={2}>Not allocated: {u.reason}</td>
            <td>{u.amount_pence === null ? '–' : money(u.amount_pence)}</td>
            <td />
          </tr>
        ))}
      </tbody>
      {plan.credit_pence > 0 && (
        <tfoot>
          <tr>
            <td colSpan={3}>Kept as {plan.payer_name}'s credit (unallocated)</td>
            <td>{money(plan.credit_pence)}</td>
            <td />
          </tr>
        </tfoot>
      )}
    </table>
  );
}

type Item = InboxItemView;
type Confidence = NonNullable<InboxItemView['confidence']['category']>;

interface ImportOutcome {
  file: string;
  status: 'imported' | 'duplicate' | 'error';
  error?: string;
  client_name?: string | null;
  match?: string;
  proposals?: number;
}

const CATEGORIES = triageCategory.options;
const REFERENCE_KINDS = reference.shape.kind.options;
const words = (s: string) => s.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());

/** A "check this" mark with the reader's evidence, for anything it is not sure of. */
function CheckMark({ c }: { c: Confidence | null | undefined }) {
  if (!c) return null;
  return c.check ? (
    <span className="badge check-this" title={c.evidence}>
      check this: {c.evidence}
    </span>
  ) : (
    <span className="muted small" title={c.evidence}>
      {' '}
      ({Math.round(c.score * 100)}% · {c.evidence})
    </span>
  );
}

/** The letter itself, loaded when asked for: text only, an HTML part converted to text by the server. */
function LetterText({ id }: { id: string }) {
  const letter = useResource(() => api.get<InboxLetterView>(`/api/inbox/${id}/letter`), [id]);
  return (
    <Async resource={letter} loading="Loading the letter…">
      {(l) => (
        <div className="letter" aria-label="The letter">
          <p className="muted">From {l.from}</p>
          <pre className="letter-text">{l.text}</pre>
          {l.attachments.length > 0 && <p className="muted">Attachments: {l.attachments.map((a) => a.filename).join(', ')}</p>}
        </div>
      )}
    </Async>
  );
}

/** Category, client link and references, as a person corrects them: the reader learns from each change. */
function CorrectForm({ item, clients, onDone }: { item: Item; clients: ClientRow[]; onDone: () => void }) {
  const { showError, showStatus } = useNotice();
  const [category, setCategory] = useState(item.category);
  const [clientId, setClientId] = useState(item.client_id ?? '');
  const [refs, setRefs] = useState(item.references.map((r) => ({ kind: r.kind, value: r.value })));
  async function save(e: FormEvent) {
    e.preventDefault();
    try {
      const refsChanged = JSON.stringify(refs) !== JSON.stringify(item.references.map((r) => ({ kind: r.kind, value: r.value })));
      await api.post(`/api/inbox/${item.id}/correct`, {
        ...(category !== item.category ? { category } : {}),
        ...(clientId !== (item.client_id ?? '') ? { client_id: clientId || null } : {}),
        ...(refsChanged ? { references: refs.filter((r) => r.value.trim()) } : {}),
      });
      showStatus('Corrected. Later letters from this sender will be read with it.');
      onDone();
    } catch (err) {
      showError(err);
    }
  }
  return (
    <form className="form-grid" onSubmit={(e) => void save(e)} aria-label="Correct what Steve read">
      <SelectField label="Category" value={category} onChange={(e) => setCategory(e.target.value as typeof category)}>
        {CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {words(c)}
          </option>
        ))}
      </SelectField>
      <SelectField label="Client" value={clientId} onChange={(e) => setClientId(e.target.value)}>
        <option value="">No client</option>
        {clients.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name} (born {ukDate(c.dob)})
          </option>
        ))}
      </SelectField>
      {refs.map((r, i) => (
        <div key={i} className="ref-row">
          <SelectField
            label={`Reference ${i + 1} kind`}
            value={r.kind}
            onChange={(e) => setRefs(refs.map((x, k) => (k === i ? { ...x, kind: e.target.value as typeof r.kind } : x)))}
          >
            {REFERENCE_KINDS.map((k) => (
              <option key={k} value={k}>
                {words(k)}
              </option>
            ))}
          </SelectField>
          <TextField
            label={`Reference ${i + 1}`}
            value={r.value}
            onChange={(e) => setRefs(refs.map((x, k) => (k === i ? { ...x, value: e.target.value } : x)))}
          />
        </div>
      ))}
      <div className="actions wide">
        <button type="button" className="secondary" onClick={() => setRefs([...refs, { kind: 'claim_ref', value: '' }])}>
          Add a reference
        </button>
        <button type="submit">Save corrections</button>
      </div>
    </form>
  );
}

/** One proposal: its date (and a task's title) editable before accepting; rejection asks why on the page. */
function ProposalRow({ p, onDone }: { p: Proposal; onDone: () => void }) {
  const { showError, showStatus } = useNotice();
  const editable =
    p.kind === 'task' ? 'due_on' : p.kind === 'ehcp_event' && p.payload?.meeting_on ? 'meeting_on' : p.kind === 'authorisation' ? 'valid_until' : null;
  const original = editable === 'due_on' ? (p.due_on ?? '') : editable ? String(p.payload?.[editable] ?? p.due_on ?? '') : '';
  const [date, setDate] = useState(original);
  const [title, setTitle] = useState(p.title);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [notOurs, setNotOurs] = useState(false);
  async function accept() {
    try {
      await api.post(`/api/inbox/proposals/${p.id}/accept`, {
        ...(editable && date && date !== original ? { [editable]: date } : {}),
        ...(p.kind === 'task' && title.trim() && title !== p.title ? { title: title.trim() } : {}),
      });
      showStatus(`Accepted: ${title}.`);
      onDone();
    } catch (e) {
      showError(e);
    }
  }
  async function reject(e: FormEvent) {
    e.preventDefault();
    try {
      await api.post(`/api/inbox/proposals/${p.id}/reject`, { ...(reason.trim() ? { reason: reason.trim() } : {}), ...(notOurs ? { not_ours: true } : {}) });
      showStatus(`Rejected: ${p.title}.`);
      onDone();
    } catch (err) {
      showError(err);
    }
  }
  return (
    <li data-testid="proposal" className={p.confidence?.check ? 'proposal needs-check' : 'proposal'}>
      <div>
        <span className="badge kind">{KIND_LABEL[p.kind] ?? p.kind}</span> <strong>{p.title}</strong>
        {p.due_on && (
          <>
            {' '}
            · due <UkDate iso={p.due_on} />
          </>
        )}
        {p.rule_id && <span className="badge">{p.rule_id}</span>}
        <CheckMark c={p.confidence} />
      </div>
      {p.reason && <div className="muted">{p.reason}</div>}
      {p.kind === 'payment' && p.payload && <RemittanceTable plan={p.payload as unknown as RemittancePlan} />}
      {p.status !== 'pending' ? (
        <em>{p.status === 'accepted' ? 'Accepted' : 'Rejected'}</em>
      ) : rejecting ? (
        <form className="form-grid" onSubmit={(e) => void reject(e)} aria-label={`Reject ${p.title}`}>
          <TextField label="Why reject this? (optional)" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} wide />
          {p.kind === 'task' && (
            <CheckField label="This date is not ours to act on (Steve learns from it)" checked={notOurs} onChange={(e) => setNotOurs(e.target.checked)} />
          )}
          <div className="actions wide">
            <button type="submit">Reject</button>
            <button type="button" className="secondary" onClick={() => setRejecting(false)}>
              Keep it
            </button>
          </div>
        </form>
      ) : (
        <div className="form-grid">
          {editable && (
            <TextField
              label={editable === 'due_on' ? 'Due date' : editable === 'meeting_on' ? 'Meeting date' : 'Valid until'}
              type="date"
              value={date}
              onChange={(e) => setDate(e.target.value)}
            />
          )}
          {p.kind === 'task' && <TextField label="Task title" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} />}
          <div className="actions wide">
            <button type="button" onClick={() => void accept()}>
              Accept
            </button>
            <button type="button" className="secondary" onClick={() => setRejecting(true)}>
              Reject…
            </button>
          </div>
        </div>
      )}
    </li>
  );
}

function InboxItemPanel({ item, clients, onDone }: { item: Item; clients: ClientRow[]; onDone: () => void }) {
  const [reading, setReading] = useState(false);
  const [correcting, setCorrecting] = useState(false);
  const from = [item.sender_name, item.sender_org].filter(Boolean).join(', ') || item.sender_email || 'unknown sender';
  return (
    <article className="panel inbox-item" aria-label={item.subject || item.file_name}>
      <div className="panel-head">
        <h2>{item.subject || item.file_name}</h2>
        {item.check && <span className="badge check-this">check this</span>}
      </div>
      <Details
        rows={[
          [
            'From',
            <>
              {from}
              {item.sender_email && item.sender_email !== from ? <span className="muted"> &lt;{item.sender_email}&gt;</span> : null}
            </>,
          ],
          ['Received', <UkDate iso={item.received_on} />],
          [
            'Category',
            <>
              {words(item.category)}
              <CheckMark c={item.confidence.category} />
            </>,
          ],
          [
            'Client',
            item.client_id ? (
              <>
                <Link href={`/clients/${item.client_id}`}>{item.client_name}</Link>
                {item.match && <span className="muted"> ({/ by a person$/.test(item.match) ? item.match : `matched by ${item.match}`})</span>}
                <CheckMark c={item.confidence.client} />
              </>
            ) : (
              <>
                {item.client_named ? `${item.client_named}: not linked to a client` : 'No client linked'}
                <CheckMark c={item.confidence.client} />
              </>
            ),
          ],
          [
            'References',
            item.references.length ? (
              <ul className="plain">
                {item.references.map((r) => (
                  <li key={`${r.kind}:${r.value}`}>
                    {words(r.kind)} {r.value}
                    <CheckMark c={r.confidence} />
                  </li>
                ))}
              </ul>
            ) : (
              ''
            ),
          ],
          ['Corrected', item.corrected.join('; ')],
        ]}
      />
      <p className="actions">
        <button type="button" className="secondary" aria-expanded={reading} onClick={() => setReading(!reading)}>
          {reading ? 'Hide the letter' : 'Read the letter'}
        </button>
        <button type="button" className="secondary" aria-expanded={correcting} onClick={() => setCorrecting(!correcting)}>
          {correcting ? 'Close corrections' : 'Correct category, client or references'}
        </button>
        <a href={`/api/inbox/${item.id}/original`} download>
          Download original
        </a>
        {item.case_id && item.case_has_plan && <Link href={`/ehcp/${item.case_id}`}>EHCP timeline</Link>}
      </p>
      {reading && <LetterText id={item.id} />}
      {correcting && (
        <CorrectForm
          item={item}
          clients={clients}
          onDone={() => {
            setCorrecting(false);
            onDone();
          }}
        />
      )}
      {item.proposals.length > 0 && (
        <ul className="proposals plain" aria-label="Proposals">
          {item.proposals.map((p) => (
            <ProposalRow key={p.id} p={p} onDone={onDone} />
          ))}
        </ul>
      )}
    </article>
  );
}

const KIND_LABEL: Record<string, string> = {
  task: 'Task',
  ehcp_event: 'EHC plan',
  authorisation: 'Authorisation',
  new_client: 'New client',
  payment: 'Payment',
};

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function InboxPage() {
  const [showAll, setShowAll] = useState(false);
  const inbox = useResource(() => api.get<Item[]>('/api/inbox', { status: showAll ? 'all' : 'pending' }), [showAll]);
  const reload = inbox.reload;
  const clients = useResource(() => api.get<{ clients: ClientRow[] }>('/api/clients', { limit: 500 }), []);
  const { showStatus } = useNotice();
  const [busy, setBusy] = useState(false);
  const [over, setOver] = useState(false);
  const [results, setResults] = useState<ImportOutcome[]>([]);
  const input = useRef<HTMLInputElement>(null);

  async function upload(files: File[]) {
    if (files.length === 0) return;
    setBusy(true);
    const out: ImportOutcome[] = [];
    try {
      // One request a file keeps each under the server's body limit and reports each on its own.
      for (const f of files) {
        try {
          const r = await api.post<ImportOutcome[]>('/api/inbox', { files: [{ name: f.name, content_base64: await toBase64(f) }] });
          out.push(...r);
        } catch (e) {
          out.push({ file: f.name, status: 'error', error: e instanceof Error ? e.message : String(e) });
        }
      }
      setResults(out);
      const imported = out.filter((r) => r.status === 'imported').length;
      showStatus(`${imported} of ${out.length} file${out.length === 1 ? '' : 's'} imported.`);
      reload();
    } finally {
      setBusy(false);
    }
  }

  function onDrop(e: DragEvent<HTMLDivElement>) {
    e.preventDefault();
    setOver(false);
    void upload([...e.dataTransfer.files]);
  }

  return (
    <section className="inbox">
      <h1>Inbox</h1>
      <div
        className={`dropzone${over ? ' over' : ''}`}
        data-testid="inbox-dropzone"
        role="button"
        tabIndex={0}
        aria-label="Drop letters and emails here, or press to choose files"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        onClick={() => input.current?.click()}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ' ') input.current?.click();
        }}
        style={{ border: '2px dashed #789', borderRadius: 8, padding: '1.5rem', textAlign: 'center', background: over ? '#eef6f3' : undefined }}
      >
        {busy ? 'Reading…' : 'Drop letters and emails here (.eml, .txt, .pdf), or choose files'}
      </div>
      <label className="visually-hidden" htmlFor="inbox-files">
        Choose files to import
      </label>
      <input
        id="inbox-files"
        ref={input}
        type="file"
        multiple
        accept=".eml,.txt,.pdf,message/rfc822,text/plain,application/pdf"
        style={{ display: 'none' }}
        onChange={(e) => {
          void upload([...(e.target.files ?? [])]);
          e.target.value = '';
        }}
      />
      {results.length > 0 && (
        <ul className="import-results" aria-label="Import results">
          {results.map((r, i) => (
            <li key={`${r.file}-${i}`} className={r.status === 'error' ? 'error' : undefined}>
              <strong>{r.file}</strong>:{' '}
              {r.status === 'error'
                ? `not imported – ${r.error}`
                : r.status === 'duplicate'
                  ? 'already in the inbox'
                  : `${r.client_name ?? 'no client'}${r.match ? ` (matched by ${r.match})` : ''}, ${r.proposals} proposal${r.proposals === 1 ? '' : 's'}`}
            </li>
          ))}
        </ul>
      )}
      <CheckField label="Show decided items too" checked={showAll} onChange={(e) => setShowAll(e.target.checked)} />
      <Async resource={inbox} loading="Loading the inbox…" empty="Nothing waiting in the inbox." isEmpty={(items) => items.length === 0}>
        {(items) => items.map((item) => <InboxItemPanel key={item.id} item={item} clients={clients.data?.clients ?? []} onDone={reload} />)}
      </Async>
    </section>
  );
}
