/**
 * One invoice or credit note: what insurers require on it (membership number, authorisation
 * code, date of birth, treatment dates), its lines, payments, credit notes and write-offs,
 * and the actions that change what it owes: void, credit note, write-off.
 */
import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { api, messageOf } from '../api/client.js';
import { FormError, TextArea, TextField } from '../components/Field.js';
import { humanise, money, ukDate } from '../format.js';
import { readPounds, useMoneyRole } from '../money/common.js';
import '../money/money.css';
import type { InvoiceDetail } from '../money/types.js';
import { useNotice } from '../session.js';
import { StateBadge } from '../money/InvoiceTable.js';
import { useResource } from '../components/Async.js';
import { RecordMissing } from '../components/RecordMissing.js';

export function InvoicePage({ invoiceRef }: { invoiceRef: string }) {
  const { seesMoney } = useMoneyRole();
  const { data: inv, loading, reload } = useResource(() => api.get<InvoiceDetail>(`/api/invoices/${encodeURIComponent(invoiceRef)}`), [invoiceRef]);
  if (!inv)
    return (
      <RecordMissing
        title="Invoice"
        loading={loading}
        loadingText="Loading the invoice…"
        message="This invoice could not be loaded."
        back="/money"
        backLabel="Back to Money"
      />
    );
  const credit = inv.kind === 'credit_note';
  const live = inv.status === 'issued' && !credit;
  const touched = inv.paid_pence + inv.credited_pence + inv.written_off_pence > 0;
  return (
    <section aria-labelledby="inv-heading">
      <p className="crumbs">
        <Link href="/money">Money</Link> › <Link href={`/clients/${inv.client_id}`}>{inv.client_name}</Link>
        {inv.case_id && (
          <>
            {' '}
            › <Link href={`/cases/${inv.case_id}/money`}>Case sessions and invoices</Link>
          </>
        )}
      </p>
      <div className="page-head">
        <h1 id="inv-heading">
          {credit ? 'Credit note' : 'Invoice'} {inv.number}
        </h1>
        <StateBadge i={inv} />
      </div>
      <div className="panel">
        <dl className="facts">
          <dt>Billed to</dt>
          <dd>
            {inv.payer_name} <span className="muted small">({humanise(inv.payer_kind)})</span>
          </dd>
          <dt>Client</dt>
          <dd>{inv.client_name}</dd>
          {inv.client_dob && (
            <>
              <dt>Date of birth</dt>
              <dd>{ukDate(inv.client_dob)}</dd>
            </>
          )}
          {inv.membership_number && (
            <>
              <dt>Membership number</dt>
              <dd>{inv.membership_number}</dd>
            </>
          )}
          {inv.authorisation_code && (
            <>
              <dt>Authorisation code</dt>
              <dd>{inv.authorisation_code}</dd>
            </>
          )}
          <dt>Treatment dates</dt>
          <dd>{inv.treatment_from ? `${ukDate(inv.treatment_from)} – ${ukDate(inv.treatment_to)}` : '—'}</dd>
          <dt>Issued</dt>
          <dd>{ukDate(inv.issued_on)}</dd>
          <dt>Due</dt>
          <dd>{inv.deferred ? 'On settlement of the claim' : ukDate(inv.due_on)}</dd>
          <dt>Total</dt>
          <dd>{money(inv.total_pence)}</dd>
          {!credit && (
            <>
              <dt>Paid</dt>
              <dd>{money(inv.paid_pence)}</dd>
              <dt>Credited</dt>
              <dd>{money(inv.credited_pence)}</dd>
              <dt>Written off</dt>
              <dd>{money(inv.written_off_pence)}</dd>
              <dt>Balance</dt>
              <dd data-testid="invoice-balance">
                <strong>{money(inv.outstanding_pence)}</strong>
              </dd>
            </>
          )}
          {inv.override_reason && (
            <>
              <dt>Authorisation override</dt>
              <dd>{inv.override_reason}</dd>
            </>
          )}
          {inv.void_reason && (
            <>
              <dt>Voided</dt>
              <dd>
                {ukDate(inv.voided_on)}: {inv.void_reason}
              </dd>
            </>
          )}
        </dl>
        {inv.notes && <p className="small">{inv.notes}</p>}
      </div>
      <div className="panel">
        <h2>Lines</h2>
        <table className="table" aria-label="Invoice lines">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Description</th>
              <th scope="col" className="num">
                Quantity
              </th>
              <th scope="col" className="num">
                Unit
              </th>
              <th scope="col" className="num">
                Amount
              </th>
            </tr>
          </thead>
          <tbody>
            {inv.lines.map((l) => (
              <tr key={l.id}>
                <td className="nowrap">{ukDate(l.on_date)}</td>
                <td>{l.description}</td>
                <td className="num">{(l.quantity_hundredths / 100).toFixed(2).replace(/\.00$/, '')}</td>
                <td className="num">{money(l.unit_pence)}</td>
                <td className="num">{money(l.amount_pence)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {(inv.payments.length > 0 || inv.credit_notes.length > 0 || inv.write_offs.length > 0) && (
        <div className="panel">
          <h2>What has reduced the balance</h2>
          <ul>
            {inv.payments.map((p) => (
              <li key={p.id}>
                {ukDate(p.received_on)}: payment {money(p.amount_pence)} {p.reference ? `(ref. ${p.reference})` : ''}
              </li>
            ))}
            {inv.credit_notes.map((c) => (
              <li key={c.id}>
                {ukDate(c.issued_on)}: credit note <Link href={`/invoices/${encodeURIComponent(c.number)}`}>{c.number}</Link> {money(c.total_pence)} – {c.notes}
              </li>
            ))}
            {inv.write_offs.map((w) => (
              <li key={w.id}>
                {ukDate(w.on_date)}: written off {money(w.amount_pence)} – {w.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
      {seesMoney && live && (
        <div className="panel">
          <h2>Change what it owes</h2>
          {!touched && <Action kind="void" number={inv.number} onDone={reload} />}
          {inv.outstanding_pence > 0 && <Action kind="credit" number={inv.number} onDone={reload} />}
          {inv.outstanding_pence > 0 && <Action kind="write-off" number={inv.number} onDone={reload} />}
        </div>
      )}
    </section>
  );
}

const ACTIONS = {
  void: {
    title: 'Void this invoice',
    button: 'Void invoice',
    path: 'void',
    hint: 'Only while nothing is paid, credited or written off. The number is never reused; its sessions can be billed again.',
  },
  credit: {
    title: 'Issue a credit note',
    button: 'Issue credit note',
    path: 'credit-notes',
    hint: 'Reduces what is owed by the amount, with a credit note of its own number.',
  },
  'write-off': { title: 'Write off', button: 'Write off', path: 'write-offs', hint: 'Leave the amount blank to write off the whole balance.' },
} as const;

function Action({ kind, number, onDone }: { kind: keyof typeof ACTIONS; number: string; onDone: () => void }) {
  const a = ACTIONS[kind];
  const { showStatus } = useNotice();
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    let amount_pence: number | undefined;
    if (kind !== 'void' && amount.trim()) {
      const r = readPounds(amount, 'amount');
      if ('error' in r) return setError(r.error);
      amount_pence = r.pence;
    }
    if (kind === 'credit' && amount_pence === undefined) return setError('Enter the amount to credit, such as 90.00.');
    if (reason.trim().length < 3) return setError('Say why (at least 3 characters).');
    try {
      const r = await api.post<{ number: string }>(`/api/invoices/${encodeURIComponent(number)}/${a.path}`, {
        reason: reason.trim(),
        ...(amount_pence !== undefined ? { amount_pence } : {}),
      });
      showStatus(
        kind === 'void' ? `${number} is void.` : kind === 'credit' ? `Credit note ${r.number} issued against ${number}.` : `Written off on ${number}.`,
      );
      setAmount('');
      setReason('');
      onDone();
    } catch (err) {
      setError(messageOf(err));
    }
  }
  return (
    <form className="subform" onSubmit={(e) => void submit(e)} aria-label={a.title}>
      <h3>{a.title}</h3>
      <p className="small muted">{a.hint}</p>
      <FormError message={error} />
      <div className="form-grid">
        {kind !== 'void' && (
          <TextField
            label={`Amount (£)${kind === 'write-off' ? ', optional' : ''}`}
            inputMode="decimal"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
          />
        )}
        <TextArea label="Reason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
      <button type="submit" className="secondary">
        {a.button}
      </button>
    </form>
  );
}
