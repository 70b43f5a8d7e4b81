/** Drafting a new document of a chosen kind for a case, from the case's findings. */
import { Link, useLocation } from 'wouter';
import { draftInput } from '../../../../src/contract/documents.js';
import { DOCUMENT_KIND_TITLES, DOCUMENT_KINDS } from '../../../../src/domain/documents/kinds.js';
import { api } from '../../api/client.js';
import type { CaseSummary } from '../../api/types.js';
import { useResource } from '../../components/Async.js';
import { Field } from '../../components/Field.js';
import { FieldProblem, Form, useForm } from '../../components/Form.js';
import type { DocumentView } from '../../documents/types.js';
import { useNotice } from '../../session.js';

export function NewDraft({ caseId }: { caseId: string }) {
  const [, navigate] = useLocation();
  const { showStatus } = useNotice();
  const { data: cases } = useResource(() => api.get<{ cases: CaseSummary[] }>('/api/cases', { status: 'open' }), []);
  const form = useForm({
    initial: { case_id: caseId, kind: 'ehcp-advice', level: '1' },
    schema: draftInput,
    toInput: ({ case_id, level, kind }) => {
      if (kind === 'marketing-letter') return { kind };
      if (!case_id) throw new FieldProblem('case_id', 'Choose the case this document is for.');
      return { kind, case_id, ...(kind === 'chaser' ? { level } : {}) };
    },
    onSubmit: async (input) => {
      const d = await api.post<DocumentView>('/api/documents', input);
      showStatus(`Drafted: ${d.title}.`);
      navigate(`/documents/${d.id}`);
    },
  });
  const theCase = form.values.case_id;
  const list = cases?.cases ?? [];
  const known = list.some((c) => c.id === theCase);
  return (
    <Form
      form={form}
      label="Draft a document"
      title="Draft a document"
      submitLabel="Draft"
      busyLabel="Drafting…"
      actions={
        theCase && (
          <Link href={`/cases/${theCase}/findings`} className="button-link">
            Findings of this case
          </Link>
        )
      }
    >
      <Field form={form} name="case_id" label="Case" type="select" wide>
        <option value="">Choose a case…</option>
        {theCase && !known && <option value={theCase}>This case</option>}
        {list.map((c) => (
          <option key={c.id} value={c.id}>
            {c.client_name}: {c.title || c.service_line}
          </option>
        ))}
      </Field>
      <Field form={form} name="kind" label="Kind of document" type="select" wide>
        {DOCUMENT_KINDS.map((k) => (
          <option key={k} value={k}>
            {DOCUMENT_KIND_TITLES[k]} ({k})
          </option>
        ))}
      </Field>
      {form.values.kind === 'chaser' && (
        <Field form={form} name="level" label="Reminder level" type="select" numeric>
          <option value="1">1: friendly reminder</option>
          <option value="2">2: second reminder</option>
          <option value="3">3: final notice</option>
        </Field>
      )}
    </Form>
  );
}
