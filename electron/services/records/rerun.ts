// Re-run: send a recorded call's exact messages and parameters (schema, seed, temperature,
// token limit) to another model, record that call with `rerunOf`, and compare the two outputs
// field by field. This is how a user evaluates a model on their own specs.
import { randomUUID } from 'node:crypto';
import type {
  ModelGenerateResult,
  ModelPort,
  RecordPort,
} from '../../../workflows/engine/ports.ts';
import { buildEnvelope } from '../../../workflows/records/build-envelope.ts';
import { cacheKey } from '../../../workflows/records/cache-key.ts';
import {
  compareOutputs,
  type OutputComparison,
} from '../../../workflows/records/compare-outputs.ts';
import type { Envelope } from '../../../workflows/records/envelope.ts';
import { costOf, zeroCost, type PriceTable } from '../../../workflows/records/price-table.ts';

export interface RerunOptions {
  prices: PriceTable | null;
  newId?: () => string;
  now?: () => Date;
  onText?: (chunk: string) => void;
  signal?: AbortSignal;
}

export interface RerunOutcome {
  source: Envelope;
  /** The new call, as recorded. */
  envelope: Envelope;
  comparison: OutputComparison;
}

export class RerunFailedError extends Error {
  override name = 'RerunFailedError';
  constructor(
    message: string,
    readonly envelope: Envelope,
  ) {
    super(message);
  }
}

/**
 * The new call keeps the source's pass and work item (so their totals show what evaluating
 * cost) but belongs to no run: a run's record stays what the run did.
 */
export async function rerunCall(
  source: Envelope,
  model: ModelPort,
  records: RecordPort,
  options: RerunOptions,
): Promise<RerunOutcome> {
  const now = options.now ?? (() => new Date());
  const request = {
    messages: source.messages,
    jsonSchema: source.params.jsonSchema,
    maxTokens: source.params.maxTokens,
    temperature: source.params.temperature,
    topP: source.params.topP,
    seed: source.params.seed,
  };
  const identity = await model.describe();
  // An unpriced cloud model fails here, before anything is spent.
  costOf(
    identity,
    { input: 0, cachedInput: 0, cacheWrite: 0, output: 0, reasoning: 0 },
    options.prices,
  );
  const started = Date.now();
  let result: ModelGenerateResult | null = null;
  let error: string | null = null;
  try {
    result = await model.generate({ ...request, onText: options.onText, signal: options.signal });
  } catch (e) {
    error = (e as Error).message;
  }
  const envelope = buildEnvelope({
    id: (options.newId ?? randomUUID)(),
    createdAt: now().toISOString(),
    runId: null,
    passId: source.passId,
    workItemId: source.workItemId,
    request,
    schemaName: source.params.schemaName,
    identity,
    result,
    error,
    elapsedMs: Date.now() - started,
    cost: result
      ? costOf(result.identity, result.tokens, options.prices)
      : zeroCost(options.prices),
    cacheKey: cacheKey(request, identity),
    retrieved: source.retrieved,
    rerunOf: source.id,
  });
  records.save(envelope);
  if (!result) {
    throw new RerunFailedError(
      `The re-run of ${source.id} failed: ${error} (recorded as ${envelope.id}).`,
      envelope,
    );
  }
  return { source, envelope, comparison: compareOutputs(source.output, envelope.output) };
}
