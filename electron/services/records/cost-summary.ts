// Tokens by class, time and money of the recorded model calls over the last N days, summed in
// SQL by day (the user's local day), by workflow (through the call's run) and by work item.
// The sums are the record store's (TOTALS_COLUMNS), so the Costs view and `cairn runs` agree.
import type { Database } from 'better-sqlite3';
import type { TokenCounts } from '../../../workflows/records/envelope.ts';
import { TOTALS_COLUMNS, toTotals, type RecordTotals, type TotalsRow } from './record-store.ts';

export interface Money {
  currency: string;
  amount: number;
}

export interface CostBucket {
  /** The day (YYYY-MM-DD), workflow ID or work item ID; null for calls outside any. */
  key: string | null;
  /** What people read: the workflow's title, the work item's title; null when unknown. */
  title: string | null;
  calls: number;
  tokens: TokenCounts;
  /** Generation time and model loading time, summed, in milliseconds. */
  totalMs: number;
  loadMs: number;
  /** One sum per currency (amounts in different currencies are never added). */
  money: Money[];
}

export interface CostSummary {
  /** The first and last day of the period, in the user's time zone (YYYY-MM-DD). */
  from: string;
  to: string;
  /** The period's start as an instant (ISO 8601): calls at or after it count. */
  since: string;
  /** Every day of the period, oldest first; days without calls are zero. */
  days: CostBucket[];
  workflows: CostBucket[];
  workItems: CostBucket[];
  total: CostBucket;
}

export interface CostSummaryOptions {
  /** How many days back, today included. */
  days: number;
  /** The user's offset from UTC in minutes (UTC+2 is 120), so days start at local midnight. */
  utcOffsetMinutes: number;
  now?: Date;
}

const DAY_MS = 86_400_000;

type KeyedRow = TotalsRow & { title?: string | null };

export function costSummary(db: Database, options: CostSummaryOptions): CostSummary {
  const { days, utcOffsetMinutes } = options;
  if (!Number.isInteger(days) || days < 1) throw new Error(`days must be 1 or more, got ${days}`);
  const shiftMs = utcOffsetMinutes * 60_000;
  const localToday = isoDay((options.now ?? new Date()).getTime() + shiftMs);
  const firstDayMs = Date.parse(`${localToday}T00:00:00.000Z`) - (days - 1) * DAY_MS;
  const params = {
    since: new Date(firstDayMs - shiftMs).toISOString(),
    shift: `${utcOffsetMinutes >= 0 ? '+' : '-'}${Math.abs(utcOffsetMinutes)} minutes`,
  };
  const query = (sql: string) => merge(db.prepare(sql).all(params) as KeyedRow[]);

  const byDay = new Map(
    query(
      `SELECT date(created_at, @shift) AS key, ${TOTALS_COLUMNS}
       FROM model_calls WHERE created_at >= @since
       GROUP BY key, currency ORDER BY key, currency`,
    ).map((b) => [b.key, b]),
  );
  const dayList: CostBucket[] = [];
  for (let i = 0; i < days; i++) {
    const day = isoDay(firstDayMs + i * DAY_MS);
    dayList.push(byDay.get(day) ?? emptyBucket(day));
  }
  const workflows = query(
    `SELECT runs.workflow_id AS key, MAX(json_extract(runs.definition, '$.title')) AS title,
       ${TOTALS_COLUMNS}
     FROM model_calls LEFT JOIN runs ON runs.id = model_calls.run_id
     WHERE model_calls.created_at >= @since
     GROUP BY key, currency ORDER BY key IS NULL, key, currency`,
  );
  const workItems = query(
    `SELECT model_calls.work_item_id AS key, MAX(work_items.title) AS title, ${TOTALS_COLUMNS}
     FROM model_calls LEFT JOIN work_items ON work_items.id = model_calls.work_item_id
     WHERE model_calls.created_at >= @since
     GROUP BY key, currency ORDER BY key IS NULL, key, currency`,
  );
  return {
    from: isoDay(firstDayMs),
    to: localToday,
    since: params.since,
    days: dayList,
    workflows,
    workItems,
    total: workflows.reduce(add, emptyBucket(null)),
  };
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function emptyBucket(key: string | null): CostBucket {
  return {
    key,
    title: null,
    calls: 0,
    tokens: { input: 0, cachedInput: 0, cacheWrite: 0, output: 0, reasoning: 0 },
    totalMs: 0,
    loadMs: 0,
    money: [],
  };
}

/** One bucket per key: the rows of one key (one per currency) added up, money kept apart. */
function merge(rows: KeyedRow[]): CostBucket[] {
  const buckets = new Map<string | null, CostBucket>();
  for (const row of rows) {
    const totals = toTotals(row);
    const before = buckets.get(totals.key) ?? emptyBucket(totals.key);
    buckets.set(totals.key, { ...add(before, asBucket(totals)), title: row.title ?? null });
  }
  return [...buckets.values()];
}

function asBucket(t: RecordTotals): CostBucket {
  return { ...t, title: null, money: [t.money] };
}

function add(a: CostBucket, b: CostBucket): CostBucket {
  const money = new Map(a.money.map((m) => [m.currency, m.amount]));
  for (const m of b.money) money.set(m.currency, (money.get(m.currency) ?? 0) + m.amount);
  return {
    key: a.key,
    title: a.title,
    calls: a.calls + b.calls,
    tokens: {
      input: a.tokens.input + b.tokens.input,
      cachedInput: a.tokens.cachedInput + b.tokens.cachedInput,
      cacheWrite: a.tokens.cacheWrite + b.tokens.cacheWrite,
      output: a.tokens.output + b.tokens.output,
      reasoning: a.tokens.reasoning + b.tokens.reasoning,
    },
    totalMs: a.totalMs + b.totalMs,
    loadMs: a.loadMs + b.loadMs,
    money: [...money]
      .map(([currency, amount]) => ({ currency, amount: Math.round(amount * 1e9) / 1e9 }))
      .sort((x, y) => y.amount - x.amount || x.currency.localeCompare(y.currency)),
  };
}
