// A server on 127.0.0.1 shaped like OpenAI's chat completions API (POST /v1/chat/completions),
// for tests of the OpenAI-compatible provider and of the egress gate: it records every request
// (fake-provider-server.ts), checks `Authorization: Bearer <key>`, and answers like the real API:
// `chat.completion` objects with usage and model, a JSON answer that validates against the
// request's `response_format` json_schema, forced function call or the schema described in the
// system message, and errors in OpenAI's `{ error: { message, type, code } }` shape.
import {
  minimalInstance,
  roughTokens,
  schemaFromInstruction,
  startFakeServer,
  type FakeServerCore,
  type FakeServerOptions,
  type Reply,
} from './fake-provider-server.ts';

export type { Failure, RecordedRequest } from './fake-provider-server.ts';

export interface FakeOpenAiOptions extends Partial<FakeServerOptions> {
  /** The model the server says answered (default: the one asked for). */
  resolveModel?: (requested: string) => string;
  /** The free-text answer (default: `Fake answer from <model>.`). */
  text?: string;
  /** Reported in usage: prompt tokens read from the cache, and reasoning tokens. */
  cachedTokens?: number;
  reasoningTokens?: number;
}

export interface FakeOpenAiServer extends FakeServerCore {
  /** What to give the SDK as `baseURL`: `<origin>/v1`. */
  baseUrl: string;
}

interface ChatBody {
  model?: string;
  messages?: { role: string; content: string }[];
  response_format?: { type: string; json_schema?: { schema?: unknown } };
  tools?: { type: string; function: { name: string; parameters?: unknown } }[];
  tool_choice?: { type: string; function?: { name: string } };
}

const ERROR_TYPES: Record<number, [string, string | null]> = {
  400: ['invalid_request_error', null],
  401: ['invalid_request_error', 'invalid_api_key'],
  404: ['invalid_request_error', 'unknown_url'],
  429: ['requests', 'rate_limit_exceeded'],
  500: ['server_error', null],
  503: ['server_error', null],
};

function error(status: number, message: string): Reply {
  const [type, code] = ERROR_TYPES[status] ?? ['api_error', null];
  return {
    status,
    body: { error: { message, type, param: null, code } },
    headers: status === 429 ? { 'retry-after': '1' } : {},
  };
}

let sequence = 0;

export async function startFakeOpenAiServer(
  options: FakeOpenAiOptions = {},
): Promise<FakeOpenAiServer> {
  const answer = (raw: unknown): Reply => {
    const body = raw as ChatBody;
    const requested = body.model ?? 'unknown';
    const messages = body.messages ?? [];
    const forced =
      body.tool_choice?.type === 'function' ? body.tool_choice.function?.name : undefined;
    const tool = body.tools?.find((t) => t.function.name === forced);
    let schema: unknown;
    if (body.response_format?.type === 'json_schema')
      schema = body.response_format.json_schema?.schema;
    else if (tool) schema = tool.function.parameters;
    else {
      // json_object, or no format at all: Cairn describes the schema in the system message.
      const system = messages.find((m) => m.role === 'system')?.content ?? '';
      schema =
        schemaFromInstruction(system) ??
        (body.response_format?.type === 'json_object' ? { type: 'object' } : undefined);
    }
    const content =
      schema !== undefined
        ? JSON.stringify(minimalInstance(schema))
        : (options.text ?? `Fake answer from ${requested}.`);
    const prompt = roughTokens(JSON.stringify(messages));
    const completion = roughTokens(content) + (options.reasoningTokens ?? 0);
    const id = ++sequence;
    const message = tool
      ? {
          role: 'assistant',
          content: null,
          refusal: null,
          annotations: [],
          tool_calls: [
            {
              id: `call_fake${id}`,
              type: 'function',
              function: { name: tool.function.name, arguments: content },
            },
          ],
        }
      : { role: 'assistant', content, refusal: null, annotations: [] };
    return {
      status: 200,
      headers: { 'x-request-id': `req_fake${id}` },
      body: {
        id: `chatcmpl-fake${id}`,
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: options.resolveModel ? options.resolveModel(requested) : requested,
        choices: [
          { index: 0, message, logprobs: null, finish_reason: tool ? 'tool_calls' : 'stop' },
        ],
        usage: {
          prompt_tokens: prompt,
          completion_tokens: completion,
          total_tokens: prompt + completion,
          prompt_tokens_details: {
            cached_tokens: Math.min(prompt, options.cachedTokens ?? 0),
            audio_tokens: 0,
          },
          completion_tokens_details: {
            reasoning_tokens: options.reasoningTokens ?? 0,
            audio_tokens: 0,
            accepted_prediction_tokens: 0,
            rejected_prediction_tokens: 0,
          },
        },
        service_tier: 'default',
        system_fingerprint: 'fp_fake',
      },
    };
  };
  const core = await startFakeServer(
    { apiKey: options.apiKey ?? null },
    {
      path: '/v1/chat/completions',
      authError: (message) => error(401, message),
      error,
      answer,
    },
  );
  return Object.assign(core, { baseUrl: `${core.origin}/v1` });
}
