import { describe, expect, it } from 'vitest';
import { cacheKey, grammarHash } from '../../../workflows/records/cache-key.ts';
import type { ModelIdentity } from '../../../workflows/records/envelope.ts';
import { clarifyRequest, LOCAL_IDENTITY } from '../../support/envelopes.ts';

const base = cacheKey(clarifyRequest(), LOCAL_IDENTITY);

describe('cacheKey', () => {
  it('is a SHA-256 that does not depend on key order or on how the call runs', () => {
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    const request = clarifyRequest();
    const reordered = {
      seed: request.seed,
      topP: request.topP,
      temperature: request.temperature,
      maxTokens: request.maxTokens,
      jsonSchema: {
        required: ['questions'],
        properties: request.jsonSchema!.properties,
        type: 'object',
      },
      messages: request.messages,
      onText: () => {},
      signal: { aborted: false },
    };
    const elsewhere: ModelIdentity = {
      ...LOCAL_IDENTITY,
      backend: 'cuda',
      gpuLayers: 33,
      threads: 16,
      contextSize: 32768,
      runtimeVersion: 'node-llama-cpp 3.22.0',
    };
    expect(cacheKey(reordered, elsewhere)).toBe(base);
  });

  it('changes with anything that can change the answer', () => {
    const r = clarifyRequest();
    const variants = {
      message: {
        ...r,
        messages: [r.messages[0]!, { role: 'user' as const, content: 'REQ-7KQ2M2' }],
      },
      role: { ...r, messages: [{ ...r.messages[0]!, role: 'user' as const }, r.messages[1]!] },
      schema: { ...r, jsonSchema: { ...r.jsonSchema!, required: [] } },
      freeText: { ...r, jsonSchema: null },
      seed: { ...r, seed: 8 },
      noSeed: { ...r, seed: null },
      temperature: { ...r, temperature: 0.7 },
      topP: { ...r, topP: 0.9 },
      maxTokens: { ...r, maxTokens: 513 },
    };
    const keys = Object.values(variants).map((v) => cacheKey(v, LOCAL_IDENTITY));
    keys.push(cacheKey(r, { ...LOCAL_IDENTITY, sha256: 'f'.repeat(64) }));
    keys.push(cacheKey(r, { ...LOCAL_IDENTITY, tier: 'hosted' }));
    expect(new Set([base, ...keys]).size).toBe(keys.length + 1);
  });

  it('tells remote models apart by provider and name', () => {
    const remote: ModelIdentity = {
      ...LOCAL_IDENTITY,
      tier: 'cloud',
      provider: 'openai',
      name: 'gpt-4.1',
      sha256: null,
      resolvedModel: 'gpt-4.1-2025-04-14',
    };
    const key = cacheKey(clarifyRequest(), remote);
    expect(cacheKey(clarifyRequest(), { ...remote, resolvedModel: null })).toBe(key);
    expect(cacheKey(clarifyRequest(), { ...remote, name: 'gpt-4.1-mini' })).not.toBe(key);
    expect(cacheKey(clarifyRequest(), { ...remote, provider: 'azure' })).not.toBe(key);
  });
});

describe('grammarHash', () => {
  it('hashes the canonical schema, and is null for free text', () => {
    expect(grammarHash(null)).toBeNull();
    expect(grammarHash({ type: 'object', required: ['a'] })).toBe(
      grammarHash({ required: ['a'], type: 'object' }),
    );
  });
});
