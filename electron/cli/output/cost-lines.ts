// Tokens by class, time and money, as one line per pass, run or work item.
import type { RecordTotals } from '../../services/records/record-store.ts';

export function costLine(label: string, totals: RecordTotals | undefined, passMs?: number): string {
  const time = passMs !== undefined ? `${(passMs / 1000).toFixed(1)} s` : null;
  if (!totals) return `${label}  no model calls${time ? `, ${time}` : ''}`;
  const t = totals.tokens;
  return (
    `${label}  ${totals.calls} call${totals.calls === 1 ? '' : 's'}, ` +
    `${t.input} input (${t.cachedInput} reused), ${t.output} output tokens, ` +
    `${time ?? `${(totals.totalMs / 1000).toFixed(1)} s`} on the model, ` +
    `${totals.money.amount.toFixed(4)} ${totals.money.currency}`
  );
}
