/** The invoices list with its filters and pages, the way to raise an invoice from a case, and the accountant's exports. */
import { useState } from 'react';
import { Link } from 'wouter';
import { api } from '../../api/client.js';
import type { CaseSummary } from '../../api/types.js';
import { Async, Empty, useResource } from '../../components/Async.js';
import { SelectField, TextField } from '../../components/Field.js';
import { humanise } from '../../format.js';
import { useMoneyRole } from '../../money/common.js';
import { InvoiceTable } from '../../money/InvoiceTable.js';
import type { InvoiceRow } from '../../money/types.js';

const PAGE = 100;

export function Invoices() {
  const { seesMoney } = useMoneyRole();
  const [status, setStatus] = useState('outstanding');
  const [filter, setFilter] = useState('');
  const [offset, setOffset] = useState(0);
  const invoices = useResource(() => api.get<{ invoices: InvoiceRow[] }>('/api/invoices', { status, limit: PAGE + 1, offset }), [status, offset]);
  const rows = (invoices.data?.invoices ?? []).slice(0, PAGE);
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
        <Async resource={invoices} loading="Loading invoices…">
          {() => <InvoiceTable invoices={shown} label="Invoices" empty="No invoices to show." />}
        </Async>
        <p className="small">
          {offset > 0 && (
            <button type="button" className="secondary small" onClick={() => setOffset(Math.max(0, offset - PAGE))}>
              Previous {PAGE}
            </button>
          )}{' '}
          {(invoices.data?.invoices.length ?? 0) > PAGE && (
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
      {term && data && matches.length === 0 && <Empty>No case for a client named like “{term}”.</Empty>}
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
