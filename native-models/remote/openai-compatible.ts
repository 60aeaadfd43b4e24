// OpenAI-compatible chat completions (OpenAI, OpenRouter, vLLM, llama.cpp server, Ollama): the
// exact request body for a ModelGenerateRequest, and the mapping of the answer back. Only
// types come from the `openai` package here; the client that sends is created in
// native-models/routing/sdk-clients.ts (the single egress gate) and handed in.
import type {
  ChatCompletion,
  ChatCompletionCreateParamsNonStreaming,
} from 'openai/resources/chat/completions';
import type { ModelGenerateRequest } from '../../workflows/engine/ports.ts';
import type { TokenCounts } from '../../workflows/records/envelope.ts';
import type { ProviderConfig } from './provider-config.ts';
import {
  ANSWER_NAME,
  isStrictCompatible,
  parseJsonAnswer,
  withSchemaInstruction,
  type ParsedAnswer,
} from './structured-output.ts';

export type OpenAiChatBody = ChatCompletionCreateParamsNonStreaming;

/** What sendRemoteRequest needs of an `OpenAI` client (a real one satisfies it). */
export interface OpenAiChatClient {
  chat: {
    completions: {
      create(
        body: ChatCompletionCreateParamsNonStreaming,
        options?: { signal?: AbortSignal },
      ): PromiseLike<ChatCompletion>;
    };
  };
}

export function openAiDestination(provider: ProviderConfig): string {
  return `${provider.baseUrl}/chat/completions`;
}

/**
 * OpenAI's own API deprecated `max_tokens` for chat completions and refuses it for reasoning
 * models; the servers a team runs (vLLM, llama.cpp, Ollama) and OpenRouter read `max_tokens`.
 */
export function usesMaxCompletionTokens(provider: ProviderConfig): boolean {
  return new URL(provider.baseUrl).hostname === 'api.openai.com';
}

export function buildOpenAiBody(
  provider: ProviderConfig,
  model: string,
  request: ModelGenerateRequest,
): OpenAiChatBody {
  const schema = request.jsonSchema;
  const mode = schema === null ? null : provider.structuredOutput;
  const describeSchema = schema !== null && (mode === 'json_object' || mode === 'none');
  const messages = describeSchema
    ? withSchemaInstruction(request.messages, schema)
    : request.messages;
  const body: OpenAiChatBody = {
    model,
    messages: messages.map((m) => ({ role: m.role, content: m.content })),
    ...(usesMaxCompletionTokens(provider)
      ? { max_completion_tokens: request.maxTokens }
      : { max_tokens: request.maxTokens }),
    temperature: request.temperature,
    ...(request.topP !== null ? { top_p: request.topP } : {}),
    ...(request.seed !== null ? { seed: request.seed } : {}),
  };
  if (schema === null) return body;
  switch (mode) {
    case 'json_schema':
      body.response_format = {
        type: 'json_schema',
        json_schema: { name: ANSWER_NAME, schema, strict: isStrictCompatible(schema) },
      };
      break;
    case 'json_object':
      body.response_format = { type: 'json_object' };
      break;
    case 'tool':
      body.tools = [
        {
          type: 'function',
          function: {
            name: ANSWER_NAME,
            description: 'Give the answer as the arguments of this function.',
            parameters: schema,
          },
        },
      ];
      body.tool_choice = { type: 'function', function: { name: ANSWER_NAME } };
      break;
    default:
      break;
  }
  return body;
}

const STOP_REASONS: Record<string, string> = {
  stop: 'end',
  tool_calls: 'end',
  function_call: 'end',
  length: 'maxTokens',
  content_filter: 'contentFilter',
};

export function openAiTokens(usage: ChatCompletion['usage']): TokenCounts {
  return {
    input: usage?.prompt_tokens ?? 0,
    cachedInput: usage?.prompt_tokens_details?.cached_tokens ?? 0,
    // OpenAI caches automatically and reports no cache writes.
    cacheWrite: 0,
    output: usage?.completion_tokens ?? 0,
    reasoning: usage?.completion_tokens_details?.reasoning_tokens ?? 0,
  };
}

export interface MappedAnswer extends ParsedAnswer {
  text: string;
  stopReason: string;
  tokens: TokenCounts;
  resolvedModel: string | null;
}

export function mapOpenAiResponse(
  completion: ChatCompletion,
  wantsJson: boolean,
  maxTokens: number,
): MappedAnswer {
  const choice = completion.choices?.[0];
  const message = choice?.message;
  const call = message?.tool_calls?.find(
    (c) => c.type === 'function' && c.function.name === ANSWER_NAME,
  );
  const text =
    call && call.type === 'function' ? call.function.arguments : (message?.content ?? '');
  const finish = choice?.finish_reason ?? 'none';
  const stopReason = STOP_REASONS[finish] ?? finish;
  let parsed: ParsedAnswer = { json: undefined, jsonProblem: null };
  if (wantsJson) {
    if (message?.refusal) {
      parsed = { json: undefined, jsonProblem: `the model refused: ${message.refusal}` };
    } else if (!choice) {
      parsed = { json: undefined, jsonProblem: 'the server returned no answer (no choices)' };
    } else {
      parsed = parseJsonAnswer(text);
      if (parsed.jsonProblem && stopReason === 'maxTokens') {
        parsed.jsonProblem = `The output reached maxTokens (${maxTokens}) before the JSON was complete; allow more tokens.`;
      }
    }
  }
  return {
    text: text === '' && message?.refusal ? message.refusal : text,
    ...parsed,
    stopReason,
    tokens: openAiTokens(completion.usage),
    resolvedModel: completion.model || null,
  };
}
