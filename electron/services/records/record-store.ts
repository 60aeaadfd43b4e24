// The record of every model call, on the app database (`model_calls`, migration 6): the
// RecordPort the engine writes to, and the look-ups behind replay, re-run, export and the cost
// totals. The envelope is stored whole as JSON (validated on the way in and out); the columns
// beside it are what queries filter, sort and sum on.
import type { Database, Statement } from 'better-sqlite3';
import type { RecordPort } from '../../../workflows/engine/ports.ts';
import {
  EnvelopeSchema,
  type Envelope,
  type TokenCounts,
} from '../../../workflows/records/envelope.ts';

export class RecordNotFoundError extends Error {
  override name = 'RecordNotFoundError';
}
export class AmbiguousRecordError extends Error {
  override name = 'AmbiguousRecordError';
  constructor(
    prefix: string,
    readonly candidates: string[],
  ) {
    super(
      `'${prefix}' is the start of ${candidates.length > 9 ? 'more than 9' : candidates.length} recorded calls (${candidates.slice(0, 9).join(', ')}); give more of the id.`,
    );
  }
}

export const MIN_PREFIX_LENGTH = 4;

export interface RecordFilter {
  runId?: string;
  workItemId?: string;
  passId?: string;
  /** ISO 8601: calls recorded at or after this time. */
  since?: string;
  /** ISO 8601: calls recorded before this time. */
  until?: string;
}

export interface ListOptions extends RecordFilter {
  limit?: number;
  /** Default 'newest' first; 'oldest' for exports, which read like a log. */
  order?: 'newest' | 'oldest';
}

export type TotalsGroup = 'pass' | 'run' | 'workItem';

export interface RecordTotals {
  /** The pass, run or work item id; null for calls outside any. */
  key: string | null;
  calls: number;
  tokens: TokenCounts;
  /** Generation time and model loading time, summed. */
  totalMs: number;
  loadMs: number;
  money: { currency: string; amount: number };
}

const GROUP_COLUMN: Record<TotalsGroup, string> = {
  pass: 'pass_id',
  run: 'run_id',
  workItem: 'work_item_id',
};

interface Row {
  id: string;
  envelope: string;
}

export class RecordStore implements RecordPort {
  private readonly insert: Statement;
  private readonly byId: Statement;
  private readonly byPrefix: Statement;
  private readonly byCacheKey: Statement;

  constructor(private readonly db: Database) {
    this.insert = db.prepare(`
      INSERT INTO model_calls (id, created_at, run_id, pass_id, work_item_id, kind, tier, model,
        cache_key, ok, input_tokens, output_tokens, total_ms, cost, envelope)
      VALUES (@id, @createdAt, @runId, @passId, @workItemId, @kind, @tier, @model,
        @cacheKey, @ok, @inputTokens, @outputTokens, @totalMs, @cost, @envelope)`);
    this.byId = db.prepare('SELECT id, envelope FROM model_calls WHERE id = ?');
    this.byPrefix = db.prepare(
      `SELECT id, envelope FROM model_calls WHERE id >= @p AND id < @p || char(1114111)
       ORDER BY id LIMIT 10`,
    );
    this.byCacheKey = db.prepare(
      `SELECT id, envelope FROM model_calls
       WHERE cache_key = ? AND ok = 1 AND kind = 'generation'
       ORDER BY created_at DESC, rowid DESC LIMIT 1`,
    );
  }

