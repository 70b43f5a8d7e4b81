/** Deletes one finding (an item, assessment, goal or provision line) and says so. */
import { api } from '../../api/client.js';
import { useNotice } from '../../session.js';

export function DeleteButton({ kind, id, what, onDone }: { kind: string; id: string; what: string; onDone: () => void }) {
  const { showStatus, showError } = useNotice();
  return (
    <button
      type="button"
      className="link small delete"
      aria-label={`Delete ${what}`}
      onClick={() =>
        void api.delete(`/api/findings/${kind}/${id}`).then(
          () => {
            showStatus('Deleted.');
            onDone();
          },
          (e: unknown) => showError(e),
        )
      }
    >
      Delete
    </button>
  );
}
