import { useEffect, useId, useState } from 'react';
import type { Envelope } from '../../../../workflows/records/envelope.ts';
import { useCairn } from '../../state/store.ts';
import { ProgressBar } from '../ProgressBar.tsx';
import { formatCount, formatMs } from './format.ts';

/** Re-run the open call on an installed on-device model: choose, run, watch, cancel. */
export function RerunPanel({ source }: { source: Envelope }) {
  const models = useCairn((s) => s.rerunModels);
  const loadModels = useCairn((s) => s.loadRerunModels);
  const rerun = useCairn((s) => s.rerun);
  const start = useCairn((s) => s.startRerun);
  const cancel = useCairn((s) => s.cancelRerun);
  const openRecord = useCairn((s) => s.openRecord);
  const setView = useCairn((s) => s.setView);
  const id = useId();
  const [modelId, setModelId] = useState('');
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => void loadModels(), [loadModels]);

  // Until one is chosen: the first installed model that did not answer this call.
  const chosen =
    modelId || (models?.find((m) => m.sha256 !== source.model.sha256) ?? models?.[0])?.id || '';

  const mine = rerun?.sourceId === source.id ? rerun : null;
  const running = mine?.status === 'running';
  useEffect(() => {
    if (!running) return;
    const timer = window.setInterval(() => setNow(Date.now()), 500);
    return () => window.clearInterval(timer);
  }, [running]);

  const busyElsewhere = rerun?.status === 'running' && !mine;

  return (
    <section className="panel records-rerun" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Re-run on another model</h3>
      <p className="muted">
        Sends this call&apos;s exact messages and parameters to an on-device model, records the new
        call as a re-run of this one, and compares the two outputs field by field. Nothing leaves
        this machine.
      </p>
      {models === null ? (
        <p className="muted">Loading installed models…</p>
      ) : models.length === 0 ? (
        <p>
          No on-device model is installed.{' '}
          <button type="button" className="link-button" onClick={() => setView('models')}>
            Add one in Models
          </button>
        </p>
      ) : (
        <form
          className="records-rerun-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (chosen) start(chosen);
          }}
        >
          <label htmlFor={`${id}-model`}>Re-run on</label>
          <select
            id={`${id}-model`}
            value={chosen}
            onChange={(e) => setModelId(e.target.value)}
            disabled={running}
          >
            {models.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name} · {m.quantization}
                {m.sha256 === source.model.sha256 ? ' (answered this call)' : ''}
              </option>
            ))}
          </select>
          {running ? (
            // Keyed apart: the Re-run submit button must not take over this element mid-click
            // (its activation would submit the form and start a new re-run).
            <button key="cancel" type="button" className="danger" onClick={cancel}>
              Cancel re-run
            </button>
          ) : (
            <button key="run" type="submit" className="primary" disabled={!chosen || busyElsewhere}>
              Re-run
            </button>
          )}
        </form>
      )}
      {busyElsewhere && (
        <p className="muted">Another call is being re-run; open it to follow or cancel it.</p>
      )}
      {mine?.status === 'running' && (
        <div className="records-rerun-progress">
          <ProgressBar
            label={`Re-running on ${mine.modelName ?? 'the model'}`}
            value={0}
            max={null}
            valueText={
              mine.chars === 0 ? 'loading the model' : `${formatCount(mine.chars)} characters`
            }
          />
          <p role="status" className="visually-hidden">
            Re-running on {mine.modelName ?? 'the model'}
          </p>
          <p>
            {mine.chars === 0
              ? `Loading ${mine.modelName ?? 'the model'}… (a first run on this machine also measures its speed)`
              : `Generating on ${mine.modelName ?? 'the model'}: ${formatCount(mine.chars)} characters`}{' '}
            · {formatMs(Math.max(0, now - mine.startedAt))}
          </p>
          {mine.preview && <pre className="records-text records-preview">{mine.preview}</pre>}
        </div>
      )}
      {mine?.status === 'cancelled' && (
        <p role="status" className="warn-note">
          Re-run cancelled. What the model had produced is recorded as a cancelled re-run.
        </p>
      )}
      {mine?.status === 'failed' && (
        <div role="alert" className="error">
          <p>{mine.error.message}</p>
          {mine.recordId && (
            <button
              type="button"
              className="link-button"
              onClick={() => void openRecord(mine.recordId!)}
            >
              Open the failed re-run&apos;s record
            </button>
          )}
        </div>
      )}
    </section>
  );
}
