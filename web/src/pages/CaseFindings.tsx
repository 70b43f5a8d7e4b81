/**
 * The findings editor of one case: the only facts a drafted document may
 * use. Background and views as narrative fields, presenting needs by area, standardised
 * assessments with their scores as the measure reports them, observations, goals (SMART,
 * COPM with the clinically important change marked, GAS with the T-score), recommendations
 * and provision lines. Dates are typed dd/mm/yyyy and sent as ISO.
 */
import { Link } from 'wouter';
import { api } from '../api/client.js';
import type { CaseDetail } from '../api/types.js';
import { Async, useResource } from '../components/Async.js';
import type { Findings } from '../documents/types.js';
import '../documents/documents.css';
import { Assessments } from './case-findings/Assessments.js';
import { Goals } from './case-findings/Goals.js';
import { Items } from './case-findings/Items.js';
import { NOTE_GROUPS, NoteGroup, OtherNotes } from './case-findings/Notes.js';
import { Provision } from './case-findings/Provision.js';

export function CaseFindingsPage({ caseId }: { caseId: string }) {
  const { data: c } = useResource(() => api.get<CaseDetail>(`/api/cases/${caseId}`), [caseId]);
  const findings = useResource(() => api.get<Findings>(`/api/cases/${caseId}/findings`), [caseId]);
  return (
    <Async resource={findings} loading="Loading the findings…" failed="The findings of this case could not be loaded.">
      {(f) => <FindingsView caseId={caseId} c={c} f={f} reload={findings.reload} />}
    </Async>
  );
}

function FindingsView({ caseId, c, f, reload }: { caseId: string; c: CaseDetail | null; f: Findings; reload: () => void }) {
  const adultFirst = !!c && !c.ehcp && c.service_line !== 'paediatric';
  return (
    <section aria-labelledby="findings-heading" className="findings">
      {c && (
        <p className="crumbs">
          <Link href="/clients">Clients</Link> › <Link href={`/clients/${c.client_id}`}>{c.client_name}</Link>
        </p>
      )}
      <div className="page-head">
        <h1 id="findings-heading">{c ? `${c.client_name}: findings` : 'Findings'}</h1>
        <Link href={`/documents?case=${caseId}`} className="button-link">
          Documents for this case
        </Link>
      </div>
      <p className="muted">Steve drafts reports only from what is recorded here; anything missing shows in the draft as “still needed”.</p>
      {NOTE_GROUPS.map((g) => (
        <NoteGroup key={g.title} caseId={caseId} title={g.title} keys={g.keys} notes={f.notes} onSaved={reload} />
      ))}
      <OtherNotes caseId={caseId} notes={f.notes} onSaved={reload} />
      <Items caseId={caseId} kind="need" title="Presenting needs by area" items={f.needs} adultFirst={adultFirst} onSaved={reload} />
      <Assessments caseId={caseId} rows={f.assessments} adultFirst={adultFirst} onSaved={reload} />
      <Items caseId={caseId} kind="observation" title="Observations" items={f.observations} adultFirst={adultFirst} onSaved={reload} />
      <Goals caseId={caseId} f={f} adultFirst={adultFirst} onSaved={reload} />
      <Items caseId={caseId} kind="recommendation" title="Recommendations" items={f.recommendations} adultFirst={adultFirst} onSaved={reload} />
      <Provision caseId={caseId} rows={f.provision} onSaved={reload} />
    </section>
  );
}
