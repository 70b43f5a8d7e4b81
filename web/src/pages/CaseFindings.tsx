/**
 * The findings editor of one case: the only facts a drafted document may
 * use. Background and views as narrative fields, presenting needs by area, standardised
 * assessments with their scores as the measure reports them, observations, goals (SMART,
 * COPM with the clinically important change marked, GAS with the T-score), recommendations
 * and provision lines. Dates are typed dd/mm/yyyy and sent as ISO.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'wouter';
import { ADULT_AREA_LABELS, ADULT_AREAS, COP_AREA_LABELS, COP_AREAS, NEED_AREA_LABELS, type NeedArea } from '../../../src/domain/documents/kinds.js';
import { NOTE_FIELDS, NOTE_KEYS, type NoteKey } from '../../../src/domain/documents/notes.js';
import { COPM_IMPORTANT_CHANGE } from '../../../src/domain/outcomes/copm.js';
import { GAS_LEVEL_LABELS, GAS_LEVELS, type GasLevel } from '../../../src/domain/outcomes/gas.js';
import { formatScore, METRIC_SCALES, SCORE_METRICS, type ScoreMetric } from '../../../src/domain/outcomes/scores.js';
import { api, messageOf, request } from '../api/client.js';
import type { CaseDetail } from '../api/types.js';
import { FormError, SelectField, TextArea, TextField } from '../components/Field.js';
import type { Assessment, FindingItem, Findings, Goal, ProvisionLine } from '../documents/types.js';
import '../documents/documents.css';
import { parseUkDate, ukDate } from '../format.js';
import { useNotice } from '../session.js';
import { useResource } from '../components/Async.js';

const NOTE_GROUPS: { title: string; keys: NoteKey[] }[] = [
  { title: 'Background and history', keys: ['reason_for_referral', 'bg.medical', 'bg.developmental', 'bg.social', 'bg.education', 'bg.previous_input'] },
  { title: 'Views', keys: ['views.child', 'views.parents'] },
  { title: 'The assessment', keys: ['purpose', 'method', 'documents_read', 'people_spoken_to', 'validity', 'strengths', 'tried', 'formulation', 'limits'] },
];
const GROUPED = new Set<string>(NOTE_GROUPS.flatMap((g) => g.keys));

const METRIC_LABELS: Record<ScoreMetric, string> = {
  standard: 'Standard score (mean 100, SD 15)',
  scaled: 'Scaled score (mean 10, SD 3)',
  t_score: 'T-score (mean 50, SD 10)',
  bot2_scale: 'BOT-2 scale score (mean 15, SD 5)',
  composite: 'Composite standard score (mean 50, SD 10)',
  raw: 'Raw score only',
  descriptive: 'Descriptive classification only',
  percentile_only: 'Percentile only',
};

/** '' → null; a number when the text is one; undefined when it is not (the form says so). */
function numOrNull(s: string): number | null | undefined {
  const t = s.trim();
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}
const str = (v: number | string | null | undefined) => (v === null || v === undefined ? '' : String(v));
const blankToNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** Reads the dd/mm/yyyy fields of a form: ISO or null, or throws a sentence naming the field. */
function dateOrNull(text: string, label: string): string | null {
  if (!text.trim()) return null;
  const iso = parseUkDate(text);
  if (!iso) throw new Error(`Enter the ${label} as dd/mm/yyyy.`);
  return iso;
}

function AreaSelect({ value, onChange, adultFirst, label = 'Area' }: { value: string; onChange: (v: string) => void; adultFirst: boolean; label?: string }) {
  const cop = (
    <optgroup label="Broad areas of need (SEND Code of Practice)">
      {COP_AREAS.map((a) => (
        <option key={a} value={a}>
          {COP_AREA_LABELS[a]}
        </option>
      ))}
    </optgroup>
  );
  const adult = (
    <optgroup label="Occupational performance (adults)">
      {ADULT_AREAS.map((a) => (
        <option key={a} value={a}>
          {ADULT_AREA_LABELS[a]}
        </option>
      ))}
    </optgroup>
  );
  return (
    <SelectField label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">Not tied to one area</option>
      {adultFirst ? [adult, cop] : [cop, adult]}
    </SelectField>
  );
}

const putNote = (caseId: string, key: string, text: string) => request('PUT', `/api/cases/${caseId}/findings/notes`, { body: { key, text } });

