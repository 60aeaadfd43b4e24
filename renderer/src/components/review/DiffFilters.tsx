import type { ReviewDiff } from '../../../../electron/ipc/contract/review.ts';
import type { Kind } from './ChangeList.tsx';
import { KIND_LABEL } from './RequirementChangeCard.tsx';
import { SearchBox } from './SearchBox.tsx';

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
      <SearchBox label="Filter by ID, title, file or text" value={query} onChange={onQuery} />
    </div>
  );
}
