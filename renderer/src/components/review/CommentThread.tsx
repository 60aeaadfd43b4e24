import { useMemo, useState } from 'react';
import { useCairn } from '../../state/store.ts';
import { CommentForm } from './CommentForm.tsx';

function when(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** The comments on one requirement, each resolvable, and a way to add one. */
export function CommentThread({ spec, requirement }: { spec: string; requirement: string }) {
  const all = useCairn((s) => s.reviewComments);
  const resolve = useCairn((s) => s.resolveReviewComment);
  const [writing, setWriting] = useState(false);
  const comments = useMemo(
    () => all.filter((c) => c.spec === spec && c.requirement === requirement),
    [all, spec, requirement],
  );
  return (
    <div className="comment-thread">
      {comments.length > 0 && (
        <ul className="comments" aria-label={`Comments on ${requirement}`}>
          {comments.map((c) => (
            <li key={c.id} className={c.resolved ? 'comment resolved' : 'comment'}>
              <div className="comment-meta">
                <strong>{c.author.replace(/\s*<.*>$/, '')}</strong>
                <span className="muted">{when(c.created)}</span>
                {c.resolved && (
                  <span className="badge badge-resolved">
                    Resolved{c.resolvedBy ? ` by ${c.resolvedBy.replace(/\s*<.*>$/, '')}` : ''}
                  </span>
                )}
                <button
                  type="button"
                  className="link"
                  onClick={() => void resolve(c.id, !c.resolved)}
                  aria-label={`${c.resolved ? 'Reopen' : 'Resolve'} the comment by ${c.author.replace(/\s*<.*>$/, '')}`}
                >
                  {c.resolved ? 'Reopen' : 'Resolve'}
                </button>
              </div>
              <p className="comment-text">{c.text}</p>
            </li>
          ))}
        </ul>
      )}
      {writing ? (
        <CommentForm spec={spec} requirement={requirement} onDone={() => setWriting(false)} />
      ) : (
        <button type="button" className="add-comment" onClick={() => setWriting(true)}>
          Comment on {requirement}
        </button>
      )}
    </div>
  );
}
