import type { CatalogModel, DownloadState } from '../state/models-slice.ts';
import { useCairn } from '../state/store.ts';
import { ProgressBar } from './ProgressBar.tsx';
import { formatBytes, formatDuration, formatSpeed } from './units.ts';

type Verdict = CatalogModel['fit']['verdict'];

const FIT: Record<Verdict, { label: string; tone: 'ok' | 'warn' | 'bad' }> = {
  gpu: { label: 'Fits · GPU', tone: 'ok' },
  'partial-gpu': { label: 'Fits · GPU + CPU', tone: 'ok' },
  cpu: { label: 'Fits · CPU', tone: 'ok' },
  tight: { label: 'Tight', tone: 'warn' },
  'too-large': { label: "Won't fit", tone: 'bad' },
};

/** The catalog of recommended models, each with a fit estimate for this machine. */
export function ModelCatalog() {
  const catalog = useCairn((s) => s.catalog);
  return (
    <section className="panel" aria-labelledby="catalog-title">
      <h2 id="catalog-title">Catalog</h2>
      <p className="muted small">
        Fit is estimated from this machine&apos;s free memory and VRAM, for the model&apos;s weights
        plus its context cache. Downloads are checked against their SHA-256 before they are used.
      </p>
      {catalog === null ? (
        <p className="muted">Loading…</p>
      ) : catalog.length === 0 ? (
        <p className="muted">The catalog is empty.</p>
      ) : (
        <table className="data-table catalog">
          <thead>
            <tr>
              <th scope="col">Model</th>
              <th scope="col">Quantization</th>
              <th scope="col">Size</th>
              <th scope="col">Fit on this machine</th>
              <th scope="col">Download</th>
            </tr>
          </thead>
          <tbody>
            {catalog.map((m) => (
              <CatalogRow key={m.id} model={m} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function CatalogRow({ model }: { model: CatalogModel }) {
  const fit = FIT[model.fit.verdict];
  return (
    <tr>
      <td>
        <span className="model-name">{model.name}</span>
        <span className="muted small">
          {' '}
          {model.publisher} · {model.parameters} parameters · {model.license}
        </span>
        {model.notes && <div className="muted small">{model.notes}</div>}
      </td>
      <td>{model.quantization}</td>
      <td className="num">
        {model.sizeIsExact ? '' : 'about '}
        {formatBytes(model.sizeBytes)}
      </td>
      <td className="fit-cell">
        <span className={`fit fit-${fit.tone}`}>{fit.label}</span>
        <div className="small">{model.fit.message}</div>
      </td>
      <td className="download-cell">
        <DownloadControl model={model} />
      </td>
    </tr>
  );
}

function DownloadControl({ model }: { model: CatalogModel }) {
  const state = useCairn((s) => s.downloads[model.id]);
  const start = useCairn((s) => s.startDownload);
  const cancel = useCairn((s) => s.cancelDownload);
  if (model.downloadedModelId && (!state || state.status === 'done'))
    return <span className="fit fit-ok">Installed</span>;
  if (!state) {
    return (
      <button
        type="button"
        onClick={() => start(model.id)}
        aria-label={`Download ${model.name}`}
        title={model.fit.verdict === 'too-large' ? model.fit.message : undefined}
      >
        Download
      </button>
    );
  }
  const active = state.status === 'starting' || state.status === 'running';
  return (
    <div className="download">
      {(active || state.receivedBytes > 0) && (
        <ProgressBar
          label={`Downloading ${model.name}`}
          value={state.receivedBytes}
          max={state.totalBytes ?? (model.sizeIsExact ? model.sizeBytes : null)}
          valueText={amount(state, model)}
        />
      )}
      <div className="download-facts small" aria-live="polite">
        {describe(state, model)}
      </div>
      {state.error && (
        <p className="error small" role="alert">
          {state.error.message}
        </p>
      )}
      <div className="download-actions">
        {active ? (
          <button
            type="button"
            onClick={() => cancel(model.id)}
            aria-label={`Cancel download of ${model.name}`}
          >
            Cancel
          </button>
        ) : state.status === 'done' ? null : (
          <button
            type="button"
            onClick={() => start(model.id)}
            aria-label={`Resume download of ${model.name}`}
          >
            {state.receivedBytes > 0 ? 'Resume' : 'Try again'}
          </button>
        )}
      </div>
    </div>
  );
}

function amount(state: DownloadState, model: CatalogModel): string {
  const total = state.totalBytes ?? model.sizeBytes;
  return `${formatBytes(state.receivedBytes)} of ${state.totalBytes === null && !model.sizeIsExact ? 'about ' : ''}${formatBytes(total)}`;
}

function describe(state: DownloadState, model: CatalogModel): string {
  switch (state.status) {
    case 'starting':
      return state.receivedBytes > 0 ? 'Resuming…' : 'Connecting…';
    case 'running': {
      const parts = [amount(state, model)];
      if (state.bytesPerSecond !== null) parts.push(formatSpeed(state.bytesPerSecond));
      if (state.secondsLeft !== null) parts.push(`${formatDuration(state.secondsLeft)} left`);
      if (state.resumedFromBytes > 0)
        parts.push(`resumed from ${formatBytes(state.resumedFromBytes)}`);
      return parts.join(' · ');
    }
    case 'cancelled':
      return `Cancelled at ${amount(state, model)}. The partial file is kept: Resume continues from there.`;
    case 'failed':
      return state.receivedBytes > 0
        ? `Stopped at ${amount(state, model)}.`
        : 'The download did not start.';
    case 'done':
      return `Downloaded ${formatBytes(state.receivedBytes)} and verified.`;
  }
}
