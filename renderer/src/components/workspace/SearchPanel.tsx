// Full-text search in the tree panel: the results replace the tree while there is a query.
// Ctrl+K or Ctrl+Shift+F focuses the box; Down moves into the results; Enter opens a hit at its
// line; Escape clears the search and goes back to the tree.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { SearchHit } from '../../../../electron/ipc/contract/workspace.ts';
import { useCairn } from '../../state/store.ts';

export function SearchBox({ onLeave }: { onLeave(): void }) {
  const query = useCairn((s) => s.searchQuery);
  const search = useCairn((s) => s.search);
  const focus = useCairn((s) => s.searchFocus);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (focus > 0) input.current?.select();
  }, [focus]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || (event.key === 'Enter' && query.trim())) {
      event.preventDefault();
      const first = document.querySelector<HTMLButtonElement>('.search-hit');
      if (event.key === 'Enter') first?.click();
      else first?.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      void search('');
      onLeave();
    }
  };

  return (
    <div className="search-box">
      <label htmlFor="workspace-search" className="visually-hidden">
        Search specs
      </label>
      <input
        id="workspace-search"
        ref={input}
        type="search"
        placeholder="Search specs (Ctrl+K)"
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(e) => void search(e.target.value)}
        onKeyDown={onKeyDown}
        aria-controls={query.trim() ? 'search-results' : undefined}
      />
    </div>
  );
}

export function SearchResults() {
  const hits = useCairn((s) => s.searchHits);
  const state = useCairn((s) => s.searchState);
  const error = useCairn((s) => s.searchError);
  const elapsed = useCairn((s) => s.searchMs);
  const indexState = useCairn((s) => s.index.state);
  const openDocument = useCairn((s) => s.openDocument);
  const files = new Set(hits.map((h) => h.path)).size;

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('.search-hit')];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = event.key === 'ArrowDown' ? at + 1 : at - 1;
    if (next < 0) document.getElementById('workspace-search')?.focus();
    else buttons[Math.min(next, buttons.length - 1)]?.focus();
  };

  return (
    <div className="search-results" id="search-results">
      <p className="muted small" aria-live="polite">
        {state === 'error'
          ? null
          : state === 'searching' && hits.length === 0
            ? indexState === 'building'
              ? 'Indexing the workspace…'
              : 'Searching…'
            : hits.length === 0
              ? 'No matches.'
              : `${hits.length}${hits.length >= 100 ? '+' : ''} ${hits.length === 1 ? 'match' : 'matches'} in ${files} ${files === 1 ? 'file' : 'files'}${elapsed !== null ? ` · ${Math.max(1, Math.round(elapsed))} ms` : ''}`}
      </p>
      {error && (
        <p className="error" role="alert">
          {error.message}
        </p>
      )}
      <ul aria-label="Search results" onKeyDown={onKeyDown}>
        {hits.map((hit) => (
          <li key={`${hit.path}:${hit.line}`}>
            <button
              type="button"
              className="search-hit"
              onClick={() => void openDocument(hit.path, { line: hit.line })}
            >
              <span className="hit-where">
                {hit.path}:{hit.line}
              </span>
              <Snippet hit={hit} />
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Snippet({ hit }: { hit: SearchHit }) {
  const parts: { text: string; mark: boolean }[] = [];
  let at = 0;
  for (const mark of hit.marks) {
    if (mark.start > at) parts.push({ text: hit.snippet.slice(at, mark.start), mark: false });
    parts.push({ text: hit.snippet.slice(mark.start, mark.end), mark: true });
    at = mark.end;
  }
  if (at < hit.snippet.length) parts.push({ text: hit.snippet.slice(at), mark: false });
  return (
    <span className="hit-snippet">
      {parts.map((p, i) =>
        p.mark ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>,
      )}
    </span>
  );
}
