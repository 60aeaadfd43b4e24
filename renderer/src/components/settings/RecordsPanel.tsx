import { useId, useState, type FormEvent } from 'react';
import { plural } from '../../state/settings-slice.ts';
import { useCairn } from '../../state/store.ts';
import { ConfirmDialog } from '../ConfirmDialog.tsx';
import { formatBytes } from '../units.ts';
import { CopyButton } from './CopyButton.tsx';
import { FormField } from './FormField.tsx';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A date input's value (YYYY-MM-DD) as the start of that day here, in ISO 8601. */
const startOfDay = (date: string, plusDays = 0) =>
  new Date(new Date(`${date}T00:00:00`).getTime() + plusDays * DAY_MS).toISOString();

/** Exporting recorded model calls, and clearing them behind a confirmation that counts them. */
export function RecordsPanel() {
  const exporting = useCairn((s) => s.exporting);
  const lastExport = useCairn((s) => s.lastExport);
  const exportError = useCairn((s) => s.exportError);
  const exportRecords = useCairn((s) => s.exportRecords);
  const preview = useCairn((s) => s.clearPreview);
  const clearing = useCairn((s) => s.clearing);
  const clearNotice = useCairn((s) => s.clearNotice);
  const clearError = useCairn((s) => s.clearError);
  const previewClear = useCairn((s) => s.previewClear);
  const cancelClear = useCairn((s) => s.cancelClear);
  const confirmClear = useCairn((s) => s.confirmClear);
  const id = useId();
  const [format, setFormat] = useState<'jsonl' | 'otlp'>('jsonl');
  const [range, setRange] = useState<'all' | 'dates'>('all');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [rangeError, setRangeError] = useState<string | null>(null);
  const [scope, setScope] = useState<'all' | 'older'>('older');
  const [days, setDays] = useState('30');
  const [daysError, setDaysError] = useState<string | null>(null);

  const submitExport = (e: FormEvent) => {
    e.preventDefault();
    if (range === 'dates' && (from === '' || to === '' || from > to)) {
      setRangeError(
        from === '' || to === ''
          ? 'Choose both the first and the last day.'
          : 'The last day comes before the first.',
      );
      return;
    }
    setRangeError(null);
    void exportRecords(
      range === 'all' ? { format } : { format, since: startOfDay(from), until: startOfDay(to, 1) },
    );
  };

  const submitClear = (e: FormEvent) => {
    e.preventDefault();
    const n = Number(days);
    if (scope === 'older' && (!Number.isInteger(n) || n < 1)) {
      setDaysError('Give a whole number of days, 1 or more.');
      return;
    }
    setDaysError(null);
    void previewClear(scope === 'all' ? null : n);
  };

  return (
    <section className="panel" aria-labelledby="records-title">
      <h2 id="records-title">Records</h2>
      <p className="muted">
        Every model call is recorded on this machine: what the model received and returned, tokens,
        time and cost.
      </p>
      <form className="records-export" onSubmit={submitExport} aria-labelledby={`${id}-export`}>
        <h3 id={`${id}-export`}>Export</h3>
        <div className="form-grid">
          <fieldset className="choice">
            <legend>Format</legend>
            <label>
              <input
                type="radio"
                name={`${id}-format`}
                checked={format === 'jsonl'}
                onChange={() => setFormat('jsonl')}
              />{' '}
              <strong>JSON Lines</strong>: one whole record per line, messages included
            </label>
            <label>
              <input
                type="radio"
                name={`${id}-format`}
                checked={format === 'otlp'}
                onChange={() => setFormat('otlp')}
              />{' '}
              <strong>OTLP JSON</strong>: OpenTelemetry GenAI spans for tracing tools, without
              message contents
            </label>
          </fieldset>
          <fieldset className="choice">
            <legend>Which records</legend>
            <label>
              <input
                type="radio"
                name={`${id}-range`}
                checked={range === 'all'}
                onChange={() => setRange('all')}
              />{' '}
              All
            </label>
            <label>
              <input
                type="radio"
                name={`${id}-range`}
                checked={range === 'dates'}
                onChange={() => setRange('dates')}
              />{' '}
              Recorded between two days
            </label>
            {range === 'dates' && (
              <div className="date-range">
                <FormField label="First day" errors={[]}>
                  {(c) => (
                    <input
                      {...c}
                      type="date"
                      value={from}
                      onChange={(e) => setFrom(e.target.value)}
                    />
                  )}
                </FormField>
                <FormField label="Last day" errors={rangeError ? [rangeError] : []}>
                  {(c) => (
                    <input {...c} type="date" value={to} onChange={(e) => setTo(e.target.value)} />
                  )}
                </FormField>
              </div>
            )}
          </fieldset>
        </div>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={exporting}>
            {exporting ? 'Exporting…' : 'Export records'}
          </button>
        </div>
        {exportError && (
          <p className="error" role="alert">
            {exportError.message}
          </p>
        )}
        {lastExport && (
          <p className="notice export-result" role="status">
            Exported {plural(lastExport.records, 'record')} ({formatBytes(lastExport.bytes)}) to{' '}
            <code className="path-text">{lastExport.file}</code>{' '}
            <CopyButton text={lastExport.file} what="the export file path" />
          </p>
        )}
      </form>
      <form className="records-clear" onSubmit={submitClear} aria-labelledby={`${id}-clear`}>
        <h3 id={`${id}-clear`}>Clear</h3>
        <p className="hint small muted">
          Finished runs go with their records, pass results and proposed changes. Runs that can
          still resume or have changes waiting for your decision are kept, and so are the egress log
          and budgets.
        </p>
        <fieldset className="choice">
          <legend>What to clear</legend>
          <label className="inline-choice">
            <input
              type="radio"
              name={`${id}-scope`}
              checked={scope === 'older'}
              onChange={() => setScope('older')}
            />{' '}
            Records older than
          </label>{' '}
          <input
            type="number"
            className="days-input"
            min={1}
            step={1}
            value={days}
            aria-label="Days"
            aria-invalid={daysError ? true : undefined}
            aria-describedby={daysError ? `${id}-days-error` : undefined}
            disabled={scope !== 'older'}
            onChange={(e) => setDays(e.target.value)}
          />{' '}
          days
          <label>
            <input
              type="radio"
              name={`${id}-scope`}
              checked={scope === 'all'}
              onChange={() => setScope('all')}
            />{' '}
            All records
          </label>
          {daysError && (
            <p id={`${id}-days-error`} className="field-error small">
              {daysError}
            </p>
          )}
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="danger" disabled={clearing}>
            {clearing ? 'Clearing…' : 'Clear records…'}
          </button>
        </div>
        {clearError && (
          <p className="error" role="alert">
            {clearError.message}
          </p>
        )}
        {clearNotice && (
          <p className="notice" role="status">
            {clearNotice}
          </p>
        )}
      </form>
      {preview && (
        <ConfirmDialog
          title={`Delete ${plural(preview.records, 'record')}?`}
          confirmLabel={`Delete ${plural(preview.records, 'record')} and ${plural(preview.runs, 'run')}`}
          onCancel={cancelClear}
          onConfirm={() => void confirmClear()}
        >
          <p>
            {plural(preview.records, 'recorded model call')} and{' '}
            {plural(preview.runs, 'finished run')} (with their pass results and proposed changes)
            from before {new Date(preview.before).toLocaleString()} will be deleted. This cannot be
            undone.
          </p>
          {preview.keptRuns > 0 && (
            <p>
              {plural(preview.keptRuns, 'run')} from that time{' '}
              {preview.keptRuns === 1 ? 'is' : 'are'} kept with{' '}
              {preview.keptRuns === 1 ? 'its' : 'their'} records: still going, or with changes
              waiting for your decision.
            </p>
          )}
          <p className="muted">
            The egress log and budgets are kept. Export first if you may need these records.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
