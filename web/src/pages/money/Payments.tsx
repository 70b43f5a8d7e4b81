/** Recording a payment or remittance across several invoices, and the payments recorded lately. */
import { useState } from 'react';
import { PAYMENT_METHODS, recordPaymentInput } from '../../../../src/contract/money.js';
import { api } from '../../api/client.js';
import { useResource } from '../../components/Async.js';
import { Field } from '../../components/Field.js';
import { FieldProblem, Form, useForm, type FormState } from '../../components/Form.js';
import { Money } from '../../components/Money.js';
import { Table } from '../../components/Table.js';
import { UkDate } from '../../components/UkDate.js';
import { humanise, money } from '../../format.js';
import { readPounds } from '../../money/common.js';
import type { AgedDebt, InvoiceRow, Payment } from '../../money/types.js';
import { useNotice } from '../../session.js';

interface PayerOption {
  key: string;
  label: string;
  org?: string;
  client?: string;
}

type PaymentValues = { payer: string; amount: string; received_on: string; method: string; reference: string; keep_credit: boolean };

const methodLabel = (m: string) => (m.toUpperCase() === 'BACS' ? 'BACS' : humanise(m));

export function Payments() {
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
        {recent.data && (
          <Table
            label="Recent payments"
            rows={recent.data.payments}
            rowKey={(p) => p.id}
            empty="No payments recorded yet."
            columns={[
              { header: 'Received', cell: (p) => <UkDate iso={p.received_on} />, className: 'nowrap' },
              { header: 'From', cell: (p) => p.payer_name },
              { header: 'Method', cell: (p) => methodLabel(p.method) },
              { header: 'Reference', cell: (p) => p.reference },
              { header: 'Amount', cell: (p) => <Money pence={p.amount_pence} />, className: 'num' },
              { header: 'Kept as credit', cell: (p) => <Money pence={p.unallocated_pence} dashIfZero />, className: 'num' },
            ]}
          />
        )}
      </div>
    </>
  );
}

/** Pence from pounds as typed, or a problem shown on the field. */
function penceFrom(text: unknown, field: string, what: string): number | undefined {
  if (typeof text !== 'string') return undefined;
  const r = readPounds(text, what);
  if ('error' in r) throw new FieldProblem(field, r.error);
  return r.pence;
}

