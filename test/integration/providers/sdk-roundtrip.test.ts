// Through the real SDK clients (created by the egress gate's factories) to the fake servers on
// 127.0.0.1: the body a server receives is exactly the one buildRemoteRequest showed, structured
// output validates against the zod schema it came from, and the key appears only in the auth
// header, which the recording leaves out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ProviderConfigSchema } from '../../../native-models/remote/provider-config.ts';
import {
  buildRemoteRequest,
  sendRemoteRequest,
} from '../../../native-models/remote/remote-request.ts';
import { createProviderClient } from '../../../native-models/routing/sdk-clients.ts';
import type { ModelGenerateRequest } from '../../../workflows/engine/ports.ts';
import {
  startFakeAnthropicServer,
  type FakeAnthropicServer,
} from '../../support/fake-anthropic-server.ts';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../../support/fake-openai-server.ts';

const OPENAI_KEY = 'sk-test-openai-0123456789abcdef';
const ANTHROPIC_KEY = 'sk-ant-test-0123456789abcdef';

const Review = z.object({
  verdict: z.enum(['pass', 'fail']),
  findings: z
    .array(
      z.object({
        requirement: z.string().min(3),
        note: z.string(),
        severity: z.number().int().min(1),
      }),
    )
    .min(1),
  confident: z.boolean(),
});
const reviewSchema = z.toJSONSchema(Review) as Record<string, unknown>;

function request(jsonSchema: Record<string, unknown> | null): ModelGenerateRequest {
  return {
    messages: [
      { role: 'system', content: 'You review specs.' },
      { role: 'user', content: 'Review REQ-7: WHEN the user saves THEN the file is written.' },
    ],
    jsonSchema,
    maxTokens: 400,
    temperature: 0.2,
    topP: null,
    seed: 7,
  };
}

let openai: FakeOpenAiServer;
let anthropic: FakeAnthropicServer;

beforeAll(async () => {
  openai = await startFakeOpenAiServer({
    apiKey: OPENAI_KEY,
    cachedTokens: 12,
    reasoningTokens: 5,
    resolveModel: (m) => `${m}-2026-01-01`,
  });
  anthropic = await startFakeAnthropicServer({
    apiKey: ANTHROPIC_KEY,
    cacheReadTokens: 30,
    cacheWriteTokens: 8,
  });
});
afterAll(async () => {
  await openai.close();
  await anthropic.close();
});

const openaiProvider = (structuredOutput?: 'json_schema' | 'json_object' | 'tool' | 'none') =>
  ProviderConfigSchema.parse({
    id: 'team-vllm',
    kind: 'openai-compatible',
    tier: 'hosted',
    baseUrl: openai.baseUrl,
    models: ['qwen3-32b'],
    ...(structuredOutput ? { structuredOutput } : {}),
  });
const anthropicProvider = (structuredOutput?: 'tool' | 'none') =>
  ProviderConfigSchema.parse({
    id: 'anthropic',
    kind: 'anthropic',
    tier: 'cloud',
    baseUrl: anthropic.baseUrl,
    models: ['claude-opus-4-5'],
    ...(structuredOutput ? { structuredOutput } : {}),
  });

