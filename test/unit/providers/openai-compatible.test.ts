import type { ChatCompletion } from 'openai/resources/chat/completions';
import { describe, expect, it } from 'vitest';
import {
  buildOpenAiBody,
  mapOpenAiResponse,
} from '../../../native-models/remote/openai-compatible.ts';
import { buildRemoteRequest } from '../../../native-models/remote/remote-request.ts';
import { ANSWER_SCHEMA, provider, request } from './fixtures.ts';

function completion(over: {
  content?: string | null;
  finish?: string;
  toolArgs?: string;
  refusal?: string;
  usage?: ChatCompletion['usage'];
}): ChatCompletion {
  return {
    id: 'chatcmpl-1',
    object: 'chat.completion',
    created: 1,
    model: 'gpt-4.1-2025-04-14',
    choices: [
      {
        index: 0,
        logprobs: null,
        finish_reason: (over.finish ?? 'stop') as 'stop',
        message: {
          role: 'assistant',
          content: over.content ?? null,
          refusal: over.refusal ?? null,
          ...(over.toolArgs !== undefined
            ? {
                tool_calls: [
                  {
                    id: 'c1',
                    type: 'function' as const,
                    function: { name: 'answer', arguments: over.toolArgs },
                  },
                ],
              }
            : {}),
        },
      },
    ],
    usage: over.usage,
  } as ChatCompletion;
}

describe('OpenAI-compatible request bodies', () => {
  it('free text: messages, model, max_tokens, temperature, seed; top_p only when set', () => {
    expect(buildOpenAiBody(provider(), 'qwen3-32b', request())).toEqual({
      model: 'qwen3-32b',
      messages: [
        { role: 'system', content: 'You review specs.' },
        { role: 'user', content: 'Review REQ-1.' },
      ],
      max_tokens: 512,
      temperature: 0,
      seed: 42,
    });
    const body = buildOpenAiBody(provider(), 'qwen3-32b', request({ topP: 0.9, seed: null }));
    expect(body.top_p).toBe(0.9);
    expect('seed' in body).toBe(false);
  });

  it('uses max_completion_tokens for OpenAI itself', () => {
    const openai = provider({
      id: 'openai',
      tier: 'cloud',
      baseUrl: 'https://api.openai.com/v1',
      models: ['gpt-4.1'],
    });
    const body = buildOpenAiBody(openai, 'gpt-4.1', request());
    expect(body.max_completion_tokens).toBe(512);
    expect('max_tokens' in body).toBe(false);
  });

  it('json_schema: a strict response_format when the schema qualifies, loose otherwise', () => {
    const body = buildOpenAiBody(provider(), 'qwen3-32b', request({ jsonSchema: ANSWER_SCHEMA }));
    expect(body.response_format).toEqual({
      type: 'json_schema',
      json_schema: { name: 'answer', schema: ANSWER_SCHEMA, strict: true },
    });
    expect(body.messages).toEqual(request().messages);
    const loose = { type: 'object', properties: { a: { type: 'string' } } };
    const looseBody = buildOpenAiBody(provider(), 'qwen3-32b', request({ jsonSchema: loose }));
    expect(looseBody.response_format).toMatchObject({ json_schema: { strict: false } });
  });

  it('json_object: the format flag, and the schema described in the system message', () => {
    const p = provider({ structuredOutput: 'json_object' });
    const body = buildOpenAiBody(p, 'qwen3-32b', request({ jsonSchema: ANSWER_SCHEMA }));
    expect(body.response_format).toEqual({ type: 'json_object' });
    expect(body.messages[0]).toEqual({
      role: 'system',
      content: `You review specs.\n\nAnswer with a single JSON object and nothing else (no prose, no code fence). It must validate against this JSON schema:\n${JSON.stringify(ANSWER_SCHEMA)}`,
    });
    const noSystem = request({
      jsonSchema: ANSWER_SCHEMA,
      messages: [{ role: 'user', content: 'Hi' }],
    });
    const added = buildOpenAiBody(p, 'qwen3-32b', noSystem);
    expect(added.messages.map((m) => m.role)).toEqual(['system', 'user']);
  });

  it('tool and none modes', () => {
    const tool = buildOpenAiBody(
      provider({ structuredOutput: 'tool' }),
      'qwen3-32b',
      request({ jsonSchema: ANSWER_SCHEMA }),
    );
    expect(tool.tools).toEqual([
      {
        type: 'function',
        function: {
          name: 'answer',
          description: 'Give the answer as the arguments of this function.',
          parameters: ANSWER_SCHEMA,
        },
      },
    ]);
    expect(tool.tool_choice).toEqual({ type: 'function', function: { name: 'answer' } });
    const none = buildOpenAiBody(
      provider({ structuredOutput: 'none' }),
      'qwen3-32b',
      request({ jsonSchema: ANSWER_SCHEMA }),
    );
    expect(none.response_format).toBeUndefined();
    expect(none.messages[0]!.content).toContain('JSON schema:');
  });

  it('buildRemoteRequest gives the destination and refuses a model the provider does not list', () => {
    const built = buildRemoteRequest(provider(), 'qwen3-32b', request());
    expect(built.destination).toBe('http://127.0.0.1:8000/v1/chat/completions');
    expect(built.kind).toBe('openai-compatible');
    expect(JSON.parse(JSON.stringify(built.body))).toEqual(built.body);
    expect(() => buildRemoteRequest(provider(), 'gpt-5', request())).toThrow(
      'The provider team-vllm is not configured for the model gpt-5 (configured: qwen3-32b).',
    );
  });
});

