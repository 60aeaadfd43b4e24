import { useId } from 'react';
import type { RewriteDecision } from '../../state/assist-slice.ts';
import { useCairn } from '../../state/store.ts';
import { isRunning, JobProgress } from './JobProgress.tsx';

interface Props {
  path: string;
  onDocumentChanged(path: string): void;
}

const DECIDED: Record<Exclude<RewriteDecision, 'proposed'>, string> = {
  accepted: 'Accepted: the requirement now reads as proposed.',
  rejected: 'Rejected: the requirement is unchanged.',
  stale: 'Not applied: these lines changed since; ask again.',
};

/** An EARS statement proposed per requirement, beside the current one, to accept or reject. */
export function EarsRewrites({ path, onDocumentChanged }: Props) {
  const job = useCairn((s) => s.assistJob);
  const proposals = useCairn((s) => s.earsProposals);
  const start = useCairn((s) => s.startEars);
  const stop = useCairn((s) => s.stopAssist);
  const decide = useCairn((s) => s.decideRewrite);
  const headingId = useId();
  const mine = job?.kind === 'ears' && job.path === path ? job : null;
  const shown = proposals?.path === path ? proposals : null;

  const onDecide = async (changeId: string, accept: boolean) => {
    const changed = await decide(changeId, accept);
    if (changed) onDocumentChanged(changed);
  };

  return (
    <section className="assist-section" aria-labelledby={headingId}>
      <h3 id={headingId}>EARS rewrites</h3>
      {isRunning(mine) ? (
        <button type="button" className="danger" onClick={stop}>
          Stop
        </button>
      ) : (
        <button type="button" disabled={isRunning(job)} onClick={() => start(path)}>
          Suggest EARS rewrites
        </button>
      )}
      {mine && <JobProgress job={mine} />}
      {shown && shown.rewrites.length > 0 && (
        <ul className="ears-list">
          {shown.rewrites.map((r) => (
            <li key={r.changeId} className="ears-item">
              <h4>{r.requirementId}</h4>
              <div className="ears-compare">
                <div>
                  <p className="label">Now</p>
                  <p>{r.before}</p>
                </div>
                <div>
                  <p className="label">Proposed ({r.pattern})</p>
                  <p>{r.after}</p>
                </div>
              </div>
              {r.decision === 'proposed' ? (
                <div className="assist-actions">
                  <button
                    type="button"
                    className="primary"
                    aria-label={`Accept the rewrite of ${r.requirementId}`}
                    onClick={() => void onDecide(r.changeId, true)}
                  >
                    Accept
                  </button>
                  <button
                    type="button"
                    aria-label={`Reject the rewrite of ${r.requirementId}`}
                    onClick={() => void onDecide(r.changeId, false)}
                  >
                    Reject
                  </button>
                </div>
              ) : (
                <p role="status" className={r.decision === 'stale' ? 'warn-note' : 'notice'}>
                  {r.message && r.decision === 'stale' ? r.message : DECIDED[r.decision]}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      {shown && shown.rejected.length > 0 && (
        <details className="ears-refused">
          <summary>
            {shown.rejected.length} proposal{shown.rejected.length === 1 ? ' was' : 's were'} not
            EARS and {shown.rejected.length === 1 ? 'is' : 'are'} not offered
          </summary>
          <ul>
            {shown.rejected.map((r) => (
              <li key={r.requirementId}>
                {r.requirementId}: {r.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
