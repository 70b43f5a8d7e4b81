/** The people at a client or an organisation: a list with an edit button each, and a form to add one. */
import { useState, type ReactNode } from 'react';
import { useNotice } from '../session.js';
import { Empty } from './Async.js';

export function ContactsPanel<C extends { id: string; name: string }>({
  headingId,
  title,
  addLabel,
  empty,
  contacts,
  describe,
  form,
  onChanged,
}: {
  headingId: string;
  title: string;
  addLabel: string;
  empty: string;
  contacts: C[];
  /** What is shown of a contact beside its name. */
  describe: (c: C) => ReactNode;
  /** The add form (no contact) or the edit form of one; `onSaved` closes it. */
  form: (contact: C | undefined, onSaved: (c: C) => void, onCancel: () => void) => ReactNode;
  onChanged: () => void;
}) {
  const { showStatus } = useNotice();
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const saved = (verb: string) => (c: C) => {
    setEditing(null);
    showStatus(`${verb} ${c.name}.`);
    onChanged();
  };
  const cancel = () => setEditing(null);
  return (
    <section className="panel" aria-labelledby={headingId}>
      <div className="panel-head">
        <h2 id={headingId}>{title}</h2>
        {editing !== 'new' && (
          <button type="button" className="secondary small" onClick={() => setEditing('new')}>
            {addLabel}
          </button>
        )}
      </div>
      {editing === 'new' && form(undefined, saved('Added'), cancel)}
      {contacts.length === 0 && editing !== 'new' && <Empty>{empty}</Empty>}
      <ul className="contact-list">
        {contacts.map((c) => (
          <li key={c.id} className="contact" aria-label={c.name}>
            {editing === c.id ? (
              form(c, saved('Saved'), cancel)
            ) : (
              <>
                <div className="contact-main">
                  <strong className="contact-name">{c.name}</strong>
                  {describe(c)}
                </div>
                <button type="button" className="secondary small" aria-label={`Edit ${c.name}`} onClick={() => setEditing(c.id)}>
                  Edit
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