const areaLabel = (a: string | null) => (a ? (NEED_AREA_LABELS[a as NeedArea] ?? a) : '');

/** A form that saves through `save` and reports its own error; closes (or clears) on success. */
function useSaver(onSaved: () => void) {
  const { showStatus } = useNotice();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function run(e: FormEvent, save: () => Promise<unknown>, message: string): Promise<boolean> {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await save();
      showStatus(message);
      onSaved();
      return true;
    } catch (err) {
      setError(messageOf(err));
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { error, setError, busy, run };
}

export function CaseFindingsPage({ caseId }: { caseId: string }) {
  const { data: c } = useResource(() => api.get<CaseDetail>(`/api/cases/${caseId}`), [caseId]);
  const { data: f, loading, reload } = useResource(() => api.get<Findings>(`/api/cases/${caseId}/findings`), [caseId]);
  if (loading && !f) return <p role="status">Loading the findings…</p>;
  if (!f) return <p className="empty">The findings of this case could not be loaded.</p>;
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

function Panel({ id, title, children, action }: { id: string; title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <section className="panel" aria-labelledby={id}>
      <div className="panel-head">
        <h2 id={id}>{title}</h2>
        {action}
      </div>
      {children}
    </section>
  );
}

function NoteGroup({
  caseId,
  title,
  keys,
  notes,
  onSaved,
}: {
  caseId: string;
  title: string;
  keys: NoteKey[];
  notes: Record<string, string>;
  onSaved: () => void;
}) {
  const [draft, setDraft] = useState<Record<string, string>>({});
  const { error, busy, run } = useSaver(() => setDraft({}));
  const value = (k: string) => draft[k] ?? notes[k] ?? '';
  const changed = Object.keys(draft).filter((k) => draft[k] !== (notes[k] ?? ''));
  const formId = `notes-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <form
      className="panel"
      aria-labelledby={formId}
      onSubmit={(e) =>
        void run(
          e,
          async () => {
            for (const k of changed) await putNote(caseId, k, draft[k]!);
            onSaved();
          },
          `${title}: saved.`,
        )
      }
    >
      <h2 id={formId}>{title}</h2>
      <FormError message={error} />
      <div className="form-grid">
        {keys.map((k) => (
          <TextArea key={k} label={NOTE_FIELDS[k]} wide rows={3} value={value(k)} onChange={(e) => setDraft({ ...draft, [k]: e.target.value })} />
        ))}
      </div>
      <button type="submit" className="primary" disabled={busy || changed.length === 0}>
        Save {title.toLowerCase()}
      </button>
    </form>
  );
}

/** Any other narrative field a document kind asks for (PD35 items, DFG, workplace…). */
function OtherNotes({ caseId, notes, onSaved }: { caseId: string; notes: Record<string, string>; onSaved: () => void }) {
  const others = NOTE_KEYS.filter((k) => !GROUPED.has(k));
  const recorded = others.filter((k) => notes[k]);
  const [key, setKey] = useState<NoteKey>(others[0]!);
  const [text, setText] = useState<string | null>(null);
  const { error, busy, run } = useSaver(() => {
    setText(null);
    onSaved();
  });
  const shown = text ?? notes[key] ?? '';
  return (
    <Panel id="other-notes-h" title="Other narrative fields">
      {recorded.length > 0 && (
        <dl className="facts notes-list">
          {recorded.map((k) => (
            <div key={k} className="contents">
              <dt>{NOTE_FIELDS[k]}</dt>
              <dd className="pre">{notes[k]}</dd>
            </div>
          ))}
        </dl>
      )}
      <form aria-label="Record another narrative field" onSubmit={(e) => void run(e, () => putNote(caseId, key, shown), `${NOTE_FIELDS[key]}: saved.`)}>
        <FormError message={error} />
        <div className="form-grid">
          <SelectField
            label="Field"
            wide
            value={key}
            onChange={(e) => {
              setKey(e.target.value as NoteKey);
              setText(null);
            }}
          >
            {others.map((k) => (
              <option key={k} value={k}>
                {NOTE_FIELDS[k]}
              </option>
            ))}
          </SelectField>
          <TextArea label="Text" wide rows={3} value={shown} onChange={(e) => setText(e.target.value)} hint="Empty text removes the field." />
        </div>
        <button type="submit" className="secondary" disabled={busy || text === null}>
          Save field
        </button>
      </form>
    </Panel>
  );
}

const ITEM_WORDS = {
  need: { one: 'need', add: 'Add need', label: 'Need' },
  observation: { one: 'observation', add: 'Add observation', label: 'Observation' },
  recommendation: { one: 'recommendation', add: 'Add recommendation', label: 'Recommendation' },
} as const;

function Items({
  caseId,
  kind,
  title,
  items,
  adultFirst,
  onSaved,
}: {
  caseId: string;
  kind: FindingItem['kind'];
  title: string;
  items: FindingItem[];
  adultFirst: boolean;
  onSaved: () => void;
}) {
  const w = ITEM_WORDS[kind];
  const [area, setArea] = useState('');
  const [text, setText] = useState('');
  const [on, setOn] = useState('');
  const [setting, setSetting] = useState('');
  const { error, busy, run } = useSaver(() => {
    setText('');
    setOn('');
    setSetting('');
    onSaved();
  });
  const id = `${kind}-h`;
  const groups = kind === 'need' ? [...new Set(items.map((i) => i.area ?? ''))] : [''];
  return (
    <Panel id={id} title={title}>
      {items.length === 0 ? (
        <p className="empty">No {w.one}s recorded.</p>
      ) : (
        groups.map((g) => (
          <div key={g}>
            {kind === 'need' && <h3>{g ? areaLabel(g) : 'Not tied to one area'}</h3>}
            <ul className="finding-list" aria-label={kind === 'need' ? `Needs: ${g ? areaLabel(g) : 'no area'}` : title}>
              {items
                .filter((i) => kind !== 'need' || (i.area ?? '') === g)
                .map((i) => (
                  <li key={i.id}>
                    <span className="pre">{i.text}</span>
                    {kind !== 'need' && i.area && <span className="badge kind">{areaLabel(i.area)}</span>}
                    {(i.on_date || i.setting) && (
                      <span className="muted small"> · {[i.on_date ? ukDate(i.on_date) : '', i.setting ?? ''].filter(Boolean).join(', ')}</span>
                    )}
                    <DeleteButton kind="item" id={i.id} what={`${w.one} “${i.text.slice(0, 40)}”`} onDone={onSaved} />
                  </li>
                ))}
            </ul>
          </div>
        ))
      )}
      <form
        aria-label={w.add}
        onSubmit={(e) =>
          void run(
            e,
            async () => {
              const onIso = dateOrNull(on, 'date');
              await api.post(`/api/cases/${caseId}/findings/item`, { kind, area: area || null, text, on_date: onIso, setting: blankToNull(setting) });
            },
            `${w.label} added.`,
          )
        }
      >
        <FormError message={error} />
        <div className="form-grid">
          <AreaSelect value={area} onChange={setArea} adultFirst={adultFirst} />
          <TextArea label={w.label} wide rows={2} value={text} onChange={(e) => setText(e.target.value)} required />
          {kind === 'observation' && (
            <>
              <TextField label="Date observed" placeholder="dd/mm/yyyy" value={on} onChange={(e) => setOn(e.target.value)} />
              <TextField label="Setting" value={setting} onChange={(e) => setSetting(e.target.value)} hint="Classroom, home, clinic…" />
            </>
          )}
        </div>
        <button type="submit" className="secondary" disabled={busy || !text.trim()}>
          {w.add}
        </button>
      </form>
    </Panel>
  );
}

function DeleteButton({ kind, id, what, onDone }: { kind: string; id: string; what: string; onDone: () => void }) {
  const { showStatus, showError } = useNotice();
  return (
    <button
      type="button"
      className="link small delete"
      aria-label={`Delete ${what}`}
      onClick={() =>
        void api.delete(`/api/findings/${kind}/${id}`).then(
          () => {
            showStatus('Deleted.');
            onDone();
          },
          (e: unknown) => showError(e),
        )
      }
    >
      Delete
    </button>
  );
}

// ——— Assessments ———

function Assessments({ caseId, rows, adultFirst, onSaved }: { caseId: string; rows: Assessment[]; adultFirst: boolean; onSaved: () => void }) {
  const [adding, setAdding] = useState(false);
  return (
    <Panel
      id="assessments-h"
      title="Standardised assessments"
      action={
        !adding && (
          <button type="button" className="secondary small" onClick={() => setAdding(true)}>
            Add assessment
          </button>
        )
      }
    >
      {rows.length === 0 ? (
        <p className="empty">No standardised assessments recorded.</p>
      ) : (
        <div className="table-wrap">
          <table className="table" aria-label="Assessments">
            <thead>
              <tr>
                <th scope="col">Measure</th>
                <th scope="col">Score</th>
                <th scope="col">Band</th>
                <th scope="col">Test date</th>
                <th scope="col">Examiner</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((a) => (
                <tr key={a.id}>
                  <td>
                    {a.test_name}
                    {a.edition ? ` (${a.edition})` : ''}
                    {a.subtest ? `: ${a.subtest}` : ''}
                  </td>
                  <td>{formatScore({ ...a, metric: a.metric as ScoreMetric })}</td>
                  <td>{a.band ?? '—'}</td>
                  <td className="nowrap">{ukDate(a.test_date)}</td>
                  <td>{[a.examiner, a.examiner_qualification].filter(Boolean).join(', ') || '—'}</td>
                  <td className="actions">
                    <DeleteButton kind="assessment" id={a.id} what={`assessment ${a.test_name}${a.subtest ? ` ${a.subtest}` : ''}`} onDone={onSaved} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {adding && (
        <AssessmentForm
          caseId={caseId}
          adultFirst={adultFirst}
          onDone={(saved) => {
            setAdding(false);
            if (saved) onSaved();
          }}
        />
      )}
    </Panel>
  );
}

function AssessmentForm({ caseId, adultFirst, onDone }: { caseId: string; adultFirst: boolean; onDone: (saved: boolean) => void }) {
  const [v, setV] = useState({
    test_name: '',
    edition: '',
    subtest: '',
    metric: 'standard' as ScoreMetric,
    derived: '',
    raw: '',
    mean: '',
    sd: '',
    percentile: '',
    ci_low: '',
    ci_high: '',
    band: '',
    test_date: '',
    examiner: '',
    qual: '',
    area: '',
    interpretation: '',
  });
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value });
  const { error, busy, run } = useSaver(() => onDone(true));
  const scale = METRIC_SCALES[v.metric];
  const hasDerived = !['raw', 'descriptive', 'percentile_only'].includes(v.metric);
  function body() {
    const nums = { derived_score: v.derived, raw_score: v.raw, mean: v.mean, sd: v.sd, percentile: v.percentile, ci_low: v.ci_low, ci_high: v.ci_high };
    const out: Record<string, number | null> = {};
    for (const [k, s] of Object.entries(nums)) {
      const n = numOrNull(s);
      if (n === undefined) throw new Error(`The ${k.replace('_', ' ')} must be a number.`);
      out[k] = n;
    }
    return {
      test_name: v.test_name.trim(),
      edition: blankToNull(v.edition),
      subtest: blankToNull(v.subtest),
      metric: v.metric,
      ...out,
      band: blankToNull(v.band),
      test_date: dateOrNull(v.test_date, 'test date'),
      examiner: blankToNull(v.examiner),
      examiner_qualification: blankToNull(v.qual),
      area: v.area || null,
      interpretation: blankToNull(v.interpretation),
    };
  }
  return (
    <form
      className="subform"
      aria-label="Add assessment"
      onSubmit={(e) => void run(e, () => api.post(`/api/cases/${caseId}/findings/assessment`, body()), 'Assessment added.')}
    >
      <h3>Add a standardised assessment</h3>
      <FormError message={error} />
      <div className="form-grid">
        <TextField label="Measure" value={v.test_name} onChange={set('test_name')} required hint="e.g. Movement ABC-3, BOT-2, Beery VMI" />
        <TextField label="Edition" value={v.edition} onChange={set('edition')} />
        <TextField label="Subtest or index" value={v.subtest} onChange={set('subtest')} />
        <SelectField label="Score type" value={v.metric} onChange={(e) => setV({ ...v, metric: e.target.value as ScoreMetric })}>
          {SCORE_METRICS.map((m) => (
            <option key={m} value={m}>
              {METRIC_LABELS[m]}
            </option>
          ))}
        </SelectField>
        {hasDerived && <TextField label={`Score (${scale.label})`} inputMode="decimal" value={v.derived} onChange={set('derived')} />}
        <TextField label="Raw score" inputMode="decimal" value={v.raw} onChange={set('raw')} />
        {hasDerived && (
          <>
            <TextField
              label="Mean"
              inputMode="decimal"
              value={v.mean}
              onChange={set('mean')}
              hint={scale.mean !== null ? `Leave blank for ${scale.mean}` : undefined}
            />
            <TextField label="SD" inputMode="decimal" value={v.sd} onChange={set('sd')} hint={scale.sd !== null ? `Leave blank for ${scale.sd}` : undefined} />
          </>
        )}
        <TextField
          label="Percentile"
          inputMode="decimal"
          value={v.percentile}
          onChange={set('percentile')}
          hint="As the manual gives it; never worked out by Steve."
        />
        <TextField label="Confidence interval from" inputMode="decimal" value={v.ci_low} onChange={set('ci_low')} />
        <TextField label="Confidence interval to" inputMode="decimal" value={v.ci_high} onChange={set('ci_high')} />
        <TextField label="Descriptive band" value={v.band} onChange={set('band')} hint="The publisher's own words" />
        <TextField label="Test date" placeholder="dd/mm/yyyy" value={v.test_date} onChange={set('test_date')} />
        <TextField label="Examiner" value={v.examiner} onChange={set('examiner')} />
        <TextField label="Examiner's qualification" value={v.qual} onChange={set('qual')} />
        <AreaSelect value={v.area} onChange={(a) => setV({ ...v, area: a })} adultFirst={adultFirst} />
        <TextArea label="Interpretation" wide rows={2} value={v.interpretation} onChange={set('interpretation')} />
      </div>
      <div className="buttons">
        <button type="submit" className="primary" disabled={busy || !v.test_name.trim()}>
          Save assessment
        </button>
        <button type="button" className="secondary" onClick={() => onDone(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

// ——— Goals ———

const GOAL_KIND_LABELS = { smart: 'SMART outcome', copm: 'COPM problem', gas: 'GAS goal' } as const;

function Goals({ caseId, f, adultFirst, onSaved }: { caseId: string; f: Findings; adultFirst: boolean; onSaved: () => void }) {
  const [editing, setEditing] = useState<string | null>(null);
  const copmGoals = f.goals.filter((g) => g.kind === 'copm');
  return (
    <Panel
      id="goals-h"
      title="Goals"
      action={
        editing === null && (
          <button type="button" className="secondary small" onClick={() => setEditing('new')}>
            Add goal
          </button>
        )
      }
    >
      {f.goals.length === 0 && <p className="empty">No goals recorded.</p>}
      {f.goals.some((g) => g.kind === 'smart') && (
        <>
          <h3>SMART outcomes</h3>
          <ul className="finding-list" aria-label="SMART outcomes">
            {f.goals
              .filter((g) => g.kind === 'smart')
              .map((g) => (
                <li key={g.id}>
                  <span className="pre">{g.text}</span>
                  {g.area && <span className="badge kind">{areaLabel(g.area)}</span>}
                  <span className="muted small"> · by {ukDate(g.target_date)}</span>
                  <GoalActions g={g} onEdit={setEditing} onSaved={onSaved} />
                </li>
              ))}
          </ul>
        </>
      )}
      {copmGoals.length > 0 && (
        <>
          <h3>COPM</h3>
          <div className="table-wrap">
            <table className="table" aria-label="COPM">
              <thead>
                <tr>
                  <th scope="col">Problem</th>
                  <th scope="col">Importance</th>
                  <th scope="col">Performance before → after</th>
                  <th scope="col">Satisfaction before → after</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {copmGoals.map((g, i) => {
                  const ch = f.copm?.problems[i];
                  return (
                    <tr key={g.id}>
                      <td>{g.text}</td>
                      <td>{str(g.importance) || '—'}</td>
                      <td>
                        <Change
                          before={g.performance_baseline}
                          after={g.performance_followup}
                          change={ch?.performance_change ?? null}
                          important={!!ch?.performance_important}
                        />
                      </td>
                      <td>
                        <Change
                          before={g.satisfaction_baseline}
                          after={g.satisfaction_followup}
                          change={ch?.satisfaction_change ?? null}
                          important={!!ch?.satisfaction_important}
                        />
                      </td>
                      <td className="actions">
                        <GoalActions g={g} onEdit={setEditing} onSaved={onSaved} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
              {f.copm && (
                <tfoot>
                  <tr>
                    <th scope="row">Average</th>
                    <td />
                    <td>
                      <Change
                        before={f.copm.performance_baseline}
                        after={f.copm.performance_followup}
                        change={f.copm.performance_change}
                        important={f.copm.performance_important}
                      />
                    </td>
                    <td>
                      <Change
                        before={f.copm.satisfaction_baseline}
                        after={f.copm.satisfaction_followup}
                        change={f.copm.satisfaction_change}
                        important={f.copm.satisfaction_important}
                      />
                    </td>
                    <td />
                  </tr>
                </tfoot>
              )}
            </table>
          </div>
          <p className="muted small">
            A change of {COPM_IMPORTANT_CHANGE} or more is clinically important.
            {f.copm?.mixed ? ' Problems moved in different directions, so read each one, not only the average.' : ''}
          </p>
        </>
      )}
      {f.goals.some((g) => g.kind === 'gas') && (
        <>
          <h3>Goal Attainment Scaling</h3>
          <div className="table-wrap">
            <table className="table" aria-label="GAS">
              <thead>
                <tr>
                  <th scope="col">Goal</th>
                  <th scope="col">Weight</th>
                  <th scope="col">Baseline</th>
                  <th scope="col">Outcome</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {f.goals
                  .filter((g) => g.kind === 'gas')
                  .map((g) => (
                    <tr key={g.id}>
                      <td>{g.text}</td>
                      <td>{str(g.gas_weight) || '1'}</td>
                      <td>{gasLevel(g.gas_baseline)}</td>
                      <td>{gasLevel(g.gas_outcome)}</td>
                      <td className="actions">
                        <GoalActions g={g} onEdit={setEditing} onSaved={onSaved} />
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
          <p data-testid="gas-t">
            GAS T-score: baseline <strong>{f.gas?.baseline_t ?? '—'}</strong>, outcome <strong>{f.gas?.outcome_t ?? '—'}</strong>{' '}
            <span className="muted small">(50 = every goal met as expected; Kiresuk–Sherman, ρ = 0.3)</span>
          </p>
        </>
      )}
      {editing !== null && (
        <GoalForm
          caseId={caseId}
          goal={f.goals.find((g) => g.id === editing) ?? null}
          adultFirst={adultFirst}
          onDone={(saved) => {
            setEditing(null);
            if (saved) onSaved();
          }}
        />
      )}
    </Panel>
  );
}

function gasLevel(n: number | null): string {
  if (n === null) return '—';
  return `${n > 0 ? '+' : n < 0 ? '−' : ''}${Math.abs(n)} (${GAS_LEVEL_LABELS[n as GasLevel] ?? ''})`;
}

function Change({ before, after, change, important }: { before: number | null; after: number | null; change: number | null; important: boolean }) {
  return (
    <span className="nowrap">
      {before ?? '—'} → {after ?? '—'}
      {change !== null && (
        <>
          {' '}
          ({change > 0 ? '+' : change < 0 ? '−' : ''}
          {Math.abs(change)}){important && <span className="badge important">Clinically important</span>}
        </>
      )}
    </span>
  );
}

function GoalActions({ g, onEdit, onSaved }: { g: Goal; onEdit: (id: string) => void; onSaved: () => void }) {
  return (
    <span className="row-actions">
      <button type="button" className="link small" aria-label={`Edit goal “${g.text.slice(0, 40)}”`} onClick={() => onEdit(g.id)}>
        Edit
      </button>
      <DeleteButton kind="goal" id={g.id} what={`goal “${g.text.slice(0, 40)}”`} onDone={onSaved} />
    </span>
  );
}

function GoalForm({ caseId, goal, adultFirst, onDone }: { caseId: string; goal: Goal | null; adultFirst: boolean; onDone: (saved: boolean) => void }) {
  const [v, setV] = useState({
    kind: goal?.kind ?? 'smart',
    text: goal?.text ?? '',
    area: goal?.area ?? '',
    target: goal?.target_date ? ukDate(goal.target_date) : '',
    importance: str(goal?.importance),
    pb: str(goal?.performance_baseline),
    pf: str(goal?.performance_followup),
    sb: str(goal?.satisfaction_baseline),
    sf: str(goal?.satisfaction_followup),
    weight: str(goal?.gas_weight),
    gb: str(goal?.gas_baseline),
    go: str(goal?.gas_outcome),
  });
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value });
  const { error, busy, run } = useSaver(() => onDone(true));
  function body() {
    const n = (s: string, what: string) => {
      const x = numOrNull(s);
      if (x === undefined) throw new Error(`The ${what} must be a number.`);
      return x;
    };
    const base = { kind: v.kind, text: v.text.trim(), area: v.area || null, target_date: dateOrNull(v.target, 'target date') };
    if (v.kind === 'copm')
      return {
        ...base,
        importance: n(v.importance, 'importance'),
        performance_baseline: n(v.pb, 'performance before'),
        performance_followup: n(v.pf, 'performance after'),
        satisfaction_baseline: n(v.sb, 'satisfaction before'),
        satisfaction_followup: n(v.sf, 'satisfaction after'),
      };
    if (v.kind === 'gas') return { ...base, gas_weight: n(v.weight, 'weight'), gas_baseline: n(v.gb, 'baseline level'), gas_outcome: n(v.go, 'outcome level') };
    return base;
  }
  const title = goal ? 'Edit goal' : 'Add goal';
  return (
    <form
      className="subform"
      aria-label={title}
      onSubmit={(e) =>
        void run(
          e,
          () => (goal ? api.patch(`/api/findings/goal/${goal.id}`, body()) : api.post(`/api/cases/${caseId}/findings/goal`, body())),
          goal ? 'Goal saved.' : 'Goal added.',
        )
      }
    >
      <h3>{title}</h3>
      <FormError message={error} />
      <div className="form-grid">
        <SelectField label="Kind of goal" value={v.kind} onChange={(e) => setV({ ...v, kind: e.target.value as Goal['kind'] })} disabled={!!goal}>
          {Object.entries(GOAL_KIND_LABELS).map(([k, l]) => (
            <option key={k} value={k}>
              {l}
            </option>
          ))}
        </SelectField>
        <TextArea label={v.kind === 'copm' ? 'Problem' : 'Goal'} wide rows={2} value={v.text} onChange={set('text')} required />
        <AreaSelect value={v.area} onChange={(a) => setV({ ...v, area: a })} adultFirst={adultFirst} />
        <TextField label="Target date" placeholder="dd/mm/yyyy" value={v.target} onChange={set('target')} />
        {v.kind === 'copm' && (
          <>
            <TextField label="Importance (1–10)" inputMode="numeric" value={v.importance} onChange={set('importance')} />
            <TextField label="Performance before (1–10)" inputMode="numeric" value={v.pb} onChange={set('pb')} />
            <TextField label="Performance after (1–10)" inputMode="numeric" value={v.pf} onChange={set('pf')} />
            <TextField label="Satisfaction before (1–10)" inputMode="numeric" value={v.sb} onChange={set('sb')} />
            <TextField label="Satisfaction after (1–10)" inputMode="numeric" value={v.sf} onChange={set('sf')} />
          </>
        )}
        {v.kind === 'gas' && (
          <>
            <TextField
              label="Weight"
              inputMode="decimal"
              value={v.weight}
              onChange={set('weight')}
              hint="Blank for unweighted (1); importance × difficulty if weighted"
            />
            {(['gb', 'go'] as const).map((k) => (
              <SelectField key={k} label={k === 'gb' ? 'Baseline level' : 'Outcome level'} value={v[k]} onChange={set(k)}>
                <option value="">Not scored yet</option>
                {GAS_LEVELS.map((l) => (
                  <option key={l} value={l}>
                    {gasLevel(l)}
                  </option>
                ))}
              </SelectField>
            ))}
          </>
        )}
      </div>
      <div className="buttons">
        <button type="submit" className="primary" disabled={busy || !v.text.trim()}>
          Save goal
        </button>
        <button type="button" className="secondary" onClick={() => onDone(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

// ——— Provision ———

function Provision({ caseId, rows, onSaved }: { caseId: string; rows: ProvisionLine[]; onSaved: () => void }) {
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <Panel
      id="provision-h"
      title="Provision"
      action={
        editing === null && (
          <button type="button" className="secondary small" onClick={() => setEditing('new')}>
            Add provision line
          </button>
        )
      }
    >
      <p className="muted small">
        Each line says what is provided, who delivers it (and their qualification), how often, how long, group or 1:1, where, and when it is reviewed
        (EHCP-F-01).
      </p>
      {rows.length === 0 ? (
        <p className="empty">No provision lines recorded.</p>
      ) : (
        <div className="table-wrap">
          <table className="table" aria-label="Provision lines">
            <thead>
              <tr>
                <th scope="col">Section</th>
                <th scope="col">What</th>
                <th scope="col">Who</th>
                <th scope="col">How often and how long</th>
                <th scope="col">Group or 1:1</th>
                <th scope="col">Direct or indirect</th>
                <th scope="col">Where</th>
                <th scope="col">Review</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => (
                <tr key={p.id}>
                  <td>{p.section}</td>
                  <td>{p.what}</td>
                  <td>{p.who ? `${p.who}${p.qualification ? ` (${p.qualification})` : ''}` : '—'}</td>
                  <td>{[p.frequency, p.duration, p.programme_length ? `for ${p.programme_length}` : null].filter(Boolean).join(', ') || '—'}</td>
                  <td>{p.group_size ?? '—'}</td>
                  <td>{p.delivery ?? '—'}</td>
                  <td>{p.location ?? '—'}</td>
                  <td>{p.review ?? '—'}</td>
                  <td className="actions">
                    <button type="button" className="link small" aria-label={`Edit provision “${p.what.slice(0, 40)}”`} onClick={() => setEditing(p.id)}>
                      Edit
                    </button>
                    <DeleteButton kind="provision" id={p.id} what={`provision “${p.what.slice(0, 40)}”`} onDone={onSaved} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing !== null && (
        <ProvisionForm
          caseId={caseId}
          line={rows.find((r) => r.id === editing) ?? null}
          onDone={(saved) => {
            setEditing(null);
            if (saved) onSaved();
          }}
        />
      )}
    </Panel>
  );
}

const PROVISION_FIELDS = [
  ['need_ref', 'Need it meets', 'e.g. B2 or "handwriting"'],
  ['what', 'What is provided', 'Say what, not "access to" or "support"'],
  ['who', 'Who delivers it', 'e.g. teaching assistant, occupational therapist'],
  ['qualification', 'Their qualification or training', 'e.g. HCPC-registered OT; trained by the OT'],
  ['frequency', 'How often', 'e.g. 3 times a week'],
  ['duration', 'How long each time', 'e.g. 30 minutes'],
  ['programme_length', 'For how long in all', 'e.g. one term'],
  ['group_size', 'Group or 1:1', 'e.g. 1:1 or group of up to 4'],
  ['location', 'Where', 'e.g. quiet room in school'],
  ['review', 'Review point', 'e.g. termly with the SENCo'],
] as const;

function ProvisionForm({ caseId, line, onDone }: { caseId: string; line: ProvisionLine | null; onDone: (saved: boolean) => void }) {
  const [v, setV] = useState<Record<string, string>>(() => {
    const o: Record<string, string> = { section: line?.section ?? 'F', delivery: line?.delivery ?? '' };
    for (const [k] of PROVISION_FIELDS) o[k] = line ? str(line[k]) : '';
    return o;
  });
  const { error, busy, run } = useSaver(() => onDone(true));
  function body() {
    const o: Record<string, string | null> = { section: v.section!, delivery: v.delivery || null };
    for (const [k] of PROVISION_FIELDS) o[k] = k === 'what' ? v[k]!.trim() : blankToNull(v[k]!);
    return o;
  }
  const title = line ? 'Edit provision line' : 'Add provision line';
  return (
    <form
      className="subform"
      aria-label={title}
      onSubmit={(e) =>
        void run(
          e,
          () => (line ? api.patch(`/api/findings/provision/${line.id}`, body()) : api.post(`/api/cases/${caseId}/findings/provision`, body())),
          line ? 'Provision line saved.' : 'Provision line added.',
        )
      }
    >
      <h3>{title}</h3>
      <FormError message={error} />
      <div className="form-grid">
        <SelectField label="Plan section" value={v.section} onChange={(e) => setV({ ...v, section: e.target.value })}>
          <option value="F">F: special educational provision</option>
          <option value="G">G: health provision</option>
          <option value="H">H: social care provision</option>
        </SelectField>
        {PROVISION_FIELDS.map(([k, label, hint]) => (
          <TextField
            key={k}
            label={label}
            hint={hint}
            wide={k === 'what'}
            value={v[k]}
            required={k === 'what'}
            onChange={(e) => setV({ ...v, [k]: e.target.value })}
          />
        ))}
        <SelectField label="Direct or indirect" value={v.delivery} onChange={(e) => setV({ ...v, delivery: e.target.value })}>
          <option value="">Not said</option>
          <option value="direct">Direct</option>
          <option value="indirect">Indirect</option>
        </SelectField>
      </div>
      <div className="buttons">
        <button type="submit" className="primary" disabled={busy || !v.what?.trim()}>
          Save provision line
        </button>
        <button type="button" className="secondary" onClick={() => onDone(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
