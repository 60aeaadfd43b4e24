// Envelopes for tests and benches: a realistic recorded call (a clarify pass on a local model),
// built with the real buildEnvelope and cacheKey so every field is as the engine writes it.
import type { ModelGenerateRequest, ModelGenerateResult } from '../../workflows/engine/ports.ts';
import {
  buildEnvelope,
  type EnvelopeIds,
  type EnvelopeInput,
} from '../../workflows/records/build-envelope.ts';
import { cacheKey } from '../../workflows/records/cache-key.ts';
import type { Envelope, ModelIdentity } from '../../workflows/records/envelope.ts';

export const LOCAL_IDENTITY: ModelIdentity = {
  tier: 'local',
  provider: 'node-llama-cpp',
  name: '3f2a9c1d7e0b',
  sha256: '3f2a9c1d7e0b'.padEnd(64, '5'),
  quantization: 'Q4_K_M',
  backend: 'cpu',
  gpuLayers: 0,
  threads: 4,
  contextSize: 8192,
  runtimeVersion: 'node-llama-cpp 3.21.1 (llama.cpp b6000)',
  resolvedModel: null,
};

export const CLARIFY_SCHEMA = {
  type: 'object',
  properties: {
    questions: {
      type: 'array',
      items: {
        type: 'object',
        properties: { question: { type: 'string' }, recommended: { type: 'string' } },
        required: ['question', 'recommended'],
      },
    },
  },
  required: ['questions'],
};

export function clarifyRequest(): Omit<ModelGenerateRequest, 'onText' | 'signal'> {
  return {
    messages: [
      { role: 'system', content: 'You ask at most five clarifying questions about a spec.' },
      {
        role: 'user',
        content: 'REQ-7KQ2M1: When a reviewer is offline, the system shall queue comments.',
      },
    ],
    jsonSchema: CLARIFY_SCHEMA,
    maxTokens: 512,
    temperature: 0,
    topP: null,
    seed: 7,
  };
}

export const CLARIFY_OUTPUT = {
  questions: [
    { question: 'How long may comments stay queued?', recommended: 'Until the next sync' },
    { question: 'Who sees queued comments?', recommended: 'Only their author' },
  ],
};

export function clarifyResult(
  json: unknown = CLARIFY_OUTPUT,
  identity: ModelIdentity = LOCAL_IDENTITY,
): ModelGenerateResult {
  return {
    text: JSON.stringify(json),
    json,
    jsonProblem: null,
    stopReason: 'end',
    tokens: { input: 412, cachedInput: 128, cacheWrite: 0, output: 57, reasoning: 0 },
    timings: {
      timeToFirstTokenMs: 84.5,
      totalMs: 1312.25,
      outputTokensPerSecond: 46.2,
      loadMs: 230,
    },
    identity,
  };
}

/** The inputs of buildEnvelope for the clarify call above, with overrides. */
export function clarifyEnvelopeInput(overrides: Partial<EnvelopeInput> = {}): EnvelopeInput {
  const request = clarifyRequest();
  return {
    id: 'call-1',
    createdAt: '2026-11-20T10:00:00.000Z',
    runId: 'run-1',
    passId: 'clarify',
    workItemId: 'feat-offline-review',
    request,
    schemaName: 'clarify-questions',
    identity: LOCAL_IDENTITY,
    result: clarifyResult(),
    error: null,
    cost: { currency: 'USD', amount: 0, priceTable: null },
    cacheKey: cacheKey(request, LOCAL_IDENTITY),
    retrieved: [
      {
        path: 'specs/offline-review/requirements.md',
        commit: '9c1e2f0a',
        sha256: 'ab'.repeat(32),
        section: 'Requirements',
      },
    ],
    ...overrides,
  };
}

export function sampleEnvelope(
  ids: Partial<EnvelopeIds> & { id: string },
  overrides: Partial<Envelope> = {},
): Envelope {
  return { ...buildEnvelope(clarifyEnvelopeInput(ids)), ...overrides };
}
