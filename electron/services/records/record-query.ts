// The Records view's look-ups on `model_calls`: one page of call summaries at a time (there may
// be a hundred thousand calls), filtered by run, pass, model, tier, outcome and a search on ids,
// newest first; and the values those filters offer. Pages are keyed on the last row seen
// (created_at, rowid), so page 2,000 costs what page 1 costs and no call is skipped or shown
// twice when several share a timestamp. Only the columns beside the envelope are read, plus a
// few small fields of the page's own envelopes.
import type { Database } from 'better-sqlite3';
import type { Tier } from '../../../workflows/records/envelope.ts';

export type RecordOutcome = 'ok' | 'failed' | 'cache-hit';

export interface RecordQueryFilter {
  runId?: string;
  passId?: string;
  /** `provider/name`, as the `model` column holds it. */
  model?: string;
  tier?: Tier;
  outcome?: RecordOutcome;
  /** Part of the call id, run id or work item id, or the start of a cache key; any case. */
  search?: string;
}

export interface RecordSummary {
  id: string;
  createdAt: string;
  runId: string | null;
  passId: string | null;
  workItemId: string | null;
  kind: 'generation' | 'cache-hit';
  tier: Tier;
  /** `provider/name`. */
  model: string;
  ok: boolean;
  error: string | null;
  inputTokens: number;
  outputTokens: number;
  totalMs: number;
  cost: { amount: number; currency: string };
  cachedFrom: string | null;
  rerunOf: string | null;
}

export interface RecordPage {
  records: RecordSummary[];
  /** Calls matching the filter, all pages together. */
  total: number;
  /** Pass as `after` for the next (older) page; null on the last page. */
  next: string | null;
}

export interface RecordFacets {
  /** Runs with recorded calls, most recent first (at most `MAX_FACET_RUNS`). */
  runs: string[];
  passes: string[];
  models: { model: string; tier: Tier }[];
}

export const MAX_PAGE_SIZE = 500;
export const MAX_FACET_RUNS = 200;
const MIN_CACHE_KEY_SEARCH = 8;

export class InvalidCursorError extends Error {
  override name = 'InvalidCursorError';
}

interface SummaryRow {
  seq: number;
  id: string;
  created_at: string;
  run_id: string | null;
  pass_id: string | null;
  work_item_id: string | null;
  kind: RecordSummary['kind'];
  tier: Tier;
  model: string;
  ok: 0 | 1;
  input_tokens: number;
  output_tokens: number;
  total_ms: number;
  cost: number;
  currency: string | null;
  error: string | null;
  cached_from: string | null;
  rerun_of: string | null;
}

/** A cursor is the last row's time and rowid: `2026-11-20T10:00:00.000Z~1234`. */
const CURSOR = /^(\d{4}-\d{2}-\d{2}T[\d:.]+Z)~(\d{1,15})$/;

export function encodeCursor(createdAt: string, seq: number): string {
  return `${createdAt}~${seq}`;
}

function decodeCursor(cursor: string): { createdAt: string; seq: number } {
  const match = CURSOR.exec(cursor);
  if (!match) {
    throw new InvalidCursorError(
      `'${cursor}' is not a page cursor of the record list; start again from the first page.`,
    );
  }
  return { createdAt: match[1]!, seq: Number(match[2]) };
}

export class RecordQuery {
  constructor(private readonly db: Database) {}

