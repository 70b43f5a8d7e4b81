/** The narrative fields of the findings: background, views and the assessment in groups, and any other field a document asks for. */
import { z } from 'zod';
import { noteInput } from '../../../../src/contract/findings.js';
import { NOTE_FIELDS, NOTE_KEYS, type NoteKey } from '../../../../src/domain/documents/notes.js';
import { request } from '../../api/client.js';
import { Field } from '../../components/Field.js';
import { Form, useForm } from '../../components/Form.js';
import { Panel } from '../../components/Panel.js';
import { useNotice } from '../../session.js';

export const NOTE_GROUPS: { title: string; keys: NoteKey[] }[] = [
  { title: 'Background and history', keys: ['reason_for_referral', 'bg.medical', 'bg.developmental', 'bg.social', 'bg.education', 'bg.previous_input'] },
  { title: 'Views', keys: ['views.child', 'views.parents'] },
  { title: 'The assessment', keys: ['purpose', 'method', 'documents_read', 'people_spoken_to', 'validity', 'strengths', 'tried', 'formulation', 'limits'] },
];
const GROUPED = new Set<string>(NOTE_GROUPS.flatMap((g) => g.keys));

const putNote = (caseId: string, key: string, text: string) => request('PUT', `/api/cases/${caseId}/findings/notes`, { body: { key, text } });

export function NoteGroup({
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
  const { showStatus } = useNotice();
  const form = useForm({
    initial: () => Object.fromEntries(keys.map((k) => [k, notes[k] ?? ''])),
    schema: z.object(Object.fromEntries(keys.map((k) => [k, noteInput.shape.text.optional()]))),
    onSubmit: async (_input, values) => {
      for (const k of keys) if (values[k] !== (notes[k] ?? '')) await putNote(caseId, k, String(values[k]));
      showStatus(`${title}: saved.`);
      onSaved();
    },
  });
  const changed = keys.some((k) => form.values[k] !== (notes[k] ?? ''));
  return (
    <Form form={form} label={title} title={title} className="panel form-grid" submitLabel={`Save ${title.toLowerCase()}`} disabled={!changed}>
      {keys.map((k) => (
        <Field key={k} form={form} name={k} label={NOTE_FIELDS[k]} type="textarea" wide />
      ))}
    </Form>
  );
}

/** Any other narrative field a document kind asks for (PD35 items, DFG, workplace…). */
export function OtherNotes({ caseId, notes, onSaved }: { caseId: string; notes: Record<string, string>; onSaved: () => void }) {
  const { showStatus } = useNotice();
  const others = NOTE_KEYS.filter((k) => !GROUPED.has(k));
  const recorded = others.filter((k) => notes[k]);
  const form = useForm({
    initial: { key: others[0]!, text: notes[others[0]!] ?? '' },
    schema: noteInput,
    blanks: 'empty',
    onSubmit: async (input) => {
      await putNote(caseId, input.key, input.text);
      showStatus(`${NOTE_FIELDS[input.key as NoteKey] ?? input.key}: saved.`);
      onSaved();
    },
  });
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
      <Form
        form={form}
        label="Record another narrative field"
        className="form-grid"
        submitLabel="Save field"
        submitClassName="secondary"
        disabled={form.values.text === (notes[form.values.key] ?? '')}
      >
        <Field form={form} name="key" label="Field" type="select" wide onValueChange={(k) => form.set('text', notes[String(k)] ?? '')}>
          {others.map((k) => (
            <option key={k} value={k}>
              {NOTE_FIELDS[k]}
            </option>
          ))}
        </Field>
        <Field form={form} name="text" label="Text" type="textarea" wide hint="Empty text removes the field." />
      </Form>
    </Panel>
  );
}
