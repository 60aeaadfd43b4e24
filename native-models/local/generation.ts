// One generation on a loaded model: chat template, optional JSON-schema grammar, streamed text,
// cancellation, and the numbers a run record needs (token counts by class, reused prefix,
// time to first token). Runs inside the inference worker.
import type { ChatHistoryItem, LlamaGrammar } from 'node-llama-cpp';
import { toGrammarSchema } from './json-schema-grammar.ts';
import type { ModelSession } from './model-session.ts';
import type { ChatMessage, GenerateParamsSchema, GenerationResult } from './protocol.ts';
import type { z } from 'zod';

export class GrammarError extends Error {
  override name = 'GrammarError';
}

export interface GenerationHooks {
  /** Streamed text, with the tokens generated since the previous chunk (for a live rate). */
  onChunk?: (text: string, tokens: number) => void;
  signal?: AbortSignal;
}

type Params = z.output<typeof GenerateParamsSchema>;

export function toChatHistory(messages: readonly ChatMessage[]): ChatHistoryItem[] {
  const history: ChatHistoryItem[] = messages.map((m): ChatHistoryItem => {
    if (m.role === 'system') return { type: 'system', text: m.content };
    if (m.role === 'user') return { type: 'user', text: m.content };
    return { type: 'model', response: [m.content] };
  });
  // The response to generate: an empty model turn at the end.
  history.push({ type: 'model', response: [] });
  return history;
}

/** A compiled JSON-schema grammar; `parse` checks a complete output against the schema. */
type JsonGrammar = LlamaGrammar & { parse(json: string): unknown };

const grammars = new WeakMap<ModelSession, Map<string, JsonGrammar>>();

async function grammarFor(
  session: ModelSession,
  schema: Record<string, unknown>,
): Promise<JsonGrammar> {
  const key = JSON.stringify(schema);
  let cache = grammars.get(session);
  if (!cache) grammars.set(session, (cache = new Map()));
  const cached = cache.get(key);
  if (cached) return cached;
  try {
    // The schema comes from outside this process: reduce it to what a grammar can follow (and
    // refuse what it cannot) before llama.cpp sees it. node-llama-cpp's types want a literal
    // schema type, which a schema known only at run time cannot be.
    const checked = toGrammarSchema(schema).schema;
    const grammar: JsonGrammar = await session.llama.createGrammarForJsonSchema(checked as never);
    cache.set(key, grammar);
    return grammar;
  } catch (error) {
    throw new GrammarError(
      `The JSON schema cannot be used as a grammar: ${(error as Error).message}`,
    );
  }
}

/** Tokens of the prompt exactly as LlamaChat renders it (same chat wrapper, same history). */
export function promptTokenCount(session: ModelSession, history: ChatHistoryItem[]): number {
  const { contextText } = session.chat.chatWrapper.generateContextState({ chatHistory: history });
  return contextText.tokenize(session.model.tokenizer).length;
}

const STOP_REASONS = {
  eogToken: 'end',
  stopGenerationTrigger: 'end',
  functionCalls: 'end',
  maxTokens: 'maxTokens',
  abort: 'cancelled',
  customStopTrigger: 'stopTrigger',
} as const satisfies Record<string, GenerationResult['stopReason']>;

export async function runGeneration(
  session: ModelSession,
  params: Params,
  loadMs: number,
  hooks: GenerationHooks = {},
): Promise<GenerationResult> {
  const history = toChatHistory(params.messages);
  const grammar = params.jsonSchema ? await grammarFor(session, params.jsonSchema) : undefined;
  // Counting the prompt renders and tokenizes it again (about 1 ms per 4,000 tokens here). It is
  // done while llama.cpp decodes the second token, when this thread is idle, not before the
  // first token; or after the call when no token came.
  let promptTokens: number | undefined;
  const countPrompt = () => (promptTokens ??= promptTokenCount(session, history));
  const meterBefore = session.sequence.tokenMeter.getState();
  const started = performance.now();
  let firstTokenAt: number | null = null;
  let outputTokens = 0;
  // Tokens whose text has not been streamed yet (a multi-byte character spans several).
  let unsentTokens = 0;

  const response = await session.chat.generateResponse(history, {
    onTextChunk: (text) => {
      hooks.onChunk?.(text, unsentTokens);
      unsentTokens = 0;
    },
    onToken: (tokens) => {
      unsentTokens += tokens.length;
      if (firstTokenAt === null) {
        firstTokenAt = performance.now();
        setImmediate(countPrompt);
      }
      outputTokens += tokens.length;
    },
    signal: hooks.signal,
    stopOnAbortSignal: true,
    maxTokens: params.maxTokens,
    temperature: params.temperature,
    ...(params.seed !== undefined ? { seed: params.seed } : {}),
    ...(params.topK !== undefined ? { topK: params.topK } : {}),
    ...(params.topP !== undefined ? { topP: params.topP } : {}),
    // Raw model probabilities: a repeat penalty would bend structured output and comparisons.
    repeatPenalty: false,
    ...(grammar ? { grammar } : {}),
  });
  const finished = performance.now();

  // The token meter counts prompt tokens evaluated without logits as input; the last prompt
  // token is evaluated with logits (it yields the first output), hence the +1.
  const meter = session.sequence.tokenMeter.diff(meterBefore);
  const prompt = countPrompt();
  const evaluatedPrompt = Math.min(prompt, meter.usedInputTokens + 1);
  const stopReason = STOP_REASONS[response.metadata.stopReason];
  const generationMs = firstTokenAt === null ? null : finished - firstTokenAt;

  let json: unknown;
  let jsonProblem: string | null = null;
  if (grammar) {
    try {
      json = grammar.parse(response.response);
    } catch (error) {
      jsonProblem =
        stopReason === 'maxTokens'
          ? `The output reached maxTokens (${params.maxTokens}) before the JSON was complete; allow more tokens.`
          : stopReason === 'cancelled'
            ? 'The generation was cancelled before the JSON was complete.'
            : `The output does not match the schema: ${(error as Error).message}`;
    }
  }

  return {
    text: response.response,
    ...(json !== undefined ? { json } : {}),
    jsonProblem,
    stopReason,
    tokens: {
      prompt,
      reusedPrefix: prompt - evaluatedPrompt,
      evaluatedPrompt,
      // onToken misses the token that ends a generation at maxTokens; the meter counts it.
      output: Math.max(outputTokens, meter.usedOutputTokens),
    },
    timings: {
      loadMs,
      timeToFirstTokenMs: firstTokenAt === null ? null : firstTokenAt - started,
      totalMs: finished - started,
      outputTokensPerSecond:
        generationMs !== null && generationMs > 0 && outputTokens > 1
          ? ((outputTokens - 1) * 1000) / generationMs
          : null,
    },
    model: session.identity(),
  };
}