  page(filter: RecordQueryFilter, options: { after?: string | null; limit: number }): RecordPage {
    const limit = Math.max(1, Math.min(MAX_PAGE_SIZE, Math.floor(options.limit)));
    const { conditions, params } = filterConditions(filter);
    const total = (
      this.db.prepare(`SELECT COUNT(*) AS n FROM model_calls ${where(conditions)}`).get(params) as {
        n: number;
      }
    ).n;
    const paged = [...conditions];
    if (options.after) {
      const { createdAt, seq } = decodeCursor(options.after);
      paged.push('(created_at, rowid) < (@afterTime, @afterSeq)');
      Object.assign(params, { afterTime: createdAt, afterSeq: seq });
    }
    // The page's rowids first (index order, no envelope read), then its few envelope fields.
    const rows = this.db
      .prepare(
        `SELECT c.rowid AS seq, c.id, c.created_at, c.run_id, c.pass_id, c.work_item_id, c.kind,
           c.tier, c.model, c.ok, c.input_tokens, c.output_tokens, c.total_ms, c.cost,
           json_extract(c.envelope, '$.cost.currency') AS currency,
           json_extract(c.envelope, '$.error') AS error,
           json_extract(c.envelope, '$.cachedFrom') AS cached_from,
           json_extract(c.envelope, '$.rerunOf') AS rerun_of
         FROM (SELECT rowid AS r FROM model_calls ${where(paged)}
               ORDER BY created_at DESC, rowid DESC LIMIT @limit) AS page
         JOIN model_calls AS c ON c.rowid = page.r
         ORDER BY c.created_at DESC, c.rowid DESC`,
      )
      .all({ ...params, limit: limit + 1 }) as SummaryRow[];
    const more = rows.length > limit;
    const shown = more ? rows.slice(0, limit) : rows;
    const last = shown.at(-1);
    return {
      records: shown.map(toSummary),
      total,
      next: more && last ? encodeCursor(last.created_at, last.seq) : null,
    };
  }

  facets(): RecordFacets {
    const runs = this.db
      .prepare(
        `SELECT run_id FROM model_calls WHERE run_id IS NOT NULL
         GROUP BY run_id ORDER BY MAX(created_at) DESC, MAX(rowid) DESC LIMIT ${MAX_FACET_RUNS}`,
      )
      .pluck()
      .all() as string[];
    const passes = this.db
      .prepare(
        'SELECT DISTINCT pass_id FROM model_calls WHERE pass_id IS NOT NULL ORDER BY pass_id',
      )
      .pluck()
      .all() as string[];
    const models = this.db
      .prepare('SELECT DISTINCT model, tier FROM model_calls ORDER BY tier, model')
      .all() as { model: string; tier: Tier }[];
    return { runs, passes, models };
  }
}

function where(conditions: string[]): string {
  return conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
}

function filterConditions(filter: RecordQueryFilter): {
  conditions: string[];
  params: Record<string, unknown>;
} {
  const conditions: string[] = [];
  const params: Record<string, unknown> = {};
  const equal = (column: string, name: string, value: string | undefined) => {
    if (value === undefined) return;
    conditions.push(`${column} = @${name}`);
    params[name] = value;
  };
  equal('run_id', 'runId', filter.runId);
  equal('pass_id', 'passId', filter.passId);
  equal('model', 'model', filter.model);
  equal('tier', 'tier', filter.tier);
  if (filter.outcome === 'ok') conditions.push("ok = 1 AND kind = 'generation'");
  if (filter.outcome === 'failed') conditions.push('ok = 0');
  if (filter.outcome === 'cache-hit') conditions.push("kind = 'cache-hit'");
  const search = filter.search?.trim().toLowerCase();
  if (search) {
    // A cache key is hex: only its start is worth matching (a pasted key, or a prefix of one).
    conditions.push(
      `(instr(lower(id), @search) > 0 OR instr(lower(coalesce(run_id, '')), @search) > 0
        OR instr(lower(coalesce(work_item_id, '')), @search) > 0
        OR (length(@search) >= ${MIN_CACHE_KEY_SEARCH}
            AND substr(cache_key, 1, length(@search)) = @search))`,
    );
    params.search = search;
  }
  return { conditions, params };
}

function toSummary(row: SummaryRow): RecordSummary {
  return {
    id: row.id,
    createdAt: row.created_at,
    runId: row.run_id,
    passId: row.pass_id,
    workItemId: row.work_item_id,
    kind: row.kind,
    tier: row.tier,
    model: row.model,
    ok: row.ok === 1,
    error: row.error,
    inputTokens: row.input_tokens,
    outputTokens: row.output_tokens,
    totalMs: row.total_ms,
    cost: { amount: row.cost, currency: row.currency ?? 'USD' },
    cachedFrom: row.cached_from,
    rerunOf: row.rerun_of,
  };
}
