/** Standardised assessments: each score as the measure reports it, and a form to add one. */
import { useState } from 'react';
import { assessmentInput } from '../../../../src/contract/findings.js';
import { formatScore, METRIC_SCALES, SCORE_METRICS, type ScoreMetric } from '../../../../src/domain/outcomes/scores.js';
import { api } from '../../api/client.js';
import { Field } from '../../components/Field.js';
import { Form, useForm } from '../../components/Form.js';
import { Panel } from '../../components/Panel.js';
import { Table } from '../../components/Table.js';
import { UkDate } from '../../components/UkDate.js';
import type { Assessment } from '../../documents/types.js';
import { useNotice } from '../../session.js';
import { AreaField } from './AreaField.js';
import { DeleteButton } from './DeleteButton.js';

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

const isMetric = (m: string): m is ScoreMetric => (SCORE_METRICS as readonly string[]).includes(m);

export function Assessments({ caseId, rows, adultFirst, onSaved }: { caseId: string; rows: Assessment[]; adultFirst: boolean; onSaved: () => void }) {
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
      <Table
        label="Assessments"
        rows={rows}
        rowKey={(a) => a.id}
        empty="No standardised assessments recorded."
        columns={[
          { header: 'Measure', cell: (a) => `${a.test_name}${a.edition ? ` (${a.edition})` : ''}${a.subtest ? `: ${a.subtest}` : ''}` },
          { header: 'Score', cell: (a) => (isMetric(a.metric) ? formatScore({ ...a, metric: a.metric }) : '—') },
          { header: 'Band', cell: (a) => a.band ?? '—' },
          { header: 'Test date', cell: (a) => <UkDate iso={a.test_date} />, className: 'nowrap' },
          { header: 'Examiner', cell: (a) => [a.examiner, a.examiner_qualification].filter(Boolean).join(', ') || '—' },
          {
            header: <span className="visually-hidden">Actions</span>,
            className: 'actions',
            cell: (a) => <DeleteButton kind="assessment" id={a.id} what={`assessment ${a.test_name}${a.subtest ? ` ${a.subtest}` : ''}`} onDone={onSaved} />,
          },
        ]}
      />
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
  const { showStatus } = useNotice();
  const form = useForm({
    initial: {
      test_name: '',
      edition: '',
      subtest: '',
      metric: 'standard',
      derived_score: '',
      raw_score: '',
      mean: '',
      sd: '',
      percentile: '',
      ci_low: '',
      ci_high: '',
      band: '',
      test_date: '',
      examiner: '',
      examiner_qualification: '',
      area: '',
      interpretation: '',
    },
    schema: assessmentInput,
    blanks: 'null',
    onSubmit: async (input) => {
      await api.post(`/api/cases/${caseId}/findings/assessment`, input);
      showStatus('Assessment added.');
      onDone(true);
    },
  });
  const metric = isMetric(form.values.metric) ? form.values.metric : 'standard';
  const scale = METRIC_SCALES[metric];
  const hasDerived = !['raw', 'descriptive', 'percentile_only'].includes(metric);
  return (
    <Form
      form={form}
      label="Add assessment"
      title="Add a standardised assessment"
      titleLevel={3}
      className="subform form-grid"
      submitLabel="Save assessment"
      disabled={!form.values.test_name.trim()}
      onCancel={() => onDone(false)}
    >
      <Field form={form} name="test_name" label="Measure" required hint="e.g. Movement ABC-3, BOT-2, Beery VMI" />
      <Field form={form} name="edition" label="Edition" />
      <Field form={form} name="subtest" label="Subtest or index" />
      <Field form={form} name="metric" label="Score type" type="select">
        {SCORE_METRICS.map((m) => (
          <option key={m} value={m}>
            {METRIC_LABELS[m]}
          </option>
        ))}
      </Field>
      {hasDerived && <Field form={form} name="derived_score" label={`Score (${scale.label})`} type="number" />}
      <Field form={form} name="raw_score" label="Raw score" type="number" />
      {hasDerived && (
        <>
          <Field form={form} name="mean" label="Mean" type="number" hint={scale.mean !== null ? `Leave blank for ${scale.mean}` : undefined} />
          <Field form={form} name="sd" label="SD" type="number" hint={scale.sd !== null ? `Leave blank for ${scale.sd}` : undefined} />
        </>
      )}
      <Field form={form} name="percentile" label="Percentile" type="number" hint="As the manual gives it; never worked out by Steve." />
      <Field form={form} name="ci_low" label="Confidence interval from" type="number" />
      <Field form={form} name="ci_high" label="Confidence interval to" type="number" />
      <Field form={form} name="band" label="Descriptive band" hint="The publisher's own words" />
      <Field form={form} name="test_date" label="Test date" type="date" />
      <Field form={form} name="examiner" label="Examiner" />
      <Field form={form} name="examiner_qualification" label="Examiner's qualification" />
      <AreaField form={form} adultFirst={adultFirst} />
      <Field form={form} name="interpretation" label="Interpretation" type="textarea" rows={2} wide />
    </Form>
  );
}
