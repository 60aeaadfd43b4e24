import { useState } from 'react';
import type { InstalledModel } from '../state/models-slice.ts';
import { useCairn } from '../state/store.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { SpeedTestChart } from './SpeedTestChart.tsx';
import { formatBytes } from './units.ts';

/** The registered models, each with a speed test and removal behind a confirmation. */
export function InstalledModels() {
  const installed = useCairn((s) => s.installed);
  const tests = useCairn((s) => s.speedTests);
  const runSpeedTest = useCairn((s) => s.runSpeedTest);
  const removeModel = useCairn((s) => s.removeModel);
  const [removing, setRemoving] = useState<InstalledModel | null>(null);
  const tested = (installed ?? []).filter((m) => tests[m.id]);
  return (
    <section className="panel" aria-labelledby="installed-title">
      <h2 id="installed-title">Installed models ({installed?.length ?? '…'})</h2>
      {installed === null ? (
        <p className="muted">Loading…</p>
      ) : installed.length === 0 ? (
        <p className="muted">
          No model is installed yet. Import a .gguf file below or download one from the catalog.
        </p>
      ) : (
        <table className="data-table installed-models">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Quantization</th>
              <th scope="col">Size</th>
              <th scope="col">Path</th>
              <th scope="col">SHA-256</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {installed.map((m) => {
              const test = tests[m.id];
              return (
                <tr key={m.id}>
                  <td>
                    <span className="model-name">{m.name}</span>
                    <span className="muted small">
                      {' '}
                      {m.architecture} · {m.source}
                    </span>
                  </td>
                  <td>{m.quantization}</td>
                  <td className="num">{formatBytes(m.sizeBytes)}</td>
                  <td>
                    <code className="path" title={m.path}>
                      {m.path}
                    </code>
                  </td>
                  <td>
                    <code title={m.sha256} aria-label={`SHA-256 ${m.sha256}`}>
                      {m.sha256.slice(0, 12)}…
                    </code>
                  </td>
                  <td className="actions">
                    <button
                      type="button"
                      onClick={() => void runSpeedTest(m.id)}
                      disabled={test?.status === 'running'}
                      aria-label={`Speed test ${m.name}`}
                    >
                      {test?.status === 'running' ? 'Measuring…' : 'Speed test'}
                    </button>
                    <button
                      type="button"
                      className="danger"
                      onClick={() => setRemoving(m)}
                      aria-label={`Remove ${m.name}`}
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {tested.map((m) => {
        const test = tests[m.id]!;
        if (test.status === 'running')
          return (
            <p key={m.id} role="status" className="muted">
              Measuring {m.name} at several thread counts… This loads the model and takes a few
              seconds for a small one, up to a minute for a large one.
            </p>
          );
        if (test.status === 'failed')
          return (
            <p key={m.id} role="alert" className="error">
              The speed test of {m.name} failed: {test.error?.message}
            </p>
          );
        return <SpeedTestChart key={m.id} modelName={m.name} result={test.result!} />;
      })}
      {removing && (
        <ConfirmDialog
          title={`Remove ${removing.name}?`}
          confirmLabel="Remove"
          onCancel={() => setRemoving(null)}
          onConfirm={() => {
            const id = removing.id;
            setRemoving(null);
            void removeModel(id);
          }}
        >
          <p>
            {removing.source === 'downloaded'
              ? `Cairn downloaded this model: its file (${formatBytes(removing.sizeBytes)}) is deleted from Cairn's models folder.`
              : 'You imported this model: Cairn forgets it, and the file stays where it is:'}
          </p>
          <p>
            <code>{removing.path}</code>
          </p>
          <p className="muted">
            Workflows routed to this model stop finding it until you import or download it again.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
