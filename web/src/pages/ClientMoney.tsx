/**
 * The Money tab of a client's record: what the client owes personally (their own bills and
 * their share of insured treatment: excess and shortfall) apart from what payers owe for them,
 * credit they hold, each case's authorisations and unbilled sessions (with the way to the
 * case's money page), and every invoice across their cases. Lazy-loaded by ClientDetail.
 */
import { Link } from 'wouter';
import { api } from '../api/client.js';
import { SERVICE_LINE_LABELS, type ServiceLine } from '../../../src/domain/vocabulary.js';
import { humanise, money, ukDate } from '../format.js';
import { UseBar } from '../money/common.js';
import '../money/money.css';
import type { Authorisation, InvoiceRow } from '../money/types.js';

import { InvoiceAmountCells } from './Money.js';
import { useResource } from '../components/Async.js';

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
  const { data, loading, failed } = useResource(() => api.get<ClientMoneyAnswer>(`/api/clients/${clientId}/money`), [clientId]);
  if (loading && !data) return <p role="status">Loading money…</p>;
  if (!data) return <p className="empty">{failed ? 'The money of this client could not be loaded.' : ''}</p>;
  const { owed_by_client: mine, owed_by_payers: theirs, credits } = data;
  const caseTitles = new Map(data.cases.map((c) => [c.case_id, caseName(c)] as const));
  return (
    <div className="client-money">
      <section className="panel" aria-labelledby="client-money-owed">
        <h2 id="client-money-owed">Who owes what</h2>
        <div className="figures" aria-label="Money at a glance">
          <div data-testid="owed-by-client">
            Owed by the client
            <strong>{money(mine.total)}</strong>
            <span className="small muted">
              Excess / shortfall {money(mine.member_share)} · Self-pay {money(mine.self_pay)}
              {mine.overdue > 0 ? ` · Overdue ${money(mine.overdue)}` : ''}
            </span>
          </div>
          <div data-testid="owed-by-payers">
            Owed by payers for the client
            <strong>{money(theirs.total)}</strong>
            <span className="small muted">
              {theirs.overdue > 0 ? `Overdue ${money(theirs.overdue)}` : 'Nothing overdue'}
              {theirs.deferred > 0 ? ` · Deferred to settlement ${money(theirs.deferred)}` : ''}
            </span>
          </div>
          {credits && (
            <div data-testid="credit-held">
              Credit held
              <strong>{money(credits.total)}</strong>
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
          <div className="table-wrap">
            <table className="table" aria-label="Owed by payers for this client">
              <thead>
                <tr>
                  <th scope="col">Payer</th>
                  <th scope="col">Kind</th>
                  <th scope="col" className="num">
                    Owed
                  </th>
                  <th scope="col" className="num">
                    Overdue
                  </th>
                  <th scope="col" className="num">
                    Deferred to settlement
                  </th>
                </tr>
              </thead>
              <tbody>
                {theirs.payers.map((p) => (
                  <tr key={p.payer_org_id ?? `${p.payer_kind}:${p.payer_name}`}>
                    <td>{p.payer_name}</td>
                    <td>{humanise(p.payer_kind)}</td>
                    <td className="num">{money(p.total)}</td>
                    <td className="num">{money(p.overdue)}</td>
                    <td className="num">{money(p.deferred)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {credits && credits.payments.length > 0 && (
          <div className="table-wrap">
            <table className="table" aria-label="Credit held by this client">
              <thead>
                <tr>
                  <th scope="col">Received</th>
                  <th scope="col">Reference</th>
                  <th scope="col">Method</th>
                  <th scope="col" className="num">
                    Payment
                  </th>
                  <th scope="col" className="num">
                    Credit left
                  </th>
                </tr>
              </thead>
              <tbody>
                {credits.payments.map((p) => (
                  <tr key={p.id}>
                    <td className="nowrap">{ukDate(p.received_on)}</td>
                    <td>{p.reference || '—'}</td>
                    <td>{humanise(p.method)}</td>
                    <td className="num">{money(p.amount_pence)}</td>
                    <td className="num">{money(p.unallocated_pence)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="panel" aria-labelledby="client-money-cases">
        <h2 id="client-money-cases">Cases: authorisations and unbilled sessions</h2>
        {data.cases.length === 0 ? (
          <p className="empty">No cases yet.</p>
        ) : (
          <div className="table-wrap">
            <table className="table" aria-label="Money by case">
              <thead>
                <tr>
                  <th scope="col">Case</th>
                  <th scope="col">Funder</th>
                  <th scope="col">Authorisations</th>
                  <th scope="col">Unbilled sessions</th>
                  <th scope="col" className="num">
                    Outstanding
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.cases.map((c) => (
                  <tr key={c.case_id}>
                    <td>
                      <Link href={`/cases/${c.case_id}/money`}>{`Sessions and money: ${caseName(c)}`}</Link>
                      <div className="muted small">{humanise(c.status)}</div>
                    </td>
                    <td>{c.funder_name ?? humanise(c.funder_kind)}</td>
                    <td className="small">
                      {c.authorisations.length === 0
                        ? '—'
                        : c.authorisations.map((a) => (
                            <div key={a.id} data-testid="client-auth">
                              <div>
                                {a.insurer_name ?? 'Insurer'} {a.authorisation_code || ''} · until {ukDate(a.valid_until)}
                              </div>
                              <UseBar a={a} />
                              {a.warnings.map((w) => (
                                <p key={w} className="alert info" style={{ margin: '0.25rem 0' }}>
                                  {w}
                                </p>
                              ))}
                            </div>
                          ))}
                    </td>
                    <td data-testid="unbilled-sessions">
                      {c.unbilled_sessions === 0 ? 'None' : `${c.unbilled_sessions} since ${ukDate(c.first_unbilled_on)}`}
                    </td>
                    <td className="num">{money(c.outstanding_pence)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="panel" aria-labelledby="client-money-invoices">
        <h2 id="client-money-invoices">Invoices</h2>
        {data.invoices.length === 0 ? (
          <p className="empty">No invoices for this client yet.</p>
        ) : (
          <div className="table-wrap">
            <table className="table" aria-label="Invoices for this client">
              <thead>
                <tr>
                  <th scope="col">Number</th>
                  <th scope="col">Case</th>
                  <th scope="col">Payer</th>
                  <th scope="col">Owed by</th>
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
                {data.invoices.map((i) => (
                  <tr key={i.id} className={i.status === 'void' ? 'inactive' : undefined}>
                    <td className="nowrap">
                      <Link href={`/invoices/${encodeURIComponent(i.number)}`}>{i.number}</Link>
                    </td>
                    <td className="small">{i.case_id ? (caseTitles.get(i.case_id) ?? '—') : '—'}</td>
                    <td>{i.payer_name}</td>
                    <td className="small">{SHARE_LABELS[i.share]}</td>
                    <InvoiceAmountCells i={i} />
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
