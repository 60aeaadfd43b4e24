import { useEffect, useRef } from 'react';
import { RECORDS_PAGE_SIZE } from '../../state/records-slice.ts';
import { useCairn } from '../../state/store.ts';
import {
  formatCost,
  formatCount,
  formatMs,
  formatTime,
  OUTCOME_LABEL,
  outcomeOf,
} from './format.ts';

interface Props {
  /** The record that was open last: its row takes the focus when the list comes back. */
  focusId: string | null;
}

/** One page of recorded calls, newest first, with the way to newer and older pages. */
export function RecordList({ focusId }: Props) {
  const page = useCairn((s) => s.recordsPage);
  const cursors = useCairn((s) => s.recordsCursors);
  const loading = useCairn((s) => s.recordsLoading);
  const filter = useCairn((s) => s.recordsFilter);
  const openRecord = useCairn((s) => s.openRecord);
  const older = useCairn((s) => s.olderRecords);
  const newer = useCairn((s) => s.newerRecords);
  const table = useRef<HTMLTableElement>(null);

  useEffect(() => {
    if (!focusId) return;
    table.current
      ?.querySelector<HTMLButtonElement>(`button[data-id="${CSS.escape(focusId)}"]`)
      ?.focus();
  }, [focusId]);

  if (page === null) return <p className="muted">Loading records…</p>;
  if (page.total === 0) {
    return (
      <p className="muted records-empty">
        {Object.keys(filter).length > 0
          ? 'No recorded call matches these filters.'
          : 'No model call has been recorded yet. Every call a workflow makes to a model is recorded here, with what it was sent and what it returned.'}
      </p>
    );
  }
  // Every page but the last is full, so the page number says where this one starts.
  const first = (cursors.length - 1) * RECORDS_PAGE_SIZE + 1;
  const last = first + page.records.length - 1;
  const pager = (where: 'top' | 'bottom') => (
    <div className="records-pager">
      <p className="muted" aria-live={where === 'top' ? 'polite' : undefined}>
        {page.records.length === 0
          ? `No more records (${formatCount(page.total)} in all)`
          : `Records ${formatCount(first)}–${formatCount(last)} of ${formatCount(page.total)}, newest first`}
        {loading ? ' · loading…' : ''}
      </p>
      <button type="button" onClick={newer} disabled={cursors.length <= 1 || loading}>
        ← Newer
      </button>
      <button type="button" onClick={older} disabled={!page.next || loading}>
        Older →
      </button>
    </div>
  );
  return (
    <>
      {pager('top')}
      <table className="data-table records-table" ref={table}>
        <caption className="visually-hidden">Recorded model calls, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Call</th>
            <th scope="col">Recorded</th>
            <th scope="col">Run · pass</th>
            <th scope="col">Model</th>
            <th scope="col">Outcome</th>
            <th scope="col" className="num">
              Tokens in / out
            </th>
            <th scope="col" className="num">
              Time
            </th>
            <th scope="col" className="num">
              Cost
            </th>
          </tr>
        </thead>
        <tbody>
          {page.records.map((r) => {
            const outcome = outcomeOf(r);
            return (
              <tr key={r.id} onClick={() => void openRecord(r.id)}>
                <td>
                  <button
                    type="button"
                    className="records-open"
                    data-id={r.id}
                    aria-label={`Open call ${r.id}`}
                    onClick={(e) => {
                      e.stopPropagation();
                      void openRecord(r.id);
                    }}
                  >
                    {r.id}
                  </button>
                  {r.rerunOf && <span className="records-tag">re-run</span>}
                </td>
                <td className="records-when">{formatTime(r.createdAt)}</td>
                <td>
                  {r.runId ? (
                    <span className="records-mono">{r.runId}</span>
                  ) : (
                    <span className="muted">no run</span>
                  )}
                  {r.passId && <span className="muted"> · {r.passId}</span>}
                </td>
                <td>
                  {r.modelName ?? r.model}
                  <span className="muted small"> · {r.tier}</span>
                </td>
                <td>
                  <span
                    className={`records-outcome outcome-${outcome}`}
                    title={r.error ?? undefined}
                  >
                    {OUTCOME_LABEL[outcome]}
                  </span>
                </td>
                <td className="num">
                  {formatCount(r.inputTokens)} / {formatCount(r.outputTokens)}
                </td>
                <td className="num">{formatMs(r.totalMs)}</td>
                <td className="num">{formatCost(r.cost)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {page.records.length > 10 && pager('bottom')}
    </>
  );
}
