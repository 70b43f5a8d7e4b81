/** Provision lines of a plan: what, who, how often and how long, group or 1:1, where, and when it is reviewed (EHCP-F-01). */
import { useState } from 'react';
import { provisionInput } from '../../../../src/contract/findings.js';
import { api } from '../../api/client.js';
import { Field } from '../../components/Field.js';
import { Form, useForm } from '../../components/Form.js';
import { Panel } from '../../components/Panel.js';
import { Table } from '../../components/Table.js';
import type { ProvisionLine } from '../../documents/types.js';
import { useNotice } from '../../session.js';
import { DeleteButton } from './DeleteButton.js';

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

export function Provision({ caseId, rows, onSaved }: { caseId: string; rows: ProvisionLine[]; onSaved: () => void }) {
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
      <Table
        label="Provision lines"
        rows={rows}
        rowKey={(p) => p.id}
        empty="No provision lines recorded."
        columns={[
          { header: 'Section', cell: (p) => p.section },
          { header: 'What', cell: (p) => p.what },
          { header: 'Who', cell: (p) => (p.who ? `${p.who}${p.qualification ? ` (${p.qualification})` : ''}` : '—') },
          {
            header: 'How often and how long',
            cell: (p) => [p.frequency, p.duration, p.programme_length ? `for ${p.programme_length}` : null].filter(Boolean).join(', ') || '—',
          },
          { header: 'Group or 1:1', cell: (p) => p.group_size ?? '—' },
          { header: 'Direct or indirect', cell: (p) => p.delivery ?? '—' },
          { header: 'Where', cell: (p) => p.location ?? '—' },
          { header: 'Review', cell: (p) => p.review ?? '—' },
          {
            header: <span className="visually-hidden">Actions</span>,
            className: 'actions',
            cell: (p) => (
              <>
                <button type="button" className="link small" aria-label={`Edit provision “${p.what.slice(0, 40)}”`} onClick={() => setEditing(p.id)}>
                  Edit
                </button>
                <DeleteButton kind="provision" id={p.id} what={`provision “${p.what.slice(0, 40)}”`} onDone={onSaved} />
              </>
            ),
          },
        ]}
      />
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

function ProvisionForm({ caseId, line, onDone }: { caseId: string; line: ProvisionLine | null; onDone: (saved: boolean) => void }) {
  const { showStatus } = useNotice();
  const form = useForm({
    initial: {
      section: line?.section ?? 'F',
      delivery: line?.delivery ?? '',
      need_ref: line?.need_ref ?? '',
      what: line?.what ?? '',
      who: line?.who ?? '',
      qualification: line?.qualification ?? '',
      frequency: line?.frequency ?? '',
      duration: line?.duration ?? '',
      programme_length: line?.programme_length ?? '',
      group_size: line?.group_size ?? '',
      location: line?.location ?? '',
      review: line?.review ?? '',
    },
    schema: provisionInput,
    blanks: 'null',
    onSubmit: async (input) => {
      await api.save(line && `/api/findings/provision/${line.id}`, `/api/cases/${caseId}/findings/provision`, input);
      showStatus(line ? 'Provision line saved.' : 'Provision line added.');
      onDone(true);
    },
  });
  const title = line ? 'Edit provision line' : 'Add provision line';
  return (
    <Form
      form={form}
      label={title}
      title={title}
      titleLevel={3}
      className="subform form-grid"
      submitLabel="Save provision line"
      disabled={!form.values.what.trim()}
      onCancel={() => onDone(false)}
    >
      <Field form={form} name="section" label="Plan section" type="select">
        <option value="F">F: special educational provision</option>
        <option value="G">G: health provision</option>
        <option value="H">H: social care provision</option>
      </Field>
      {PROVISION_FIELDS.map(([k, label, hint]) => (
        <Field key={k} form={form} name={k} label={label} hint={hint} wide={k === 'what'} required={k === 'what'} />
      ))}
      <Field form={form} name="delivery" label="Direct or indirect" type="select">
        <option value="">Not said</option>
        <option value="direct">Direct</option>
        <option value="indirect">Indirect</option>
      </Field>
    </Form>
  );
}
