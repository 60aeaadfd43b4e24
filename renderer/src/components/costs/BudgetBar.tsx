import type { BudgetUse } from '../../../../electron/ipc/contract/costs.ts';
import { formatMoney } from '../money.ts';
import { LIMIT_FIELDS } from './budget-form.ts';
import { budgetState, LIMIT_WORDS, STATE_WORDS } from './budget-words.ts';

/** Spent so far as a bar, with a mark at each limit; the same in words for screen readers. */
export function BudgetBar({ budget }: { budget: BudgetUse }) {
  const limits = LIMIT_FIELDS.flatMap((field) => {
    const value = budget[field];
    return value === null ? [] : [{ field, value }];
  });
  const scale = Math.max(budget.used, ...limits.map((l) => l.value)) || 1;
  const percent = (v: number) => `${Math.min(100, (v / scale) * 100)}%`;
  const money = (v: number) => formatMoney(v, budget.currency);
  const state = budgetState(budget);
  const words =
    `${money(budget.used)} spent; ` +
    limits
      .map((l) => `${LIMIT_WORDS[l.field].name.toLowerCase()} limit ${money(l.value)}`)
      .join(', ') +
    `. ${STATE_WORDS[state]}.`;
  return (
    <div className="budget-meter">
      <div className={`budget-bar state-${state}`} role="img" aria-label={words}>
        <div className="budget-fill" style={{ width: percent(budget.used) }} />
        {limits.map((l) => (
          <span
            key={l.field}
            className={`budget-mark mark-${l.field}`}
            style={{ left: percent(l.value) }}
          />
        ))}
      </div>
      <p className={`budget-state small state-${state}`}>
        {money(budget.used)} spent · {STATE_WORDS[state]}
      </p>
    </div>
  );
}