describe('OpenAI-compatible answers', () => {
  it('maps text, stop reason, tokens by class and the resolved model', () => {
    const mapped = mapOpenAiResponse(
      completion({
        content: 'Looks fine.',
        usage: {
          prompt_tokens: 1000,
          completion_tokens: 300,
          total_tokens: 1300,
          prompt_tokens_details: { cached_tokens: 600 },
          completion_tokens_details: { reasoning_tokens: 200 },
        },
      }),
      false,
      512,
    );
    expect(mapped).toEqual({
      text: 'Looks fine.',
      json: undefined,
      jsonProblem: null,
      stopReason: 'end',
      tokens: { input: 1000, cachedInput: 600, cacheWrite: 0, output: 300, reasoning: 200 },
      resolvedModel: 'gpt-4.1-2025-04-14',
    });
  });

  it('parses JSON from content or from the forced tool call, and explains failures', () => {
    expect(mapOpenAiResponse(completion({ content: '{"a":1}' }), true, 512).json).toEqual({ a: 1 });
    expect(
      mapOpenAiResponse(completion({ content: '```json\n{"a":1}\n```' }), true, 512).json,
    ).toEqual({ a: 1 });
    const tool = mapOpenAiResponse(
      completion({ toolArgs: '{"b":2}', finish: 'tool_calls' }),
      true,
      512,
    );
    expect(tool).toMatchObject({ text: '{"b":2}', json: { b: 2 }, stopReason: 'end' });
    const cut = mapOpenAiResponse(completion({ content: '{"a":', finish: 'length' }), true, 512);
    expect(cut).toMatchObject({ json: undefined, stopReason: 'maxTokens' });
    expect(cut.jsonProblem).toMatch(/reached maxTokens \(512\)/);
    const bad = mapOpenAiResponse(completion({ content: 'Sure! Here it is' }), true, 512);
    expect(bad.jsonProblem).toMatch(/^the answer is not valid JSON/);
    const refused = mapOpenAiResponse(completion({ refusal: 'I cannot help.' }), true, 512);
    expect(refused).toMatchObject({
      text: 'I cannot help.',
      jsonProblem: 'the model refused: I cannot help.',
    });
    expect(
      mapOpenAiResponse(completion({ content: null, finish: 'content_filter' }), false, 9)
        .stopReason,
    ).toBe('contentFilter');
  });

  it('counts zero when the server reports no usage', () => {
    expect(mapOpenAiResponse(completion({ content: 'x' }), false, 9).tokens).toEqual({
      input: 0,
      cachedInput: 0,
      cacheWrite: 0,
      output: 0,
      reasoning: 0,
    });
  });
});
