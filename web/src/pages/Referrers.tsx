/**
 * Referrers: every referral source with its health (referrals, acceptance,
 * acknowledgement time, report-backs on time, revenue), referral activity per quarter as a
 * plain SVG chart, the sources gone quiet and worth a call, and a form to add a source.
 */
import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { ApiError, api, messageOf } from '../api/client.js';
import { FormError, SelectField, TextField } from '../components/Field.js';
import { money, ukDate } from '../format.js';
import { useNotice, useSession } from '../session.js';
import type { ReferralSource } from './Referrals.js';
import { Empty, useResource } from '../components/Async.js';

interface Referrer {
  id: string;
  name: string;
  kind_label: string;
  referrals: number;
  accepted: number;
  conversion: number;
  per_quarter: { quarter: string; referrals: number }[];
  median_days_to_acknowledge: number | null;
  report_backs_on_time: number | null;
  revenue_pence: number | null;
  last_referral: string | null;
  silence_days: number | null;
  median_gap_days: number | null;
  dormant: boolean;
}
interface Analytics {
  date: string;
  revenue_available: boolean;
  referrers: Referrer[];
}
interface Dormant {
  id: string;
  name: string;
  kind_label: string;
  last_referral: string;
  silence_days: number;
  median_gap_days: number;
}

const KINDS: [string, string][] = [
  ['gp', 'GP'],
  ['paediatrician', 'Paediatrician'],
  ['school', 'School / SENCO'],
  ['case_manager', 'Case manager'],
  ['solicitor', 'Solicitor'],
  ['insurer', 'Insurer'],
  ['cmht', 'Community mental health team'],
  ['employer', 'Employer'],
  ['local_authority', 'Local authority'],
  ['self_parent', 'Self / parent'],
  ['other', 'Other'],
];
const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);

