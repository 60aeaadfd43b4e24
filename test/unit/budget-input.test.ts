// Budgets as the UI and the CLI give them: the key each scope is kept under (shared by both),
// and the contract's check of the limits (at least one, none negative, in order).
import { describe, expect, it } from 'vitest';
import { BudgetInputSchema } from '../../electron/ipc/contract/costs.ts';
import { BudgetKeyError, budgetKey } from '../../electron/services/egress/budget-store.ts';

const defaults = { workspaceRoot: '/work/lantern', now: new Date('2026-11-20T10:00:00Z') };

describe('budgetKey', () => {
  it('defaults to the open workspace and this month, and upper-cases item IDs', () => {
    expect(budgetKey('workspace', undefined, defaults)).toBe('/work/lantern');
    expect(budgetKey('workspace', '/other', defaults)).toBe('/other');
    expect(budgetKey('month', undefined, defaults)).toBe('2026-11');
    expect(budgetKey('month', ' 2027-01 ', defaults)).toBe('2027-01');
    expect(budgetKey('item', 'feat-7kq2m4', defaults)).toBe('FEAT-7KQ2M4');
  });

  it('says what is missing or malformed', () => {
    expect(() => budgetKey('item', '  ', defaults)).toThrow(
      new BudgetKeyError('an item budget needs the work item ID'),
    );
    expect(() => budgetKey('month', '2026-13', defaults)).toThrow(/written YYYY-MM, got '2026-13'/);
    expect(() => budgetKey('workspace', undefined, { workspaceRoot: null })).toThrow(
      /needs the workspace folder/,
    );
  });
});

describe('BudgetInputSchema', () => {
  const issues = (input: object) => {
    const result = BudgetInputSchema.safeParse({ scope: 'month', ...input });
    return result.success
      ? []
      : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('takes limits in order, any of them left out', () => {
    expect(issues({ soft: 1, hard: 2, block: 3 })).toEqual([]);
    expect(issues({ soft: null, hard: null, block: 0 })).toEqual([]);
    expect(issues({ soft: 2, hard: null, block: 2 })).toEqual([]);
  });

  it('refuses no limit, negative or non-numbers, and limits out of order, all at once', () => {
    expect(issues({ soft: null, hard: null, block: null })).toEqual([
      'soft: give at least one limit',
    ]);
    expect(issues({ soft: 5, hard: 2, block: Number.NaN })).toEqual([
      'block: must be an amount of money',
      'soft: the soft limit must not be above the hard limit',
    ]);
    expect(issues({ soft: -1, hard: null, block: 1 })).toEqual(['soft: must be 0 or more']);
    expect(issues({ soft: 3, hard: null, block: 1 })).toEqual([
      'soft: the soft limit must not be above the block limit',
    ]);
  });
});
