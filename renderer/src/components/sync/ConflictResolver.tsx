import { useEffect, useId, useRef, useState } from 'react';
import type { ConflictDetail } from '../../state/sync-slice.ts';
import { useCairn } from '../../state/store.ts';
import { useModal } from '../use-modal.ts';
import { firstChangedLine, firstMerge, sideRows, type ShownRow } from './conflict-view.ts';

/** The conflicted documents of a sync, one at a time, until each has the version to keep. */
export function ConflictResolver() {
  const conflicts = useCairn((s) => s.syncConflicts);
  const conflict = conflicts?.[0];
  if (!conflict || !conflicts) return null;
  return <ConflictDialog key={conflict.path} conflict={conflict} left={conflicts.length} />;
}

function Side({ title, rows }: { title: string; rows: ShownRow[] }) {
  const headingId = useId();
  return (
    <section className="conflict-side" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      <pre tabIndex={0} aria-labelledby={headingId}>
        {rows.map((row, i) =>
          row.kind === 'gap' ? (
            <span key={i} className="line gap">
              ⋯ {row.lines} unchanged line{row.lines === 1 ? '' : 's'}
              {'\n'}
            </span>
          ) : (
            <span key={i} className={row.changed ? 'line changed' : 'line'}>
              {row.text || ' '}
              {'\n'}
            </span>
          ),
        )}
      </pre>
    </section>
  );
}

function ConflictDialog({ conflict, left }: { conflict: ConflictDetail; left: number }) {
  const resolve = useCairn((s) => s.resolveConflict);
  const close = useCairn((s) => s.closeConflicts);
  const working = useCairn((s) => s.syncState.status === 'working');
  const [merged, setMerged] = useState(() => firstMerge(conflict.current, conflict.ours));
  const ids = { heading: useId(), merged: useId(), hint: useId() };
  const textarea = useRef<HTMLTextAreaElement>(null);
  const name = conflict.path.split('/').pop();

  useModal(textarea, close);
  /** Bumped when the text to keep starts again from a version: it scrolls to the change. */
  const [restarts, setRestarts] = useState(0);
  const startFrom = (text: string) => {
    setMerged(text);
    setRestarts((n) => n + 1);
  };
  useEffect(() => {
    // The text to keep opens at its first changed line, not at the top of the document.
    const area = textarea.current;
    if (!area) return;
    const lineHeight = parseFloat(getComputedStyle(area).lineHeight) || 17;
    area.scrollTop = Math.max(0, firstChangedLine(area.value, conflict.base) - 2) * lineHeight;
  }, [restarts, conflict.base]);

  const text = !conflict.binary && conflict.theirs !== null && conflict.ours !== null;
  return (
    <div className="dialog-backdrop">
      <div
        className="dialog conflict-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={ids.heading}
      >
        <h2 id={ids.heading}>
          You and a teammate both changed {name}
          {left > 1 ? ` (1 of ${left} documents)` : ''}
        </h2>
        <p className="muted">
          Both versions are kept until you choose. Lines marked in a version are the ones it
          changed.
        </p>
        {text ? (
          <>
            <div className="conflict-sides">
              <Side title="The team's version" rows={sideRows(conflict.theirs, conflict.base)} />
              <Side title="Your version" rows={sideRows(conflict.ours, conflict.base)} />
            </div>
            <label htmlFor={ids.merged}>The version to keep (you can edit it)</label>
            <textarea
              id={ids.merged}
              ref={textarea}
              value={merged}
              rows={12}
              aria-describedby={ids.hint}
              spellCheck={false}
              onChange={(e) => setMerged(e.target.value)}
            />
            <p id={ids.hint} className="muted small">
              It starts with both versions&apos; lines, yours first. Start again from:{' '}
              <button
                type="button"
                className="link-button"
                onClick={() => startFrom(conflict.theirs ?? '')}
              >
                the team&apos;s version
              </button>
              ,{' '}
              <button
                type="button"
                className="link-button"
                onClick={() => startFrom(conflict.ours ?? '')}
              >
                your version
              </button>
              , or{' '}
              <button
                type="button"
                className="link-button"
                onClick={() => startFrom(firstMerge(conflict.current, conflict.ours))}
              >
                both
              </button>
              .
            </p>
          </>
        ) : (
          <p>
            {name} cannot be shown side by side (it is not text, or one side deleted it). Keep one
            version whole.
          </p>
        )}
        <div className="dialog-actions">
          {text ? (
            <button
              type="button"
              className="primary"
              disabled={working}
              onClick={() => void resolve(conflict.path, { text: merged })}
            >
              Keep this version
            </button>
          ) : (
            <>
              <button
                type="button"
                disabled={working}
                onClick={() => void resolve(conflict.path, 'theirs')}
              >
                Keep the team&apos;s version
              </button>
              <button
                type="button"
                disabled={working}
                onClick={() => void resolve(conflict.path, 'ours')}
              >
                Keep my version
              </button>
            </>
          )}
          <button type="button" className="link" onClick={close}>
            Decide later
          </button>
        </div>
      </div>
    </div>
  );
}
