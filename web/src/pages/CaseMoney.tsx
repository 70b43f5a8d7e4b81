/**
 * A case's money: its insurer authorisations (used / left, warnings), its sessions with the
 * invoice each is on, recording a session (a session outside the authorisation is refused
 * until an override reason is given, and the reason is kept), and invoicing its unbilled
 * sessions to the funder or to the client.
 */
import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { ApiError, api, messageOf } from '../api/client.js';
import type { CaseDetail } from '../api/types.js';
import { CheckField, FormError, SelectField, TextArea, TextField } from '../components/Field.js';
import { humanise, money, parseUkDate, ukDate } from '../format.js';
import { UseBar, useMoneyRole } from '../money/common.js';
import '../money/money.css';
import {
  ATTENDANCE_LABELS,
  INSURED_KINDS,
  SESSION_KIND_LABELS,
  type Authorisation,
  type InvoiceDetail,
  type InvoiceRow,
  type MoneySession,
} from '../money/types.js';
import { useNotice } from '../session.js';
import { InvoiceTable } from '../money/InvoiceTable.js';
import { useResource } from '../components/Async.js';

export function CaseMoneyPage({ caseId }: { caseId: string }) {
  const { seesMoney, recordsSessions } = useMoneyRole();
  const c = useResource(() => api.get<CaseDetail>(`/api/cases/${caseId}`), [caseId]);
  const auths = useResource(() => api.get<{ authorisations: Authorisation[] }>('/api/authorisations', { case_id: caseId }), [caseId]);
  const sessions = useResource(() => api.get<{ sessions: MoneySession[] }>('/api/sessions', { case_id: caseId }), [caseId]);
  const invoices = useResource(() => api.get<{ invoices: InvoiceRow[] }>('/api/invoices', { case_id: caseId, status: 'all' }), [caseId]);
  const reloadAll = () => {
    auths.reload();
    sessions.reload();
    invoices.reload();
  };
  if (c.loading && !c.data) return <p role="status">Loading the case…</p>;
  if (!c.data) return <p className="empty">This case could not be loaded.</p>;
  const cs = c.data;
  return (
    <section aria-labelledby="case-money-heading">
      <p className="crumbs">
        <Link href="/money">Money</Link> › <Link href={`/clients/${cs.client_id}`}>{cs.client_name}</Link>
      </p>
      <div className="page-head">
        <h1 id="case-money-heading">{cs.client_name}: sessions and money</h1>
      </div>
      <p className="muted">
        {cs.title || humanise(cs.service_line)} · Funder: {humanise(cs.funder_kind)} · {humanise(cs.status)}
      </p>
      {(auths.data?.authorisations.length ?? 0) > 0 && (
        <div className="panel">
          <h2>Insurer authorisations</h2>
          <table className="table" aria-label="Authorisations on this case">
            <thead>
              <tr>
                <th scope="col">Insurer</th>
                <th scope="col">Code</th>
                <th scope="col">Valid</th>
                <th scope="col">Sessions</th>
                <th scope="col">Limits</th>
                <th scope="col">Warnings</th>
              </tr>
            </thead>
            <tbody>
              {auths.data!.authorisations.map((a) => (
                <tr key={a.id}>
                  <td>
                    {a.insurer_name ?? '—'}
                    <div className="muted small">{a.membership_number}</div>
                  </td>
                  <td>{a.authorisation_code || '—'}</td>
                  <td className="nowrap">
                    {ukDate(a.valid_from)} – {ukDate(a.valid_until)}
                  </td>
                  <td>
                    <UseBar a={a} />
                  </td>
                  <td className="small">
                    {a.per_session_limit_pence !== null && <div>Per session {money(a.per_session_limit_pence)}</div>}
                    {a.total_limit_pence !== null && <div>In total {money(a.total_limit_pence)}</div>}
                    {a.excess_pence > 0 && <div>Excess {money(a.excess_pence)}</div>}
                  </td>
                  <td className="small" data-testid="auth-warnings">
                    {a.warnings.length
                      ? a.warnings.map((w) => (
                          <p key={w} className="alert info" style={{ margin: '0 0 0.25rem' }}>
                            {w}
                          </p>
                        ))
                      : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="panel">
        <h2>Sessions</h2>
        {sessions.data && sessions.data.sessions.length === 0 && <p className="empty">No sessions recorded on this case.</p>}
        {sessions.data && sessions.data.sessions.length > 0 && (
          <div className="table-wrap">
            <table className="table" aria-label="Sessions on this case">
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Kind</th>
                  <th scope="col" className="num">
                    Minutes
                  </th>
                  <th scope="col">Attendance</th>
                  <th scope="col">Authorisation</th>
                  <th scope="col">Invoice</th>
                </tr>
              </thead>
              <tbody>
                {sessions.data.sessions.map((s) => (
                  <tr key={s.id}>
                    <td className="nowrap">{ukDate(s.on_date)}</td>
                    <td>{SESSION_KIND_LABELS[s.kind] ?? humanise(s.kind)}</td>
                    <td className="num">{s.duration_minutes}</td>
                    <td>{ATTENDANCE_LABELS[s.attendance] ?? humanise(s.attendance)}</td>
                    <td className="small">
                      {s.authorisation_code ?? '—'}
                      {s.override_reason && <div>Override: {s.override_reason}</div>}
                    </td>
                    <td className="nowrap">
                      {s.invoice_number ? (
                        <Link href={`/invoices/${encodeURIComponent(s.invoice_number)}`}>{s.invoice_number}</Link>
                      ) : s.billable ? (
                        'Not yet billed'
                      ) : (
                        'Not billable'
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {recordsSessions && cs.status !== 'closed' && <RecordSession caseId={caseId} onRecorded={reloadAll} />}
      </div>
      <div className="panel">
        <h2>Invoices</h2>
        {invoices.data && invoices.data.invoices.length === 0 && <p className="empty">No invoices for this case yet.</p>}
        {invoices.data && invoices.data.invoices.length > 0 && <InvoiceTable invoices={invoices.data.invoices} label="Invoices for this case" />}
        {seesMoney && sessions.data && <CreateInvoice cs={cs} sessions={sessions.data.sessions} onCreated={reloadAll} />}
      </div>
    </section>
  );
}

function minutesOf(text: string): number | null {
  const t = text.trim();
  if (!/^\d{1,4}$/.test(t)) return null;
  const n = Number(t);
  return n >= 1 && n <= 1440 ? n : null;
}

function RecordSession({ caseId, onRecorded }: { caseId: string; onRecorded: () => void }) {
  const { showStatus } = useNotice();
  const [on, setOn] = useState(new Date().toLocaleDateString('en-GB'));
  const [minutes, setMinutes] = useState('60');
  const [kind, setKind] = useState('therapy');
  const [attendance, setAttendance] = useState('attended');
  const [notes, setNotes] = useState('');
  const [needsOverride, setNeedsOverride] = useState(false);
  const [override, setOverride] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const onIso = parseUkDate(on);
    if (!onIso) return setError('Enter the session date as dd/mm/yyyy.');
    const duration = minutesOf(minutes);
    if (duration === null) return setError('Enter the duration in whole minutes, from 1 to 1440.');
    if (needsOverride && override.trim().length < 3)
      return setError('Give the reason for recording this session outside the authorisation (at least 3 characters).');
    setBusy(true);
    try {
      await api.post('/api/sessions', {
        case_id: caseId,
        on_date: onIso,
        duration_minutes: duration,
        kind,
        attendance,
        ...(notes.trim() ? { notes: notes.trim() } : {}),
        ...(needsOverride && override.trim() ? { override_reason: override.trim() } : {}),
      });
      showStatus(`Session on ${ukDate(onIso)} recorded${needsOverride ? ' with the override reason' : ''}.`);
      setNotes('');
      setOverride('');
      setNeedsOverride(false);
      onRecorded();
    } catch (err) {
      // The server refuses a session outside the authorisation until a reason is given.
      if (err instanceof ApiError && err.status === 400 && /override reason/i.test(err.message)) setNeedsOverride(true);
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="subform" onSubmit={(e) => void submit(e)} aria-label="Record a session">
      <h3>Record a session</h3>
      <FormError message={error} />
      <div className="form-grid">
        <TextField label="Session date" placeholder="dd/mm/yyyy" value={on} onChange={(e) => setOn(e.target.value)} />
        <TextField label="Duration (minutes)" inputMode="numeric" value={minutes} onChange={(e) => setMinutes(e.target.value)} />
        <SelectField label="Kind" value={kind} onChange={(e) => setKind(e.target.value)}>
          {Object.entries(SESSION_KIND_LABELS).map(([k, l]) => (
            <option key={k} value={k}>
              {l}
            </option>
          ))}
        </SelectField>
        <SelectField label="Attendance" value={attendance} onChange={(e) => setAttendance(e.target.value)}>
          {Object.entries(ATTENDANCE_LABELS).map(([k, l]) => (
            <option key={k} value={k}>
              {l}
            </option>
          ))}
        </SelectField>
        <TextArea label="Notes" wide rows={2} value={notes} onChange={(e) => setNotes(e.target.value)} />
        {needsOverride && (
          <TextArea
            label="Override reason"
            wide
            rows={2}
            hint="This session falls outside the insurer’s authorisation. Say why it is being recorded against it anyway; the reason is kept with the session and in the audit trail."
            value={override}
            onChange={(e) => setOverride(e.target.value)}
          />
        )}
      </div>
      <button type="submit" className="primary" disabled={busy}>
        {needsOverride ? 'Record with override' : 'Record session'}
      </button>
    </form>
  );
}

function CreateInvoice({ cs, sessions, onCreated }: { cs: CaseDetail; sessions: MoneySession[]; onCreated: () => void }) {
  const { showStatus } = useNotice();
  const insured = cs.funder_kind === 'insurer';
  const [billTo, setBillTo] = useState<'funder' | 'client'>(cs.funder_kind === 'self_pay' ? 'client' : 'funder');
  const unbilled = sessions.filter((s) => !s.invoice_number && s.billable);
  // What each payer usually pays for: an insurer the attended assessment, therapy and review sessions; the client the rest.
  const suits = (s: MoneySession, to: 'funder' | 'client') => {
    const insuredWork = s.attendance === 'attended' && INSURED_KINDS.includes(s.kind);
    return !insured ? true : to === 'funder' ? insuredWork : !insuredWork;
  };
  const [chosen, setChosen] = useState<Set<string> | null>(null);
  const picked = chosen ?? new Set(unbilled.filter((s) => suits(s, billTo)).map((s) => s.id));
  const [issued, setIssued] = useState(new Date().toLocaleDateString('en-GB'));
  const [needsOverride, setNeedsOverride] = useState(false);
  const [override, setOverride] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function toggle(id: string, on: boolean) {
    const next = new Set(picked);
    if (on) next.add(id);
    else next.delete(id);
    setChosen(next);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const issuedIso = parseUkDate(issued);
    if (!issuedIso) return setError('Enter the invoice date as dd/mm/yyyy.');
    if (picked.size === 0) return setError('Choose at least one session to invoice.');
    if (needsOverride && override.trim().length < 3) return setError('Give the override reason (at least 3 characters).');
    setBusy(true);
    try {
      const r = await api.post<{ invoice: InvoiceDetail; client_share: InvoiceDetail | null }>('/api/invoices', {
        case_id: cs.id,
        bill_to: billTo,
        session_ids: unbilled.filter((s) => picked.has(s.id)).map((s) => s.id),
        issued_on: issuedIso,
        ...(needsOverride && override.trim() ? { override_reason: override.trim() } : {}),
      });
      const share = r.client_share ? `; the member’s share is ${r.client_share.number} for ${money(r.client_share.total_pence)}` : '';
      showStatus(`Invoice ${r.invoice.number} for ${money(r.invoice.total_pence)} raised to ${r.invoice.payer_name}${share}.`);
      setChosen(null);
      setNeedsOverride(false);
      setOverride('');
      onCreated();
    } catch (err) {
      if (err instanceof ApiError && err.status === 400 && /override reason/i.test(err.message)) setNeedsOverride(true);
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="subform" onSubmit={(e) => void submit(e)} aria-label="Create an invoice">
      <h3>Create an invoice</h3>
      {unbilled.length === 0 ? (
        <p className="empty">Every billable session on this case is already invoiced.</p>
      ) : (
        <>
          <FormError message={error} />
          <div className="form-grid">
            <SelectField
              label="Bill to"
              value={billTo}
              onChange={(e) => {
                setBillTo(e.target.value as 'funder' | 'client');
                setChosen(null);
              }}
            >
              {cs.funder_kind !== 'self_pay' && <option value="funder">The funder ({humanise(cs.funder_kind)})</option>}
              <option value="client">The client</option>
            </SelectField>
            <TextField label="Invoice date" placeholder="dd/mm/yyyy" value={issued} onChange={(e) => setIssued(e.target.value)} />
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
            <TextArea
              label="Override reason"
              wide
              rows={2}
              hint="A session is outside the insurer’s authorisation. Say why it is billed to them anyway; the reason is printed on the invoice record."
              value={override}
              onChange={(e) => setOverride(e.target.value)}
            />
          )}
          <button type="submit" className="primary" disabled={busy}>
            Create invoice
          </button>
        </>
      )}
    </form>
  );
}
