/**
 * The Money tab of a client's record: what the client owes personally (their own bills and
 * their share of insured treatment: excess and shortfall) apart from what payers owe for them,
 * credit they hold, each case's authorisations and unbilled sessions (with the way to the
 * case's money page), and every invoice across their cases. Lazy-loaded by ClientDetail.
 */
import { Link } from 'wouter';
import { SERVICE_LINE_LABELS, type ServiceLine } from '../../../src/domain/vocabulary.js';
import { api } from '../api/client.js';
import { Async, useResource } from '../components/Async.js';
import { Money } from '../components/Money.js';
import { Table } from '../components/Table.js';
import { UkDate } from '../components/UkDate.js';
import { humanise, money as pounds, ukDate } from '../format.js';
import { UseBar } from '../money/common.js';
import { invoiceAmountColumns, invoiceNumberColumn, voidRow } from '../money/InvoiceTable.js';
import '../money/money.css';
import type { Authorisation, InvoiceRow } from '../money/types.js';

type Share = 'member_share' | 'self_pay' | 'payer';

interface Owed {
  total: number;
  overdue: number;
  invoices: number;
}

export interface ClientMoneyAnswer {
  client_id: string;
  client_name: string;
  as_of: string;
  owed_by_client: Owed & { member_share: number; self_pay: number };
  owed_by_payers: Owed & { deferred: number; payers: (Owed & { payer_name: string; payer_org_id: string | null; payer_kind: string; deferred: number })[] };
  credits: {
    total: number;
    payments: { id: string; received_on: string; reference: string; method: string; amount_pence: number; unallocated_pence: number }[];
  } | null;
  invoices: (InvoiceRow & { share: Share })[];
  cases: {
    case_id: string;
    title: string;
    service_line: string;
    status: string;
    funder_kind: string;
    funder_name: string | null;
    unbilled_sessions: number;
    first_unbilled_on: string | null;
    outstanding_pence: number;
    authorisations: Authorisation[];
  }[];
}

const SHARE_LABELS: Record<Share, string> = { member_share: 'Client (excess / shortfall)', self_pay: 'Client', payer: 'Payer' };

function caseName(c: { title: string; service_line: string }): string {
  return c.title || SERVICE_LINE_LABELS[c.service_line as ServiceLine] || humanise(c.service_line);
}

export function ClientMoney({ clientId }: { clientId: string }) {
  const money = useResource(() => api.get<ClientMoneyAnswer>(`/api/clients/${clientId}/money`), [clientId]);
  return (
    <Async resource={money} loading="Loading money…" failed="The money of this client could not be loaded.">
      {(data) => <ClientMoneyView data={data} />}
    </Async>
  );
}

