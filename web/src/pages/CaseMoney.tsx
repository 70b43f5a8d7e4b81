/**
 * A case's money: its insurer authorisations (used / left, warnings), its sessions with the
 * invoice each is on, recording a session (a session outside the authorisation is refused
 * until an override reason is given, and the reason is kept), and invoicing its unbilled
 * sessions to the funder or to the client.
 */
import { Link } from 'wouter';
import { api } from '../api/client.js';
import type { CaseDetail } from '../api/types.js';
import { Async, useResource } from '../components/Async.js';
import { RecordMissing } from '../components/RecordMissing.js';
import { Table } from '../components/Table.js';
import { UkDate } from '../components/UkDate.js';
import { humanise, money } from '../format.js';
import { UseBar, useMoneyRole } from '../money/common.js';
import { InvoiceTable } from '../money/InvoiceTable.js';
import '../money/money.css';
import { ATTENDANCE_LABELS, SESSION_KIND_LABELS, type Authorisation, type InvoiceRow, type MoneySession } from '../money/types.js';
import { CreateInvoice } from './case-money/CreateInvoice.js';
import { RecordSession } from './case-money/RecordSession.js';

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
  if (!c.data)
    return (
      <RecordMissing
        title="Case"
        loading={c.loading}
        loadingText="Loading the case…"
        message="This case could not be loaded."
        back="/money"
        backLabel="Back to Money"
      />
    );
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
      {auths.data && auths.data.authorisations.length > 0 && (
        <div className="panel">
          <h2>Insurer authorisations</h2>
          <Table
            label="Authorisations on this case"
            rows={auths.data.authorisations}
            rowKey={(a) => a.id}
            columns={[
              {
                header: 'Insurer',
                cell: (a) => (
                  <>
                    {a.insurer_name ?? '—'}
                    <div className="muted small">{a.membership_number}</div>
                  </>
                ),
              },
              { header: 'Code', cell: (a) => a.authorisation_code || '—' },
              {
                header: 'Valid',
                className: 'nowrap',
                cell: (a) => (
                  <>
                    <UkDate iso={a.valid_from} /> – <UkDate iso={a.valid_until} />
                  </>
                ),
              },
              { header: 'Sessions', cell: (a) => <UseBar a={a} /> },
              {
                header: 'Limits',
                className: 'small',
                cell: (a) => (
                  <>
                    {a.per_session_limit_pence !== null && <div>Per session {money(a.per_session_limit_pence)}</div>}
                    {a.total_limit_pence !== null && <div>In total {money(a.total_limit_pence)}</div>}
                    {a.excess_pence > 0 && <div>Excess {money(a.excess_pence)}</div>}
                  </>
                ),
              },
              {
                header: 'Warnings',
                className: 'small',
                cell: (a) => (
                  <div data-testid="auth-warnings">
                    {a.warnings.length
                      ? a.warnings.map((w) => (
                          <p key={w} className="alert info" style={{ margin: '0 0 0.25rem' }}>
                            {w}
                          </p>
                        ))
                      : '—'}
                  </div>
                ),
              },
            ]}
          />
        </div>
      )}
      <div className="panel">
        <h2>Sessions</h2>
        <Async resource={sessions} loading="Loading sessions…">
          {(data) => (
            <Table
              label="Sessions on this case"
              rows={data.sessions}
              rowKey={(s) => s.id}
              empty="No sessions recorded on this case."
              columns={[
                { header: 'Date', cell: (s) => <UkDate iso={s.on_date} />, className: 'nowrap' },
                { header: 'Kind', cell: (s) => SESSION_KIND_LABELS[s.kind] ?? humanise(s.kind) },
                { header: 'Minutes', cell: (s) => s.duration_minutes, className: 'num' },
                { header: 'Attendance', cell: (s) => ATTENDANCE_LABELS[s.attendance] ?? humanise(s.attendance) },
                {
                  header: 'Authorisation',
                  className: 'small',
                  cell: (s) => (
                    <>
                      {s.authorisation_code ?? '—'}
                      {s.override_reason && <div>Override: {s.override_reason}</div>}
                    </>
                  ),
                },
                {
                  header: 'Invoice',
                  className: 'nowrap',
                  cell: (s) => s.invoice_number ?? (s.billable ? 'Not yet billed' : 'Not billable'),
                  href: (s) => (s.invoice_number ? `/invoices/${encodeURIComponent(s.invoice_number)}` : null),
                },
              ]}
            />
          )}
        </Async>
        {recordsSessions && cs.status !== 'closed' && <RecordSession caseId={caseId} onRecorded={reloadAll} />}
      </div>
      <div className="panel">
        <h2>Invoices</h2>
        <Async resource={invoices} loading="Loading invoices…">
          {(data) => <InvoiceTable invoices={data.invoices} label="Invoices for this case" empty="No invoices for this case yet." />}
        </Async>
        {seesMoney && sessions.data && <CreateInvoice cs={cs} sessions={sessions.data.sessions} onCreated={reloadAll} />}
      </div>
    </section>
  );
}
