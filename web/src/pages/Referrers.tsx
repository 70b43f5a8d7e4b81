/**
 * Referrers: every referral source with its health (referrals, acceptance,
 * acknowledgement time, report-backs on time, revenue), referral activity per quarter as a
 * plain SVG chart, the sources gone quiet and worth a call, and a form to add a source.
 */
import { Link } from 'wouter';
import {
  referralSourceInput,
  type ListDormantSourcesResponse,
  type ListReferralSourcesResponse,
  type ReferrerAnalyticsResponse,
} from '../../../src/contract/referrals.js';
import { ApiError, api } from '../api/client.js';
import { Field } from '../components/Field.js';
import { Form, useForm } from '../components/Form.js';
import { Table } from '../components/Table.js';
import { money, ukDate } from '../format.js';
import { useNotice, useSession } from '../session.js';
import { Empty, useResource } from '../components/Async.js';

type Referrer = ReferrerAnalyticsResponse['referrers'][number];

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
  const form = useForm({
    initial: { name: '', kind: 'gp', ack_working_days: '2', expects: '' },
    schema: referralSourceInput,
    resetOnSuccess: true,
    onSubmit: async (input) => {
      await api.post('/api/referral-sources', input);
      onSaved();
    },
  });
  return (
    <Form form={form} label="Add a referral source" title="Add a referral source" submitLabel="Add source">
      <Field form={form} name="name" label="Name" required />
      <Field form={form} name="kind" label="Kind" type="select">
        {KINDS.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </Field>
      <Field form={form} name="ack_working_days" label="Working days to acknowledge" type="number" inputMode="numeric" />
      <Field form={form} name="expects" label="What they expect back, and when" />
    </Form>
  );
}

export function ReferrersPage() {
  const { session } = useSession();
  const { showStatus } = useNotice();
  const seesHealth = session.user.role !== 'clinician';
  const analytics = useResource<ReferrerAnalyticsResponse | null>(
    () =>
      (seesHealth ? api.get<ReferrerAnalyticsResponse>('/api/referrers') : Promise.resolve(null)).catch((e) => {
        if (e instanceof ApiError && e.status === 403) return null;
        throw e;
      }),
    [seesHealth],
  );
  const sources = useResource(() => api.get<ListReferralSourcesResponse>('/api/referral-sources'), []);
  const dormant = useResource(() => api.get<ListDormantSourcesResponse>('/api/referrers/dormant'), []);
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
          <Table
            label="Referral sources and their health"
            rows={a.referrers}
            rowKey={(r) => r.id}
            columns={[
              {
                header: 'Source',
                cell: (r) => (
                  <>
                    {r.name} {r.dormant && <span className="badge hard">Dormant</span>}
                  </>
                ),
              },
              { header: 'Kind', cell: (r) => r.kind_label },
              { header: 'Referrals', cell: (r) => r.referrals },
              { header: 'Accepted', cell: (r) => pct(r.conversion) },
              { header: 'Last referral', className: 'nowrap', cell: (r) => ukDate(r.last_referral) },
              {
                header: 'Acknowledged in (median)',
                cell: (r) => (r.median_days_to_acknowledge === null ? '—' : `${r.median_days_to_acknowledge} working days`),
              },
              { header: 'Report-backs on time', cell: (r) => pct(r.report_backs_on_time) },
              { header: 'Revenue', cell: (r) => (a.revenue_available ? money(r.revenue_pence) : '—') },
            ]}
          />
        ) : (
          <Table
            label="Referral sources"
            rows={sources.data?.sources ?? []}
            rowKey={(s) => s.id}
            columns={[
              { header: 'Source', cell: (s) => s.name },
              { header: 'Kind', cell: (s) => s.kind_label },
              { header: 'Expects', cell: (s) => s.expects || '—' },
            ]}
          />
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
