/** Adding or editing a goal; the kind of goal decides which scores it asks for. */
import { goalInput } from '../../../../src/contract/findings.js';
import { GAS_LEVELS } from '../../../../src/domain/outcomes/gas.js';
import { api } from '../../api/client.js';
import { Field } from '../../components/Field.js';
import { Form, useForm } from '../../components/Form.js';
import type { Goal } from '../../documents/types.js';
import { ukDate } from '../../format.js';
import { useNotice } from '../../session.js';
import { AreaField } from './AreaField.js';
import { gasLevel } from './Goals.js';

const GOAL_KIND_LABELS = { smart: 'SMART outcome', copm: 'COPM problem', gas: 'GAS goal' } as const;
const COPM_FIELDS = ['importance', 'performance_baseline', 'performance_followup', 'satisfaction_baseline', 'satisfaction_followup'] as const;
const GAS_FIELDS = ['gas_weight', 'gas_baseline', 'gas_outcome'] as const;
const text = (v: number | string | null | undefined) => (v === null || v === undefined ? '' : String(v));

export function GoalForm({ caseId, goal, adultFirst, onDone }: { caseId: string; goal: Goal | null; adultFirst: boolean; onDone: (saved: boolean) => void }) {
  const { showStatus } = useNotice();
  const form = useForm({
    initial: {
      kind: goal?.kind ?? 'smart',
      text: goal?.text ?? '',
      area: goal?.area ?? '',
      target_date: goal?.target_date ? ukDate(goal.target_date) : '',
      importance: text(goal?.importance),
      performance_baseline: text(goal?.performance_baseline),
      performance_followup: text(goal?.performance_followup),
      satisfaction_baseline: text(goal?.satisfaction_baseline),
      satisfaction_followup: text(goal?.satisfaction_followup),
      gas_weight: text(goal?.gas_weight),
      gas_baseline: text(goal?.gas_baseline),
      gas_outcome: text(goal?.gas_outcome),
    },
    schema: goalInput,
    blanks: 'null',
    // Only the scores of the goal's own kind are sent.
    toInput: (read) => {
      const kind = read.kind;
      const drop = new Set<string>([...(kind === 'copm' ? [] : COPM_FIELDS), ...(kind === 'gas' ? [] : GAS_FIELDS)]);
      return Object.fromEntries(Object.entries(read).filter(([k]) => !drop.has(k)));
    },
    onSubmit: async (input) => {
      await api.save(goal && `/api/findings/goal/${goal.id}`, `/api/cases/${caseId}/findings/goal`, input);
      showStatus(goal ? 'Goal saved.' : 'Goal added.');
      onDone(true);
    },
  });
  const kind = form.values.kind;
  const title = goal ? 'Edit goal' : 'Add goal';
  return (
    <Form
      form={form}
      label={title}
      title={title}
      titleLevel={3}
      className="subform form-grid"
      submitLabel="Save goal"
      disabled={!String(form.values.text).trim()}
      onCancel={() => onDone(false)}
    >
      <Field form={form} name="kind" label="Kind of goal" type="select" disabled={!!goal}>
        {Object.entries(GOAL_KIND_LABELS).map(([k, l]) => (
          <option key={k} value={k}>
            {l}
          </option>
        ))}
      </Field>
      <Field form={form} name="text" label={kind === 'copm' ? 'Problem' : 'Goal'} type="textarea" rows={2} wide required />
      <AreaField form={form} adultFirst={adultFirst} />
      <Field form={form} name="target_date" label="Target date" type="date" />
      {kind === 'copm' && (
        <>
          <Field form={form} name="importance" label="Importance (1–10)" type="number" inputMode="numeric" />
          <Field form={form} name="performance_baseline" label="Performance before (1–10)" type="number" inputMode="numeric" />
          <Field form={form} name="performance_followup" label="Performance after (1–10)" type="number" inputMode="numeric" />
          <Field form={form} name="satisfaction_baseline" label="Satisfaction before (1–10)" type="number" inputMode="numeric" />
          <Field form={form} name="satisfaction_followup" label="Satisfaction after (1–10)" type="number" inputMode="numeric" />
        </>
      )}
      {kind === 'gas' && (
        <>
          <Field form={form} name="gas_weight" label="Weight" type="number" hint="Blank for unweighted (1); importance × difficulty if weighted" />
          {(['gas_baseline', 'gas_outcome'] as const).map((k) => (
            <Field key={k} form={form} name={k} label={k === 'gas_baseline' ? 'Baseline level' : 'Outcome level'} type="select" numeric>
              <option value="">Not scored yet</option>
              {GAS_LEVELS.map((l) => (
                <option key={l} value={l}>
                  {gasLevel(l)}
                </option>
              ))}
            </Field>
          ))}
        </>
      )}
    </Form>
  );
}
