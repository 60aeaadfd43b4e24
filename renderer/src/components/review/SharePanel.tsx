import { useCairn } from '../../state/store.ts';

/** How many comments there are, how many wait to be shared, and the button that shares them. */
export function SharePanel() {
  const comments = useCairn((s) => s.reviewComments);
  const pending = useCairn((s) => s.reviewCommentsPending);
  const problems = useCairn((s) => s.reviewCommentProblems);
  const sharing = useCairn((s) => s.reviewSharing);
  const result = useCairn((s) => s.reviewShareResult);
  const share = useCairn((s) => s.shareReviewComments);
  const online = useCairn((s) => s.online);
  const open = comments.filter((c) => !c.resolved).length;
  return (
    <section className="panel share-panel" aria-labelledby="share-title">
      <h2 id="share-title">Comments</h2>
      <p>
        {comments.length === 0
          ? 'No comments yet.'
          : `${comments.length} comment${comments.length === 1 ? '' : 's'}, ${open} open.`}{' '}
        {pending !== null && pending > 0 && (
          <strong>
            {pending} {pending === 1 ? 'waits' : 'wait'} to be shared.
          </strong>
        )}
      </p>
      <button
        type="button"
        className="primary"
        disabled={sharing || pending === 0 || pending === null}
        onClick={() => void share()}
      >
        {sharing ? (online ? 'Sharing…' : 'Saving…') : 'Share comments'}
      </button>
      {!online && pending !== null && pending > 0 && (
        <p className="small muted">
          You are offline: sharing commits them here, and they go to the team when you are back
          online.
        </p>
      )}
      {result && (
        <p
          className={result.outcome === 'shared' ? 'notice share-result' : 'warn-note share-result'}
          role="status"
        >
          {result.message}
        </p>
      )}
      {problems.length > 0 && (
        <div className="problems" role="alert">
          <p className="error">
            {problems.length} comment file{problems.length === 1 ? '' : 's'} could not be read:
          </p>
          <ul>
            {problems.map((p) => (
              <li key={p.file}>
                <code>
                  {p.file}:{p.line}
                </code>{' '}
                {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