  /** Writes the envelope; committed (durable against a crash of the app) when this returns. */
  save(envelope: Envelope): void {
    const e = EnvelopeSchema.parse(envelope);
    try {
      this.insert.run({
        id: e.id,
        createdAt: normalizeTime(e.createdAt, `record ${e.id}`),
        runId: e.runId,
        passId: e.passId,
        workItemId: e.workItemId,
        kind: e.kind,
        tier: e.model.tier,
        model: `${e.model.provider}/${e.model.name}`,
        cacheKey: e.cacheKey,
        ok: e.error === null ? 1 : 0,
        inputTokens: e.tokens.input,
        outputTokens: e.tokens.output,
        totalMs: e.timings.totalMs,
        cost: e.cost.amount,
        envelope: JSON.stringify(e),
      });
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
        throw new Error(`A call with id ${e.id} is already recorded; record ids must be unique.`);
      }
      throw error;
    }
  }

  findByCacheKey(cacheKey: string): Envelope | null {
    const row = this.byCacheKey.get(cacheKey) as Row | undefined;
    return row ? parseRow(row) : null;
  }

  /** The call with this id, or with the only id that starts with it (at least 4 characters). */
  get(idOrPrefix: string): Envelope {
    const exact = this.byId.get(idOrPrefix) as Row | undefined;
    if (exact) return parseRow(exact);
    if (idOrPrefix.length >= MIN_PREFIX_LENGTH) {
      const rows = this.byPrefix.all({ p: idOrPrefix }) as Row[];
      if (rows.length === 1) return parseRow(rows[0]!);
      if (rows.length > 1) {
        throw new AmbiguousRecordError(
          idOrPrefix,
          rows.map((r) => r.id),
        );
      }
    }
    throw new RecordNotFoundError(
      `No recorded call has the id '${idOrPrefix}'${idOrPrefix.length < MIN_PREFIX_LENGTH ? ` (an id prefix needs at least ${MIN_PREFIX_LENGTH} characters)` : ''}.`,
    );
  }

  list(options: ListOptions = {}): Envelope[] {
    const { where, params } = whereClause(options);
    const order = options.order === 'oldest' ? 'ASC' : 'DESC';
    const limit = options.limit !== undefined ? 'LIMIT @limit' : '';
    const rows = this.db
      .prepare(
        `SELECT id, envelope FROM model_calls ${where}
         ORDER BY created_at ${order}, rowid ${order} ${limit}`,
      )
      .all({ ...params, limit: options.limit }) as Row[];
    return rows.map(parseRow);
  }

  count(filter: RecordFilter = {}): number {
    const { where, params } = whereClause(filter);
    const row = this.db.prepare(`SELECT COUNT(*) AS n FROM model_calls ${where}`).get(params) as {
      n: number;
    };
    return row.n;
  }

  /** Tokens by class, time and money per pass, run or work item, summed in SQL. */
  totals(groupBy: TotalsGroup, filter: RecordFilter = {}): RecordTotals[] {
    const { where, params } = whereClause(filter);
    const column = GROUP_COLUMN[groupBy];
    const rows = this.db
      .prepare(
        `SELECT ${column} AS key, ${TOTALS_COLUMNS}
         FROM model_calls ${where}
         GROUP BY ${column}, currency ORDER BY ${column}, currency`,
      )
      .all(params) as TotalsRow[];
    return rows.map(toTotals);
  }
}

const sum = (path: string) => `TOTAL(json_extract(envelope, '$.${path}'))`;

/**
 * The sums behind every cost total, over rows of model_calls; group by a key and `currency`
 * (money in different currencies is never added up).
 */
export const TOTALS_COLUMNS = `COUNT(*) AS calls,
  TOTAL(input_tokens) AS input, ${sum('tokens.cachedInput')} AS cachedInput,
  ${sum('tokens.cacheWrite')} AS cacheWrite, TOTAL(output_tokens) AS output,
  ${sum('tokens.reasoning')} AS reasoning, TOTAL(total_ms) AS totalMs,
  ${sum('timings.loadMs')} AS loadMs, TOTAL(cost) AS amount,
  json_extract(envelope, '$.cost.currency') AS currency`;

/** A row of `SELECT <key> AS key, ${TOTALS_COLUMNS}`. */
export type TotalsRow = Omit<RecordTotals, 'tokens' | 'money'> &
  TokenCounts & { amount: number; currency: string };

export function toTotals(r: TotalsRow): RecordTotals {
  return {
    key: r.key,
    calls: r.calls,
    tokens: {
      input: r.input,
      cachedInput: r.cachedInput,
      cacheWrite: r.cacheWrite,
      output: r.output,
      reasoning: r.reasoning,
    },
    totalMs: r.totalMs,
    loadMs: r.loadMs,
    money: { currency: r.currency, amount: Math.round(r.amount * 1e9) / 1e9 },
  };
}

function parseRow(row: Row): Envelope {
  const parsed = EnvelopeSchema.safeParse(JSON.parse(row.envelope));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(
      `The record of call ${row.id} in the database is not a valid envelope (${issue.path.join('.')}: ${issue.message}).`,
    );
  }
  return parsed.data;
}

function normalizeTime(value: string, what: string): string {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new Error(`${what}: '${value}' is not an ISO 8601 time.`);
  return new Date(ms).toISOString();
}

function whereClause(filter: RecordFilter): { where: string; params: Record<string, unknown> } {
  const conditions: string[] = [];
  const params: Record<string, unknown> = {};
  if (filter.runId !== undefined) {
    conditions.push('run_id = @runId');
    params.runId = filter.runId;
  }
  if (filter.workItemId !== undefined) {
    conditions.push('work_item_id = @workItemId');
    params.workItemId = filter.workItemId;
  }
  if (filter.passId !== undefined) {
    conditions.push('pass_id = @passId');
    params.passId = filter.passId;
  }
  if (filter.since !== undefined) {
    conditions.push('created_at >= @since');
    params.since = normalizeTime(filter.since, 'since');
  }
  if (filter.until !== undefined) {
    conditions.push('created_at < @until');
    params.until = normalizeTime(filter.until, 'until');
  }
  return { where: conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '', params };
}
