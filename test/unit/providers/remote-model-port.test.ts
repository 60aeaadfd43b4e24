import { describe, expect, it } from 'vitest';
import { RemoteModelPort } from '../../../native-models/remote/remote-model-port.ts';
import type { BuiltRemoteRequest } from '../../../native-models/remote/remote-request.ts';
import type { ModelGenerateResult } from '../../../workflows/engine/ports.ts';
import { provider, request } from './fixtures.ts';

describe('the remote ModelPort', () => {
  it('describes the model before any call and hands every built request to the gate', async () => {
    const seen: BuiltRemoteRequest[] = [];
    const port = new RemoteModelPort(provider(), 'qwen3-32b', (built) => {
      seen.push(built);
      return Promise.resolve({ text: 'ok' } as ModelGenerateResult);
    });
    expect(await port.describe()).toMatchObject({
      tier: 'hosted',
      provider: 'team-vllm',
      name: 'qwen3-32b',
      resolvedModel: null,
    });
    expect(await port.generate(request())).toEqual({ text: 'ok' });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      kind: 'openai-compatible',
      destination: 'http://127.0.0.1:8000/v1/chat/completions',
      body: { model: 'qwen3-32b', max_tokens: 512 },
    });
    expect(
      () => new RemoteModelPort(provider(), 'gpt-5', () => Promise.reject(new Error())),
    ).toThrow(/not configured for the model gpt-5/);
  });
});
