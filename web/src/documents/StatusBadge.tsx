/** A document's status (draft, in review, signed, sent) as a coloured badge. */
import { STATUS_LABELS, type DocumentView } from './types.js';

export function StatusBadge({ status }: { status: DocumentView['status'] }) {
  return <span className={`badge doc-${status}`}>{STATUS_LABELS[status] ?? status}</span>;
}
