/** Needs by area, observations and recommendations: short findings, each with its area, and a form to add one. */
import { itemInput } from '../../../../src/contract/findings.js';
import { api } from '../../api/client.js';
import { Empty } from '../../components/Async.js';
import { Field } from '../../components/Field.js';
import { Form, useForm } from '../../components/Form.js';
import { Panel } from '../../components/Panel.js';
import { ukDate } from '../../format.js';
import type { FindingItem } from '../../documents/types.js';
import { useNotice } from '../../session.js';
import { AreaField, areaLabel } from './AreaField.js';
import { DeleteButton } from './DeleteButton.js';

const ITEM_WORDS = {
  need: { one: 'need', add: 'Add need', label: 'Need' },
  observation: { one: 'observation', add: 'Add observation', label: 'Observation' },
  recommendation: { one: 'recommendation', add: 'Add recommendation', label: 'Recommendation' },
} as const;

export function Items({
  caseId,
  kind,
  title,
  items,
  adultFirst,
  onSaved,
}: {
  caseId: string;
  kind: keyof typeof ITEM_WORDS;
  title: string;
  items: FindingItem[];
  adultFirst: boolean;
  onSaved: () => void;
}) {
  const { showStatus } = useNotice();
  const w = ITEM_WORDS[kind];
  const form = useForm({
    initial: { area: '', text: '', on_date: '', setting: '' },
    schema: itemInput,
    blanks: 'null',
    toInput: (read) => ({ ...read, kind }),
    onSubmit: async (input) => {
      await api.post(`/api/cases/${caseId}/findings/item`, input);
      showStatus(`${w.label} added.`);
      form.setValues((v) => ({ ...v, text: '', on_date: '', setting: '' }));
      onSaved();
    },
  });
  const groups = kind === 'need' ? [...new Set(items.map((i) => i.area ?? ''))] : [''];
  return (
    <Panel id={`${kind}-h`} title={title}>
      {items.length === 0 ? (
        <Empty>No {w.one}s recorded.</Empty>
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
      <Form form={form} label={w.add} className="form-grid" submitLabel={w.add} submitClassName="secondary" disabled={!form.values.text.trim()}>
        <AreaField form={form} adultFirst={adultFirst} />
        <Field form={form} name="text" label={w.label} type="textarea" rows={2} wide required />
        {kind === 'observation' && (
          <>
            <Field form={form} name="on_date" label="Date observed" type="date" />
            <Field form={form} name="setting" label="Setting" hint="Classroom, home, clinic…" />
          </>
        )}
      </Form>
    </Panel>
  );
}