describe('OpenAI-compatible servers through the openai SDK', () => {
  for (const mode of ['json_schema', 'json_object', 'tool', 'none'] as const) {
    it(`${mode}: sends exactly the built body, and the answer validates`, async () => {
      openai.reset();
      const provider = openaiProvider(mode);
      const built = buildRemoteRequest(provider, 'qwen3-32b', request(reviewSchema));
      const client = createProviderClient(provider, OPENAI_KEY);
      const result = await sendRemoteRequest(client, provider, built);

      expect(openai.requests).toHaveLength(1);
      const seen = openai.requests[0]!;
      expect(new URL(built.destination).pathname).toBe(seen.path);
      expect(`${openai.origin}${seen.path}`).toBe(built.destination);
      expect(seen.body).toEqual(built.body);
      expect(JSON.parse(seen.rawBody)).toStrictEqual(JSON.parse(JSON.stringify(built.body)));
      expect(seen).toMatchObject({ auth: 'bearer', authOk: true, method: 'POST' });

      expect(result.jsonProblem).toBeNull();
      expect(Review.safeParse(result.json).success).toBe(true);
      expect(result.identity).toMatchObject({
        tier: 'hosted',
        provider: 'team-vllm',
        name: 'qwen3-32b',
        resolvedModel: 'qwen3-32b-2026-01-01',
      });
      expect(result.tokens.input).toBeGreaterThan(0);
      expect(result.tokens).toMatchObject({ cachedInput: 12, cacheWrite: 0, reasoning: 5 });
      expect(result.stopReason).toBe('end');
    });
  }

  it('free text, and a keyless server gets no Authorization header', async () => {
    const keyless = await startFakeOpenAiServer({ apiKey: null, text: 'All good.' });
    try {
      const provider = ProviderConfigSchema.parse({
        id: 'ollama',
        kind: 'openai-compatible',
        tier: 'hosted',
        baseUrl: keyless.baseUrl,
        models: ['llama3.3'],
      });
      const built = buildRemoteRequest(provider, 'llama3.3', request(null));
      const result = await sendRemoteRequest(createProviderClient(provider, null), provider, built);
      expect(result).toMatchObject({ text: 'All good.', json: undefined, jsonProblem: null });
      expect(keyless.requests[0]).toMatchObject({ auth: 'none', body: built.body });
    } finally {
      await keyless.close();
    }
  });
});

describe('Anthropic through @anthropic-ai/sdk', () => {
  for (const mode of ['tool', 'none'] as const) {
    it(`${mode}: sends exactly the built body, and the answer validates`, async () => {
      anthropic.reset();
      const provider = anthropicProvider(mode);
      const built = buildRemoteRequest(provider, 'claude-opus-4-5', request(reviewSchema));
      const result = await sendRemoteRequest(
        createProviderClient(provider, ANTHROPIC_KEY),
        provider,
        built,
      );
      expect(anthropic.requests).toHaveLength(1);
      const seen = anthropic.requests[0]!;
      expect(`${anthropic.origin}${seen.path}`).toBe(built.destination);
      expect(seen.body).toEqual(built.body);
      expect(JSON.parse(seen.rawBody)).toStrictEqual(JSON.parse(JSON.stringify(built.body)));
      expect(seen.authOk).toBe(true);
      expect(seen.headers['anthropic-version']).toMatch(/^\d{4}-\d{2}-\d{2}$/);

      expect(result.jsonProblem).toBeNull();
      expect(Review.safeParse(result.json).success).toBe(true);
      expect(result.identity).toMatchObject({
        tier: 'cloud',
        provider: 'anthropic',
        resolvedModel: 'claude-opus-4-5',
      });
      expect(result.tokens).toMatchObject({ cachedInput: 30, cacheWrite: 8 });
      expect(result.tokens.input).toBeGreaterThan(38);
    });
  }
});

describe('keys', () => {
  it('appear in nothing the servers record', async () => {
    openai.reset();
    anthropic.reset();
    const o = openaiProvider();
    await sendRemoteRequest(
      createProviderClient(o, OPENAI_KEY),
      o,
      buildRemoteRequest(o, 'qwen3-32b', request(reviewSchema)),
    );
    const a = anthropicProvider();
    await sendRemoteRequest(
      createProviderClient(a, ANTHROPIC_KEY),
      a,
      buildRemoteRequest(a, 'claude-opus-4-5', request(reviewSchema)),
    );
    const recorded = JSON.stringify([...openai.requests, ...anthropic.requests]);
    expect(openai.requests).toHaveLength(1);
    expect(anthropic.requests).toHaveLength(1);
    for (const key of [OPENAI_KEY, ANTHROPIC_KEY]) {
      expect(recorded).not.toContain(key);
      expect(recorded).not.toContain(key.slice(-12));
    }
    expect(Object.keys(openai.requests[0]!.headers)).not.toContain('authorization');
    expect(Object.keys(anthropic.requests[0]!.headers)).not.toContain('x-api-key');
  });
});
