/**
 * The global search: clients (caseload-filtered by the server) and organisations, as an
 * ARIA combobox. Arrow keys move through results, Enter opens one, Escape closes.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useLocation } from 'wouter';
import { ORGANISATION_KIND_LABELS, type OrganisationKind } from '../../../src/domain/vocabulary.js';
import { api } from '../api/client.js';
import type { ClientRow, OrgRow } from '../api/types.js';
import { ukDate } from '../format.js';

interface Result {
  key: string;
  href: string;
  title: string;
  detail: string;
  group: 'Clients' | 'Organisations';
}

export function SearchBox() {
  const id = useId();
  const [, navigate] = useLocation();
  const [q, setQ] = useState('');
  const [results, setResults] = useState<Result[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState('');
  const seq = useRef(0);

  useEffect(() => {
    const term = q.trim();
    if (term.length < 2) {
      setResults([]);
      setStatus('');
      return;
    }
    const mine = ++seq.current;
    const timer = setTimeout(() => {
      api.get<{ clients: ClientRow[]; organisations: OrgRow[] }>('/api/search', { q: term }).then(
        (r) => {
          if (mine !== seq.current) return;
          const list: Result[] = [
            ...r.clients.slice(0, 8).map((c) => ({
              key: `c-${c.id}`,
              href: `/clients/${c.id}`,
              title: c.name,
              detail: `Born ${ukDate(c.dob)}${c.postcode ? ` · ${c.postcode}` : ''}`,
              group: 'Clients' as const,
            })),
            ...r.organisations.slice(0, 5).map((o) => ({
              key: `o-${o.id}`,
              href: `/organisations/${o.id}`,
              title: o.name,
              detail: ORGANISATION_KIND_LABELS[o.kind as OrganisationKind] ?? o.kind,
              group: 'Organisations' as const,
            })),
          ];
          setResults(list);
          setActive(list.length ? 0 : -1);
          setOpen(true);
          setStatus(list.length ? `${list.length} result${list.length === 1 ? '' : 's'}` : 'Nothing found');
        },
        () => {
          if (mine !== seq.current) return;
          setResults([]);
          setStatus('Search is not available just now');
          setOpen(true);
        },
      );
    }, 200);
    return () => clearTimeout(timer);
  }, [q]);

  function go(r: Result) {
    setOpen(false);
    setQ('');
    setResults([]);
    navigate(r.href);
  }

  function onKey(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => (results.length ? (a + 1) % results.length : -1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => (results.length ? (a - 1 + results.length) % results.length : -1));
    } else if (e.key === 'Enter') {
      const r = results[active];
      if (open && r) {
        e.preventDefault();
        go(r);
      }
    } else if (e.key === 'Escape') {
      setOpen(false);
    }
  }

  const listId = `${id}-results`;
  const showList = open && q.trim().length >= 2;
  let lastGroup = '';
  return (
    <div className="search" role="search">
      <label htmlFor={`${id}-q`} className="visually-hidden">
        Search clients and organisations
      </label>
      <input
        id={`${id}-q`}
        type="search"
        role="combobox"
        placeholder="Search clients and organisations"
        autoComplete="off"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && active >= 0 ? `${id}-opt-${active}` : undefined}
        value={q}
        onChange={(e) => {
          setQ(e.target.value);
          setOpen(true);
        }}
        onKeyDown={onKey}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      <span className="visually-hidden" role="status">
        {status}
      </span>
      <ul id={listId} role="listbox" aria-label="Search results" className="search-results" hidden={!showList}>
        {results.map((r, i) => {
          const heading = r.group !== lastGroup;
          lastGroup = r.group;
          return (
            <li
              key={r.key}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                go(r);
              }}
              onMouseEnter={() => setActive(i)}
            >
              {heading && <span className="group">{r.group}</span>}
              <span className="title">{r.title}</span>
              <span className="detail">{r.detail}</span>
            </li>
          );
        })}
        {results.length === 0 && <li className="empty">{status || 'Searching…'}</li>}
      </ul>
    </div>
  );
}