/** Referrals per quarter, all sources together: bars with their counts, readable without colour. */
function ActivityChart({ referrers }: { referrers: Referrer[] }) {
  const quarters = referrers[0]?.per_quarter.map((q) => q.quarter) ?? [];
  const totals = quarters.map((q, i) => ({ q, n: referrers.reduce((t, r) => t + (r.per_quarter[i]?.referrals ?? 0), 0) }));
  const max = Math.max(1, ...totals.map((t) => t.n));
  const w = 64;
  const h = 160;
  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${quarters.length * w} ${h + 40}`}
        width="100%"
        role="img"
        aria-label={`Referrals per quarter: ${totals.map((t) => `${t.q} ${t.n}`).join(', ')}`}
      >
        {totals.map((t, i) => {
          const bh = Math.round((t.n / max) * h);
          return (
            <g key={t.q}>
              <rect x={i * w + 10} y={h - bh + 16} width={w - 20} height={bh} fill="currentColor" opacity={0.6} />
              <text x={i * w + w / 2} y={h - bh + 12} textAnchor="middle" fontSize="12">
                {t.n}
              </text>
              <text x={i * w + w / 2} y={h + 34} textAnchor="middle" fontSize="11">
                {t.q.replace('-', ' ')}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>Referrals received per quarter, all sources</figcaption>
    </figure>
  );
}

function AddSource({ onSaved }: { onSaved: () => void }) {
  const [f, setF] = useState({ name: '', kind: 'gp', ack: '2', expects: '' });
  const [error, setError] = useState<string | null>(null);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (!f.name.trim()) return setError('Enter the source’s name.');
    if (!/^\d+$/.test(f.ack)) return setError('Working days to acknowledge must be a whole number.');
    try {
      await api.post<ReferralSource>('/api/referral-sources', {
        name: f.name.trim(),
        kind: f.kind,
        ack_working_days: Number(f.ack),
        ...(f.expects.trim() ? { expects: f.expects.trim() } : {}),
      });
      setF({ name: '', kind: 'gp', ack: '2', expects: '' });
      onSaved();
    } catch (err) {
      setError(messageOf(err));
    }
  }
  return (
    <form onSubmit={submit} className="panel form-grid" aria-label="Add a referral source" noValidate>
      <h2 className="span-all">Add a referral source</h2>
      <TextField label="Name" name="source_name" required value={f.name} onChange={set('name')} />
      <SelectField label="Kind" name="source_kind" value={f.kind} onChange={set('kind')}>
        {KINDS.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </SelectField>
      <TextField label="Working days to acknowledge" name="ack_working_days" inputMode="numeric" value={f.ack} onChange={set('ack')} />
      <TextField label="What they expect back, and when" name="expects" value={f.expects} onChange={set('expects')} />
      <div className="span-all">
        <FormError message={error} />
        <button type="submit" className="primary">
          Add source
        </button>
      </div>
    </form>
  );
}

export function ReferrersPage() {
  const { session } = useSession();
  const { showStatus } = useNotice();
  const seesHealth = session.user.role !== 'clinician';
  const analytics = useResource<Analytics | null>(
    () =>
      (seesHealth ? api.get<Analytics>('/api/referrers') : Promise.resolve(null)).catch((e) => {
        if (e instanceof ApiError && e.status === 403) return null;
        throw e;
      }),
    [seesHealth],
  );
  const sources = useResource(() => api.get<{ sources: ReferralSource[] }>('/api/referral-sources'), []);
  const dormant = useResource(() => api.get<{ sources: Dormant[] }>('/api/referrers/dormant'), []);
  const a = analytics.data;
  return (
    <section aria-labelledby="referrers-heading">
      <div className="page-head">
        <h1 id="referrers-heading">Referrers</h1>
        <Link href="/referrals">Referrals</Link>
      </div>
      <div className="panel" aria-labelledby="dormant-h">
        <h2 id="dormant-h">Worth a call</h2>
        {dormant.data && dormant.data.sources.length === 0 && <Empty>No source has gone quiet.</Empty>}
        {dormant.data && dormant.data.sources.length > 0 && (
          <ul aria-label="Dormant referral sources">
            {dormant.data.sources.map((d) => (
              <li key={d.id}>
                <strong>{d.name}</strong> ({d.kind_label}): no referral since {ukDate(d.last_referral)} ({d.silence_days} days); usually every{' '}
                {Math.round(d.median_gap_days)} days.
              </li>
            ))}
          </ul>
        )}
      </div>
      {a && a.referrers.length > 0 && (
        <div className="panel">
          <h2>Activity</h2>
          <ActivityChart referrers={a.referrers} />
        </div>
      )}
      <div className="panel">
        <h2>Sources</h2>
        {a ? (
          <table className="table" aria-label="Referral sources and their health">
            <thead>
              <tr>
                <th scope="col">Source</th>
                <th scope="col">Kind</th>
                <th scope="col">Referrals</th>
                <th scope="col">Accepted</th>
                <th scope="col">Last referral</th>
                <th scope="col">Acknowledged in (median)</th>
                <th scope="col">Report-backs on time</th>
                <th scope="col">Revenue</th>
              </tr>
            </thead>
            <tbody>
              {a.referrers.map((r) => (
                <tr key={r.id}>
                  <td>
                    {r.name} {r.dormant && <span className="badge hard">Dormant</span>}
                  </td>
                  <td>{r.kind_label}</td>
                  <td>{r.referrals}</td>
                  <td>{pct(r.conversion)}</td>
                  <td className="nowrap">{ukDate(r.last_referral)}</td>
                  <td>{r.median_days_to_acknowledge === null ? '—' : `${r.median_days_to_acknowledge} working days`}</td>
                  <td>{pct(r.report_backs_on_time)}</td>
                  <td>{a.revenue_available ? money(r.revenue_pence) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <table className="table" aria-label="Referral sources">
            <thead>
              <tr>
                <th scope="col">Source</th>
                <th scope="col">Kind</th>
                <th scope="col">Expects</th>
              </tr>
            </thead>
            <tbody>
              {(sources.data?.sources ?? []).map((s) => (
                <tr key={s.id}>
                  <td>{s.name}</td>
                  <td>{s.kind_label}</td>
                  <td>{s.expects || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <AddSource
        onSaved={() => {
          showStatus('Source added.');
          analytics.reload();
          sources.reload();
        }}
      />
    </section>
  );
}
