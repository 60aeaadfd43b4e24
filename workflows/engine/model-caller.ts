// The ModelCaller a model pass gets: it turns the pass's zod schema into a JSON schema for the
// grammar, reuses a recorded answer when the pass's policy allows and the cache key matches,
// records an envelope for every call (also a failed one) BEFORE the value is used, and only
// then validates the output with the same zod schema.
import { z } from 'zod';
import { hashJson } from '../records/canonical-json.ts';
import type { Envelope, ModelIdentity, RetrievedChunk } from '../records/envelope.ts';
import type { ModelCaller, ModelRequest } from './pass.ts';
import type { ModelGenerateResult, ModelPort, RecordPort } from './ports.ts';
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

export interface CallerOptions {
  model: ModelPort;
  records: RecordPort;
  runId: string | null;
  passId: string | null;
  workItemId: string | null;
  /** Reuse a recorded successful call with the same cache key. */
  reuse: boolean;
  /** Default max-token bound when the request gives none. */
  maxTokens: number;
  now: () => Date;
  onText?: (chunk: string) => void;
  signal?: { readonly aborted: boolean };
}

const DEFAULT_PARAMS = { temperature: 0, topP: null, seed: 42 } as const;

/** The fields of a call that decide its answer: what the cache key hashes. */
export function callCacheKey(
  identity: ModelIdentity,
  request: Pick<Envelope, 'messages'> & { params: Omit<Envelope['params'], 'schemaName'> },
): string {
  return hashJson({
    model: {
      tier: identity.tier,
      provider: identity.provider,
      name: identity.tier === 'local' ? null : identity.name,
      sha256: identity.sha256,
    },
    messages: request.messages,
    params: { ...request.params, jsonSchema: undefined },
  });
}

export function createModelCaller(options: CallerOptions): ModelCaller {
  return {
    async call<S extends z.ZodType>(request: ModelRequest<S>) {
      const jsonSchema = z.toJSONSchema(request.schema, { unrepresentable: 'throw' }) as Record<
        string,
        unknown
      >;
      const params: Envelope['params'] = {
        ...DEFAULT_PARAMS,
        maxTokens: request.maxTokens ?? options.maxTokens,
        jsonSchema,
        grammarHash: hashJson(jsonSchema),
        schemaName: request.schemaName,
      };
      const identity = await options.model.describe();
      const cacheKey = callCacheKey(identity, { messages: request.messages, params });
      const base = {
        createdAt: options.now().toISOString(),
        runId: options.runId,
        passId: options.passId,
        workItemId: options.workItemId,
        params,
        messages: request.messages,
        retrieved: request.retrieved ?? ([] as RetrievedChunk[]),
        cacheKey,
        rerunOf: null,
      };
      const cached = options.reuse ? options.records.findByCacheKey(cacheKey) : null;
      let envelope: Envelope;
      if (cached) {
        envelope = {
          ...base,
          id: newCallId(),
          kind: 'cache-hit',
          model: cached.model,
          output: cached.output,
          error: null,
          tokens: { input: 0, cachedInput: 0, cacheWrite: 0, output: 0, reasoning: 0 },
          timings: { timeToFirstTokenMs: null, totalMs: 0, outputTokensPerSecond: null, loadMs: 0 },
          cost: { currency: cached.cost.currency, amount: 0, priceTable: cached.cost.priceTable },
          cachedFrom: cached.id,
        };
        options.records.save(envelope);
      } else {
        const started = Date.now();
        let result: ModelGenerateResult;
        try {
          result = await options.model.generate({
            messages: request.messages,
            jsonSchema,
            maxTokens: params.maxTokens,
            temperature: params.temperature,
            topP: params.topP,
            seed: params.seed,
            onText: options.onText,
            signal: options.signal,
          });
        } catch (error) {
          const failed: Envelope = {
            ...base,
            id: newCallId(),
            kind: 'generation',
            model: identity,
            output: { text: '', json: null, stopReason: 'error' },
            error: (error as Error).message,
            tokens: { input: 0, cachedInput: 0, cacheWrite: 0, output: 0, reasoning: 0 },
            timings: {
              timeToFirstTokenMs: null,
              totalMs: Date.now() - started,
              outputTokensPerSecond: null,
              loadMs: 0,
            },
            cost: { currency: 'USD', amount: 0, priceTable: null },
            cachedFrom: null,
          };
          options.records.save(failed);
          throw error;
        }
        envelope = {
          ...base,
          id: newCallId(),
          kind: 'generation',
          model: result.identity,
          output: {
            text: result.text,
            json: result.json === undefined ? null : result.json,
            stopReason: result.stopReason,
          },
          error:
            result.json === undefined
              ? (result.jsonProblem ?? 'the model returned no JSON output')
              : null,
          tokens: result.tokens,
          timings: result.timings,
          cost: { currency: 'USD', amount: 0, priceTable: null },
          cachedFrom: null,
        };
        const parsed = request.schema.safeParse(envelope.output.json);
        if (envelope.error === null && !parsed.success)
          envelope.error = describeIssues(parsed.error);
        options.records.save(envelope);
      }
      if (envelope.error !== null) {
        throw new ModelOutputError(
          `the model's output for '${request.schemaName}' is unusable: ${envelope.error} (record ${envelope.id})`,
          envelope.id,
        );
      }
      const parsed = request.schema.safeParse(envelope.output.json);
      if (!parsed.success) {
        throw new ModelOutputError(
          `the recorded output for '${request.schemaName}' breaks its schema: ${describeIssues(parsed.error)} (record ${envelope.id})`,
          envelope.id,
        );
      }
      return { value: parsed.data as z.output<S>, envelopeId: envelope.id };
    },
  };
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}
