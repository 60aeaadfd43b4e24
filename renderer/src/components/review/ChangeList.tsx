import { useMemo } from 'react';
import type { ReviewChange } from '../../../../electron/ipc/contract/review.ts';
import { RequirementChangeCard } from './RequirementChangeCard.tsx';

export type Kind = ReviewChange['kind'];

function pathOf(c: ReviewChange): string {
  return (c.after ?? c.before)?.path ?? '';
}

function matches(c: ReviewChange, query: string): boolean {
  if (!query) return true;
  const q = query.toLowerCase();
  return [c.before, c.after].some(
    (r) => r && [r.id, r.title, r.path, r.statement].some((text) => text.toLowerCase().includes(q)),
  );
}

/** The changes that pass the filters, grouped by spec file, in file order. */
export function ChangeList({
  changes,
  kinds,
  query,
}: {
  changes: readonly ReviewChange[];
  kinds: ReadonlySet<Kind>;
  query: string;
}) {
  const groups = useMemo(() => {
    const byPath = new Map<string, ReviewChange[]>();
    for (const c of changes) {
      if (!kinds.has(c.kind) || !matches(c, query)) continue;
      const list = byPath.get(pathOf(c));
      if (list) list.push(c);
      else byPath.set(pathOf(c), [c]);
    }
    return [...byPath.entries()].sort(([a], [b]) => a.localeCompare(b));
  }, [changes, kinds, query]);
  if (groups.length === 0) {
    return (
      <p className="muted empty">
        {changes.length === 0
          ? 'No requirement changed between these two versions.'
          : 'No change matches the filters.'}
      </p>
    );
  }
  return (
    <div className="change-groups">
      {groups.map(([path, list]) => (
        <section key={path} className="spec-group" aria-label={`${path}: ${list.length} changed`}>
          <h3>
            <code>{path}</code>{' '}
            <span className="muted small">
              {list.length} requirement{list.length === 1 ? '' : 's'}
            </span>
          </h3>
          <ul className="change-list">
            {list.map((c) => (
              <RequirementChangeCard
                key={`${c.kind}:${c.before?.path}:${c.before?.id}:${c.after?.path}:${c.after?.id}`}
                change={c}
              />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
