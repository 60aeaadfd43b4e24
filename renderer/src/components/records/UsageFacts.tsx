import type { Envelope } from '../../../../workflows/records/envelope.ts';
import { formatRate } from '../units.ts';
import { formatCost, formatCount, formatMs } from './format.ts';

/** Tokens by class, timings and cost of one call. */
export function UsageFacts({ envelope }: { envelope: Envelope }) {
  const t = envelope.tokens;
  const time = envelope.timings;
  return (
    <dl className="facts records-facts">
      <dt>Input tokens</dt>
      <dd>
        {formatCount(t.input)}
        <span className="muted">
          {' '}
          ({formatCount(t.cachedInput)} reused from cache, {formatCount(t.cacheWrite)} written to
          cache)
        </span>
      </dd>
      <dt>Output tokens</dt>
      <dd>
        {formatCount(t.output)}
        {t.reasoning > 0 && <span className="muted"> ({formatCount(t.reasoning)} reasoning)</span>}
      </dd>
      <dt>Time</dt>
      <dd>
        {formatMs(time.totalMs)} generating
        <span className="muted">
          {' '}
          · {formatMs(time.loadMs)} loading · first token after {formatMs(time.timeToFirstTokenMs)}
        </span>
      </dd>
      <dt>Speed</dt>
      <dd>
        {time.outputTokensPerSecond === null
          ? '–'
          : `${formatRate(time.outputTokensPerSecond)} output tokens/s`}
      </dd>
      <dt>Cost</dt>
      <dd>
        {formatCost(envelope.cost)}
        <span className="muted">
          {' '}
          ·{' '}
          {envelope.cost.priceTable
            ? `price table ${envelope.cost.priceTable}`
            : 'no charge (on this machine or from the cache)'}
        </span>
      </dd>
    </dl>
  );
}
