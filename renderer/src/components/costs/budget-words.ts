// What happens at each budget limit, in words: the egress gate's rules (BudgetStore.preview).
import type { BudgetScope, BudgetUse } from '../../../../electron/ipc/contract/costs.ts';
import type { LimitField } from './budget-form.ts';

export const LIMIT_WORDS: Record<LimitField, { name: string; effect: string; detail: string }> = {
  soft: {
    name: 'Soft',
    effect: 'warn',
    detail: 'A request that passes it is still sent; the request and the egress log say so.',
  },
  hard: {
    name: 'Hard',
    effect: 'ask',
    detail:
      'A request that passes it waits for your approval of that very request; approving the whole run is not enough.',
  },
  block: {
    name: 'Block',
    effect: 'refuse',
    detail: 'Nothing that would pass it is sent.',
  },
};

export const SCOPE_WORDS: Record<BudgetScope, string> = {
  workspace: 'Workspace',
  item: 'Work item',
  month: 'Month',
};

export type BudgetState = 'within' | 'past-soft' | 'past-hard' | 'at-block';

/** Where spending stands against the limits. */
export function budgetState(b: BudgetUse): BudgetState {
  if (b.block !== null && b.used >= b.block) return 'at-block';
  if (b.hard !== null && b.used > b.hard) return 'past-hard';
  if (b.soft !== null && b.used > b.soft) return 'past-soft';
  return 'within';
}

export const STATE_WORDS: Record<BudgetState, string> = {
  within: 'Within its limits',
  'past-soft': 'Past its soft limit: requests are marked',
  'past-hard': 'Past its hard limit: each request asks you first',
  'at-block': 'At its block limit: nothing more is sent',
};
