import { RUN_STATUSES, type RunSummary } from '../../../../electron/ipc/contract/runs.ts';
import { useCairn } from '../../state/store.ts';
import { formatMoney } from '../money.ts';
import { formatSeconds, formatTokens, runStateLabel, runStateTone } from './run-words.ts';

const STATUS_WORDS: Record<RunSummary['status'], string> = {
  running: 'running or interrupted',
  waiting: 'waiting for approval',
  deferred: 'waiting for consent',
  blocked: 'blocked at a gate',
  completed: 'completed',
  failed: 'failed',
  cancelled: 'cancelled',
};

/** Runs of this workspace, filtered, with what they used in total. */
export function RunList() {
  const runs = useCairn((s) => s.runs);
  const totals = useCairn((s) => s.runTotals);
  const filters = useCairn((s) => s.runFilters);
  const setFilters = useCairn((s) => s.setRunFilters);
  const catalog = useCairn((s) => s.workflowCatalog);
  const items = useCairn((s) => s.workItems);
  const openId = useCairn((s) => s.openRunId);
  const openRun = useCairn((s) => s.openRun);
  return (
    <section className="panel run-list" aria-labelledby="run-list-title">
      <h2 id="run-list-title">Runs</h2>
      <div className="filters">
        <div className="field">
          <label htmlFor="filter-status">Status</label>
          <select
            id="filter-status"
            value={filters.status ?? ''}
            onChange={(e) =>
              setFilters({
                ...filters,
                status: (e.target.value || undefined) as RunSummary['status'] | undefined,
              })
            }
          >
            <option value="">Any</option>
            {RUN_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_WORDS[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-workflow">Workflow</label>
          <select
            id="filter-workflow"
            value={filters.workflowId ?? ''}
            onChange={(e) => setFilters({ ...filters, workflowId: e.target.value || undefined })}
          >
            <option value="">Any</option>
            {catalog?.workflows.map((w) => (
              <option key={w.id} value={w.id}>
                {w.id}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-item">Work item</label>
          <select
            id="filter-item"
            value={filters.itemId ?? ''}
            onChange={(e) => setFilters({ ...filters, itemId: e.target.value || undefined })}
          >
            <option value="">Any</option>
            {items?.map((i) => (
              <option key={i.id} value={i.id}>
                {i.id}
              </option>
            ))}
          </select>
        </div>
      </div>
      {runs === null ? (
        <p className="muted">Loading runs…</p>
      ) : runs.length === 0 ? (
        <p className="muted">
          {Object.values(filters).some(Boolean)
            ? 'No run matches these filters.'
            : 'No runs yet. Choose a workflow above and start one.'}
        </p>
      ) : (
        <ul className="runs" aria-label="Runs, newest first">
          {runs.map((r) => (
            <li key={r.id}>
              <button
                type="button"
                className={r.id === openId ? 'run-item selected' : 'run-item'}
                aria-current={r.id === openId ? 'true' : undefined}
                onClick={() => void openRun(r.id)}
              >
                <span className="run-item-head">
                  <span className="run-id">{r.id}</span>
                  <span className={`state-badge ${runStateTone(r)}`}>{runStateLabel(r)}</span>
                </span>
                <span>
                  {r.workflowTitle}
                  {r.item ? ` · ${r.item.id}` : ''} · pass {Math.min(r.nextPass, r.passCount)}/
                  {r.passCount}
                </span>
                <span className="muted small">
                  {formatTokens(r.totals.inputTokens + r.totals.outputTokens)} tokens ·{' '}
                  {formatSeconds(r.totals.passMs / 1000)} ·{' '}
                  {formatMoney(r.totals.money, r.totals.currency)} ·{' '}
                  {new Date(r.updatedAt).toLocaleString()}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {totals && runs && runs.length > 0 && (
        <p className="run-totals-line" aria-label="Totals of the runs listed">
          {runs.length} run{runs.length === 1 ? '' : 's'}: {formatTokens(totals.inputTokens)} in ·{' '}
          {formatTokens(totals.outputTokens)} out tokens · {formatSeconds(totals.passMs / 1000)} ·{' '}
          {formatMoney(totals.money, totals.currency)}
        </p>
      )}
    </section>
  );
}
