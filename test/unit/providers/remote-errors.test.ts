import { describe, expect, it } from 'vitest';
import {
  describeRemoteError,
  RemoteProviderError,
} from '../../../native-models/remote/remote-errors.ts';
import {
  buildRemoteRequest,
  sendRemoteRequest,
  type RemoteClient,
} from '../../../native-models/remote/remote-request.ts';
import { provider, request } from './fixtures.ts';

// Shaped like the SDKs' error classes (recognised by status and class name, not by import).
class APIError extends Error {
  constructor(
    readonly status: number | undefined,
    readonly error: unknown,
    message: string,
  ) {
    super(message);
  }
}
class APIConnectionError extends APIError {}
class APIConnectionTimeoutError extends APIConnectionError {}
class APIUserAbortError extends APIError {}

const p = provider();

describe('errors of remote providers', () => {
  it('says what to do for each status, and hides any quoted key', () => {
    const auth = describeRemoteError(
      p,
      'qwen3-32b',
      new APIError(401, { message: 'Incorrect API key provided: sk-abc***xyz9.' }, '401'),
    );
    expect(auth).toBeInstanceOf(RemoteProviderError);
    expect(auth).toMatchObject({
      failure: 'auth',
      status: 401,
      retryable: false,
      providerId: 'team-vllm',
    });
    expect(auth.message).toBe(
      'team-vllm (http://127.0.0.1:8000/v1) refused the API key (401). The server said: Incorrect API key provided: [key hidden] Check the key with `cairn providers set-key team-vllm` (it reads the key from standard input).',
    );
    const limited = describeRemoteError(p, 'm', new APIError(429, undefined, '429'));
    expect(limited).toMatchObject({ failure: 'rate-limit', retryable: true });
    expect(limited.message).toMatch(/\(429\)\. Retry later\.$/);
    const server = describeRemoteError(
      p,
      'm',
      new APIError(
        503,
        { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } },
        '503',
      ),
    );
    expect(server.message).toBe(
      'team-vllm (http://127.0.0.1:8000/v1) had a server error (503). The server said: Overloaded Retry later.',
    );
    expect(describeRemoteError(p, 'm', new APIError(404, undefined, '')).failure).toBe('not-found');
    expect(describeRemoteError(p, 'm', new APIError(400, undefined, '')).failure).toBe(
      'bad-request',
    );
  });

  it('tells unreachable servers, timeouts and cancellations apart', () => {
    const offline = describeRemoteError(
      p,
      'm',
      new APIConnectionError(undefined, undefined, 'Connection error.'),
    );
    expect(offline).toMatchObject({ failure: 'unreachable', status: null, retryable: true });
    expect(offline.message).toBe(
      'The server at http://127.0.0.1:8000/v1 (team-vllm) is unreachable — you may be offline, or the server is not running.',
    );
    expect(
      describeRemoteError(p, 'm', new APIConnectionTimeoutError(undefined, undefined, 't')).failure,
    ).toBe('timeout');
    expect(
      describeRemoteError(p, 'm', new APIUserAbortError(undefined, undefined, 'a')).failure,
    ).toBe('cancelled');
    expect(describeRemoteError(p, 'm', new Error('boom')).message).toBe(
      'The request to team-vllm (http://127.0.0.1:8000/v1) failed: boom',
    );
  });

  it('sendRemoteRequest wraps client failures and refuses a client of the other kind', async () => {
    const built = buildRemoteRequest(p, 'qwen3-32b', request());
    const failing = {
      chat: { completions: { create: () => Promise.reject(new APIError(500, undefined, '500')) } },
    } satisfies RemoteClient;
    await expect(sendRemoteRequest(failing, p, built)).rejects.toMatchObject({ failure: 'server' });
    const anthropicLike = {
      messages: { create: () => Promise.reject(new Error('unused')) },
    } as RemoteClient;
    await expect(sendRemoteRequest(anthropicLike, p, built)).rejects.toThrow(
      /is not an OpenAI client/,
    );
    const other = provider({ id: 'other' });
    await expect(sendRemoteRequest(failing, other, built)).rejects.toThrow(
      'The request was built for team-vllm (openai-compatible), not for other (openai-compatible).',
    );
  });

  it('sendRemoteRequest passes the built body unchanged and reports the result', async () => {
    const built = buildRemoteRequest(p, 'qwen3-32b', request());
    const seen: unknown[] = [];
    const client = {
      chat: {
        completions: {
          create: (body: unknown) => {
            seen.push(body);
            return Promise.resolve({
              id: 'x',
              object: 'chat.completion' as const,
              created: 1,
              model: 'qwen3-32b-awq',
              choices: [
                {
                  index: 0,
                  logprobs: null,
                  finish_reason: 'stop' as const,
                  message: { role: 'assistant' as const, content: 'Done.', refusal: null },
                },
              ],
            });
          },
        },
      },
    } satisfies RemoteClient;
    const chunks: string[] = [];
    const result = await sendRemoteRequest(client, p, built, { onText: (t) => chunks.push(t) });
    expect(seen).toEqual([built.body]);
    expect(seen[0]).toBe(built.body);
    expect(chunks).toEqual(['Done.']);
    expect(result.identity).toEqual({
      tier: 'hosted',
      provider: 'team-vllm',
      name: 'qwen3-32b',
      sha256: null,
      quantization: null,
      backend: null,
      gpuLayers: null,
      threads: null,
      contextSize: null,
      runtimeVersion: null,
      resolvedModel: 'qwen3-32b-awq',
    });
    expect(result.timings).toMatchObject({
      timeToFirstTokenMs: null,
      outputTokensPerSecond: null,
      loadMs: 0,
    });
  });
});
