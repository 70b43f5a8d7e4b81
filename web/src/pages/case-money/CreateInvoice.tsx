/** Invoicing a case's unbilled sessions to the funder or to the client; an insurer gets the insured work, the client the rest. */
import { useState } from 'react';
import { createInvoiceInput } from '../../../../src/contract/money.js';
import type { CaseDetail } from '../../api/types.js';
import { api } from '../../api/client.js';
import { Empty } from '../../components/Async.js';
import { CheckField, Field } from '../../components/Field.js';
import { FieldProblem, Form, useForm } from '../../components/Form.js';
import { humanise, money, ukDate } from '../../format.js';
import { ATTENDANCE_LABELS, INSURED_KINDS, SESSION_KIND_LABELS, type InvoiceDetail, type MoneySession } from '../../money/types.js';
import { useNotice } from '../../session.js';
import { asksForOverride } from './RecordSession.js';

type BillTo = 'funder' | 'client';

export function CreateInvoice({ cs, sessions, onCreated }: { cs: CaseDetail; sessions: MoneySession[]; onCreated: () => void }) {
  const unbilled = sessions.filter((s) => !s.invoice_number && s.billable);
  if (unbilled.length === 0) {
    return (
      <div className="subform">
        <h3>Create an invoice</h3>
        <Empty>Every billable session on this case is already invoiced.</Empty>
      </div>
    );
  }
  return <CreateInvoiceForm cs={cs} unbilled={unbilled} onCreated={onCreated} />;
}

function CreateInvoiceForm({ cs, unbilled, onCreated }: { cs: CaseDetail; unbilled: MoneySession[]; onCreated: () => void }) {
  const { showStatus } = useNotice();
  const insured = cs.funder_kind === 'insurer';
  const [needsOverride, setNeedsOverride] = useState(false);
  // Sessions ticked by hand, for the payer they were ticked for; choosing another payer starts from its usual sessions.
  const [chosen, setChosen] = useState<{ billTo: string; ids: Set<string> } | null>(null);
  const form = useForm({
    initial: { bill_to: cs.funder_kind === 'self_pay' ? 'client' : 'funder', issued_on: new Date().toLocaleDateString('en-GB'), override_reason: '' },
    schema: createInvoiceInput,
    toInput: ({ override_reason, ...read }, v) => {
      const ids = unbilled.filter((s) => pickedFor(v.bill_to).has(s.id)).map((s) => s.id);
      if (ids.length === 0) throw new FieldProblem('sessions', 'Choose at least one session to invoice.');
      if (needsOverride && !override_reason) throw new FieldProblem('override_reason', 'must say why (at least 3 characters)');
      return { ...read, case_id: cs.id, session_ids: ids, ...(needsOverride ? { override_reason } : {}) };
    },
    onSubmit: async (input) => {
      let r: { invoice: InvoiceDetail; client_share: InvoiceDetail | null };
      try {
        r = await api.post<{ invoice: InvoiceDetail; client_share: InvoiceDetail | null }>('/api/invoices', input);
      } catch (err) {
        if (asksForOverride(err)) setNeedsOverride(true);
        throw err;
      }
      const share = r.client_share ? `; the member’s share is ${r.client_share.number} for ${money(r.client_share.total_pence)}` : '';
      showStatus(`Invoice ${r.invoice.number} for ${money(r.invoice.total_pence)} raised to ${r.invoice.payer_name}${share}.`);
      setChosen(null);
      setNeedsOverride(false);
      form.setValues((v) => ({ ...v, override_reason: '' }));
      onCreated();
    },
  });

  // What each payer usually pays for: an insurer the attended assessment, therapy and review sessions; the client the rest.
  function suits(s: MoneySession, to: string) {
    const insuredWork = s.attendance === 'attended' && INSURED_KINDS.includes(s.kind);
    return !insured ? true : to === 'funder' ? insuredWork : !insuredWork;
  }
  function pickedFor(billTo: string): Set<string> {
    return chosen?.billTo === billTo ? chosen.ids : new Set(unbilled.filter((s) => suits(s, billTo)).map((s) => s.id));
  }
  const billTo: BillTo = form.values.bill_to === 'client' ? 'client' : 'funder';
  const picked = pickedFor(billTo);
  function toggle(id: string, on: boolean) {
    const next = new Set(picked);
    if (on) next.add(id);
    else next.delete(id);
    setChosen({ billTo, ids: next });
  }

  return (
    <Form form={form} label="Create an invoice" title="Create an invoice" titleLevel={3} className="subform" submitLabel="Create invoice" busyLabel="Creating…">
      <div className="form-grid">
        <Field form={form} name="bill_to" label="Bill to" type="select">
          {cs.funder_kind !== 'self_pay' && <option value="funder">The funder ({humanise(cs.funder_kind)})</option>}
          <option value="client">The client</option>
        </Field>
        <Field form={form} name="issued_on" label="Invoice date" type="date" />
      </div>
      <fieldset>
        <legend>Unbilled sessions</legend>
        {unbilled.map((s) => (
          <CheckField
            key={s.id}
            label={`${ukDate(s.on_date)} ${SESSION_KIND_LABELS[s.kind] ?? s.kind}, ${s.duration_minutes} min${s.attendance !== 'attended' ? ` (${ATTENDANCE_LABELS[s.attendance]?.toLowerCase() ?? s.attendance})` : ''}`}
            checked={picked.has(s.id)}
            onChange={(e) => toggle(s.id, e.target.checked)}
          />
        ))}
      </fieldset>
      {needsOverride && (
        <Field
          form={form}
          name="override_reason"
          label="Override reason"
          type="textarea"
          rows={2}
          wide
          hint="A session is outside the insurer’s authorisation. Say why it is billed to them anyway; the reason is printed on the invoice record."
        />
      )}
    </Form>
  );
}
