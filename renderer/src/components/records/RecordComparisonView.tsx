import { useMemo } from 'react';
import type { FieldComparisonView } from '../../../../electron/ipc/contract/records.ts';
import type { RecordComparison, RecordDetail } from '../../state/records-slice.ts';
import { useCairn } from '../../state/store.ts';
import { formatCount, formatMs, modelLabel } from './format.ts';
import { PairChart } from './PairChart.tsx';
import { TextBlock } from './TextBlock.tsx';
import { UsageFacts } from './UsageFacts.tsx';

const STATUS_LABEL: Record<FieldComparisonView['status'], string> = {
  same: 'Same',
  changed: 'Different',
  added: 'Only in the re-run',
  removed: 'Only in the recorded call',
};

const MAX_VALUE_CHARS = 600;

function value(v: unknown, present: boolean): string {
  if (!present) return '—';
  const text = JSON.stringify(v) ?? 'undefined';
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS - 1)}…` : text;
}

function CallColumn({ label, detail }: { label: string; detail: RecordDetail }) {
  const openRecord = useCairn((s) => s.openRecord);
  const e = detail.envelope;
  return (
    <section className="records-compare-column" aria-label={label}>
      <h4>{label}</h4>
      <p>
        <strong>{modelLabel(e.model, detail.modelName)}</strong>{' '}
        <span className="muted">
          {e.model.quantization ?? ''} · {e.model.tier}
        </span>
      </p>
      <p className="small">
        <button type="button" className="link-button" onClick={() => void openRecord(e.id)}>
          Open call {e.id}
        </button>
        {e.error && <span className="error"> · failed: {e.error}</span>}
      </p>
      <UsageFacts envelope={e} />
      <TextBlock
        title="Raw output"
        what={`raw output of the ${label.toLowerCase()}`}
        text={e.output.text}
        note={`stop: ${e.output.stopReason}`}
      />
      {e.output.json !== null && (
        <TextBlock
          title="Parsed value"
          what={`parsed value of the ${label.toLowerCase()}`}
          text={JSON.stringify(e.output.json, null, 2)}
        />
      )}
    </section>
  );
}

/** A call beside another call of the same request: outputs side by side, field by field. */
export function RecordComparisonView({ comparison }: { comparison: RecordComparison }) {
  const { source, other, comparison: c } = comparison;
  const messages = source.envelope.messages.length;
  const tokens = useMemo(
    () => ({
      labels: ['Input', 'Output'],
      series: [
        { name: 'Recorded', values: [source.envelope.tokens.input, source.envelope.tokens.output] },
        { name: 'Re-run', values: [other.envelope.tokens.input, other.envelope.tokens.output] },
      ],
    }),
    [source, other],
  );
  const time = useMemo(
    () => ({
      labels: ['Loading', 'Generating'],
      series: [source, other].map((d, i) => ({
        name: i === 0 ? 'Recorded' : 'Re-run',
        values: [d.envelope.timings.loadMs, d.envelope.timings.totalMs],
      })),
    }),
    [source, other],
  );
  return (
    <section className="panel records-compare" aria-labelledby="records-compare-title">
      <h3 id="records-compare-title">Recorded call and re-run, side by side</h3>
      <p className={comparison.sameMessages && comparison.sameParams ? 'notice' : 'warn-note'}>
        {comparison.sameMessages && comparison.sameParams
          ? `Same request: both calls received the same ${messages} message${messages === 1 ? '' : 's'} (above) and the same parameters.`
          : `The requests differ: ${comparison.sameMessages ? 'the messages are the same' : 'the messages differ'}, ${comparison.sameParams ? 'the parameters are the same' : 'the parameters differ'}.`}
      </p>
      <p className="records-compare-summary" role="status">
        {c.identical
          ? 'The outputs are identical.'
          : `${c.counts.changed + c.counts.added + c.counts.removed} of ${c.fields.length} field${c.fields.length === 1 ? '' : 's'} differ, ${c.counts.same} the same · text similarity ${c.textSimilarity.toFixed(2)}`}
      </p>
      <div className="records-compare-charts">
        <PairChart
          title="Tokens"
          labels={tokens.labels}
          series={tokens.series}
          format={formatCount}
        />
        <PairChart title="Time" labels={time.labels} series={time.series} format={formatMs} />
      </div>
      <table className="data-table records-fields">
        <caption>Field by field</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Result</th>
            <th scope="col">Recorded call</th>
            <th scope="col">Re-run</th>
          </tr>
        </thead>
        <tbody>
          {c.fields.map((f) => (
            <tr key={f.path} className={`field-${f.status}`}>
              <th scope="row" className="records-mono">
                {f.path === '' ? '(whole output)' : f.path}
              </th>
              <td>
                <span className={`records-field-status status-${f.status}`}>
                  {STATUS_LABEL[f.status]}
                </span>
                {f.similarity !== undefined && f.status === 'changed' && (
                  <span className="muted small"> · similarity {f.similarity.toFixed(2)}</span>
                )}
              </td>
              <td className="records-value">{value(f.before, f.status !== 'added')}</td>
              <td className="records-value">{value(f.after, f.status !== 'removed')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="records-compare-columns">
        <CallColumn label="Recorded call" detail={source} />
        <CallColumn label="Re-run" detail={other} />
      </div>
    </section>
  );
}
