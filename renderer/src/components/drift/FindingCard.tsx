import { useId } from 'react';
import type { DriftFinding } from '../../state/drift-slice.ts';
import { authorName, commitDate, KIND_WORDS } from './drift-words.ts';

interface Props {
  finding: DriftFinding;
  onAccept(finding: DriftFinding): void;
}

/** One finding: what drifted, the files and the commits behind it, and Accept. */
export function FindingCard({ finding, onAccept }: Props) {
  const titleId = useId();
  const accepted = finding.state === 'accepted';
  // Commits accepted before sit beside new ones when new evidence reopened the finding.
  const reopened = !accepted && finding.commits.some((c) => !c.isNew);
  return (
    <article
      className={`drift-finding sev-${finding.severity}${accepted ? ' accepted' : ''}`}
      aria-labelledby={titleId}
    >
      <header className="drift-finding-head">
        <span className={`severity severity-${finding.severity}`}>{finding.severity}</span>
        <h4 id={titleId}>
          {KIND_WORDS[finding.kind]}
          {finding.requirement ? `: ${finding.requirement}` : ''}
        </h4>
        <span className={accepted ? 'state-tag accepted' : 'state-tag new'}>
          {accepted ? 'Accepted' : 'New'}
        </span>
        {!accepted && (
          <button
            type="button"
            className="accept"
            onClick={() => onAccept(finding)}
            aria-label={`Accept: ${KIND_WORDS[finding.kind]}${finding.requirement ? ` ${finding.requirement}` : ''}${finding.spec ? ` in ${finding.spec}` : ''}`}
          >
            Accept…
          </button>
        )}
      </header>
      <p className="drift-message">{finding.message}</p>
      {finding.paths.length > 0 && (
        <div className="drift-files">
          <h5>Files</h5>
          <ul>
            {finding.paths.map((p) => (
              <li key={p}>
                <code>{p}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
      {finding.commits.length > 0 && (
        <table className="data-table drift-commits">
          <caption>
            {finding.commits.length === 1 ? '1 commit' : `${finding.commits.length} commits`}
          </caption>
          <thead>
            <tr>
              <th scope="col">Commit</th>
              <th scope="col">Message</th>
              <th scope="col">Author</th>
              <th scope="col">Date</th>
              <th scope="col">Files</th>
            </tr>
          </thead>
          <tbody>
            {finding.commits.map((c) => (
              <tr key={c.oid} className={reopened && c.isNew ? 'new-evidence' : undefined}>
                <td>
                  <code title={c.oid}>{c.oid.slice(0, 7)}</code>
                  {reopened && c.isNew && <span className="state-tag new">new</span>}
                </td>
                <td>{c.summary}</td>
                <td>{authorName(c.author)}</td>
                <td className="nowrap">{commitDate(c.time)}</td>
                <td>
                  {c.files.map((f) => (
                    <code key={f} className="file-chip">
                      {f}
                    </code>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}
