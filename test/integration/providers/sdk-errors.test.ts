// Failures through the real SDK clients: a wrong key, a rate limit, a server error, a server
// that hangs, drops the connection or is not there at all. Each becomes a RemoteProviderError
// that names the provider and says what to do; no SDK retries behind the gate's back.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ProviderConfigSchema,
  type ProviderConfig,
} from '../../../native-models/remote/provider-config.ts';
import {
  buildRemoteRequest,
  RemoteProviderError,
  sendRemoteRequest,
} from '../../../native-models/remote/remote-request.ts';
import { createProviderClient } from '../../../native-models/routing/sdk-clients.ts';
import type { ModelGenerateRequest } from '../../../workflows/engine/ports.ts';
import {
  startFakeAnthropicServer,
  type FakeAnthropicServer,
} from '../../support/fake-anthropic-server.ts';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../../support/fake-openai-server.ts';

const KEY = 'sk-test-errors-0123456789';
const REQUEST: ModelGenerateRequest = {
  messages: [{ role: 'user', content: 'Hello' }],
  jsonSchema: null,
  maxTokens: 32,
  temperature: 0,
  topP: null,
  seed: null,
};

let openai: FakeOpenAiServer;
let anthropic: FakeAnthropicServer;
let openaiProvider: ProviderConfig;
let anthropicProvider: ProviderConfig;

beforeAll(async () => {
  openai = await startFakeOpenAiServer({ apiKey: KEY });
  anthropic = await startFakeAnthropicServer({ apiKey: KEY });
  openaiProvider = ProviderConfigSchema.parse({
    id: 'openrouter',
    kind: 'openai-compatible',
    tier: 'cloud',
    baseUrl: openai.baseUrl,
    models: ['m'],
  });
  anthropicProvider = ProviderConfigSchema.parse({
    id: 'anthropic',
    kind: 'anthropic',
    tier: 'cloud',
    baseUrl: anthropic.baseUrl,
    models: ['m'],
  });
});
afterAll(async () => {
  await openai.close();
  await anthropic.close();
});

async function failure(
  provider: ProviderConfig,
  key: string,
  timeoutMs = 5_000,
): Promise<RemoteProviderError> {
  const built = buildRemoteRequest(provider, 'm', REQUEST);
  try {
    await sendRemoteRequest(createProviderClient(provider, key, { timeoutMs }), provider, built);
  } catch (error) {
    expect(error).toBeInstanceOf(RemoteProviderError);
    expect((error as Error).message).not.toContain(key);
    return error as RemoteProviderError;
  }
  throw new Error('the request did not fail');
}

const both = () =>
  [
    ['openai-compatible', openai, openaiProvider],
    ['anthropic', anthropic, anthropicProvider],
  ] as const;

describe('provider failures through the SDKs', () => {
  it('a wrong key: 401, check the key with set-key', async () => {
    for (const [, server, provider] of both()) {
      server.reset();
      const error = await failure(provider, 'sk-wrong-key-000000');
      expect(error).toMatchObject({ failure: 'auth', status: 401, retryable: false });
      expect(error.message).toContain(
        `${provider.id} (${provider.baseUrl}) refused the API key (401).`,
      );
      expect(error.message).toContain(`cairn providers set-key ${provider.id}`);
      expect(server.requests).toHaveLength(1);
      expect(server.requests[0]!.authOk).toBe(false);
    }
  });

  it('429 and 500: retry later, and the SDK did not retry by itself', async () => {
    for (const [, server, provider] of both()) {
      server.reset();
      server.failNext({ status: 429, message: 'Rate limit reached.' });
      const limited = await failure(provider, KEY);
      expect(limited).toMatchObject({ failure: 'rate-limit', status: 429, retryable: true });
      expect(limited.message).toMatch(
        /\(429\)\. The server said: Rate limit reached\. Retry later\.$/,
      );
      server.failNext({ status: 500 });
      const broken = await failure(provider, KEY);
      expect(broken).toMatchObject({ failure: 'server', status: 500, retryable: true });
      expect(broken.message).toContain(
        `${provider.id} (${provider.baseUrl}) had a server error (500).`,
      );
      expect(server.requests).toHaveLength(2);
    }
  });

  it('a server that hangs: a timeout; one that drops the connection: unreachable', async () => {
    for (const [, server, provider] of both()) {
      server.reset();
      server.failNext('hang');
      const slow = await failure(provider, KEY, 300);
      expect(slow).toMatchObject({ failure: 'timeout', status: null, retryable: true });
      expect(slow.message).toContain('did not answer in time');
      server.failNext('close-socket');
      const dropped = await failure(provider, KEY);
      expect(dropped).toMatchObject({ failure: 'unreachable', status: null });
      expect(server.requests).toHaveLength(2);
    }
  });

  it('nothing listening: the server is unreachable, you may be offline', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    for (const kind of ['openai-compatible', 'anthropic'] as const) {
      const provider = ProviderConfigSchema.parse({
        id: 'gone',
        kind,
        tier: 'hosted',
        baseUrl: `http://127.0.0.1:${port}${kind === 'anthropic' ? '' : '/v1'}`,
        models: ['m'],
      });
      const error = await failure(provider, KEY);
      expect(error).toMatchObject({ failure: 'unreachable', status: null, retryable: true });
      expect(error.message).toBe(
        `The server at ${provider.baseUrl} (gone) is unreachable — you may be offline, or the server is not running.`,
      );
    }
  });

  it('a cancelled request stops at once', async () => {
    openai.reset();
    openai.failNext('hang');
    const built = buildRemoteRequest(openaiProvider, 'm', REQUEST);
    const flag = { aborted: false };
    setTimeout(() => (flag.aborted = true), 100);
    await expect(
      sendRemoteRequest(createProviderClient(openaiProvider, KEY), openaiProvider, built, {
        signal: flag,
      }),
    ).rejects.toMatchObject({ failure: 'cancelled' });
  });
});
