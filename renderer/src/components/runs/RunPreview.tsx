import { useCairn } from '../../state/store.ts';
import { EstimatePanel } from './EstimatePanel.tsx';

/** The run about to start: its passes and gates, the estimate, and Start (anyway). */
export function RunPreview() {
  const catalog = useCairn((s) => s.workflowCatalog);
  const items = useCairn((s) => s.workItems);
  const models = useCairn((s) => s.runModels);
  const choice = useCairn((s) => s.runChoice);
  const estimate = useCairn((s) => s.runEstimate);
  const estimating = useCairn((s) => s.runEstimating);
  const estimateError = useCairn((s) => s.runEstimateError);
  const startRun = useCairn((s) => s.startRun);
  const busy = useCairn((s) => s.runsBusy);
  const workflow = catalog?.workflows.find((w) => w.id === choice.workflowId) ?? null;
  if (!workflow) {
    return (
      <div className="runs-empty">
        <h2>No workflow to run</h2>
        <p className="muted">This workspace has no workflow Cairn can read.</p>
      </div>
    );
  }
  const item = items?.find((i) => i.id === choice.itemId) ?? null;
  const model = models?.find((m) => m.id === choice.modelId) ?? null;
  const needsModel = workflow.passes.some((p) => p.kind === 'model');
  const current = estimate?.workflowId === workflow.id ? estimate : null;
  const ready = current !== null && !estimating && (!needsModel || model !== null);
  const over = (current?.overruns.length ?? 0) > 0;
  return (
    <article className="run-preview" aria-labelledby="preview-title">
      <header>
        <h2 id="preview-title">New run: {workflow.title}</h2>
        <p className="muted small">
          {item ? `${item.id} “${item.title}”` : 'No work item (the whole workspace)'} ·{' '}
          {model ? `${model.name}` : needsModel ? 'no model chosen' : 'no model needed'}
        </p>
      </header>
      <ol className="preview-passes" aria-label="Passes">
        {workflow.passes.map((p) => (
          <li key={p.id}>
            <span className="pass-title">{p.title}</span>
            <span className="chip">{p.kind === 'model' ? 'model' : 'deterministic'}</span>
            {p.gate && (
              <span className="chip">
                gate:{' '}
                {[...p.gate.auto, ...(p.gate.human ? ['your approval'] : [])].join(', ') || 'none'}
              </span>
            )}
          </li>
        ))}
      </ol>
      {estimateError && (
        <p className="error" role="alert">
          {estimateError.message}
        </p>
      )}
      {!current && !estimateError && <p className="muted">Estimating…</p>}
      {current && <EstimatePanel estimate={current} />}
      <div className="button-row">
        <button
          type="button"
          className={over ? 'danger' : 'primary'}
          disabled={!ready || busy === 'start'}
          onClick={() => void startRun(over)}
        >
          {busy === 'start' ? 'Starting…' : over ? 'Start anyway (over budget)' : 'Start run'}
        </button>
        {needsModel && !model && (
          <span className="warn-note small">Choose an on-device model first.</span>
        )}
      </div>
    </article>
  );
}
