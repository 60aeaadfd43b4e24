// The two steps of a remote call, kept apart so the consent gate can stand between them:
// buildRemoteRequest says where a request would go and the exact JSON body (what the consent
// dialog shows and the egress log keeps); sendRemoteRequest sends that very body through an SDK
// client created by native-models/routing/sdk-clients.ts and maps the answer to the engine's
// ModelGenerateResult. Nothing here opens a connection by itself.
import type { ModelGenerateRequest, ModelGenerateResult } from '../../workflows/engine/ports.ts';
import { abortSignalFor } from '../abort-signal.ts';
import {
  anthropicDestination,
  buildAnthropicBody,
  mapAnthropicResponse,
  type AnthropicMessagesBody,
  type AnthropicMessagesClient,
} from './anthropic.ts';
import {
  buildOpenAiBody,
  mapOpenAiResponse,
  openAiDestination,
  type MappedAnswer,
  type OpenAiChatBody,
  type OpenAiChatClient,
} from './openai-compatible.ts';
import type { ProviderConfig } from './provider-config.ts';
import { describeRemoteError, RemoteProviderError } from './remote-errors.ts';
import { remoteIdentity } from './remote-identity.ts';

interface BuiltCommon {
  providerId: string;
  model: string;
  /** The URL the body is POSTed to. */
  destination: string;
  /** Whether the request asked for JSON under a schema (the answer is parsed if so). */
  wantsJson: boolean;
  maxTokens: number;
}

export type BuiltRemoteRequest =
  | (BuiltCommon & { kind: 'openai-compatible'; body: OpenAiChatBody })
  | (BuiltCommon & { kind: 'anthropic'; body: AnthropicMessagesBody });

/** A client of the provider's kind, as sdk-clients.ts creates it. */
export type RemoteClient = OpenAiChatClient | AnthropicMessagesClient;

/**
 * The request `request` becomes for `model` at `provider`: the destination URL and the exact
 * JSON body that sendRemoteRequest will send (plain data: JSON.stringify shows it as sent).
 * `onText` and `signal` are not part of it.
 */
export function buildRemoteRequest(
  provider: ProviderConfig,
  model: string,
  request: ModelGenerateRequest,
): BuiltRemoteRequest {
  if (!provider.models.includes(model)) {
    throw new Error(
      `The provider ${provider.id} is not configured for the model ${model} (configured: ${provider.models.join(', ')}).`,
    );
  }
  const common: BuiltCommon = {
    providerId: provider.id,
    model,
    destination: '',
    wantsJson: request.jsonSchema !== null,
    maxTokens: request.maxTokens,
  };
  return provider.kind === 'anthropic'
    ? {
        ...common,
        kind: 'anthropic',
        destination: anthropicDestination(provider),
        body: buildAnthropicBody(provider, model, request),
      }
    : {
        ...common,
        kind: 'openai-compatible',
        destination: openAiDestination(provider),
        body: buildOpenAiBody(provider, model, request),
      };
}

function isOpenAiClient(client: RemoteClient): client is OpenAiChatClient {
  return typeof (client as Partial<OpenAiChatClient>).chat?.completions?.create === 'function';
}

function isAnthropicClient(client: RemoteClient): client is AnthropicMessagesClient {
  return typeof (client as Partial<AnthropicMessagesClient>).messages?.create === 'function';
}

/**
 * Sends `built.body` unchanged through `client` (of the provider's kind) and maps the answer.
 * SDK failures become a RemoteProviderError that names the provider and what to do.
 */
export async function sendRemoteRequest(
  client: RemoteClient,
  provider: ProviderConfig,
  built: BuiltRemoteRequest,
  options: Pick<ModelGenerateRequest, 'onText' | 'signal'> = {},
): Promise<ModelGenerateResult> {
  if (built.providerId !== provider.id || built.kind !== provider.kind) {
    throw new Error(
      `The request was built for ${built.providerId} (${built.kind}), not for ${provider.id} (${provider.kind}).`,
    );
  }
  const { signal, stop } = abortSignalFor(options.signal);
  const requestOptions = signal ? { signal } : undefined;
  const started = performance.now();
  let answer: MappedAnswer;
  try {
    if (built.kind === 'anthropic') {
      if (!isAnthropicClient(client)) throw wrongClient(provider);
      const message = await client.messages.create(built.body, requestOptions);
      answer = mapAnthropicResponse(message, built.wantsJson, built.maxTokens);
    } else {
      if (!isOpenAiClient(client)) throw wrongClient(provider);
      const completion = await client.chat.completions.create(built.body, requestOptions);
      answer = mapOpenAiResponse(completion, built.wantsJson, built.maxTokens);
    }
  } catch (error) {
    if (error instanceof TypeError && error.message.startsWith('sendRemoteRequest:')) throw error;
    throw describeRemoteError(provider, built.model, error);
  } finally {
    stop();
  }
  const totalMs = performance.now() - started;
  if (answer.text !== '') options.onText?.(answer.text);
  return {
    text: answer.text,
    json: answer.json,
    jsonProblem: answer.jsonProblem,
    stopReason: answer.stopReason,
    tokens: answer.tokens,
    timings: {
      // Not streamed: the first token arrives with the last.
      timeToFirstTokenMs: null,
      totalMs,
      outputTokensPerSecond: null,
      loadMs: 0,
    },
    identity: remoteIdentity(provider, built.model, answer.resolvedModel),
  };
}

function wrongClient(provider: ProviderConfig): TypeError {
  return new TypeError(
    `sendRemoteRequest: the client given for ${provider.id} is not a${provider.kind === 'anthropic' ? 'n Anthropic' : 'n OpenAI'} client`,
  );
}

export { RemoteProviderError };
