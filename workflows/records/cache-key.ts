// The cache key of a model call: SHA-256 of the canonical JSON of what was asked and of whom.
// Only what can change the answer goes in (messages, output schema, sampling parameters, the
// exact model); how and when it ran does not (ids, timestamps, timings, threads, GPU layers,
// backend, runtime version), so the same question asked again on another machine or in another
// run finds the recorded answer.
import type { ModelGenerateRequest } from '../engine/ports.ts';
import { hashJson } from './canonical-json.ts';
import type { ModelIdentity } from './envelope.ts';

/** Bumped when what goes into the key changes, so old keys stop matching instead of lying. */
const KEY_VERSION = 1;

export type CacheKeyRequest = Pick<
  ModelGenerateRequest,
  'messages' | 'jsonSchema' | 'maxTokens' | 'temperature' | 'topP' | 'seed'
>;

/** SHA-256 (hex) of the canonical request; equal keys mean the same call to the same model. */
export function cacheKey(request: CacheKeyRequest, model: ModelIdentity): string {
  return hashJson({
    v: KEY_VERSION,
    model: {
      tier: model.tier,
      provider: model.provider,
      // A local model is its file: the SHA-256 says which weights and quantization answered.
      ...(model.sha256 !== null ? { sha256: model.sha256 } : { name: model.name }),
    },
    messages: request.messages.map((m) => ({ role: m.role, content: m.content })),
    jsonSchema: request.jsonSchema,
    maxTokens: request.maxTokens,
    temperature: request.temperature,
    topP: request.topP,
    seed: request.seed,
  });
}

/** SHA-256 of the canonical JSON schema the output is decoded under; null for free text. */
export function grammarHash(jsonSchema: Record<string, unknown> | null): string | null {
  return jsonSchema === null ? null : hashJson(jsonSchema);
}
