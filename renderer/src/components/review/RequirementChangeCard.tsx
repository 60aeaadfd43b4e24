import type { ReviewChange, RequirementText } from '../../../../electron/ipc/contract/review.ts';
import { CommentThread } from './CommentThread.tsx';
import { InlineDiff } from './InlineDiff.tsx';

export const KIND_LABEL = {
  added: 'Added',
  removed: 'Removed',
  modified: 'Modified',
  renamed: 'Renamed',
} as const;

function Scenarios({ change }: { change: ReviewChange }) {
  const before = new Map(change.before?.scenarios.map((s) => [s.name, s.text]) ?? []);
  const after = change.after?.scenarios ?? [];
  const s = change.scenarios;
  if (!s) return null;
  const removed = s.removed.map((name) => ({ name, text: before.get(name) ?? '' }));
  const shown = [
    ...after
      .filter((x) => s.added.includes(x.name) || s.modified.includes(x.name))
      .map((x) => ({ ...x, kind: s.added.includes(x.name) ? 'added' : 'modified' })),
    ...removed.map((x) => ({ ...x, kind: 'removed' })),
  ];
  if (shown.length === 0) return null;
  return (
    <div className="scenario-changes">
      {shown.map((x) => (
        <div key={`${x.kind}:${x.name}`} className={`scenario scenario-${x.kind}`}>
          <h5>
            Scenario {x.kind}: {x.name}
          </h5>
          {x.kind === 'modified' ? (
            <InlineDiff
              before={before.get(x.name) ?? ''}
              after={x.text}
              label={`Changes in the scenario ${x.name}`}
            />
          ) : (
            <p className="scenario-text">{x.text}</p>
          )}
        </div>
      ))}
    </div>
  );
}

function Heading({ change, shown }: { change: ReviewChange; shown: RequirementText }) {
  const { before, after } = change;
  if (change.kind === 'renamed' && before && after) {
    return (
      <h4 className="change-title">
        <span className={`kind kind-${change.kind}`}>{KIND_LABEL[change.kind]}</span>
        <code>{before.id}</code>
        <span aria-label="to"> → </span>
        <code>{after.id}</code>
        <span className="req-title">
          {change.titleChanged ? (
            <>
              <del>{before.title}</del> {after.title}
            </>
          ) : (
            after.title
          )}
        </span>
      </h4>
    );
  }
  return (
    <h4 className="change-title">
      <span className={`kind kind-${change.kind}`}>{KIND_LABEL[change.kind]}</span>
      <code>{shown.id}</code>
      {shown.title && shown.title !== shown.id && <span className="req-title">{shown.title}</span>}
    </h4>
  );
}

/** One requirement that changed: what it said, what it says now, and its comments. */
export function RequirementChangeCard({ change }: { change: ReviewChange }) {
  const shown = (change.after ?? change.before) as RequirementText;
  const { before, after } = change;
  return (
    <li className={`change-card change-${change.kind}`} tabIndex={-1} data-change-card="">
      <Heading change={change} shown={shown} />
      <p className="where muted small">
        {shown.path}:{shown.line}
        {change.match === 'content' && change.similarity !== undefined
          ? ` · matched by content (${Math.round(change.similarity * 100)}% alike)`
          : ''}
      </p>
      {change.kind === 'added' && <p className="statement added-text">{shown.statement}</p>}
      {change.kind === 'removed' && (
        <p className="statement">
          <del>{shown.statement}</del>
        </p>
      )}
      {(change.kind === 'modified' || change.kind === 'renamed') &&
        before &&
        after &&
        (change.statementChanged ? (
          <InlineDiff
            before={before.statement}
            after={after.statement}
            label={`Changes in the statement of ${after.id}`}
          />
        ) : (
          <p className="statement">{after.statement}</p>
        ))}
      {change.kind === 'added' ? (
        after?.scenarios.map((s) => (
          <div key={s.name} className="scenario scenario-added">
            <h5>Scenario: {s.name}</h5>
            <p className="scenario-text">{s.text}</p>
          </div>
        ))
      ) : (
        <Scenarios change={change} />
      )}
      <CommentThread spec={shown.path} requirement={shown.id} />
    </li>
  );
}
