// Anthropic's Messages API: the exact request body for a ModelGenerateRequest (system prompt
// apart from the turns, structured output through one forced tool named `answer`; no sampling
// parameters, which the API version of @anthropic-ai/sdk 1.x removed), and the
// mapping of the answer back. Only types come from `@anthropic-ai/sdk` here; the client is
// created in native-models/routing/sdk-clients.ts and handed in.
import type {
  Message,
  MessageCreateParamsNonStreaming,
  MessageParam,
  Usage,
} from '@anthropic-ai/sdk/resources/messages';
import type { ModelGenerateRequest } from '../../workflows/engine/ports.ts';
import type { TokenCounts } from '../../workflows/records/envelope.ts';
import type { MappedAnswer } from './openai-compatible.ts';
import type { ProviderConfig } from './provider-config.ts';
import {
  ANSWER_NAME,
  parseJsonAnswer,
  withSchemaInstruction,
  type ParsedAnswer,
} from './structured-output.ts';

export type AnthropicMessagesBody = MessageCreateParamsNonStreaming;

/** What sendRemoteRequest needs of an `Anthropic` client (a real one satisfies it). */
export interface AnthropicMessagesClient {
  messages: {
    create(
      body: MessageCreateParamsNonStreaming,
      options?: { signal?: AbortSignal },
    ): PromiseLike<Message>;
  };
}

export function anthropicDestination(provider: ProviderConfig): string {
  return `${provider.baseUrl}/v1/messages`;
}

export function buildAnthropicBody(
  provider: ProviderConfig,
  model: string,
  request: ModelGenerateRequest,
): AnthropicMessagesBody {
  const schema = request.jsonSchema;
  const viaTool = schema !== null && provider.structuredOutput === 'tool';
  const messages =
    schema !== null && !viaTool
      ? withSchemaInstruction(request.messages, schema)
      : request.messages;
  const system = messages
    .filter((m) => m.role === 'system')
    .map((m) => m.content)
    .join('\n\n');
  const turns: MessageParam[] = messages
    .filter((m) => m.role !== 'system')
    .map((m) => ({ role: m.role as 'user' | 'assistant', content: m.content }));
  return {
    model,
    max_tokens: request.maxTokens,
    ...(system !== '' ? { system } : {}),
    messages: turns,
    // No temperature, top_p or seed: the Messages API version this SDK speaks (anthropic-version
    // 2026-10-21, @anthropic-ai/sdk 1.x) has no sampling parameters, and never had a seed.
    ...(viaTool
      ? {
          tools: [
            {
              name: ANSWER_NAME,
              description: 'Give the answer as the input of this tool.',
              input_schema: schema as AnthropicInputSchema,
            },
          ],
          tool_choice: { type: 'tool' as const, name: ANSWER_NAME },
        }
      : {}),
  };
}

type AnthropicInputSchema = { type: 'object'; [key: string]: unknown };

const STOP_REASONS: Record<string, string> = {
  end_turn: 'end',
  tool_use: 'end',
  stop_sequence: 'stopTrigger',
  max_tokens: 'maxTokens',
  model_context_window_exceeded: 'maxTokens',
  refusal: 'refusal',
  pause_turn: 'pauseTurn',
};

/** Anthropic reports input tokens apart from cache reads and writes; the envelope's input counts all. */
export function anthropicTokens(usage: Partial<Usage> | undefined): TokenCounts {
  const cachedInput = usage?.cache_read_input_tokens ?? 0;
  const cacheWrite = usage?.cache_creation_input_tokens ?? 0;
  const output = usage?.output_tokens ?? 0;
  return {
    input: (usage?.input_tokens ?? 0) + cachedInput + cacheWrite,
    cachedInput,
    cacheWrite,
    output,
    reasoning: Math.min(output, usage?.output_tokens_details?.thinking_tokens ?? 0),
  };
}

export function mapAnthropicResponse(
  message: Message,
  wantsJson: boolean,
  maxTokens: number,
): MappedAnswer {
  const blocks = message.content ?? [];
  const tool = blocks.find((b) => b.type === 'tool_use' && b.name === ANSWER_NAME);
  const prose = blocks
    .filter((b) => b.type === 'text')
    .map((b) => (b as { text: string }).text)
    .join('');
  const raw = message.stop_reason ?? 'none';
  const stopReason = STOP_REASONS[raw] ?? raw;
  let text = prose;
  let parsed: ParsedAnswer = { json: undefined, jsonProblem: null };
  if (tool && tool.type === 'tool_use') {
    text = JSON.stringify(tool.input);
    parsed =
      stopReason === 'maxTokens'
        ? { json: undefined, jsonProblem: truncated(maxTokens) }
        : { json: tool.input, jsonProblem: null };
  } else if (wantsJson) {
    parsed = parseJsonAnswer(prose);
    if (parsed.jsonProblem) {
      parsed.jsonProblem =
        stopReason === 'maxTokens'
          ? truncated(maxTokens)
          : stopReason === 'refusal'
            ? 'the model refused to answer'
            : parsed.jsonProblem;
    }
  }
  return {
    text,
    ...parsed,
    stopReason,
    tokens: anthropicTokens(message.usage),
    resolvedModel: message.model || null,
  };
}

function truncated(maxTokens: number): string {
  return `The output reached maxTokens (${maxTokens}) before the JSON was complete; allow more tokens.`;
}