function RecordPayment({ payers, onRecorded }: { payers: PayerOption[]; onRecorded: () => void }) {
  const { showStatus } = useNotice();
  // The amounts typed against invoices belong to one payer; choosing another starts afresh.
  const [alloc, setAlloc] = useState<{ payer: string; amounts: Record<string, string> }>({ payer: '', amounts: {} });
  const initial: PaymentValues = {
    payer: '',
    amount: '',
    received_on: new Date().toLocaleDateString('en-GB'),
    method: 'bacs',
    reference: '',
    keep_credit: false,
  };
  const form: FormState<PaymentValues> = useForm({
    initial,
    schema: recordPaymentInput,
    fieldFor: { amount_pence: 'amount' },
    toInput: (read, v) => {
      const payer = payers.find((p) => p.key === v.payer);
      if (!payer) throw new FieldProblem('payer', 'Choose who paid.');
      const typed = alloc.payer === v.payer ? alloc.amounts : {};
      const allocations = Object.entries(typed)
        .filter(([, text]) => text.trim())
        .map(([number, text]) => ({ invoice: number, amount_pence: penceFrom(text, `alloc-${number}`, `amount for ${number}`) ?? 0 }))
        .filter((a) => a.amount_pence > 0);
      return {
        amount_pence: penceFrom(read.amount, 'amount', 'amount received'),
        received_on: read.received_on,
        method: read.method,
        reference: read.reference,
        ...(payer.org ? { payer_org_id: payer.org } : { client_id: payer.client }),
        ...(allocations.length ? { allocations } : {}),
        ...(v.keep_credit ? { keep_credit: true } : {}),
      };
    },
    onSubmit: async (input) => {
      const p = await api.post<Payment>('/api/payments', input);
      const on = (p.allocations ?? []).map((a) => a.number).join(', ');
      showStatus(
        `Payment of ${money(p.amount_pence)} from ${p.payer_name} recorded${on ? ` against ${on}` : ''}${p.unallocated_pence > 0 ? `; ${money(p.unallocated_pence)} kept as credit` : ''}.`,
      );
      form.setValues((v) => ({ ...v, amount: '', reference: '', keep_credit: false }));
      setAlloc({ payer: '', amounts: {} });
      open.reload();
      onRecorded();
    },
  });
  const payerKey = form.values.payer;
  const payer = payers.find((p) => p.key === payerKey);
  const amounts = alloc.payer === payerKey ? alloc.amounts : {};
  const setAmount = (number: string, text: string) => setAlloc({ payer: payerKey, amounts: { ...amounts, [number]: text } });
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

  const allocated = Object.values(amounts).reduce((t, v) => {
    const r = v.trim() ? readPounds(v, 'amount') : { pence: 0 };
    return 'pence' in r ? t + r.pence : t;
  }, 0);
  const amountRead = form.values.amount.trim() ? readPounds(form.values.amount, 'amount received') : null;
  const received = amountRead && 'pence' in amountRead ? amountRead.pence : 0;
  const left = received - allocated;

  return (
    <Form form={form} label="Record a payment" title="Record a payment" className="panel" submitLabel="Record payment" busyLabel="Recording…">
      <p className="small muted">
        One payment or remittance can pay several invoices. Leave the amounts blank to pay the oldest debts first. Anything more than the invoices owe is
        refused unless you keep it as the payer’s credit.
      </p>
      <div className="form-grid">
        <Field form={form} name="payer" label="Paid by" type="select">
          <option value="">Choose a payer who owes money…</option>
          {payers.map((p) => (
            <option key={p.key} value={p.key}>
              {p.label}
            </option>
          ))}
        </Field>
        <Field form={form} name="amount" label="Amount received (£)" inputMode="decimal" />
        <Field form={form} name="received_on" label="Date received" type="date" />
        <Field form={form} name="method" label="Method" type="select">
          {PAYMENT_METHODS.map((m) => (
            <option key={m} value={m}>
              {methodLabel(m)}
            </option>
          ))}
        </Field>
        <Field form={form} name="reference" label="Remittance reference" />
      </div>
      {payer && open.data && (
        <Table
          label="Invoices this payment can pay"
          rows={open.data}
          rowKey={(i) => i.id}
          empty={`${payer.label} owes nothing at the moment.`}
          columns={[
            {
              header: 'Invoice',
              className: 'nowrap',
              cell: (i) => (
                <>
                  {i.number} {i.deferred && <span className="badge">Deferred</span>}
                </>
              ),
            },
            { header: 'Client', cell: (i) => i.client_name },
            { header: 'Due', cell: (i) => (i.deferred ? 'On settlement' : <UkDate iso={i.due_on} />), className: 'nowrap' },
            { header: 'Balance', cell: (i) => <Money pence={i.outstanding_pence} />, className: 'num' },
            {
              header: 'Pay from this payment (£)',
              className: 'nowrap',
              cell: (i) => (
                <>
                  <input
                    className="amount"
                    inputMode="decimal"
                    aria-label={`Amount for ${i.number}`}
                    value={amounts[i.number] ?? ''}
                    onChange={(e) => setAmount(i.number, e.target.value)}
                  />{' '}
                  <button
                    type="button"
                    className="secondary small"
                    aria-label={`Pay ${i.number} in full`}
                    onClick={() => setAmount(i.number, (i.outstanding_pence / 100).toFixed(2))}
                  >
                    In full
                  </button>
                </>
              ),
            },
          ]}
        />
      )}
      <p data-testid="allocation-summary">
        Allocated {money(allocated)} of {money(received)}
        {allocated > 0 && left > 0 ? `; ${money(left)} is more than the invoices chosen` : ''}
        {left < 0 ? `; that is ${money(-left)} more than was received` : ''}.
      </p>
      <Field form={form} name="keep_credit" label="Keep anything more than the invoices owe as the payer’s credit" type="check" />
    </Form>
  );
}
