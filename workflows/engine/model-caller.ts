// The ModelCaller a model pass gets: it turns the pass's zod schema into a JSON schema for the
// grammar, reuses a recorded answer when the pass's policy allows and the cache key matches,
// records an envelope for every call (also a failed one) BEFORE the value is used, and only
// then validates the output with the same zod schema.
import { z } from 'zod';
import { buildCacheHitEnvelope, buildEnvelope } from '../records/build-envelope.ts';
import { cacheKey } from '../records/cache-key.ts';
import { zeroCost } from '../records/price-table.ts';
import type {
  Cost,
  Envelope,
  ModelIdentity,
  RetrievedChunk,
  TokenCounts,
} from '../records/envelope.ts';
import type { RepoPort } from './run-state.ts';
import type { ModelCaller, ModelRequest } from './pass.ts';
import type { ModelGenerateRequest, ModelPort, RecordPort } from './ports.ts';
import { isDeferral } from './deferral.ts';
import { newCallId } from './run-ids.ts';

export class ModelOutputError extends Error {
  override name = 'ModelOutputError';
  constructor(
    message: string,
    readonly envelopeId: string,
  ) {
    super(message);
  }
}

/** One model a call may go to; later hops answer only when an earlier one's output is unusable. */
export interface ModelHop {
  model: ModelPort;
  /** Why the call goes to this model (routing policy, escalation after a failed check). */
  reason: string;
}

export interface CallerOptions {
  hops: readonly ModelHop[];
  records: RecordPort;
  runId: string | null;
  passId: string | null;
  workItemId: string | null;
  /** Reuse a recorded successful call with the same cache key. */
  reuse: boolean;
  /** Default max-token bound when the request gives none. */
  maxTokens: number;
  now: () => Date;
  /** An output reporting a `confidence` below this is unusable (the next hop, if any, answers). */
  minConfidence?: number;
  /** Commits the retrieved files were read at (RepoPort.committed); commit null when absent. */
  committed?: RepoPort['committed'];
  /** Money for a call; free when absent (on-device models). */
  cost?: (identity: ModelIdentity, tokens: TokenCounts) => Cost;
  onText?: (chunk: string, tokens?: number) => void;
  signal?: { readonly aborted: boolean };
}

/** Greedy decoding with a fixed seed: the same call gives the same answer, so replay means something. */
const SAMPLING = { temperature: 0, topP: null, seed: 42 } as const;
const FREE: Cost = zeroCost(null);

export function createModelCaller(options: CallerOptions): ModelCaller {
  return {
    async call<S extends z.ZodType>(request: ModelRequest<S>) {
      const jsonSchema = z.toJSONSchema(request.schema, { unrepresentable: 'throw' }) as Record<
        string,
        unknown
      >;
      let lastError: unknown = null;
      for (const [index, hop] of options.hops.entries()) {
        try {
          return await callOnce(options, hop, request, jsonSchema);
        } catch (error) {
          // Only an unusable answer moves to the next hop; a crash, a refusal or a deferral stops.
          if (!(error instanceof ModelOutputError) || index === options.hops.length - 1)
            throw error;
          lastError = error;
        }
      }
      throw lastError ?? new Error('no model to call');
    },
  };
}

async function callOnce<S extends z.ZodType>(
  options: CallerOptions,
  hop: ModelHop,
  request: ModelRequest<S>,
  jsonSchema: Record<string, unknown>,
): Promise<{ value: z.output<S>; envelopeId: string }> {
  const callId = newCallId();
  const generateRequest: ModelGenerateRequest = {
    ...SAMPLING,
    messages: request.messages,
    jsonSchema,
    maxTokens: request.maxTokens ?? options.maxTokens,
    onText: options.onText,
    signal: options.signal,
    context: {
      callId,
      runId: options.runId,
      passId: options.passId,
      workItemId: options.workItemId,
      reason: hop.reason,
    },
  };
  const identity = await hop.model.describe();
  const key = cacheKey(generateRequest, identity);
  const ids = {
    id: callId,
    createdAt: options.now().toISOString(),
    runId: options.runId,
    passId: options.passId,
    workItemId: options.workItemId,
  };
  const cached = options.reuse ? options.records.findByCacheKey(key) : null;
  let envelope: Envelope;
  if (cached) {
    envelope = buildCacheHitEnvelope(ids, cached);
  } else {
    const started = Date.now();
    const common = {
      request: generateRequest,
      schemaName: request.schemaName,
      identity,
      cacheKey: key,
      retrieved: await withCommits(request.retrieved ?? [], options.committed),
    };
    try {
      const result = await hop.model.generate(generateRequest);
      const parsed = result.json === undefined ? null : request.schema.safeParse(result.json);
      envelope = buildEnvelope({
        ...ids,
        createdAt: options.now().toISOString(),
        ...common,
        result,
        error: parsed && !parsed.success ? describeIssues(parsed.error) : null,
        cost: options.cost?.(result.identity, result.tokens) ?? FREE,
      });
    } catch (error) {
      // A deferred call (waiting for consent or the network) has not happened: nothing to record.
      if (isDeferral(error)) throw error;
      options.records.save(
        buildEnvelope({
          ...ids,
          createdAt: options.now().toISOString(),
          ...common,
          result: null,
          error: (error as Error).message,
          elapsedMs: Date.now() - started,
          cost: FREE,
        }),
      );
      throw error;
    }
  }
  options.records.save(envelope);
  if (envelope.error !== null) {
    throw new ModelOutputError(
      `the model's output for '${request.schemaName}' is unusable: ${envelope.error} (record ${envelope.id})`,
      envelope.id,
    );
  }
  const parsed = request.schema.safeParse(envelope.output.json);
  if (!parsed.success) {
    throw new ModelOutputError(
      `the output for '${request.schemaName}' breaks its schema: ${describeIssues(parsed.error)} (record ${envelope.id})`,
      envelope.id,
    );
  }
  const confidence = (parsed.data as { confidence?: unknown } | null)?.confidence;
  if (
    options.minConfidence !== undefined &&
    typeof confidence === 'number' &&
    confidence < options.minConfidence
  ) {
    throw new ModelOutputError(
      `the model's confidence for '${request.schemaName}' is ${confidence}, below the pass's minimum of ${options.minConfidence} (record ${envelope.id})`,
      envelope.id,
    );
  }
  return { value: parsed.data as z.output<S>, envelopeId: envelope.id };
}

/** A chunk gets the commit of its file when the text the pass read is the committed text. */
async function withCommits(
  chunks: readonly RetrievedChunk[],
  committed: CallerOptions['committed'],
): Promise<RetrievedChunk[]> {
  if (!committed || chunks.length === 0) return [...chunks];
  let known: Map<string, { commit: string; sha256: string }>;
  try {
    known = await committed([...new Set(chunks.map((c) => c.path))]);
  } catch {
    // Provenance is best effort: a repository that cannot be read leaves commits unknown.
    return [...chunks];
  }
  return chunks.map((c) => {
    const entry = known.get(c.path);
    return entry && entry.sha256 === c.sha256 ? { ...c, commit: entry.commit } : c;
  });
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}
