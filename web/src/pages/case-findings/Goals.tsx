/** Goals: SMART outcomes, COPM problems with the clinically important change marked, and GAS goals with the T-score. */
import { useState } from 'react';
import { COPM_IMPORTANT_CHANGE } from '../../../../src/domain/outcomes/copm.js';
import { GAS_LEVEL_LABELS, type GasLevel } from '../../../../src/domain/outcomes/gas.js';
import { Empty } from '../../components/Async.js';
import { Panel } from '../../components/Panel.js';
import { Table } from '../../components/Table.js';
import type { Findings, Goal } from '../../documents/types.js';
import { ukDate } from '../../format.js';
import { areaLabel } from './AreaField.js';
import { DeleteButton } from './DeleteButton.js';
import { GoalForm } from './GoalForm.js';

export function gasLevel(n: number | null): string {
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

export function Goals({ caseId, f, adultFirst, onSaved }: { caseId: string; f: Findings; adultFirst: boolean; onSaved: () => void }) {
  const [editing, setEditing] = useState<string | null>(null);
  const smart = f.goals.filter((g) => g.kind === 'smart');
  const copm = f.goals.filter((g) => g.kind === 'copm');
  const gas = f.goals.filter((g) => g.kind === 'gas');
  const actions = {
    header: <span className="visually-hidden">Actions</span>,
    className: 'actions',
    cell: (g: Goal) => <GoalActions g={g} onEdit={setEditing} onSaved={onSaved} />,
  };
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
      {f.goals.length === 0 && <Empty>No goals recorded.</Empty>}
      {smart.length > 0 && (
        <>
          <h3>SMART outcomes</h3>
          <ul className="finding-list" aria-label="SMART outcomes">
            {smart.map((g) => (
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
      {copm.length > 0 && (
        <>
          <h3>COPM</h3>
          <Table
            label="COPM"
            rows={copm.map((g, i) => ({ g, ch: f.copm?.problems[i] }))}
            rowKey={({ g }) => g.id}
            columns={[
              { header: 'Problem', cell: ({ g }) => g.text },
              { header: 'Importance', cell: ({ g }) => g.importance ?? '—' },
              {
                header: 'Performance before → after',
                cell: ({ g, ch }) => (
                  <Change
                    before={g.performance_baseline}
                    after={g.performance_followup}
                    change={ch?.performance_change ?? null}
                    important={!!ch?.performance_important}
                  />
                ),
              },
              {
                header: 'Satisfaction before → after',
                cell: ({ g, ch }) => (
                  <Change
                    before={g.satisfaction_baseline}
                    after={g.satisfaction_followup}
                    change={ch?.satisfaction_change ?? null}
                    important={!!ch?.satisfaction_important}
                  />
                ),
              },
              { ...actions, cell: ({ g }) => actions.cell(g) },
            ]}
            foot={
              f.copm && (
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
              )
            }
          />
          <p className="muted small">
            A change of {COPM_IMPORTANT_CHANGE} or more is clinically important.
            {f.copm?.mixed ? ' Problems moved in different directions, so read each one, not only the average.' : ''}
          </p>
        </>
      )}
      {gas.length > 0 && (
        <>
          <h3>Goal Attainment Scaling</h3>
          <Table
            label="GAS"
            rows={gas}
            rowKey={(g) => g.id}
            columns={[
              { header: 'Goal', cell: (g) => g.text },
              { header: 'Weight', cell: (g) => g.gas_weight ?? '1' },
              { header: 'Baseline', cell: (g) => gasLevel(g.gas_baseline) },
              { header: 'Outcome', cell: (g) => gasLevel(g.gas_outcome) },
              actions,
            ]}
          />
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
