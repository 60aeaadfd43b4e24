// Handlers of the costs.* and budgets.* channels: sums over the recorded model calls, and the
// budgets the egress gate reserves against (the same BudgetStore the gate and `cairn budgets` use).
import type { Core } from '../../services/core.ts';
import { BudgetKeyError, budgetKey } from '../../services/egress/budget-store.ts';
import { costSummary } from '../../services/records/cost-summary.ts';
import { loadPriceTable } from '../../services/records/price-table-file.ts';
import type { costChannels } from '../contract/costs.ts';
import type { Handlers } from '../dispatch.ts';
import { CairnFailure } from '../failure.ts';

type CostHandlers = Pick<Handlers, keyof typeof costChannels>;

export function createCostHandlers(core: Core): CostHandlers {
  const budgets = () => core.workflows.escalation.budgets;
  const currency = (): { currency: string; priceProblem: string | null } => {
    try {
      return { currency: loadPriceTable(core.dataDir).table.currency, priceProblem: null };
    } catch (error) {
      return { currency: 'USD', priceProblem: (error as Error).message };
    }
  };
  const keyOf = (scope: 'workspace' | 'item' | 'month', key: string | undefined) => {
    try {
      return budgetKey(scope, key, { workspaceRoot: core.workspace?.root ?? null });
    } catch (error) {
      if (error instanceof BudgetKeyError) throw new CairnFailure('invalid_input', error.message);
      throw error;
    }
  };
  return {
    'costs.summary': ({ days, utcOffsetMinutes }) =>
      costSummary(core.db, { days, utcOffsetMinutes }),
    'budgets.list': () => ({
      budgets: budgets().list(),
      workspaceRoot: core.workspace?.root ?? null,
      month: new Date().toISOString().slice(0, 7),
      ...currency(),
    }),
    'budgets.set': ({ scope, key, soft, hard, block }) => {
      const budget = {
        scope,
        key: keyOf(scope, key),
        currency: currency().currency,
        soft,
        hard,
        block,
      };
      budgets().set(budget);
      const saved = budgets()
        .list()
        .find((b) => b.scope === scope && b.key === budget.key);
      if (!saved) throw new Error(`the ${scope} budget ${budget.key} was not saved`);
      return saved;
    },
    'budgets.remove': ({ scope, key }) => {
      const removed = budgets().remove(scope, keyOf(scope, key));
      if (!removed) {
        throw new CairnFailure(
          'not_found',
          `There is no ${scope} budget ${key}; it may have been removed already. Reload the list.`,
        );
      }
      return { removed };
    },
  };
}
