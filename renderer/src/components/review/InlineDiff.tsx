import { useMemo } from 'react';
import { wordDiff } from '../../../../workflows/diff/word-diff.ts';

/** The text as it is now, with removed words struck through and added words marked. */
export function InlineDiff({
  before,
  after,
  label,
}: {
  before: string;
  after: string;
  label: string;
}) {
  const segments = useMemo(() => wordDiff(before, after), [before, after]);
  return (
    <p className="inline-diff" aria-label={label}>
      {segments.map((s, i) =>
        s.kind === 'same' ? (
          <span key={i}>{s.text}</span>
        ) : s.kind === 'removed' ? (
          <del key={i}>
            <span className="visually-hidden">[removed: </span>
            {s.text}
            <span className="visually-hidden">]</span>
          </del>
        ) : (
          <ins key={i}>
            <span className="visually-hidden">[added: </span>
            {s.text}
            <span className="visually-hidden">]</span>
          </ins>
        ),
      )}
    </p>
  );
}
