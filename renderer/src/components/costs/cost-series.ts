// What each metric charts: the series (tokens by class, time by kind, money by currency) taken
// from cost buckets, with how their values read.
import type { CostBucket } from '../../../../electron/ipc/contract/costs.ts';
import type { CostMetric } from '../../state/costs-slice.ts';
import { formatMoney } from '../money.ts';

export interface Series {
  label: string;
  /** The CSS variable holding its colour. */
  colorVar: string;
  values: number[];
  format(value: number): string;
}

export interface MetricChart {
  /** What the metric is, for titles: "Tokens", "Time on the model", "Money". */
  name: string;
  /** The value axis title. */
  unit: string;
  series: Series[];
  /** Whether the series add up to one total per bar (same unit). */
  stacked: boolean;
}

const numberFormat = new Intl.NumberFormat();
export const formatTokens = (n: number) => numberFormat.format(Math.round(n));
export const formatSeconds = (s: number) =>
  `${new Intl.NumberFormat(undefined, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(s)} s`;

export const METRIC_NAMES: Record<CostMetric, string> = {
  tokens: 'Tokens',
  time: 'Time on the model',
  money: 'Money',
};

/** The currencies in these buckets, the largest sum first; `fallback` when there is none. */
function currenciesOf(buckets: CostBucket[], fallback: string): string[] {
  const sums = new Map<string, number>();
  for (const b of buckets)
    for (const m of b.money) sums.set(m.currency, (sums.get(m.currency) ?? 0) + m.amount);
  const list = [...sums].sort((a, b) => b[1] - a[1]).map(([c]) => c);
  return list.length > 0 ? list : [fallback];
}

export function metricChart(
  buckets: CostBucket[],
  metric: CostMetric,
  defaultCurrency: string,
): MetricChart {
  const pick = (label: string, colorVar: string, f: (b: CostBucket) => number) => ({
    label,
    colorVar,
    values: buckets.map(f),
  });
  if (metric === 'tokens') {
    return {
      name: METRIC_NAMES.tokens,
      unit: 'tokens',
      stacked: true,
      series: [
        pick('Input, new', '--chart-input', (b) => b.tokens.input - b.tokens.cachedInput),
        pick('Input, reused from cache', '--chart-cached', (b) => b.tokens.cachedInput),
        pick('Output', '--chart-output', (b) => b.tokens.output),
      ].map((s) => ({ ...s, format: formatTokens })),
    };
  }
  if (metric === 'time') {
    return {
      name: METRIC_NAMES.time,
      unit: 'seconds',
      stacked: true,
      series: [
        pick('Generating', '--chart-time', (b) => b.totalMs / 1000),
        pick('Loading the model', '--chart-load', (b) => b.loadMs / 1000),
      ].map((s) => ({ ...s, format: formatSeconds })),
    };
  }
  const currencies = currenciesOf(buckets, defaultCurrency);
  return {
    name: METRIC_NAMES.money,
    unit: currencies.length === 1 ? currencies[0]! : 'money',
    stacked: false,
    series: currencies.map((currency, i) => ({
      ...pick(currency, i === 0 ? '--chart-money' : `--chart-money-${Math.min(i, 2)}`, (b) =>
        b.money.filter((m) => m.currency === currency).reduce((sum, m) => sum + m.amount, 0),
      ),
      format: (v: number) => formatMoney(v, currency),
    })),
  };
}

/** Buckets ordered by how much of the metric they hold, largest first. */
export function byMetric(buckets: CostBucket[], metric: CostMetric): CostBucket[] {
  const size = (b: CostBucket) =>
    metric === 'tokens'
      ? b.tokens.input + b.tokens.output
      : metric === 'time'
        ? b.totalMs + b.loadMs
        : b.money.reduce((sum, m) => sum + m.amount, 0);
  return [...buckets].sort((a, b) => size(b) - size(a) || b.calls - a.calls);
}
