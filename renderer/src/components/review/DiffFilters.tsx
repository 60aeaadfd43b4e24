import { useId } from 'react';
import type { ReviewDiff } from '../../../../electron/ipc/contract/review.ts';
import type { Kind } from './ChangeList.tsx';
import { KIND_LABEL } from './RequirementChangeCard.tsx';

export const KINDS: readonly Kind[] = ['added', 'removed', 'modified', 'renamed'];

interface Props {
  diff: ReviewDiff;
  kinds: ReadonlySet<Kind>;
  onToggle(kind: Kind): void;
  query: string;
  onQuery(query: string): void;
}

/** The counts by kind, each a toggle that shows or hides that kind, and a text filter. */
export function DiffFilters({ diff, kinds, onToggle, query, onQuery }: Props) {
  const searchId = useId();
  return (
    <div className="diff-filters">
      <div role="group" aria-label="Show changes of kind">
        {KINDS.map((k) => (
          <button
            key={k}
            type="button"
            className={`kind-toggle kind-${k}`}
            aria-pressed={kinds.has(k)}
            onClick={() => onToggle(k)}
          >
            {KIND_LABEL[k]} <span className="count">{diff.counts[k]}</span>
          </button>
        ))}
      </div>
      <span className="muted small">{diff.unchanged} unchanged</span>
      <label htmlFor={searchId} className="visually-hidden">
        Filter changes by ID, title, file or text
      </label>
      <input
        id={searchId}
        type="search"
        placeholder="Filter by ID, title, file or text"
        value={query}
        onChange={(e) => onQuery(e.target.value)}
      />
    </div>
  );
}
