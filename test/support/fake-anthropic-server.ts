// A server on 127.0.0.1 shaped like Anthropic's Messages API (POST /v1/messages), for tests of
// the Anthropic provider and of the egress gate: it records every request
// (fake-provider-server.ts), accepts the key as `x-api-key` or `Authorization: Bearer` (what
// @anthropic-ai/sdk 1.x sends), and answers like the real API: `message` objects with usage
// (cache reads and writes apart from input) and model, a `tool_use` block whose input validates
// against the forced tool's input_schema, errors in Anthropic's `{ type: 'error', error }` shape.
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

export interface FakeAnthropicOptions extends Partial<FakeServerOptions> {
  /** The model the server says answered (default: the one asked for). */
  resolveModel?: (requested: string) => string;
  /** The free-text answer (default: `Fake answer from <model>.`). */
  text?: string;
  /** Reported in usage. */
  cacheReadTokens?: number;
  cacheWriteTokens?: number;
}

export interface FakeAnthropicServer extends FakeServerCore {
  /** What to give the SDK as `baseURL`: the origin (the SDK adds /v1/messages). */
  baseUrl: string;
}

interface MessagesBody {
  model?: string;
  system?: string;
  messages?: { role: string; content: unknown }[];
  tools?: { name: string; input_schema?: unknown }[];
  tool_choice?: { type: string; name?: string };
}

const ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  529: 'overloaded_error',
};

let sequence = 0;

function error(status: number, message: string): Reply {
  return {
    status,
    body: {
      type: 'error',
      error: { type: ERROR_TYPES[status] ?? 'api_error', message },
      request_id: `req_fake${++sequence}`,
    },
    headers: status === 429 ? { 'retry-after': '1' } : {},
  };
}

export async function startFakeAnthropicServer(
  options: FakeAnthropicOptions = {},
): Promise<FakeAnthropicServer> {
  const answer = (raw: unknown): Reply => {
    const body = raw as MessagesBody;
    const requested = body.model ?? 'unknown';
    const forced = body.tool_choice?.type === 'tool' ? body.tool_choice.name : undefined;
    const tool = body.tools?.find((t) => t.name === forced);
    const id = ++sequence;
    const described = schemaFromInstruction(body.system ?? '');
    const content = tool
      ? [
          {
            type: 'tool_use',
            id: `toolu_fake${id}`,
            name: tool.name,
            input: minimalInstance(tool.input_schema ?? { type: 'object' }),
          },
        ]
      : [
          {
            type: 'text',
            text:
              described !== undefined
                ? JSON.stringify(minimalInstance(described))
                : (options.text ?? `Fake answer from ${requested}.`),
            citations: null,
          },
        ];
    const cacheRead = options.cacheReadTokens ?? 0;
    const cacheWrite = options.cacheWriteTokens ?? 0;
    return {
      status: 200,
      headers: { 'request-id': `req_fake${id}` },
      body: {
        id: `msg_fake${id}`,
        type: 'message',
        role: 'assistant',
        model: options.resolveModel ? options.resolveModel(requested) : requested,
        content,
        stop_reason: tool ? 'tool_use' : 'end_turn',
        stop_sequence: null,
        usage: {
          input_tokens: roughTokens(JSON.stringify([body.system ?? '', body.messages ?? []])),
          cache_creation_input_tokens: cacheWrite,
          cache_read_input_tokens: cacheRead,
          output_tokens: roughTokens(JSON.stringify(content)),
          service_tier: 'standard',
        },
      },
    };
  };
  const core = await startFakeServer(
    { apiKey: options.apiKey ?? null },
    {
      path: '/v1/messages',
      authError: (message) => error(401, message),
      error,
      answer,
    },
  );
  return Object.assign(core, { baseUrl: core.origin });
}
