/**
 * The Money pages: invoices with their balances, recording a payment or remittance
 * across several invoices, aged debt per payer with the chase ladder, insurer authorisations
 * and medico-legal instructions. Admins and the owner see everything; a clinician sees the
 * invoices, authorisations and instructions of their own caseload (the server filters).
 */
import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { BUCKETS, BUCKET_LABELS } from '../../../src/domain/money/aged-debt.js';
import { api, messageOf } from '../api/client.js';
import type { CaseSummary } from '../api/types.js';
import { CheckField, FormError, SelectField, TextField } from '../components/Field.js';
import { humanise, money, parseUkDate, ukDate } from '../format.js';
import { MoneyTabs, readPounds, UseBar, useMoneyRole } from '../money/common.js';
import '../money/money.css';
import { STATE_LABELS, type AgedDebt, type Authorisation, type Chaser, type InvoiceRow, type MlInstruction, type Payment } from '../money/types.js';
import { useNotice } from '../session.js';
import { useResource } from '../components/Async.js';

export type MoneyView = 'invoices' | 'payments' | 'debt' | 'authorisations' | 'medico-legal';

export function MoneyPage({ view }: { view: string }) {
  const { seesMoney } = useMoneyRole();
  const v = (['invoices', 'payments', 'debt', 'authorisations', 'medico-legal'].includes(view) ? view : 'invoices') as MoneyView;
  const allowed = seesMoney || !['payments', 'debt'].includes(v);
  return (
    <section aria-labelledby="money-heading">
      <div className="page-head">
        <h1 id="money-heading">Money</h1>
      </div>
      <MoneyTabs />
      {!allowed && <p className="alert error">Payments and aged debt are for the practice owner and administrators.</p>}
      {allowed && v === 'invoices' && <Invoices />}
      {allowed && v === 'payments' && <Payments />}
      {allowed && v === 'debt' && <Debt />}
      {allowed && v === 'authorisations' && <Authorisations />}
      {allowed && v === 'medico-legal' && <MedicoLegal />}
    </section>
  );
}

const PAGE = 100;
const PAYMENT_METHODS = ['bacs', 'card', 'cheque', 'cash', 'other'] as const;

export function StateBadge({ i }: { i: InvoiceRow }) {
  const cls = i.state === 'overdue' ? 'badge hard' : i.state === 'paid' ? 'badge status-open' : 'badge';
  return (
    <span className={cls} style={{ marginLeft: 0 }}>
      {STATE_LABELS[i.state] ?? humanise(i.state)}
      {i.state === 'overdue' ? ` ${i.days_overdue} d` : ''}
    </span>
  );
}

/** Issued, due, total, paid, balance and state: the cells every invoice table shares. */
export function InvoiceAmountCells({ i }: { i: InvoiceRow }) {
  return (
    <>
      <td className="nowrap">{ukDate(i.issued_on)}</td>
      <td className="nowrap">{i.deferred ? 'On settlement' : ukDate(i.due_on)}</td>
      <td className="num">{money(i.kind === 'credit_note' ? -i.total_pence : i.total_pence)}</td>
      <td className="num">{money(i.paid_pence)}</td>
      <td className="num">{money(i.outstanding_pence)}</td>
      <td>
        <StateBadge i={i} />
      </td>
    </>
  );
}

