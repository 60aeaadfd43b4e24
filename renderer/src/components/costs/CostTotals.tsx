import type { CostBucket } from '../../../../electron/ipc/contract/costs.ts';
import { formatMoney } from '../money.ts';
import { formatSeconds, formatTokens } from './cost-series.ts';

/** The period's totals, as the numbers people quote. */
export function CostTotals({ total, currency }: { total: CostBucket; currency: string }) {
  const t = total.tokens;
  const money = total.money.length > 0 ? total.money : [{ currency, amount: 0 }];
  return (
    <dl className="cost-totals" aria-label="Totals for the period">
      <div>
        <dt>Model calls</dt>
        <dd>{formatTokens(total.calls)}</dd>
      </div>
      <div>
        <dt>Tokens</dt>
        <dd>{formatTokens(t.input + t.output)}</dd>
        <dd className="small muted">
          {formatTokens(t.input)} in ({formatTokens(t.cachedInput)} reused),{' '}
          {formatTokens(t.output)} out
        </dd>
      </div>
      <div>
        <dt>Time on the model</dt>
        <dd>{formatSeconds((total.totalMs + total.loadMs) / 1000)}</dd>
        <dd className="small muted">{formatSeconds(total.loadMs / 1000)} of it loading models</dd>
      </div>
      <div>
        <dt>Money</dt>
        {money.map((m) => (
          <dd key={m.currency}>{formatMoney(m.amount, m.currency)}</dd>
        ))}
        <dd className="small muted">hosted and cloud models; on-device ones are free</dd>
      </div>
    </dl>
  );
}
