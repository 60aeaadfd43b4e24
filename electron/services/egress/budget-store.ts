// Budgets per workspace, work item and month, with a soft limit (tell the user), a hard limit
// (ask the user for each request) and a block (refuse). Money is reserved before a call at its
// max-token bound and settled after at what it cost, in one immediate transaction, so calls
// running side by side can never together spend past a block limit.
import type { Database } from 'better-sqlite3';
import type { BudgetPort, BudgetReservation } from '../../../native-models/routing/egress-ports.ts';
import { randomId } from '../../../workflows/engine/run-ids.ts';

export type BudgetScope = 'workspace' | 'item' | 'month';

export interface Budget {
  scope: BudgetScope;
  /** The workspace root, the work item ID, or the month as YYYY-MM. */
  key: string;
  currency: string;
  soft: number | null;
  hard: number | null;
  block: number | null;
}

export interface BudgetUse extends Budget {
  /** Settled plus still reserved. */
  used: number;
}

interface Claim {
  workspaceRoot: string;
  workItemId: string | null;
  amount: number;
}

export const BUDGET_SCOPES: readonly BudgetScope[] = ['workspace', 'item', 'month'];

export class BudgetKeyError extends Error {
  override name = 'BudgetKeyError';
}

/**
 * The key a budget is kept under: the workspace folder (default: the open one), the work item
 * ID (upper case, as IDs are minted), or the month as YYYY-MM (default: this month).
 */
export function budgetKey(
  scope: BudgetScope,
  key: string | undefined,
  defaults: { workspaceRoot: string | null; now?: Date },
): string {
  const given = key?.trim() || undefined;
  if (scope === 'workspace') {
    const root = given ?? defaults.workspaceRoot;
    if (!root) throw new BudgetKeyError('a workspace budget needs the workspace folder');
    return root;
  }
  if (scope === 'item') {
    if (!given) throw new BudgetKeyError('an item budget needs the work item ID');
    return given.toUpperCase();
  }
  const month = given ?? (defaults.now ?? new Date()).toISOString().slice(0, 7);
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month))
    throw new BudgetKeyError(`a month is written YYYY-MM, got '${month}'`);
  return month;
}

const SCOPE_COLUMN: Record<BudgetScope, string> = {
  workspace: 'workspace_root',
  item: 'work_item_id',
  month: 'month',
};

export class BudgetStore implements BudgetPort {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date = () => new Date(),
  ) {}

  set(budget: Budget): void {
    for (const limit of [budget.soft, budget.hard, budget.block]) {
      if (limit !== null && !(limit >= 0))
        throw new Error('A budget limit is a sum of money, 0 or more.');
    }
    this.db
      .prepare(
        `INSERT INTO budgets (scope, key, currency, soft, hard, block) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (scope, key) DO UPDATE SET currency = excluded.currency, soft = excluded.soft,
           hard = excluded.hard, block = excluded.block`,
      )
      .run(budget.scope, budget.key, budget.currency, budget.soft, budget.hard, budget.block);
  }

  /** Removes the budget; false when there was none. */
  remove(scope: BudgetScope, key: string): boolean {
    return (
      this.db.prepare('DELETE FROM budgets WHERE scope = ? AND key = ?').run(scope, key).changes > 0
    );
  }

  list(): BudgetUse[] {
    const budgets = this.db.prepare('SELECT * FROM budgets ORDER BY scope, key').all() as Budget[];
    return budgets.map((b) => ({ ...b, used: this.used(b) }));
  }

  preview(claim: Claim): { blocked: string | null; notes: string[]; mustAsk: boolean } {
    const notes: string[] = [];
    let mustAsk = false;
    for (const budget of this.covering(claim)) {
      const used = this.used(budget);
      const after = used + claim.amount;
      const label = `the ${budget.scope} budget${budget.scope === 'workspace' ? '' : ` ${budget.key}`}`;
      const money = (n: number) => `${n.toFixed(4)} ${budget.currency}`;
      if (budget.block !== null && after > budget.block) {
        return {
          blocked: `${label} would go past its block limit (${money(used)} used, up to ${money(claim.amount)} more, limit ${money(budget.block)})`,
          notes,
          mustAsk,
        };
      }
      if (budget.hard !== null && after > budget.hard) {
        mustAsk = true;
        notes.push(
          `${label} passes its hard limit of ${money(budget.hard)}: asking for this request`,
        );
      } else if (budget.soft !== null && after > budget.soft) {
        notes.push(`${label} passes its soft limit of ${money(budget.soft)}`);
      }
    }
    return { blocked: null, notes, mustAsk };
  }

  reserve(claim: Claim & { requestId: string; currency: string }): BudgetReservation {
    return this.db
      .transaction((): BudgetReservation => {
        const check = this.preview(claim);
        if (check.blocked) return { ok: false, reason: check.blocked };
        const id = randomId('RSV', 10);
        const stamp = this.now();
        this.db
          .prepare(
            `INSERT INTO budget_ledger (id, request_id, workspace_root, work_item_id, month, currency,
               amount, state, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'reserved', ?)`,
          )
          .run(
            id,
            claim.requestId,
            claim.workspaceRoot,
            claim.workItemId,
            stamp.toISOString().slice(0, 7),
            claim.currency,
            claim.amount,
            stamp.toISOString(),
          );
        return { ok: true, id, notes: check.notes, mustAsk: check.mustAsk };
      })
      .immediate();
  }

  settle(reservationId: string, amount: number): void {
    this.db
      .prepare(
        "UPDATE budget_ledger SET amount = ?, state = 'settled' WHERE id = ? AND state = 'reserved'",
      )
      .run(amount, reservationId);
  }

  release(reservationId: string): void {
    this.db
      .prepare("UPDATE budget_ledger SET state = 'released' WHERE id = ? AND state = 'reserved'")
      .run(reservationId);
  }

  private covering(claim: Claim): Budget[] {
    const month = this.now().toISOString().slice(0, 7);
    return this.db
      .prepare(
        `SELECT * FROM budgets WHERE (scope = 'workspace' AND key = ?) OR (scope = 'item' AND key = ?)
           OR (scope = 'month' AND key = ?)`,
      )
      .all(claim.workspaceRoot, claim.workItemId ?? '', month) as Budget[];
  }

  private used(budget: Budget): number {
    const row = this.db
      .prepare(
        `SELECT TOTAL(amount) AS used FROM budget_ledger
         WHERE ${SCOPE_COLUMN[budget.scope]} = ? AND state IN ('reserved', 'settled')`,
      )
      .get(budget.key) as { used: number };
    return row.used;
  }
}
