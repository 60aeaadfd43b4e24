// Contract channels for costs and budgets (issue 9): tokens, time and money of recorded model
// calls by day, workflow and work item; budgets with their limits, what each has used, and
// setting or removing one.
import { z } from 'zod';
import { call } from './channel-kinds.ts';

const MoneySchema = z.object({ currency: z.string(), amount: z.number() });

export const CostBucketSchema = z.object({
  key: z.string().nullable(),
  title: z.string().nullable(),
  calls: z.number().int(),
  tokens: z.object({
    input: z.number(),
    cachedInput: z.number(),
    cacheWrite: z.number(),
    output: z.number(),
    reasoning: z.number(),
  }),
  totalMs: z.number(),
  loadMs: z.number(),
  money: z.array(MoneySchema),
});
export type CostBucket = z.infer<typeof CostBucketSchema>;

export const CostSummarySchema = z.object({
  from: z.string(),
  to: z.string(),
  since: z.string(),
  days: z.array(CostBucketSchema),
  workflows: z.array(CostBucketSchema),
  workItems: z.array(CostBucketSchema),
  total: CostBucketSchema,
});
export type CostSummary = z.infer<typeof CostSummarySchema>;

export const COST_PERIODS = [7, 30, 90] as const;

export const BudgetScopeSchema = z.enum(['workspace', 'item', 'month']);
export type BudgetScope = z.infer<typeof BudgetScopeSchema>;

export const BudgetUseSchema = z.object({
  scope: BudgetScopeSchema,
  key: z.string(),
  currency: z.string(),
  soft: z.number().nullable(),
  hard: z.number().nullable(),
  block: z.number().nullable(),
  /** Settled plus still reserved. */
  used: z.number(),
});
export type BudgetUse = z.infer<typeof BudgetUseSchema>;

const Limit = z
  .number({ error: 'must be an amount of money' })
  .finite()
  .min(0, 'must be 0 or more')
  .max(1e9, 'is too large')
  .nullable();

/** A budget to set: at least one limit, and the limits in order (soft ≤ hard ≤ block). */
export const BudgetInputSchema = z
  .object({
    scope: BudgetScopeSchema,
    /** The workspace folder, work item ID or month (YYYY-MM); the default is the open one. */
    key: z.string().trim().max(4096).optional(),
    soft: Limit,
    hard: Limit,
    block: Limit,
  })
  .strict()
  .superRefine(
    (b, ctx) => {
      if (b.soft === null && b.hard === null && b.block === null) {
        ctx.addIssue({ code: 'custom', path: ['soft'], message: 'give at least one limit' });
      }
      const order = [
        ['soft', b.soft],
        ['hard', b.hard],
        ['block', b.block],
      ] as const;
      for (let i = 0; i < order.length; i++) {
        for (let j = i + 1; j < order.length; j++) {
          const [lower, low] = order[i]!;
          const [upper, high] = order[j]!;
          if (low !== null && high !== null && low > high) {
            ctx.addIssue({
              code: 'custom',
              path: [lower],
              message: `the ${lower} limit must not be above the ${upper} limit`,
            });
          }
        }
      }
    },
    // Also when an amount is wrong, so the form shows every problem at once.
    { when: () => true },
  );
export type BudgetInput = z.input<typeof BudgetInputSchema>;

export const costChannels = {
  'costs.summary': call(
    z
      .object({
        days: z.literal(COST_PERIODS),
        /** The user's offset from UTC in minutes (UTC+2 is 120): days start at local midnight. */
        utcOffsetMinutes: z
          .number()
          .int()
          .min(-14 * 60)
          .max(14 * 60),
      })
      .strict(),
    CostSummarySchema,
  ),
  'budgets.list': call(
    z.object({}).strict(),
    z.object({
      budgets: z.array(BudgetUseSchema),
      /** Defaults for a new budget: the open workspace and this month. */
      workspaceRoot: z.string().nullable(),
      month: z.string(),
      /** The price table's currency: what calls cost in, so what budgets are counted in. */
      currency: z.string(),
      /** Why the price table could not be read, when it could not. */
      priceProblem: z.string().nullable(),
    }),
  ),
  'budgets.set': call(BudgetInputSchema, BudgetUseSchema),
  'budgets.remove': call(
    z.object({ scope: BudgetScopeSchema, key: z.string().min(1).max(4096) }).strict(),
    z.object({ removed: z.boolean() }),
  ),
} as const;
