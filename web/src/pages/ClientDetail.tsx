/** One client's record: overview (details, consent, carers and contacts), cases, tasks, correspondence, sessions, money. */
import { lazy, Suspense, useId, useRef, useState, type KeyboardEvent } from 'react';
import { Link } from 'wouter';
import { api } from '../api/client.js';
import type { ClientDetail } from '../api/types.js';
import { Loading, useResource } from '../components/Async.js';
import { RecordMissing } from '../components/RecordMissing.js';
import { nhs, ukDate } from '../format.js';
import { useSession } from '../session.js';
import { Cases } from './client-detail/Cases.js';
import { ClientTasks } from './client-detail/ClientTasks.js';
import { Overview } from './client-detail/Overview.js';
import { Correspondence, Sessions } from './client-detail/Records.js';
import { ClientReferrals } from './Referrals.js';

type Tab = 'overview' | 'cases' | 'tasks' | 'correspondence' | 'sessions' | 'money';
const ClientMoney = lazy(() => import('./ClientMoney.js').then((m) => ({ default: m.ClientMoney })));

export function ClientDetailPage({ id }: { id: string }) {
  const { session } = useSession();
  const { data: client, loading, failed, reload } = useResource(() => api.get<ClientDetail>(`/api/clients/${id}`), [id]);
  const [tab, setTab] = useState<Tab>('overview');
  const baseId = useId();
  const tabRefs = useRef<Record<string, HTMLButtonElement | null>>({});

  if (!client) {
    return (
      <RecordMissing
        title="Client"
        loading={loading}
        loadingText="Loading client…"
        message={failed ? 'This client record could not be opened.' : undefined}
        back="/clients"
        backLabel="Back to clients"
      />
    );
  }

  const tabs: { key: Tab; label: string }[] = [
    { key: 'overview', label: 'Overview' },
    { key: 'cases', label: `Cases (${client.cases.length})` },
    { key: 'tasks', label: `Tasks (${client.tasks.length})` },
    { key: 'correspondence', label: `Correspondence (${client.correspondence.length})` },
  ];
  if (client.sessions !== null) tabs.push({ key: 'sessions', label: `Sessions (${client.sessions.length})` });
  tabs.push({ key: 'money', label: 'Money' });

  // Arrow keys move between tabs (WAI-ARIA tabs pattern); Tab moves into the panel.
  function onTabKey(e: KeyboardEvent<HTMLButtonElement>, i: number) {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const next = tabs[(i + step + tabs.length) % tabs.length]!;
    setTab(next.key);
    tabRefs.current[next.key]?.focus();
  }

  return (
    <article aria-labelledby="client-name">
      <p className="crumbs">
        <Link href="/clients">Clients</Link> › {client.name}
      </p>
      <div className="page-head">
        <div>
          <h1 id="client-name">{client.name}</h1>
          <p className="muted">
            {`Born ${ukDate(client.dob)} · NHS ${nhs(client.nhs_number)}${client.postcode ? ` · ${client.postcode}` : ''}`}
            {client.lead_clinician ? ` · Lead: ${client.lead_clinician.name}` : ''}
          </p>
        </div>
        {session.user.role === 'owner' && (
          <Link href={`/settings?audit_client=${client.id}`} className="button-link secondary">
            Audit log for this client
          </Link>
        )}
      </div>
      <div role="tablist" aria-label="Client record" className="tabs">
        {tabs.map((t, i) => (
          <button
            key={t.key}
            ref={(el) => {
              tabRefs.current[t.key] = el;
            }}
            type="button"
            role="tab"
            id={`${baseId}-tab-${t.key}`}
            aria-selected={tab === t.key}
            aria-controls={`${baseId}-panel`}
            tabIndex={tab === t.key ? 0 : -1}
            onClick={() => setTab(t.key)}
            onKeyDown={(e) => onTabKey(e, i)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${baseId}-panel`} aria-labelledby={`${baseId}-tab-${tab}`} className="tabpanel">
        {tab === 'overview' && <Overview client={client} reload={reload} />}
        {tab === 'overview' && <ClientReferrals clientId={client.id} />}
        {tab === 'cases' && <Cases cases={client.cases} />}
        {tab === 'tasks' && <ClientTasks client={client} reload={reload} />}
        {tab === 'correspondence' && <Correspondence client={client} />}
        {tab === 'sessions' && client.sessions && <Sessions client={client} />}
        {tab === 'money' && (
          <Suspense fallback={<Loading>Loading money…</Loading>}>
            <ClientMoney clientId={client.id} />
          </Suspense>
        )}
      </div>
    </article>
  );
}
