/**
 * One document beside its checks and "still needed" list, with review, sign (refused by the
 * server while a check reports an error), sent, and DOCX; earlier versions can be opened.
 */
import { useState } from 'react';
import { Link } from 'wouter';
import { api, messageOf } from '../../api/client.js';
import { Async, useResource } from '../../components/Async.js';
import { FormError } from '../../components/Form.js';
import { StatusBadge } from '../../documents/StatusBadge.js';
import { blockText, CHECK_LABELS, placeholderText, type DocumentView } from '../../documents/types.js';
import '../../documents/documents.css';
import { ukDateTime } from '../../format.js';
import { useNotice } from '../../session.js';
import { BlockView } from './BlockView.js';
import { StillNeededItem } from './StillNeededItem.js';

export function DocumentPage({ id }: { id: string }) {
  const [version, setVersion] = useState<number | null>(null);
  const loaded = useResource(() => api.get<DocumentView>(`/api/documents/${id}`, { version: version ?? undefined }), [id, version]);
  // What an action answered: the document as it now is, shown without another request.
  const [override, setOverride] = useState<DocumentView | null>(null);
  const shown = override && override.id === id ? override : loaded.data;
  return (
    <Async resource={{ ...loaded, data: shown }} loading="Loading the document…" failed="This document could not be opened.">
      {(doc) => (
        <OneDocument
          doc={doc}
          onShow={(next) => setOverride(next)}
          onVersion={(v) => {
            setOverride(null);
            setVersion(v);
            loaded.reload();
          }}
        />
      )}
    </Async>
  );
}

function OneDocument({ doc, onShow, onVersion }: { doc: DocumentView; onShow: (d: DocumentView) => void; onVersion: (v: number | null) => void }) {
  const id = doc.id;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const { showStatus } = useNotice();
  const current = doc.version === doc.current_version;
  const errors = doc.checks.filter((c) => c.severity === 'error');
  const warnings = doc.checks.filter((c) => c.severity === 'warning');

  /** Runs an action that answers with the document and shows the new state at once. */
  async function act(action: () => Promise<DocumentView>, message: string) {
    setBusy(true);
    setError(null);
    try {
      const next = await action();
      onShow(next);
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
    const blocks = doc.blocks.filter((b) => blockText(b).includes(token));
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
                · Signed by {doc.signature
                  ? `${doc.signature.name} (${doc.signature.qualifications}; HCPC ${doc.signature.hcpc_number})`
                  : doc.signed_by_name}, {ukDateTime(doc.signed_at)}
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
                    onClick={() => onVersion(v.version === doc.current_version ? null : v.version)}
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
