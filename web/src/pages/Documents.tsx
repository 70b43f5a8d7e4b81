/**
 * Documents: drafts and versions with their status, a new draft of a
 * chosen kind for a case, and one document beside its checks and "still needed" list, with
 * review, sign (refused by the server while a check reports an error), sent, and DOCX.
 * The preview is built from the document's blocks as React elements, so nothing recorded
 * can become markup.
 */
import { Fragment, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { DOCUMENT_KIND_TITLES, DOCUMENT_KINDS, type DocumentKind } from '../../../src/domain/documents/kinds.js';
import { api, messageOf } from '../api/client.js';
import type { CaseSummary } from '../api/types.js';
import { FormError, SelectField, TextArea, TextField } from '../components/Field.js';
import { blockText, CHECK_LABELS, placeholderText, STATUS_LABELS, type Block, type DocumentRow, type DocumentView } from '../documents/types.js';
import '../documents/documents.css';
import { ukDateTime } from '../format.js';
import { useNotice } from '../session.js';
import { useResource } from '../components/Async.js';

function StatusBadge({ status }: { status: DocumentView['status'] }) {
  return <span className={`badge doc-${status}`}>{STATUS_LABELS[status] ?? status}</span>;
}

export function DocumentsPage() {
  const search = new URLSearchParams(useSearch());
  const caseId = search.get('case') ?? '';
  const [status, setStatus] = useState('');
  const { data, loading } = useResource(
    () => api.get<DocumentRow[]>('/api/documents', { case_id: caseId || undefined, status: status || undefined }),
    [caseId, status],
  );
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
        {loading && !data ? (
          <p role="status">Loading documents…</p>
        ) : !data || data.length === 0 ? (
          <p className="empty">No documents yet.</p>
        ) : (
          <div className="table-wrap">
            <table className="table" aria-label="Documents">
              <thead>
                <tr>
                  <th scope="col">Document</th>
                  <th scope="col">Client</th>
                  <th scope="col">Status</th>
                  <th scope="col">Version</th>
                  <th scope="col">Last changed</th>
                  <th scope="col">Signed by</th>
                </tr>
              </thead>
              <tbody>
                {data.map((d) => (
                  <tr key={d.id}>
                    <td>
                      <Link href={`/documents/${d.id}`}>{d.title}</Link>
                      <div className="muted small">{d.kind}</div>
                    </td>
                    <td>{d.client_name ?? '—'}</td>
                    <td>
                      <StatusBadge status={d.status} />
                    </td>
                    <td>{d.version}</td>
                    <td className="nowrap">{ukDateTime(d.updated_at)}</td>
                    <td>{d.signed_by_name ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </section>
  );
}

function NewDraft({ caseId }: { caseId: string }) {
  const [, navigate] = useLocation();
  const { showStatus } = useNotice();
  const { data: cases } = useResource(() => api.get<{ cases: CaseSummary[] }>('/api/cases', { status: 'open' }), []);
  const [chosenCase, setChosenCase] = useState(caseId);
  const [kind, setKind] = useState<DocumentKind>('ehcp-advice');
  const [level, setLevel] = useState('1');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const theCase = chosenCase || caseId;
  const list = cases?.cases ?? [];
  const known = list.some((c) => c.id === theCase);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!theCase && kind !== 'marketing-letter') return setError('Choose the case this document is for.');
    setBusy(true);
    setError(null);
    try {
      const d = await api.post<DocumentView>('/api/documents', {
        kind,
        ...(kind !== 'marketing-letter' ? { case_id: theCase } : {}),
        ...(kind === 'chaser' ? { level: Number(level) } : {}),
      });
      showStatus(`Drafted: ${d.title}.`);
      navigate(`/documents/${d.id}`);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="panel" aria-labelledby="new-draft-h" onSubmit={(e) => void submit(e)}>
      <h2 id="new-draft-h">Draft a document</h2>
      <FormError message={error} />
      <div className="form-grid">
        <SelectField label="Case" wide value={theCase} onChange={(e) => setChosenCase(e.target.value)}>
          <option value="">Choose a case…</option>
          {theCase && !known && <option value={theCase}>This case</option>}
          {list.map((c) => (
            <option key={c.id} value={c.id}>
              {c.client_name}: {c.title || c.service_line}
            </option>
          ))}
        </SelectField>
        <SelectField label="Kind of document" wide value={kind} onChange={(e) => setKind(e.target.value as DocumentKind)}>
          {DOCUMENT_KINDS.map((k) => (
            <option key={k} value={k}>
              {DOCUMENT_KIND_TITLES[k]} ({k})
            </option>
          ))}
        </SelectField>
        {kind === 'chaser' && (
          <SelectField label="Reminder level" value={level} onChange={(e) => setLevel(e.target.value)}>
            <option value="1">1: friendly reminder</option>
            <option value="2">2: second reminder</option>
            <option value="3">3: final notice</option>
          </SelectField>
        )}
      </div>
      <div className="buttons">
        <button type="submit" className="primary" disabled={busy}>
          Draft
        </button>
        {theCase && (
          <Link href={`/cases/${theCase}/findings`} className="button-link">
            Findings of this case
          </Link>
        )}
      </div>
    </form>
  );
}

// ——— One document ———

export function DocumentPage({ id }: { id: string }) {
  const [version, setVersion] = useState<number | null>(null);
  const { data: d, loading, reload } = useResource(() => api.get<DocumentView>(`/api/documents/${id}`, { version: version ?? undefined }), [id, version]);
  // What an action answered: the document as it now is, shown without another request.
  const [override, setOverride] = useState<DocumentView | null>(null);
  const doc = override && override.id === id ? override : d;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const { showStatus } = useNotice();

  if (loading && !doc) return <p role="status">Loading the document…</p>;
  if (!doc) return <p className="empty">This document could not be opened.</p>;
  const current = doc.version === doc.current_version;
  const errors = doc.checks.filter((c) => c.severity === 'error');
  const warnings = doc.checks.filter((c) => c.severity === 'warning');

  /** Runs an action that answers with the document and shows the new state at once. */
  async function act(action: () => Promise<DocumentView>, message: string) {
    setBusy(true);
    setError(null);
    try {
      const next = await action();
      setOverride(next);
      setEditing(null);
      showStatus(message);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  }
  const editBlock = (blockId: string, text: string) =>
    act(() => api.patch<DocumentView>(`/api/documents/${id}/blocks`, { block_id: blockId, text }), `Block saved as version ${doc.current_version + 1}.`);

  /** Replaces one placeholder wherever it appears: one new version per block changed. */
  async function fillIn(label: string, value: string) {
    const token = placeholderText(label);
    const blocks = doc!.blocks.filter((b) => blockText(b).includes(token));
    await act(async () => {
      let last: DocumentView | null = null;
      for (const b of blocks)
        last = await api.patch<DocumentView>(`/api/documents/${id}/blocks`, { block_id: b.id, text: blockText(b).split(token).join(value) });
      if (!last) throw new Error('That item is no longer in the draft.');
      return last;
    }, `Filled in: ${label}.`);
  }

  const fileUrl = (format: string) => `/api/documents/${id}/file?format=${format}&version=${doc.version}`;
  return (
    <section aria-labelledby="doc-heading" className="document-page">
      <p className="crumbs">
        <Link href="/documents">Documents</Link>
        {doc.case_id && (
          <>
            {' › '}
            <Link href={`/cases/${doc.case_id}/findings`}>Findings of this case</Link>
          </>
        )}
      </p>
      <div className="page-head">
        <div>
          <h1 id="doc-heading">{doc.title}</h1>
          <p className="small">
            <StatusBadge status={doc.status} /> <span data-testid="doc-version">Version {doc.version}</span>
            {!current && <span className="muted"> (an earlier version; the current one is {doc.current_version})</span>}
            {doc.signed_by_name && doc.signed_at && (
              <span>
                {' '}
                · Signed by {doc.signed_by_name}, {ukDateTime(doc.signed_at)}
              </span>
            )}
            {doc.sent_at && <span> · Sent {ukDateTime(doc.sent_at)}</span>}
          </p>
        </div>
        <div className="buttons doc-actions">
          {current && doc.case_id && (doc.status === 'draft' || doc.status === 'in_review') && (
            <button
              type="button"
              className="secondary"
              disabled={busy}
              onClick={() => void act(() => api.post<DocumentView>(`/api/documents/${id}/redraft`), 'Redrafted from the findings as they are now.')}
            >
              Redraft from findings
            </button>
          )}
          {current && doc.status === 'draft' && (
            <button
              type="button"
              className="primary"
              disabled={busy}
              onClick={() => void act(() => api.post<DocumentView>(`/api/documents/${id}/review`), 'Moved to review.')}
            >
              Move to review
            </button>
          )}
          {current && doc.status === 'in_review' && (
            <button
              type="button"
              className="primary"
              disabled={busy}
              onClick={() =>
                void act(() => api.post<DocumentView>(`/api/documents/${id}/sign`, { content_hash: doc.content_hash }), `Signed version ${doc.version}.`)
              }
            >
              Sign
            </button>
          )}
          {current && doc.status === 'signed' && (
            <button
              type="button"
              className="primary"
              disabled={busy}
              onClick={() => void act(() => api.post<DocumentView>(`/api/documents/${id}/send`, {}), 'Marked as sent and logged in the correspondence.')}
            >
              Mark sent
            </button>
          )}
          <a className="button-link" href={fileUrl('docx')} download={`${doc.kind}-v${doc.version}.docx`}>
            Download DOCX
          </a>
          <a className="button-link" href={fileUrl('md')} download={`${doc.kind}-v${doc.version}.md`}>
            Markdown
          </a>
        </div>
      </div>
      <FormError message={error} />
      <div className="doc-layout">
        <article className="doc-preview" aria-label="Preview">
          <header className="doc-letterhead">
            <strong>{doc.letterhead.name}</strong>
            {doc.letterhead.lines.map((l, i) => (
              <span key={i}>{l}</span>
            ))}
          </header>
          {doc.running_header && <p className="muted small">{doc.running_header}</p>}
          {doc.status !== 'signed' && doc.status !== 'sent' && <p className="draft-banner">DRAFT — not for circulation</p>}
          <h2 className="doc-title">{doc.title}</h2>
          {doc.blocks.map((b) => (
            <BlockView
              key={b.id}
              b={b}
              flagged={doc.checks.filter((c) => c.block_id === b.id)}
              editable={current && (doc.status === 'draft' || doc.status === 'in_review')}
              editing={editing === b.id}
              busy={busy}
              onEdit={() => setEditing(b.id)}
              onCancel={() => setEditing(null)}
              onSave={(text) => void editBlock(b.id, text)}
            />
          ))}
        </article>
        <aside className="doc-side" aria-label="Checks and still needed">
          <section className="panel" aria-labelledby="checks-h">
            <h2 id="checks-h">Checks</h2>
            {doc.checks.length === 0 ? (
              <p className="ok-line" data-testid="checks-clear">
                Every check passes.
              </p>
            ) : (
              <>
                <p className="small">
                  {errors.length} error{errors.length === 1 ? '' : 's'} (must be fixed before signing), {warnings.length} warning
                  {warnings.length === 1 ? '' : 's'}.
                </p>
                <ul className="checks" aria-label="Check results">
                  {[...errors, ...warnings].map((c, i) => (
                    <li key={i} className={c.severity} data-check={c.check}>
                      <strong>{c.severity === 'error' ? 'Error' : 'Warning'}</strong> · {CHECK_LABELS[c.check] ?? c.check}: {c.message}
                      {c.text && <div className="muted small check-text">{c.text}</div>}
                      {c.block_id && (
                        <a href={`#block-${c.block_id}`} className="small">
                          Go to the paragraph
                        </a>
                      )}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
          <section className="panel" aria-labelledby="needed-h">
            <h2 id="needed-h">Still needed</h2>
            {doc.still_needed.length === 0 ? (
              <p className="ok-line">Nothing is missing.</p>
            ) : (
              <>
                <p className="muted small">Record these in the findings and redraft, or fill one in here (this draft only).</p>
                <ul className="still-needed-list" aria-label="Still needed">
                  {doc.still_needed.map((n) => (
                    <StillNeededItem
                      key={n.field}
                      label={n.label}
                      field={n.field}
                      caseId={doc.case_id}
                      canFill={current && (doc.status === 'draft' || doc.status === 'in_review')}
                      busy={busy}
                      onFill={(v) => void fillIn(n.label, v)}
                    />
                  ))}
                </ul>
              </>
            )}
          </section>
          <section className="panel" aria-labelledby="versions-h">
            <h2 id="versions-h">Versions</h2>
            <ol className="versions" aria-label="Versions">
              {[...doc.versions].reverse().map((v) => (
                <li key={v.version}>
                  <button
                    type="button"
                    className="link"
                    aria-current={v.version === doc.version ? 'true' : undefined}
                    onClick={() => {
                      setOverride(null);
                      setVersion(v.version === doc.current_version ? null : v.version);
                      reload();
                    }}
                  >
                    Version {v.version}
                  </button>{' '}
                  <StatusBadge status={v.status} />
                  <div className="muted small">
                    {v.change} · {ukDateTime(v.created_at)}
                    {v.signed_by_name ? ` · signed by ${v.signed_by_name}` : ''}
                  </div>
                  {(v.status === 'signed' || v.status === 'sent') && <div className="muted small hash">SHA-256 {v.content_hash}</div>}
                </li>
              ))}
            </ol>
          </section>
        </aside>
      </div>
    </section>
  );
}

const PLACEHOLDER = /(\[STILL NEEDED: [^\]]*\])/;

/** Text with each placeholder marked, as plain React text (never HTML). */
function Marked({ text }: { text: string }) {
  const parts = text.split(PLACEHOLDER);
  return (
    <>
      {parts.map((p, i) =>
        i % 2 === 1 ? (
          <mark key={i} className="still-needed">
            {p}
          </mark>
        ) : (
          <Fragment key={i}>
            {p.split('\n').map((line, j) => (
              <Fragment key={j}>
                {j > 0 && <br />}
                {line}
              </Fragment>
            ))}
          </Fragment>
        ),
      )}
    </>
  );
}

function BlockView(props: {
  b: Block;
  flagged: DocumentView['checks'];
  editable: boolean;
  editing: boolean;
  busy: boolean;
  onEdit: () => void;
  onCancel: () => void;
  onSave: (text: string) => void;
}) {
  const { b, flagged, editable, editing } = props;
  const [text, setText] = useState(blockText(b));
  const cls = [
    'doc-block',
    flagged.some((f) => f.severity === 'error') ? 'flag-error' : flagged.length ? 'flag-warning' : '',
    b.composed_by === 'clinician' ? 'by-clinician' : '',
  ]
    .filter(Boolean)
    .join(' ');
  let body: ReactNode;
  switch (b.type) {
    case 'heading':
      body = b.level === 2 ? <h4>{<Marked text={b.text ?? ''} />}</h4> : <h3>{<Marked text={b.text ?? ''} />}</h3>;
      break;
    case 'paragraph':
      body = (
        <p>
          <Marked text={b.text ?? ''} />
        </p>
      );
      break;
    case 'list':
      body = (
        <ul>
          {(b.items ?? []).map((it, i) => (
            <li key={i}>
              <Marked text={it} />
            </li>
          ))}
        </ul>
      );
      break;
    case 'table':
    case 'fields':
      body = (
        <div className="table-wrap">
          <table className="doc-table">
            {b.header && (
              <thead>
                <tr>
                  {b.header.map((h, i) => (
                    <th key={i} scope="col">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
            )}
            <tbody>
              {(b.rows ?? []).map((r, i) => (
                <tr key={i}>
                  {r.map((cell, j) =>
                    b.type === 'fields' && j === 0 ? (
                      <th key={j} scope="row">
                        {cell}
                      </th>
                    ) : (
                      <td key={j}>
                        <Marked text={cell} />
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
      break;
  }
  return (
    <div className={cls} id={`block-${b.id}`} data-block={b.id} title={b.sources.length ? `From: ${b.sources.join(', ')}` : undefined}>
      {editing ? (
        <form
          className="subform"
          aria-label={`Edit block ${b.id}`}
          onSubmit={(e) => {
            e.preventDefault();
            props.onSave(text);
          }}
        >
          <TextArea
            label={b.type === 'table' || b.type === 'fields' ? 'Rows, one a line, cells separated by |' : b.type === 'list' ? 'Items, one a line' : 'Text'}
            wide
            rows={Math.min(12, Math.max(3, text.split('\n').length + 1))}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <div className="buttons">
            <button type="submit" className="primary small" disabled={props.busy}>
              Save as a new version
            </button>
            <button
              type="button"
              className="secondary small"
              onClick={() => {
                setText(blockText(b));
                props.onCancel();
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <>
          {body}
          {editable && b.type !== 'heading' && (
            <button
              type="button"
              className="link small block-edit"
              aria-label={`Edit block ${b.id}`}
              onClick={() => {
                setText(blockText(b));
                props.onEdit();
              }}
            >
              Edit
            </button>
          )}
        </>
      )}
    </div>
  );
}

function StillNeededItem({
  label,
  field,
  caseId,
  canFill,
  busy,
  onFill,
}: {
  label: string;
  field: string;
  caseId: string | null;
  canFill: boolean;
  busy: boolean;
  onFill: (value: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState('');
  return (
    <li data-field={field}>
      <span>{label}</span>{' '}
      {caseId && field.startsWith('note:') && (
        <Link href={`/cases/${caseId}/findings`} className="small">
          Record in findings
        </Link>
      )}{' '}
      {canFill && !open && (
        <button type="button" className="link small" aria-label={`Fill in ${label}`} onClick={() => setOpen(true)}>
          Fill in
        </button>
      )}
      {open && (
        <form
          className="fill-in"
          aria-label={`Fill in ${label}`}
          onSubmit={(e) => {
            e.preventDefault();
            if (value.trim()) onFill(value.trim());
          }}
        >
          <TextField label={label} value={value} onChange={(e) => setValue(e.target.value)} autoFocus />
          <div className="buttons">
            <button type="submit" className="primary small" disabled={busy || !value.trim()}>
              Put in the draft
            </button>
            <button type="button" className="secondary small" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </li>
  );
}