export function InvoiceTable({ invoices, label }: { invoices: InvoiceRow[]; label: string }) {
  return (
    <div className="table-wrap">
      <table className="table" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">Number</th>
            <th scope="col">Payer</th>
            <th scope="col">Client</th>
            <th scope="col">Issued</th>
            <th scope="col">Due</th>
            <th scope="col" className="num">
              Total
            </th>
            <th scope="col" className="num">
              Paid
            </th>
            <th scope="col" className="num">
              Balance
            </th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {invoices.map((i) => (
            <tr key={i.id} className={i.status === 'void' ? 'inactive' : undefined}>
              <td className="nowrap">
                <Link href={`/invoices/${encodeURIComponent(i.number)}`}>{i.number}</Link>
              </td>
              <td>{i.payer_name}</td>
              <td>{i.client_name}</td>
              <InvoiceAmountCells i={i} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Invoices() {
  const { seesMoney } = useMoneyRole();
  const [status, setStatus] = useState('outstanding');
  const [filter, setFilter] = useState('');
  const [offset, setOffset] = useState(0);
  const { data, loading } = useResource(() => api.get<{ invoices: InvoiceRow[] }>('/api/invoices', { status, limit: PAGE + 1, offset }), [status, offset]);
  const rows = (data?.invoices ?? []).slice(0, PAGE);
  const f = filter.trim().toLowerCase();
  const shown = f ? rows.filter((i) => `${i.number} ${i.payer_name} ${i.client_name}`.toLowerCase().includes(f)) : rows;
  return (
    <>
      <div className="panel">
        <h2>Invoices</h2>
        <div className="filters">
          <SelectField
            label="Show"
            value={status}
            onChange={(e) => {
              setStatus(e.target.value);
              setOffset(0);
            }}
          >
            <option value="outstanding">Outstanding (not deferred)</option>
            <option value="overdue">Overdue</option>
            <option value="deferred">Deferred to settlement</option>
            <option value="paid">Paid</option>
            <option value="void">Void</option>
            <option value="all">All, with credit notes</option>
          </SelectField>
          <TextField label="Number, payer or client" value={filter} onChange={(e) => setFilter(e.target.value)} hint="Filters this page" />
        </div>
        {loading && !data && <p role="status">Loading invoices…</p>}
        {data && shown.length === 0 && <p className="empty">No invoices to show.</p>}
        {shown.length > 0 && <InvoiceTable invoices={shown} label="Invoices" />}
        <p className="small">
          {offset > 0 && (
            <button type="button" className="secondary small" onClick={() => setOffset(Math.max(0, offset - PAGE))}>
              Previous {PAGE}
            </button>
          )}{' '}
          {(data?.invoices.length ?? 0) > PAGE && (
            <button type="button" className="secondary small" onClick={() => setOffset(offset + PAGE)}>
              Next {PAGE}
            </button>
          )}
        </p>
      </div>
      {seesMoney && <RaiseInvoice />}
      {seesMoney && (
        <div className="panel">
          <h2>For the accountant</h2>
          <p className="small">
            Xero import files (CSV):{' '}
            <a href="/api/invoices/export?format=xero&amp;what=invoices" download>
              sales invoices
            </a>{' '}
            ·{' '}
            <a href="/api/invoices/export?format=xero&amp;what=payments" download>
              payments
            </a>
          </p>
        </div>
      )}
    </>
  );
}

/** Invoices are raised from a case's unbilled sessions, on the case's money page: find the case here. */
function RaiseInvoice() {
  const [q, setQ] = useState('');
  const [term, setTerm] = useState('');
  // Search the clients first (a big practice has thousands of open cases), then list their open cases.
  const { data } = useResource(async () => {
    if (!term) return { cases: [] as CaseSummary[] };
    const found = await api.get<{ clients: { id: string; name: string }[] }>('/api/search', { q: term });
    const lists = await Promise.all(found.clients.slice(0, 8).map((c) => api.get<{ cases: CaseSummary[] }>('/api/cases', { client_id: c.id })));
    return { cases: lists.flatMap((l) => l.cases).filter((c) => c.status !== 'closed') };
  }, [term]);
  const matches = (data?.cases ?? []).slice(0, 20);
  return (
    <div className="panel">
      <h2>Raise an invoice</h2>
      <p className="small muted">An invoice is made from a case’s unbilled sessions. Find the client, then open the case’s sessions and invoicing.</p>
      <form
        className="filters"
        aria-label="Find a case to invoice"
        onSubmit={(e) => {
          e.preventDefault();
          setTerm(q.trim());
        }}
      >
        <TextField label="Client name" value={q} onChange={(e) => setQ(e.target.value)} />
        <button type="submit" className="secondary">
          Find cases
        </button>
      </form>
      {term && data && matches.length === 0 && <p className="empty">No case for a client named like “{term}”.</p>}
      {matches.length > 0 && (
        <ul aria-label="Cases found">
          {matches.map((c) => (
            <li key={c.id}>
              <Link href={`/cases/${c.id}/money`}>
                {c.client_name}: {c.title || humanise(c.service_line)}
              </Link>{' '}
              <span className="muted small">({humanise(c.funder_kind)})</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

// ---------------------------------------------------------------- payments

interface PayerOption {
  key: string;
  label: string;
  org?: string;
  client?: string;
}

function Payments() {
  const debt = useResource(() => api.get<AgedDebt>('/api/debt'), []);
  const recent = useResource(() => api.get<{ payments: Payment[] }>('/api/payments', { limit: 30 }), []);
  const payers: PayerOption[] = [];
  const seen = new Set<string>();
  for (const p of [...(debt.data?.payers ?? []), ...(debt.data?.deferred.by_payer ?? [])]) {
    if (!p.payer_org_id || seen.has(p.payer_org_id)) continue;
    seen.add(p.payer_org_id);
    payers.push({ key: p.payer_org_id, label: p.payer_name, org: p.payer_org_id });
  }
  for (const c of debt.data?.by_client ?? []) payers.push({ key: `client:${c.client_id}`, label: `${c.client_name} (client)`, client: c.client_id });
  return (
    <>
      <RecordPayment
        payers={payers}
        onRecorded={() => {
          debt.reload();
          recent.reload();
        }}
      />
      <div className="panel">
        <h2>Recent payments</h2>
        {recent.data && recent.data.payments.length === 0 && <p className="empty">No payments recorded yet.</p>}
        {recent.data && recent.data.payments.length > 0 && (
          <table className="table" aria-label="Recent payments">
            <thead>
              <tr>
                <th scope="col">Received</th>
                <th scope="col">From</th>
                <th scope="col">Method</th>
                <th scope="col">Reference</th>
                <th scope="col" className="num">
                  Amount
                </th>
                <th scope="col" className="num">
                  Kept as credit
                </th>
              </tr>
            </thead>
            <tbody>
              {recent.data.payments.map((p) => (
                <tr key={p.id}>
                  <td className="nowrap">{ukDate(p.received_on)}</td>
                  <td>{p.payer_name}</td>
                  <td>{p.method.toUpperCase() === 'BACS' ? 'BACS' : humanise(p.method)}</td>
                  <td>{p.reference}</td>
                  <td className="num">{money(p.amount_pence)}</td>
                  <td className="num">{p.unallocated_pence > 0 ? money(p.unallocated_pence) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </>
  );
}

function RecordPayment({ payers, onRecorded }: { payers: PayerOption[]; onRecorded: () => void }) {
  const { showStatus } = useNotice();
  const [payerKey, setPayerKey] = useState('');
  const payer = payers.find((p) => p.key === payerKey);
  const open = useResource(async () => {
    if (!payer) return [] as InvoiceRow[];
    const q = payer.org ? { payer_org_id: payer.org } : { client_id: payer.client };
    const [a, b] = await Promise.all([
      api.get<{ invoices: InvoiceRow[] }>('/api/invoices', { ...q, status: 'outstanding', limit: 1000 }),
      api.get<{ invoices: InvoiceRow[] }>('/api/invoices', { ...q, status: 'deferred', limit: 1000 }),
    ]);
    return [...a.invoices, ...b.invoices]
      .filter((i) => (payer.org ? true : i.payer_kind === 'self_pay'))
      .sort((x, y) => (x.due_on ?? '9999').localeCompare(y.due_on ?? '9999') || x.number.localeCompare(y.number));
  }, [payerKey]);
  const [amount, setAmount] = useState('');
  const [received, setReceived] = useState(new Date().toLocaleDateString('en-GB'));
  const [reference, setReference] = useState('');
  const [method, setMethod] = useState('bacs');
  const [keepCredit, setKeepCredit] = useState(false);
  const [alloc, setAlloc] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const allocated = Object.values(alloc).reduce((t, v) => {
    const r = v.trim() ? readPounds(v, 'amount') : { pence: 0 };
    return 'pence' in r ? t + r.pence : t;
  }, 0);
  const amountRead = amount.trim() ? readPounds(amount, 'amount received') : null;
  const received_pence = amountRead && 'pence' in amountRead ? amountRead.pence : 0;
  const left = received_pence - allocated;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (!payer) return setError('Choose who paid.');
    if (!amountRead) return setError('Enter the amount received, such as 450.00.');
    if ('error' in amountRead) return setError(amountRead.error);
    const on = parseUkDate(received);
    if (!on) return setError('Enter the date received as dd/mm/yyyy.');
    const allocations: { invoice: string; amount_pence: number }[] = [];
    for (const [number, v] of Object.entries(alloc)) {
      if (!v.trim()) continue;
      const r = readPounds(v, `amount for ${number}`);
      if ('error' in r) return setError(r.error);
      if (r.pence > 0) allocations.push({ invoice: number, amount_pence: r.pence });
    }
    setBusy(true);
    try {
      const p = await api.post<Payment>('/api/payments', {
        amount_pence: amountRead.pence,
        received_on: on,
        method,
        ...(payer.org ? { payer_org_id: payer.org } : { client_id: payer.client }),
        ...(reference.trim() ? { reference: reference.trim() } : {}),
        ...(allocations.length ? { allocations } : {}),
        ...(keepCredit ? { keep_credit: true } : {}),
      });
      const on_ = (p.allocations ?? []).map((a) => a.number).join(', ');
      showStatus(
        `Payment of ${money(p.amount_pence)} from ${p.payer_name} recorded${on_ ? ` against ${on_}` : ''}${p.unallocated_pence > 0 ? `; ${money(p.unallocated_pence)} kept as credit` : ''}.`,
      );
      setAmount('');
      setReference('');
      setAlloc({});
      setKeepCredit(false);
      open.reload();
      onRecorded();
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="panel" onSubmit={(e) => void submit(e)} aria-labelledby="pay-h">
      <h2 id="pay-h">Record a payment</h2>
      <p className="small muted">
        One payment or remittance can pay several invoices. Leave the amounts blank to pay the oldest debts first. Anything more than the invoices owe is
        refused unless you keep it as the payer’s credit.
      </p>
      <FormError message={error} />
      <div className="form-grid">
        <SelectField
          label="Paid by"
          value={payerKey}
          onChange={(e) => {
            setPayerKey(e.target.value);
            setAlloc({});
          }}
        >
          <option value="">Choose a payer who owes money…</option>
          {payers.map((p) => (
            <option key={p.key} value={p.key}>
              {p.label}
            </option>
          ))}
        </SelectField>
        <TextField label="Amount received (£)" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />
        <TextField label="Date received" placeholder="dd/mm/yyyy" value={received} onChange={(e) => setReceived(e.target.value)} />
        <SelectField label="Method" value={method} onChange={(e) => setMethod(e.target.value)}>
          {PAYMENT_METHODS.map((m) => (
            <option key={m} value={m}>
              {m === 'bacs' ? 'BACS' : humanise(m)}
            </option>
          ))}
        </SelectField>
        <TextField label="Remittance reference" value={reference} onChange={(e) => setReference(e.target.value)} />
      </div>
      {payer && open.data && open.data.length === 0 && <p className="empty">{payer.label} owes nothing at the moment.</p>}
      {payer && open.data && open.data.length > 0 && (
        <div className="table-wrap">
          <table className="table" aria-label="Invoices this payment can pay">
            <thead>
              <tr>
                <th scope="col">Invoice</th>
                <th scope="col">Client</th>
                <th scope="col">Due</th>
                <th scope="col" className="num">
                  Balance
                </th>
                <th scope="col">Pay from this payment (£)</th>
              </tr>
            </thead>
            <tbody>
              {open.data.map((i) => (
                <tr key={i.id}>
                  <td className="nowrap">
                    {i.number} {i.deferred && <span className="badge">Deferred</span>}
                  </td>
                  <td>{i.client_name}</td>
                  <td className="nowrap">{i.deferred ? 'On settlement' : ukDate(i.due_on)}</td>
                  <td className="num">{money(i.outstanding_pence)}</td>
                  <td className="nowrap">
                    <input
                      className="amount"
                      inputMode="decimal"
                      aria-label={`Amount for ${i.number}`}
                      value={alloc[i.number] ?? ''}
                      onChange={(e) => setAlloc({ ...alloc, [i.number]: e.target.value })}
                    />{' '}
                    <button
                      type="button"
                      className="secondary small"
                      aria-label={`Pay ${i.number} in full`}
                      onClick={() => setAlloc({ ...alloc, [i.number]: (i.outstanding_pence / 100).toFixed(2) })}
                    >
                      In full
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p data-testid="allocation-summary">
        Allocated {money(allocated)} of {money(received_pence)}
        {allocated > 0 && left > 0 ? `; ${money(left)} is more than the invoices chosen` : ''}
        {left < 0 ? `; that is ${money(-left)} more than was received` : ''}.
      </p>
      <CheckField
        label="Keep anything more than the invoices owe as the payer’s credit"
        checked={keepCredit}
        onChange={(e) => setKeepCredit(e.target.checked)}
      />
      <button type="submit" className="primary" disabled={busy}>
        Record payment
      </button>
    </form>
  );
}

// ---------------------------------------------------------------- aged debt

function DebtBar({ p, max }: { p: AgedDebt['payers'][number]; max: number }) {
  return (
    <div className="debtbar" style={{ width: `${max > 0 ? Math.max(1, (p.total / max) * 100) : 0}%` }} aria-hidden="true">
      {BUCKETS.map((b, i) => (p[b] > 0 ? <span key={b} className={`b${i}`} style={{ flex: p[b] }} title={`${BUCKET_LABELS[b]}: ${money(p[b])}`} /> : null))}
    </div>
  );
}

function Debt() {
  const { data, reload } = useResource(() => api.get<AgedDebt>('/api/debt'), []);
  if (!data) return <p role="status">Loading aged debt…</p>;
  const max = Math.max(0, ...data.payers.map((p) => p.total));
  return (
    <>
      <div className="figures" aria-label="Debt at a glance">
        <div>
          Owed (excluding deferred)
          <strong data-testid="debt-total">{money(data.total)}</strong>
        </div>
        <div>
          Overdue
          <strong>{money(data.total - data.current)}</strong>
        </div>
        <div>
          Debtor days
          <strong>{data.debtor_days}</strong>
        </div>
        <div>
          Deferred to settlement
          <strong>{money(data.deferred.total)}</strong>
        </div>
        <div>
          Credits held
          <strong>{money(data.credits.total)}</strong>
        </div>
      </div>
      <div className="panel">
        <h2>Aged debt by payer</h2>
        <p className="small muted">Days past the due date, as of {ukDate(data.as_of)}. Fees deferred to settlement are shown apart, below.</p>
        <div className="legend" aria-hidden="true">
          {BUCKETS.map((b, i) => (
            <span key={b}>
              <i className={`b${i}`} style={{ background: ['#6aa36f', '#c8b45a', '#d9904a', '#c9623f', '#9c2f2f'][i] }} />
              {b === 'current' ? 'Not yet due' : `${BUCKET_LABELS[b]} days`}
            </span>
          ))}
        </div>
        {data.payers.length === 0 ? (
          <p className="empty">Nothing is owed.</p>
        ) : (
          <div className="table-wrap">
            <table className="table" aria-label="Aged debt by payer">
              <thead>
                <tr>
                  <th scope="col">Payer</th>
                  <th scope="col" className="num">
                    Not yet due
                  </th>
                  <th scope="col" className="num">
                    0–30 days
                  </th>
                  <th scope="col" className="num">
                    31–60
                  </th>
                  <th scope="col" className="num">
                    61–90
                  </th>
                  <th scope="col" className="num">
                    90+
                  </th>
                  <th scope="col" className="num">
                    Total
                  </th>
                  <th scope="col" style={{ width: '20%' }}>
                    Chart
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.payers.map((p) => (
                  <tr key={p.payer_key}>
                    <th scope="row" className="payer">
                      {p.payer_name}{' '}
                      <span className="muted small">
                        · {p.invoices} invoice{p.invoices === 1 ? '' : 's'}
                      </span>
                    </th>
                    <td className="num">{money(p.current)}</td>
                    <td className="num">{money(p.days_1_30)}</td>
                    <td className="num">{money(p.days_31_60)}</td>
                    <td className="num">{money(p.days_61_90)}</td>
                    <td className="num">{money(p.days_90_plus)}</td>
                    <td className="num">
                      <strong>{money(p.total)}</strong>
                    </td>
                    <td>
                      <DebtBar p={p} max={max} />
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" className="payer">
                    All payers
                  </th>
                  <td className="num">{money(data.current)}</td>
                  <td className="num">{money(data.days_1_30)}</td>
                  <td className="num">{money(data.days_31_60)}</td>
                  <td className="num">{money(data.days_61_90)}</td>
                  <td className="num">{money(data.days_90_plus)}</td>
                  <td className="num">
                    <strong>{money(data.total)}</strong>
                  </td>
                  <td />
                </tr>
              </tfoot>
            </table>
          </div>
        )}
      </div>
      <div className="panel">
        <h2>Deferred to settlement</h2>
        <p className="small muted">Medico-legal fees payable when the claim settles: not overdue, and not in the totals above.</p>
        {data.deferred.by_payer.length === 0 ? (
          <p className="empty">No deferred fees.</p>
        ) : (
          <table className="table" aria-label="Deferred to settlement">
            <thead>
              <tr>
                <th scope="col">Payer</th>
                <th scope="col" className="num">
                  Invoices
                </th>
                <th scope="col" className="num">
                  Owed on settlement
                </th>
              </tr>
            </thead>
            <tbody>
              {data.deferred.by_payer.map((p) => (
                <tr key={p.payer_org_id ?? p.payer_name}>
                  <td>{p.payer_name}</td>
                  <td className="num">{p.invoices}</td>
                  <td className="num">{money(p.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <div className="panel">
        <h2>Owed by client</h2>
        {data.by_client.length === 0 ? (
          <p className="empty">Nothing is owed.</p>
        ) : (
          <table className="table" aria-label="Owed by client">
            <thead>
              <tr>
                <th scope="col">Client</th>
                <th scope="col">Oldest due</th>
                <th scope="col" className="num">
                  Owed
                </th>
              </tr>
            </thead>
            <tbody>
              {data.by_client.map((c) => (
                <tr key={c.client_id}>
                  <td>
                    <Link href={`/clients/${c.client_id}`}>{c.client_name}</Link>
                  </td>
                  <td className="nowrap">{ukDate(c.oldest_due_on)}</td>
                  <td className="num">{money(c.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {data.credits.by_payer.length > 0 && (
          <p className="small">Credits held: {data.credits.by_payer.map((c) => `${c.payer_name} ${money(c.total)}`).join('; ')}.</p>
        )}
      </div>
      <Chasers onRun={reload} />
    </>
  );
}

function Chasers({ onRun }: { onRun: () => void }) {
  const { showStatus } = useNotice();
  const [result, setResult] = useState<{ created: number; closed: number; chasers: Chaser[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function run() {
    setBusy(true);
    setError(null);
    try {
      const r = await api.post<{ created: number; moved: number; closed: number; chasers: Chaser[] }>('/api/chasers/run');
      setResult(r);
      showStatus(`Chase ladder brought up to date: ${r.created} new chaser${r.created === 1 ? '' : 's'}, ${r.closed} closed; ${r.chasers.length} to send.`);
      onRun();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="panel">
      <div className="panel-head">
        <h2>Chasing</h2>
        <button type="button" className="primary" disabled={busy} onClick={() => void run()}>
          Bring chasers up to date
        </button>
      </div>
      <p className="small muted">
        Reminder, firm reminder and final notice at the ladder’s days after the due date (Settings). Each chaser is a task on Today with its letter drafted.
      </p>
      <FormError message={error} />
      {result && result.chasers.length === 0 && <p className="empty">No chasers to send.</p>}
      {result && result.chasers.length > 0 && (
        <table className="table" aria-label="Chasers to send">
          <thead>
            <tr>
              <th scope="col">Due</th>
              <th scope="col">Level</th>
              <th scope="col">Invoice</th>
              <th scope="col">Payer</th>
              <th scope="col" className="num">
                Owed
              </th>
              <th scope="col">Letter</th>
            </tr>
          </thead>
          <tbody>
            {result.chasers.slice(0, 200).map((c) => (
              <tr key={c.task_id}>
                <td className="nowrap">{ukDate(c.due_on)}</td>
                <td>{c.level === 'firm' ? 'Firm reminder' : c.level === 'final' ? 'Final notice' : 'Reminder'}</td>
                <td className="nowrap">{c.invoice_number && <Link href={`/invoices/${encodeURIComponent(c.invoice_number)}`}>{c.invoice_number}</Link>}</td>
                <td>{c.payer_name}</td>
                <td className="num">{money(c.outstanding_pence)}</td>
                <td>
                  <details>
                    <summary>Read the drafted letter</summary>
                    <pre className="letter">{c.letter}</pre>
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

// ---------------------------------------------------------------- authorisations and medico-legal

function Authorisations() {
  const [warnings, setWarnings] = useState(false);
  const { data } = useResource(
    () => api.get<{ authorisations: Authorisation[] }>('/api/authorisations', { warnings: warnings ? 'true' : undefined }),
    [warnings],
  );
  return (
    <div className="panel">
      <h2>Insurer authorisations</h2>
      <CheckField label="Only those with a warning" checked={warnings} onChange={(e) => setWarnings(e.target.checked)} />
      {!data && <p role="status">Loading authorisations…</p>}
      {data && data.authorisations.length === 0 && <p className="empty">No authorisations to watch.</p>}
      {data && data.authorisations.length > 0 && (
        <div className="table-wrap">
          <table className="table" aria-label="Insurer authorisations">
            <thead>
              <tr>
                <th scope="col">Client</th>
                <th scope="col">Insurer</th>
                <th scope="col">Authorisation</th>
                <th scope="col">Valid</th>
                <th scope="col">Sessions</th>
                <th scope="col">Warnings</th>
              </tr>
            </thead>
            <tbody>
              {data.authorisations.map((a) => (
                <tr key={a.id}>
                  <td>
                    <Link href={`/cases/${a.case_id}/money`}>{a.client_name}</Link>
                  </td>
                  <td>{a.insurer_name ?? '—'}</td>
                  <td className="nowrap">
                    {a.authorisation_code || '—'}
                    <div className="muted small">{a.membership_number}</div>
                  </td>
                  <td className="nowrap">
                    {ukDate(a.valid_from)} – {ukDate(a.valid_until)}
                  </td>
                  <td>
                    <UseBar a={a} />
                  </td>
                  <td className="small">{a.warnings.join(' ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function MedicoLegal() {
  const { data } = useResource(() => api.get<{ instructions: MlInstruction[] }>('/api/medico-legal'), []);
  return (
    <div className="panel">
      <h2>Medico-legal instructions</h2>
      {!data && <p role="status">Loading instructions…</p>}
      {data && data.instructions.length === 0 && <p className="empty">No open instructions.</p>}
      {data && data.instructions.length > 0 && (
        <div className="table-wrap">
          <table className="table" aria-label="Medico-legal instructions">
            <thead>
              <tr>
                <th scope="col">Claimant</th>
                <th scope="col">Instructing solicitor</th>
                <th scope="col">Claim reference</th>
                <th scope="col">Report</th>
                <th scope="col">Stage</th>
                <th scope="col">Next court date</th>
                <th scope="col">Fee basis</th>
                <th scope="col" className="num">
                  Deferred fees
                </th>
              </tr>
            </thead>
            <tbody>
              {data.instructions.map((m) => (
                <tr key={m.id}>
                  <td>
                    <Link href={`/cases/${m.case_id}/money`}>{m.client_name}</Link>
                  </td>
                  <td>
                    {m.solicitor_name ?? '—'}
                    {m.solicitor_contact_name && <div className="muted small">{m.solicitor_contact_name}</div>}
                  </td>
                  <td>{m.claim_reference || '—'}</td>
                  <td>{humanise(m.report_type)}</td>
                  <td>{m.stage_label}</td>
                  <td className="nowrap">{ukDate(m.next_court_date)}</td>
                  <td>{m.fee_basis === 'deferred' ? 'Deferred to settlement' : humanise(m.fee_basis)}</td>
                  <td className="num">{m.deferred_fees_pence > 0 ? money(m.deferred_fees_pence) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
