/** Aged debt: the figures at a glance, debt by payer in age buckets with a chart, deferred fees, what clients owe, and chasing. */
import { useState } from 'react';
import { BUCKETS, BUCKET_LABELS } from '../../../../src/domain/money/aged-debt.js';
import { api, messageOf } from '../../api/client.js';
import { Async, useResource } from '../../components/Async.js';
import { FormError } from '../../components/Form.js';
import { Money } from '../../components/Money.js';
import { Table } from '../../components/Table.js';
import { UkDate } from '../../components/UkDate.js';
import { money } from '../../format.js';
import type { AgedDebt, Chaser } from '../../money/types.js';
import { useNotice } from '../../session.js';

type PayerDebt = AgedDebt['payers'][number];
const BUCKET_COLOURS = ['#6aa36f', '#c8b45a', '#d9904a', '#c9623f', '#9c2f2f'];

function DebtBar({ p, max }: { p: PayerDebt; max: number }) {
  return (
    <div className="debtbar" style={{ width: `${max > 0 ? Math.max(1, (p.total / max) * 100) : 0}%` }} aria-hidden="true">
      {BUCKETS.map((b, i) => (p[b] > 0 ? <span key={b} className={`b${i}`} style={{ flex: p[b] }} title={`${BUCKET_LABELS[b]}: ${money(p[b])}`} /> : null))}
    </div>
  );
}

export function Debt() {
  const debt = useResource(() => api.get<AgedDebt>('/api/debt'), []);
  return (
    <Async resource={debt} loading="Loading aged debt…">
      {(data) => (
        <>
          <DebtFigures data={data} />
          <DebtByPayer data={data} />
          <div className="panel">
            <h2>Deferred to settlement</h2>
            <p className="small muted">Medico-legal fees payable when the claim settles: not overdue, and not in the totals above.</p>
            <Table
              label="Deferred to settlement"
              rows={data.deferred.by_payer}
              rowKey={(p) => p.payer_org_id ?? p.payer_name}
              empty="No deferred fees."
              columns={[
                { header: 'Payer', cell: (p) => p.payer_name },
                { header: 'Invoices', cell: (p) => p.invoices, className: 'num' },
                { header: 'Owed on settlement', cell: (p) => <Money pence={p.total} />, className: 'num' },
              ]}
            />
          </div>
          <div className="panel">
            <h2>Owed by client</h2>
            <Table
              label="Owed by client"
              rows={data.by_client}
              rowKey={(c) => c.client_id}
              empty="Nothing is owed."
              columns={[
                { header: 'Client', cell: (c) => c.client_name, href: (c) => `/clients/${c.client_id}` },
                { header: 'Oldest due', cell: (c) => <UkDate iso={c.oldest_due_on} />, className: 'nowrap' },
                { header: 'Owed', cell: (c) => <Money pence={c.total} />, className: 'num' },
              ]}
            />
            {data.credits.by_payer.length > 0 && (
              <p className="small">Credits held: {data.credits.by_payer.map((c) => `${c.payer_name} ${money(c.total)}`).join('; ')}.</p>
            )}
          </div>
          <Chasers onRun={debt.reload} />
        </>
      )}
    </Async>
  );
}

function DebtFigures({ data }: { data: AgedDebt }) {
  return (
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
  );
}

function DebtByPayer({ data }: { data: AgedDebt }) {
  const max = Math.max(0, ...data.payers.map((p) => p.total));
  const buckets = [
    { header: 'Not yet due', key: 'current' },
    { header: '0–30 days', key: 'days_1_30' },
    { header: '31–60', key: 'days_31_60' },
    { header: '61–90', key: 'days_61_90' },
    { header: '90+', key: 'days_90_plus' },
  ] as const;
  return (
    <div className="panel">
      <h2>Aged debt by payer</h2>
      <p className="small muted">Days past the due date, as of {<UkDate iso={data.as_of} />}. Fees deferred to settlement are shown apart, below.</p>
      <div className="legend" aria-hidden="true">
        {BUCKETS.map((b, i) => (
          <span key={b}>
            <i className={`b${i}`} style={{ background: BUCKET_COLOURS[i] }} />
            {b === 'current' ? 'Not yet due' : `${BUCKET_LABELS[b]} days`}
          </span>
        ))}
      </div>
      <Table<PayerDebt>
        label="Aged debt by payer"
        rows={data.payers}
        rowKey={(p) => p.payer_key}
        empty="Nothing is owed."
        columns={[
          {
            header: 'Payer',
            rowHeader: true,
            className: 'payer',
            cell: (p) => (
              <>
                {p.payer_name}{' '}
                <span className="muted small">
                  · {p.invoices} invoice{p.invoices === 1 ? '' : 's'}
                </span>
              </>
            ),
          },
          ...buckets.map((b) => ({ header: b.header, cell: (p: PayerDebt) => <Money pence={p[b.key]} />, className: 'num' })),
          {
            header: 'Total',
            cell: (p) => (
              <strong>
                <Money pence={p.total} />
              </strong>
            ),
            className: 'num',
          },
          { header: 'Chart', cell: (p) => <DebtBar p={p} max={max} />, className: 'chart' },
        ]}
        foot={
          <tr>
            <th scope="row" className="payer">
              All payers
            </th>
            {buckets.map((b) => (
              <td key={b.key} className="num">
                <Money pence={data[b.key]} />
              </td>
            ))}
            <td className="num">
              <strong>
                <Money pence={data.total} />
              </strong>
            </td>
            <td />
          </tr>
        }
      />
    </div>
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
      {result && (
        <Table
          label="Chasers to send"
          rows={result.chasers.slice(0, 200)}
          rowKey={(c) => c.task_id}
          empty="No chasers to send."
          columns={[
            { header: 'Due', cell: (c) => <UkDate iso={c.due_on} />, className: 'nowrap' },
            { header: 'Level', cell: (c) => (c.level === 'firm' ? 'Firm reminder' : c.level === 'final' ? 'Final notice' : 'Reminder') },
            {
              header: 'Invoice',
              cell: (c) => c.invoice_number,
              href: (c) => (c.invoice_number ? `/invoices/${encodeURIComponent(c.invoice_number)}` : null),
              className: 'nowrap',
            },
            { header: 'Payer', cell: (c) => c.payer_name },
            { header: 'Owed', cell: (c) => <Money pence={c.outstanding_pence} />, className: 'num' },
            {
              header: 'Letter',
              cell: (c) => (
                <details>
                  <summary>Read the drafted letter</summary>
                  <pre className="letter">{c.letter}</pre>
                </details>
              ),
            },
          ]}
        />
      )}
    </div>
  );
}
