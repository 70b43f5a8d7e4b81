/** One block of a document's preview, built as React elements so nothing recorded can become markup, with its edit form. */
import { Fragment, type ReactNode } from 'react';
import { editBlockInput } from '../../../../src/contract/documents.js';
import { Field } from '../../components/Field.js';
import { Form, useForm } from '../../components/Form.js';
import { blockText, type Block, type DocumentView } from '../../documents/types.js';

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

export function BlockView(props: {
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
        <BlockEditForm b={b} busy={props.busy} onSave={props.onSave} onCancel={props.onCancel} />
      ) : (
        <>
          {body}
          {editable && b.type !== 'heading' && (
            <button type="button" className="link small block-edit" aria-label={`Edit block ${b.id}`} onClick={props.onEdit}>
              Edit
            </button>
          )}
        </>
      )}
    </div>
  );
}

function BlockEditForm({ b, busy, onSave, onCancel }: { b: Block; busy: boolean; onSave: (text: string) => void; onCancel: () => void }) {
  const form = useForm({
    initial: { block_id: b.id, text: blockText(b) },
    schema: editBlockInput,
    blanks: 'empty',
    onSubmit: (input) => onSave(input.text),
  });
  const label = b.type === 'table' || b.type === 'fields' ? 'Rows, one a line, cells separated by |' : b.type === 'list' ? 'Items, one a line' : 'Text';
  return (
    <Form
      form={form}
      label={`Edit block ${b.id}`}
      className="subform"
      submitLabel="Save as a new version"
      submitClassName="primary small"
      disabled={busy}
      actions={
        <button type="button" className="secondary small" onClick={onCancel}>
          Cancel
        </button>
      }
    >
      <Field form={form} name="text" label={label} type="textarea" wide rows={Math.min(12, Math.max(3, form.values.text.split('\n').length + 1))} />
    </Form>
  );
}
