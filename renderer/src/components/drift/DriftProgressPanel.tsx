import { useEffect, useState } from 'react';
import { useCairn } from '../../state/store.ts';
import { ProgressBar } from '../ProgressBar.tsx';
import { progressWords } from './drift-words.ts';

/** While the report computes: what it is doing, how far it is, and a way to stop it. */
export function DriftProgressPanel() {
  const progress = useCairn((s) => s.driftProgress);
  const cancel = useCairn((s) => s.cancelDrift);
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const started = Date.now();
    const timer = window.setInterval(
      () => setSeconds(Math.floor((Date.now() - started) / 1000)),
      1000,
    );
    return () => window.clearInterval(timer);
  }, []);
  const words = progressWords(progress);
  return (
    <div className="panel drift-progress">
      <p>
        <span role="status">{words}</span>
        <span className="muted">{seconds >= 2 ? ` · ${seconds} s` : ''}</span>
      </p>
      <ProgressBar
        label="Checking drift"
        value={progress?.done ?? 0}
        max={progress?.total ?? null}
        valueText={words}
      />
      <button type="button" onClick={cancel}>
        Cancel
      </button>
    </div>
  );
}