function ClientMoneyView({ data }: { data: ClientMoneyAnswer }) {
  const { owed_by_client: mine, owed_by_payers: theirs, credits } = data;
  const caseTitles = new Map(data.cases.map((c) => [c.case_id, caseName(c)] as const));
  return (
    <div className="client-money">
      <section className="panel" aria-labelledby="client-money-owed">
        <h2 id="client-money-owed">Who owes what</h2>
        <div className="figures" aria-label="Money at a glance">
          <div data-testid="owed-by-client">
            Owed by the client
            <strong>{pounds(mine.total)}</strong>
            <span className="small muted">
              Excess / shortfall {pounds(mine.member_share)} · Self-pay {pounds(mine.self_pay)}
              {mine.overdue > 0 ? ` · Overdue ${pounds(mine.overdue)}` : ''}
            </span>
          </div>
          <div data-testid="owed-by-payers">
            Owed by payers for the client
            <strong>{pounds(theirs.total)}</strong>
            <span className="small muted">
              {theirs.overdue > 0 ? `Overdue ${pounds(theirs.overdue)}` : 'Nothing overdue'}
              {theirs.deferred > 0 ? ` · Deferred to settlement ${pounds(theirs.deferred)}` : ''}
            </span>
          </div>
          {credits && (
            <div data-testid="credit-held">
              Credit held
              <strong>{pounds(credits.total)}</strong>
              <span className="small muted">
                {credits.payments.length === 0
                  ? 'No over-payment kept'
                  : credits.payments.length === 1
                    ? 'From one payment'
                    : `From ${credits.payments.length} payments`}
              </span>
            </div>
          )}
        </div>
        {theirs.payers.length > 0 && (
          <Table
            label="Owed by payers for this client"
            rows={theirs.payers}
            rowKey={(p) => p.payer_org_id ?? `${p.payer_kind}:${p.payer_name}`}
            columns={[
              { header: 'Payer', cell: (p) => p.payer_name },
              { header: 'Kind', cell: (p) => humanise(p.payer_kind) },
              { header: 'Owed', cell: (p) => <Money pence={p.total} />, className: 'num' },
              { header: 'Overdue', cell: (p) => <Money pence={p.overdue} />, className: 'num' },
              { header: 'Deferred to settlement', cell: (p) => <Money pence={p.deferred} />, className: 'num' },
            ]}
          />
        )}
        {credits && credits.payments.length > 0 && (
          <Table
            label="Credit held by this client"
            rows={credits.payments}
            rowKey={(p) => p.id}
            columns={[
              { header: 'Received', cell: (p) => <UkDate iso={p.received_on} />, className: 'nowrap' },
              { header: 'Reference', cell: (p) => p.reference || '—' },
              { header: 'Method', cell: (p) => humanise(p.method) },
              { header: 'Payment', cell: (p) => <Money pence={p.amount_pence} />, className: 'num' },
              { header: 'Credit left', cell: (p) => <Money pence={p.unallocated_pence} />, className: 'num' },
            ]}
          />
        )}
      </section>

      <section className="panel" aria-labelledby="client-money-cases">
        <h2 id="client-money-cases">Cases: authorisations and unbilled sessions</h2>
        <Table
          label="Money by case"
          rows={data.cases}
          rowKey={(c) => c.case_id}
          empty="No cases yet."
          columns={[
            {
              header: 'Case',
              cell: (c) => (
                <>
                  <Link href={`/cases/${c.case_id}/money`}>{`Sessions and money: ${caseName(c)}`}</Link>
                  <div className="muted small">{humanise(c.status)}</div>
                </>
              ),
            },
            { header: 'Funder', cell: (c) => c.funder_name ?? humanise(c.funder_kind) },
            {
              header: 'Authorisations',
              className: 'small',
              cell: (c) =>
                c.authorisations.length === 0
                  ? '—'
                  : c.authorisations.map((a) => (
                      <div key={a.id} data-testid="client-auth">
                        <div>
                          {a.insurer_name ?? 'Insurer'} {a.authorisation_code || ''} · until <UkDate iso={a.valid_until} />
                        </div>
                        <UseBar a={a} />
                        {a.warnings.map((w) => (
                          <p key={w} className="alert info" style={{ margin: '0.25rem 0' }}>
                            {w}
                          </p>
                        ))}
                      </div>
                    )),
            },
            {
              header: 'Unbilled sessions',
              cell: (c) => (
                <span data-testid="unbilled-sessions">
                  {c.unbilled_sessions === 0 ? 'None' : `${c.unbilled_sessions} since ${ukDate(c.first_unbilled_on)}`}
                </span>
              ),
            },
            { header: 'Outstanding', cell: (c) => <Money pence={c.outstanding_pence} />, className: 'num' },
          ]}
        />
      </section>

      <section className="panel" aria-labelledby="client-money-invoices">
        <h2 id="client-money-invoices">Invoices</h2>
        <Table
          label="Invoices for this client"
          rows={data.invoices}
          rowKey={(i) => i.id}
          rowClassName={voidRow}
          empty="No invoices for this client yet."
          columns={[
            invoiceNumberColumn,
            { header: 'Case', cell: (i) => (i.case_id ? (caseTitles.get(i.case_id) ?? '—') : '—'), className: 'small' },
            { header: 'Payer', cell: (i) => i.payer_name },
            { header: 'Owed by', cell: (i) => SHARE_LABELS[i.share], className: 'small' },
            ...invoiceAmountColumns,
          ]}
        />
      </section>
    </div>
  );
}
