/** A client's cases: one card each, with the case's extra details on demand and links to its money and findings. */
import { useState, type ReactNode } from 'react';
import { Link } from 'wouter';
import { JURISDICTION_LABELS, SERVICE_LINE_LABELS, type Jurisdiction, type ServiceLine } from '../../../../src/domain/vocabulary.js';
import { api } from '../../api/client.js';
import type { CaseDetail, CaseSummary, DetailRecord } from '../../api/types.js';
import { Async, Empty, useResource } from '../../components/Async.js';
import { Details } from '../../components/Details.js';
import { humanise, money, ukDate } from '../../format.js';
import { useSession } from '../../session.js';

const DETAIL_LABELS: Record<string, string> = {
  ehcp: 'EHCP',
  authorisation: 'Insurer authorisation',
  medico_legal: 'Medico-legal',
  housing: 'Housing adaptation',
  workplace: 'Workplace',
};

export function Cases({ cases }: { cases: CaseSummary[] }) {
  if (cases.length === 0) return <Empty>No cases recorded for this client.</Empty>;
  return (
    <ul className="case-list" aria-label="Cases">
      {cases.map((c) => (
        <CaseCard key={c.id} c={c} />
      ))}
    </ul>
  );
}

function CaseCard({ c }: { c: CaseSummary }) {
  const clinical = useSession().session.user.role !== 'admin';
  const [open, setOpen] = useState(false);
  const line = SERVICE_LINE_LABELS[c.service_line as ServiceLine] ?? humanise(c.service_line);
  return (
    <li className="case panel">
      <div className="panel-head">
        <h3>{c.title || line}</h3>
        <span className={`badge status-${c.status}`}>{humanise(c.status)}</span>
      </div>
      <p className="small">
        {`${line} · ${JURISDICTION_LABELS[c.jurisdiction as Jurisdiction] ?? c.jurisdiction} · Opened ${ukDate(c.opened_on)}`}
        {c.closed_on ? ` · Closed ${ukDate(c.closed_on)}` : ''}
        {` · Funder: ${humanise(c.funder_kind)} · Clinician: ${c.clinician_name ?? 'not allocated'}`}
      </p>
      {c.details.length > 0 && (
        <p className="kinds">
          {c.details.map((k) => (
            <span key={k} className="badge kind">
              {DETAIL_LABELS[k] ?? humanise(k)}
            </span>
          ))}
        </p>
      )}
      <button type="button" className="link" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? 'Hide case details' : 'Show case details'}
      </button>
      <Link href={`/cases/${c.id}/money`} className="case-findings-link" aria-label={`Sessions and money: ${c.title || line}`}>
        Sessions and money
      </Link>
      {clinical && (
        <Link href={`/cases/${c.id}/findings`} className="case-findings-link" aria-label={`Findings and documents: ${c.title || line}`}>
          Findings and documents
        </Link>
      )}
      {open && <CaseDetails c={c} />}
    </li>
  );
}

function CaseDetails({ c }: { c: CaseSummary }) {
  const detail = useResource(() => api.get<CaseDetail>(`/api/cases/${c.id}`), [c.id]);
  return (
    <div className="case-details">
      <Async resource={detail} loading="Loading…" failed="The case details could not be loaded.">
        {(d) => (
          <>
            {d.ehcp && <DetailBlock title="EHCP" record={d.ehcp} />}
            {d.authorisations.map((a, i) => (
              <DetailBlock key={String(a.id ?? i)} title="Insurer authorisation" record={a} />
            ))}
            {d.medico_legal && <DetailBlock title="Medico-legal instruction" record={d.medico_legal} />}
            {d.housing && <DetailBlock title="Housing adaptation" record={d.housing} />}
            {d.workplace && <DetailBlock title="Workplace assessment" record={d.workplace} />}
            {c.details.length === 0 && <p className="muted">This case has no extra detail recorded.</p>}
          </>
        )}
      </Async>
    </div>
  );
}

function detailValue(key: string, v: string | number | null): ReactNode {
  if (v === null || v === '') return '';
  if (key.endsWith('_pence') && typeof v === 'number') return money(v);
  if ((key.endsWith('_on') || key.endsWith('_from') || key.endsWith('_until') || key.endsWith('_date')) && typeof v === 'string') return ukDate(v);
  if (typeof v === 'string' && /^[a-z_]+$/.test(v) && !key.includes('reference') && !key.includes('number') && !key.includes('code')) return humanise(v);
  return String(v);
}

function DetailBlock({ title, record }: { title: string; record: DetailRecord }) {
  const rows = Object.entries(record)
    .filter(([k]) => k !== 'id' && k !== 'case_id' && !k.endsWith('_id'))
    .map(([k, v]): [string, ReactNode] => [
      humanise(k.replace(/_pence$/, '').replace(/_on$/, ''))
        .replace(/\bLa\b/, 'LA')
        .replace(/\bAtw\b/, 'Access to Work')
        .replace(/\bDfg\b/, 'DFG'),
      detailValue(k, v),
    ]);
  return (
    <div className="detail-block">
      <h4>{title}</h4>
      <Details rows={rows} />
    </div>
  );
}
