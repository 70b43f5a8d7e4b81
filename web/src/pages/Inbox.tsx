/**
 * The inbox: drop letters and emails (.eml, .txt, .pdf) or choose them; Steve reads each,
 * links it to a client and lists what it proposes. Each proposal is accepted (optionally
 * with another due date) or rejected; accepting applies all of its changes at once.
 */
import { useRef, useState, type DragEvent } from 'react';
import { Link } from 'wouter';
import { api } from '../api/client.js';
import { money, ukDate } from '../format.js';
import { useNotice } from '../session.js';
import { Async, useResource } from '../components/Async.js';
import { CheckField } from '../components/Field.js';

interface Proposal {
  id: string;
  kind: string;
  status: string;
  title: string;
  rule_id: string | null;
  due_on: string | null;
  reason: string;
  outcome: string;
  payload?: Record<string, unknown>;
}

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

interface Item {
  id: string;
  file_name: string;
  category: string;
  received_on: string | null;
  subject: string;
  sender_org: string | null;
  sender_name: string | null;
  client_id: string | null;
  client_name: string | null;
  case_id: string | null;
  match: string;
  proposals: Proposal[];
}

interface ImportOutcome {
  file: string;
  status: 'imported' | 'duplicate' | 'error';
  error?: string;
  client_name?: string | null;
  match?: string;
  proposals?: number;
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
  const { showError, showStatus } = useNotice();
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

  async function decide(p: Proposal, action: 'accept' | 'reject') {
    try {
      let body: Record<string, unknown> = {};
      if (action === 'reject') {
        const reason = window.prompt('Why reject this? (optional)', '');
        if (reason === null) return;
        body = reason ? { reason } : {};
      }
      await api.post(`/api/inbox/proposals/${p.id}/${action}`, body);
      showStatus(`${action === 'accept' ? 'Accepted' : 'Rejected'}: ${p.title}.`);
      reload();
    } catch (e) {
      showError(e);
    }
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
        {(items) =>
          items.map((item) => (
            <article key={item.id} className="card inbox-item" aria-label={item.file_name}>
              <h2>
                {item.subject || item.file_name}{' '}
                <small>
                  ({item.category.replace(/_/g, ' ')}
                  {item.received_on ? `, received ${ukDate(item.received_on)}` : ''})
                </small>
              </h2>
              <p>
                From {[item.sender_name, item.sender_org].filter(Boolean).join(', ') || 'unknown sender'} ·{' '}
                {item.client_id ? <Link href={`/clients/${item.client_id}`}>{item.client_name}</Link> : 'no client linked'} ·{' '}
                <a href={`/api/inbox/${item.id}/original`} download>
                  Download original
                </a>
                {item.case_id && (
                  <>
                    {' '}
                    · <Link href={`/ehcp/${item.case_id}`}>EHCP timeline</Link>
                  </>
                )}
              </p>
              <ul className="proposals">
                {item.proposals.map((p) => (
                  <li key={p.id} data-testid="proposal">
                    <span className="tag">{KIND_LABEL[p.kind] ?? p.kind}</span> {p.title}
                    {p.due_on && <> · due {ukDate(p.due_on)}</>}
                    {p.rule_id && <> · rule {p.rule_id}</>}
                    {p.status === 'pending' ? (
                      <>
                        {' '}
                        <button type="button" onClick={() => void decide(p, 'accept')}>
                          Accept
                        </button>{' '}
                        <button type="button" className="secondary" onClick={() => void decide(p, 'reject')}>
                          Reject
                        </button>
                      </>
                    ) : (
                      <em> – {p.status}</em>
                    )}
                    {p.reason && <div className="muted">{p.reason}</div>}
                    {p.kind === 'payment' && p.payload && <RemittanceTable plan={p.payload as unknown as RemittancePlan} />}
                  </li>
                ))}
              </ul>
            </article>
          ))
        }
      </Async>
    </section>
  );
}
