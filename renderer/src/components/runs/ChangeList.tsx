import type { ChangeView } from '../../../../electron/ipc/contract/runs.ts';
import { useCairn } from '../../state/store.ts';
import { DiffView } from './DiffView.tsx';
import { diffRows, diffStats } from './diff-rows.ts';
import { changeStatusWords } from './run-words.ts';

function Change({ change }: { change: ChangeView }) {
  const decide = useCairn((s) => s.decideChange);
  const busy = useCairn((s) => s.runsBusy);
  const outcome = useCairn((s) => s.runChangeOutcomes[change.id]);
  const stats = diffStats(diffRows(change.diff));
  const words = outcome ?? changeStatusWords(change);
  return (
    <li className={`change change-${change.status}`}>
      <div className="change-head">
        <div>
          <code className="change-path">{change.path}</code>
          <span className={`chip chip-${change.status}`}>{change.status}</span>
          <p className="change-summary">
            {change.summary}{' '}
            <span className="muted small">
              · pass {change.passId} · {change.creates ? 'new file · ' : ''}+{stats.added} −
              {stats.removed}
            </span>
          </p>
        </div>
        {change.status === 'proposed' && (
          <div className="change-actions">
            <button
              type="button"
              className="primary"
              disabled={busy === change.id}
              aria-label={`Accept the change to ${change.path}`}
              onClick={() => void decide(change.id, 'accept')}
            >
              Accept
            </button>
            <button
              type="button"
              disabled={busy === change.id}
              aria-label={`Reject the change to ${change.path}`}
              onClick={() => void decide(change.id, 'reject')}
            >
              Reject
            </button>
          </div>
        )}
      </div>
      {words && (
        <p className={change.status === 'stale' ? 'warn-note small' : 'muted small'} role="status">
          {words}
        </p>
      )}
      <DiffView diff={change.diff} label={`Changes to ${change.path}`} />
    </li>
  );
}

/** Each pass's proposed changes, as diffs to accept or reject one by one. */
export function ChangeList({ changes }: { changes: ChangeView[] }) {
  const open = changes.filter((c) => c.status === 'proposed').length;
  return (
    <section className="panel" aria-labelledby="run-changes-title">
      <h2 id="run-changes-title">
        Proposed changes ({open} to review of {changes.length})
      </h2>
      {changes.length === 0 ? (
        <p className="muted">No pass of this run has proposed a change yet.</p>
      ) : (
        <>
          <p className="muted small">
            Nothing is written until you accept it. A file edited since the pass read it is merged
            when the edits touch other lines; otherwise the change is not applied.
          </p>
          <ul className="change-list">
            {changes.map((c) => (
              <Change key={c.id} change={c} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
