import { useState } from 'react';
import { useCairn } from '../../state/store.ts';
import { formatBytes } from '../units.ts';
import { NewItemForm } from './NewItemForm.tsx';

/** Choose a workflow, a work item and a model; the estimate and Start are in RunPreview. */
export function NewRunForm() {
  const catalog = useCairn((s) => s.workflowCatalog);
  const items = useCairn((s) => s.workItems);
  const models = useCairn((s) => s.runModels);
  const choice = useCairn((s) => s.runChoice);
  const choose = useCairn((s) => s.chooseRun);
  const openId = useCairn((s) => s.openRunId);
  const openRun = useCairn((s) => s.openRun);
  const setView = useCairn((s) => s.setView);
  const [newItem, setNewItem] = useState(false);
  if (!catalog || !items || !models) return <p className="muted">Loading workflows…</p>;
  const workflow = catalog.workflows.find((w) => w.id === choice.workflowId) ?? null;
  const needsModel = workflow?.passes.some((p) => p.kind === 'model') ?? false;
  return (
    <section className="panel new-run" aria-labelledby="new-run-title">
      <h2 id="new-run-title">New run</h2>
      <div className="field">
        <label htmlFor="run-workflow">Workflow</label>
        <select
          id="run-workflow"
          value={choice.workflowId ?? ''}
          onChange={(e) => choose({ workflowId: e.target.value })}
        >
          {catalog.workflows.map((w) => (
            <option key={w.id} value={w.id}>
              {w.title} ({w.id}
              {w.source === 'workspace' ? ', team' : ''})
            </option>
          ))}
        </select>
        {workflow && (
          <p className="muted small">
            {workflow.description || 'No description.'}
            {workflow.source === 'workspace' && ` From ${workflow.file}.`}
          </p>
        )}
      </div>
      {catalog.problems.length > 0 && (
        <div className="catalog-problems" role="alert">
          <p>
            {catalog.problems.length} team workflow file
            {catalog.problems.length === 1 ? '' : 's'} could not be read:
          </p>
          <ul>
            {catalog.problems.flatMap((p) =>
              p.problems.map((q) => (
                <li key={`${q.file}:${q.line}:${q.column}:${q.field}`}>
                  <code>
                    {q.file}:{q.line}:{q.column}
                  </code>{' '}
                  {q.field && <code>{q.field}</code>} {q.message}
                </li>
              )),
            )}
          </ul>
        </div>
      )}
      <div className="field">
        <label htmlFor="run-item">Work item</label>
        <div className="inline">
          <select
            id="run-item"
            value={choice.itemId ?? ''}
            onChange={(e) => choose({ itemId: e.target.value || null })}
          >
            <option value="">None (the whole workspace)</option>
            {items.map((i) => (
              <option key={i.id} value={i.id}>
                {i.id} · {i.title}
              </option>
            ))}
          </select>
          <button type="button" aria-expanded={newItem} onClick={() => setNewItem((v) => !v)}>
            New item…
          </button>
        </div>
        {workflow && workflow.items.length > 0 && (
          <p className="muted small">Made for {workflow.items.join(' and ')} items.</p>
        )}
      </div>
      {newItem && <NewItemForm onDone={() => setNewItem(false)} />}
      <div className="field">
        <label htmlFor="run-model">On-device model</label>
        {models.length === 0 ? (
          <p className="warn-note small">
            No model is installed.{' '}
            <button type="button" className="link" onClick={() => setView('models')}>
              Add one in the Models view (Alt+7)
            </button>
            {needsModel ? '; this workflow needs one.' : '.'}
          </p>
        ) : (
          <select
            id="run-model"
            value={choice.modelId ?? ''}
            onChange={(e) => choose({ modelId: e.target.value || null })}
          >
            {models.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name} · {m.quantization} · {formatBytes(m.sizeBytes)}
              </option>
            ))}
          </select>
        )}
      </div>
      {openId && (
        <div className="button-row">
          <button type="button" onClick={() => void openRun(null)}>
            Estimate and start…
          </button>
        </div>
      )}
    </section>
  );
}
