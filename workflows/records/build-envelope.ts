// Builds the envelope of one model call, to be saved (RecordPort.save) before anything uses the
// result. Pure: the caller supplies ids, clock, cost and cache key, so the same inputs always
// give the same record.
//
//   const identity = await model.describe();
//   const key = cacheKey(request, identity);
//   let result = null, error = null;
//   try { result = await model.generate(request) } catch (e) { error = String(e) }
//   const envelope = buildEnvelope({ id, createdAt, runId, passId, workItemId, request,
//     schemaName, identity, result, error, elapsedMs,
//     cost: result ? costOf(result.identity, result.tokens, prices) : zeroCost(prices),
//     cacheKey: key, retrieved });
//   records.save(envelope);
//
// A result whose JSON did not parse (`jsonProblem`) is recorded with that problem as `error`
// unless the caller passes its own (a zod failure, say); `error` without a result records a
// call that produced nothing (worker crash, cancelled before the first token).
import type { ModelGenerateRequest, ModelGenerateResult } from '../engine/ports.ts';
import { grammarHash } from './cache-key.ts';
import type { Cost, Envelope, ModelIdentity, RetrievedChunk } from './envelope.ts';

export interface EnvelopeIds {
  id: string;
  /** ISO 8601 time the record was written (after the call returned or failed). */
  createdAt: string;
  runId: string | null;
  passId: string | null;
  workItemId: string | null;
}

export interface EnvelopeInput extends EnvelopeIds {
  request: Pick<
    ModelGenerateRequest,
    'messages' | 'jsonSchema' | 'maxTokens' | 'temperature' | 'topP' | 'seed'
  >;
  /** The output schema's name (`clarify-questions`); null for free text. */
  schemaName: string | null;
  /** The identity the call was made under (ModelPort.describe()); the result's wins when there is one. */
  identity: ModelIdentity;
  result: ModelGenerateResult | null;
  /** Why the output cannot be used; null when it can. Required when `result` is null. */
  error: string | null;
  /** Wall time of a call that failed without a result. */
  elapsedMs?: number;
  cost: Cost;
  cacheKey: string;
  retrieved: RetrievedChunk[];
  /** The recorded call this one re-runs on another model. */
  rerunOf?: string | null;
}

export function buildEnvelope(input: EnvelopeInput): Envelope {
  const { request, result } = input;
  if (!result && !input.error) throw new Error('A call without a result must say why (error).');
  const error = input.error ?? (request.jsonSchema !== null ? (result?.jsonProblem ?? null) : null);
  return {
    id: input.id,
    createdAt: input.createdAt,
    runId: input.runId,
    passId: input.passId,
    workItemId: input.workItemId,
    kind: 'generation',
    model: result?.identity ?? input.identity,
    params: {
      seed: request.seed,
      temperature: request.temperature,
      topP: request.topP,
      maxTokens: request.maxTokens,
      jsonSchema: request.jsonSchema,
      grammarHash: grammarHash(request.jsonSchema),
      schemaName: input.schemaName,
    },
    messages: (result?.sentMessages ?? request.messages).map((m) => ({
      role: m.role,
      content: m.content,
    })),
    retrieved: input.retrieved.map((c) => ({ ...c })),
    output: {
      text: result?.text ?? '',
      json: result && result.json !== undefined ? result.json : null,
      stopReason: result?.stopReason ?? 'error',
    },
    error,
    tokens: result?.tokens ?? { input: 0, cachedInput: 0, cacheWrite: 0, output: 0, reasoning: 0 },
    timings: result?.timings ?? {
      timeToFirstTokenMs: null,
      totalMs: input.elapsedMs ?? 0,
      outputTokensPerSecond: null,
      loadMs: 0,
    },
    cost: input.cost,
    cacheKey: input.cacheKey,
    cachedFrom: null,
    rerunOf: input.rerunOf ?? null,
  };
}

/**
 * The record of a call answered from the cache: the source's request and output, no tokens,
 * no time, no money, and `cachedFrom` pointing at the call that paid for it.
 */
export function buildCacheHitEnvelope(ids: EnvelopeIds, source: Envelope): Envelope {
  return {
    ...source,
    ...ids,
    kind: 'cache-hit',
    tokens: { input: 0, cachedInput: 0, cacheWrite: 0, output: 0, reasoning: 0 },
    timings: { timeToFirstTokenMs: null, totalMs: 0, outputTokensPerSecond: null, loadMs: 0 },
    cost: { currency: source.cost.currency, amount: 0, priceTable: null },
    cachedFrom: source.cachedFrom ?? source.id,
    rerunOf: null,
  };
}
