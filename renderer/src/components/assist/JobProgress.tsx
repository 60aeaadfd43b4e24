import { useEffect, useMemo, useRef } from 'react';
import type { AssistJob, AssistKind } from '../../state/assist-slice.ts';
import { streamedValues } from './streamed-text.ts';

const RUNNING_WORDS: Record<AssistKind, string> = {
  draft: 'Drafting on this computer…',
  clarify: 'Thinking of questions on this computer…',
  ears: 'Rewriting requirements on this computer…',
};

/** The preview shows the latest text: laying out a whole long draft every frame is slow. */
const SHOWN_CHARS = 1500;
const tail = (text: string) =>
  text.length > SHOWN_CHARS ? `…${text.slice(text.length - SHOWN_CHARS)}` : text;

export const isRunning = (job: AssistJob | null) =>
  job !== null && (job.status === 'starting' || job.status === 'streaming');

/** Where a model run stands, and the text it has written so far, readable while it streams. */
export function JobProgress({ job }: { job: AssistJob }) {
  const running = isRunning(job);
  const box = useRef<HTMLDivElement>(null);
  const shown = useMemo(() => tail(streamedValues(job.streamed).join('\n\n')), [job.streamed]);
  useEffect(() => {
    // The newest text stays in view, as in a terminal.
    if (box.current) box.current.scrollTop = box.current.scrollHeight;
  }, [shown]);
  return (
    <div className="assist-job">
      {job.status === 'failed' ? (
        <p className="error" role="alert">
          {job.message}
        </p>
      ) : (
        <p role="status" className={job.status === 'waiting' ? 'warn-note' : undefined}>
          {running ? RUNNING_WORDS[job.kind] : job.message}
        </p>
      )}
      {(running || job.status === 'stopped' || job.status === 'failed') && (
        <div
          ref={box}
          className="assist-stream"
          data-pieces={job.pieces}
          role="log"
          aria-live="off"
          aria-label="Text the model has written so far"
          tabIndex={0}
        >
          <p className="muted small">
            {job.pieces === 0 ? 'Reading the document…' : `${job.pieces} pieces received`}
          </p>
          <p className="assist-stream-text">{shown}</p>
        </div>
      )}
    </div>
  );
}
