import { useMemo, useState } from 'react';
import type { ReviewDiff } from '../../../../electron/ipc/contract/review.ts';
import { useCairn } from '../../state/store.ts';
import { CommentThread } from './CommentThread.tsx';
import { SearchBox } from './SearchBox.tsx';

const SHOWN = 40;

/** Every requirement of the version under review, to comment on those that did not change. */
export function RequirementList({ diff }: { diff: ReviewDiff }) {
  const comments = useCairn((s) => s.reviewComments);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const counts = useMemo(() => {
    const map = new Map<string, number>();
    for (const c of comments) {
      const key = `${c.spec}#${c.requirement}`;
      map.set(key, (map.get(key) ?? 0) + 1);
    }
    return map;
  }, [comments]);
  const matching = useMemo(() => {
    const q = query.toLowerCase();
    return diff.requirements.filter(
      (r) => !q || `${r.id} ${r.title} ${r.path}`.toLowerCase().includes(q),
    );
  }, [diff.requirements, query]);
  return (
    <section className="requirement-list" aria-labelledby="all-requirements-title">
      <h2 id="all-requirements-title">All requirements in “{diff.to.label}”</h2>
      <SearchBox label="Find a requirement to comment on" value={query} onChange={setQuery} />
      <ul>
        {matching.slice(0, SHOWN).map((r) => {
          const key = `${r.path}#${r.id}`;
          const n = counts.get(key) ?? 0;
          return (
            <li key={key}>
              <button
                type="button"
                className="requirement-row"
                aria-expanded={open === key}
                onClick={() => setOpen(open === key ? null : key)}
              >
                <code>{r.id}</code> <span>{r.title}</span>{' '}
                <span className="muted small">{r.path}</span>
                {n > 0 && (
                  <span className="badge" aria-label={`${n} comment${n === 1 ? '' : 's'}`}>
                    {n}
                  </span>
                )}
              </button>
              {open === key && <CommentThread spec={r.path} requirement={r.id} />}
            </li>
          );
        })}
      </ul>
      {matching.length > SHOWN && (
        <p className="muted small">{matching.length - SHOWN} more; type to narrow the list.</p>
      )}
    </section>
  );
}
