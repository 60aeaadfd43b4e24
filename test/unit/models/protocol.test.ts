import { describe, expect, it } from 'vitest';
import { WorkerReplySchema, WorkerRequestSchema } from '../../../native-models/local/protocol.ts';

const model = { path: '/m.gguf', gpu: false, gpuLayers: 0, contextSize: 2048, threads: 1 };
const params = { messages: [{ role: 'user', content: 'hi' }], maxTokens: 8 };

function issues(message: unknown): string[] {
  const parsed = WorkerRequestSchema.safeParse(message);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.path.join('.'));
}

describe('the worker protocol', () => {
  it('accepts well-formed requests and fills defaults', () => {
    const parsed = WorkerRequestSchema.parse({ type: 'generate', id: 1, model, params });
    expect(parsed).toMatchObject({ params: { temperature: 0 } });
    expect(WorkerRequestSchema.safeParse({ type: 'cancel', id: 2, target: 1 }).success).toBe(true);
    expect(WorkerRequestSchema.safeParse({ type: 'probe', id: 3, gpu: 'auto' }).success).toBe(true);
  });

  it('rejects what llama.cpp must never see', () => {
    expect(issues({ type: 'generate', id: 1, model: { ...model, threads: 0 }, params })).toEqual([
      'model.threads',
    ]);
    expect(issues({ type: 'generate', id: 1, model: { ...model, gpu: 'cuda' }, params })).toEqual([
      'model.gpu',
    ]);
    expect(issues({ type: 'generate', id: 1, model, params: { ...params, maxTokens: 0 } })).toEqual(
      ['params.maxTokens'],
    );
    expect(issues({ type: 'generate', id: 1, model, params: { ...params, messages: [] } })).toEqual(
      ['params.messages'],
    );
    expect(
      issues({
        type: 'generate',
        id: 1,
        model,
        params: { ...params, messages: [{ role: 'tool', content: 'x' }] },
      }),
    ).toEqual(['params.messages.0.role']);
    expect(issues({ type: 'generate', id: 1, model: { ...model, extra: true }, params })).toEqual([
      'model',
    ]);
    expect(issues({ type: 'shutdown', id: 1 })).toEqual(['type']);
    expect(
      issues({
        type: 'calibrate',
        id: 1,
        model,
        params: { candidates: [], promptTokens: 8, generateTokens: 8, repeats: 1 },
      }),
    ).toEqual(['params.candidates']);
  });

  it('checks the worker’s replies too', () => {
    expect(WorkerReplySchema.safeParse({ type: 'chunk', id: 1, text: 'a' }).success).toBe(true);
    expect(
      WorkerReplySchema.safeParse({ type: 'error', id: 1, error: { kind: 'oom', message: 'x' } })
        .success,
    ).toBe(false);
    expect(WorkerReplySchema.safeParse({ type: 'chunk', id: '1', text: 'a' }).success).toBe(false);
  });
});
