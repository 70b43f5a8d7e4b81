/**
 * Documents: drafts and versions with their status, and a new draft of a chosen kind for a
 * case. One document is on its own page (documents/DocumentPage.tsx).
 */
import { useState } from 'react';
import { Link, useSearch } from 'wouter';
import { api } from '../api/client.js';
import { Async, useResource } from '../components/Async.js';
import { SelectField } from '../components/Field.js';
import { Table } from '../components/Table.js';
import { StatusBadge } from '../documents/StatusBadge.js';
import { STATUS_LABELS, type DocumentRow } from '../documents/types.js';
import '../documents/documents.css';
import { ukDateTime } from '../format.js';
import { NewDraft } from './documents/NewDraft.js';

export { DocumentPage } from './documents/DocumentPage.js';

export function DocumentsPage() {
  const search = new URLSearchParams(useSearch());
  const caseId = search.get('case') ?? '';
  const [status, setStatus] = useState('');
  const docs = useResource(() => api.get<DocumentRow[]>('/api/documents', { case_id: caseId || undefined, status: status || undefined }), [caseId, status]);
  return (
    <section aria-labelledby="docs-heading">
      <div className="page-head">
        <h1 id="docs-heading">Documents</h1>
      </div>
      <NewDraft caseId={caseId} />
      <div className="panel">
        <div className="panel-head">
          <h2>{caseId ? 'Documents for this case' : 'Drafts and versions'}</h2>
          {caseId && <Link href="/documents">Show every case</Link>}
        </div>
        <div className="filters">
          <SelectField label="Status" value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">Any status</option>
            {Object.entries(STATUS_LABELS).map(([k, l]) => (
              <option key={k} value={k}>
                {l}
              </option>
            ))}
          </SelectField>
        </div>
        <Async resource={docs} loading="Loading documents…">
          {(data) => (
            <Table
              label="Documents"
              rows={data}
              rowKey={(d) => d.id}
              empty="No documents yet."
              columns={[
                {
                  header: 'Document',
                  cell: (d) => (
                    <>
                      <Link href={`/documents/${d.id}`}>{d.title}</Link>
                      <div className="muted small">{d.kind}</div>
                    </>
                  ),
                },
                { header: 'Client', cell: (d) => d.client_name ?? '—' },
                { header: 'Status', cell: (d) => <StatusBadge status={d.status} /> },
                { header: 'Version', cell: (d) => d.version },
                { header: 'Last changed', cell: (d) => (d.updated_at ? ukDateTime(d.updated_at) : '—'), className: 'nowrap' },
                { header: 'Signed by', cell: (d) => d.signed_by_name ?? '—' },
              ]}
            />
          )}
        </Async>
      </div>
    </section>
  );
}
