import type { Message } from '@anthropic-ai/sdk/resources/messages';
import { describe, expect, it } from 'vitest';
import {
  buildAnthropicBody,
  mapAnthropicResponse,
} from '../../../native-models/remote/anthropic.ts';
import { buildRemoteRequest } from '../../../native-models/remote/remote-request.ts';
import { ANSWER_SCHEMA, provider, request } from './fixtures.ts';

const claude = () =>
  provider({
    id: 'anthropic',
    kind: 'anthropic',
    tier: 'cloud',
    baseUrl: 'https://api.anthropic.com',
    models: ['claude-sonnet-4-5'],
  });

function message(content: unknown[], stop: string, usage: Record<string, unknown> = {}): Message {
  return {
    id: 'msg_1',
    type: 'message',
    role: 'assistant',
    model: 'claude-sonnet-4-5-20250929',
    content,
    stop_reason: stop,
    stop_sequence: null,
    usage: { input_tokens: 100, output_tokens: 40, ...usage },
  } as unknown as Message;
}

describe('Anthropic request bodies', () => {
  it('puts the system prompt apart, with max_tokens and no sampling parameters', () => {
    const body = buildAnthropicBody(
      claude(),
      'claude-sonnet-4-5',
      request({
        topP: 0.9,
        messages: [
          { role: 'system', content: 'You review specs.' },
          { role: 'system', content: 'Be brief.' },
          { role: 'user', content: 'Review REQ-1.' },
          { role: 'assistant', content: 'Which part?' },
          { role: 'user', content: 'All of it.' },
        ],
      }),
    );
    expect(body).toEqual({
      model: 'claude-sonnet-4-5',
      max_tokens: 512,
      system: 'You review specs.\n\nBe brief.',
      messages: [
        { role: 'user', content: 'Review REQ-1.' },
        { role: 'assistant', content: 'Which part?' },
        { role: 'user', content: 'All of it.' },
      ],
    });
    const noSystem = buildAnthropicBody(
      claude(),
      'claude-sonnet-4-5',
      request({ messages: [{ role: 'user', content: 'Hi' }] }),
    );
    expect('system' in noSystem).toBe(false);
  });

  it('structured output through one forced tool named answer', () => {
    const body = buildAnthropicBody(
      claude(),
      'claude-sonnet-4-5',
      request({ jsonSchema: ANSWER_SCHEMA }),
    );
    expect(body.tools).toEqual([
      {
        name: 'answer',
        description: 'Give the answer as the input of this tool.',
        input_schema: ANSWER_SCHEMA,
      },
    ]);
    expect(body.tool_choice).toEqual({ type: 'tool', name: 'answer' });
    expect(body.system).toBe('You review specs.');
  });

  it("structuredOutput 'none' describes the schema in the system prompt instead", () => {
    const body = buildAnthropicBody(
      provider({
        kind: 'anthropic',
        structuredOutput: 'none',
        baseUrl: 'https://api.anthropic.com',
        models: ['m'],
      }),
      'm',
      request({ jsonSchema: ANSWER_SCHEMA }),
    );
    expect(body.tools).toBeUndefined();
    expect(body.system).toContain(`JSON schema:\n${JSON.stringify(ANSWER_SCHEMA)}`);
  });

  it('the destination is /v1/messages under the base URL', () => {
    const built = buildRemoteRequest(claude(), 'claude-sonnet-4-5', request());
    expect(built.destination).toBe('https://api.anthropic.com/v1/messages');
    expect(built.kind).toBe('anthropic');
  });
});

describe('Anthropic answers', () => {
  it('reads the tool input as the JSON, and counts cache reads and writes into input', () => {
    const mapped = mapAnthropicResponse(
      message(
        [
          {
            type: 'tool_use',
            id: 't',
            name: 'answer',
            input: { questions: ['Why?'], confident: true },
          },
        ],
        'tool_use',
        {
          input_tokens: 100,
          cache_read_input_tokens: 1000,
          cache_creation_input_tokens: 50,
          output_tokens: 40,
          output_tokens_details: { thinking_tokens: 10 },
        },
      ),
      true,
      512,
    );
    expect(mapped).toEqual({
      text: '{"questions":["Why?"],"confident":true}',
      json: { questions: ['Why?'], confident: true },
      jsonProblem: null,
      stopReason: 'end',
      tokens: { input: 1150, cachedInput: 1000, cacheWrite: 50, output: 40, reasoning: 10 },
      resolvedModel: 'claude-sonnet-4-5-20250929',
    });
  });

  it('maps text answers and stop reasons; a cut-off or refused answer has no JSON', () => {
    const text = mapAnthropicResponse(
      message([{ type: 'text', text: 'Fine.' }], 'end_turn'),
      false,
      512,
    );
    expect(text).toMatchObject({
      text: 'Fine.',
      json: undefined,
      jsonProblem: null,
      stopReason: 'end',
    });
    expect(text.tokens).toEqual({
      input: 100,
      cachedInput: 0,
      cacheWrite: 0,
      output: 40,
      reasoning: 0,
    });
    const cut = mapAnthropicResponse(
      message([{ type: 'tool_use', id: 't', name: 'answer', input: {} }], 'max_tokens'),
      true,
      64,
    );
    expect(cut).toMatchObject({ json: undefined, stopReason: 'maxTokens' });
    expect(cut.jsonProblem).toMatch(/reached maxTokens \(64\)/);
    const refused = mapAnthropicResponse(message([], 'refusal'), true, 64);
    expect(refused).toMatchObject({
      stopReason: 'refusal',
      jsonProblem: 'the model refused to answer',
    });
    expect(
      mapAnthropicResponse(message([{ type: 'text', text: '{"a":1}' }], 'stop_sequence'), true, 9),
    ).toMatchObject({
      json: { a: 1 },
      stopReason: 'stopTrigger',
    });
  });
});
