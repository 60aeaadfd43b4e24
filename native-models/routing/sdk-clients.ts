// The only place where Cairn creates clients of the model providers' official SDKs (`openai`,
// `@anthropic-ai/sdk`): the egress gate in this folder calls these factories after consent and
// hands the client to native-models/remote/, which builds bodies and maps answers but cannot
// open a connection itself (lint rule cairn/layering).
//
// Settings chosen for a gate that must account for every byte it sends:
// - no retries by default: one consent, one request, one egress-log entry; retrying is the
//   gate's decision, not the SDK's;
// - a timeout of our own (the SDKs wait 10 minutes);
// - no logging (the SDKs log to stdout by default) and no OpenTelemetry spans or trace headers;
// - credentials only from the arguments: nothing read from OPENAI_API_KEY, OPENAI_ORG_ID,
//   OPENAI_PROJECT_ID, ANTHROPIC_API_KEY, ANTHROPIC_AUTH_TOKEN or profile files. (The SDKs still
//   read OPENAI_CUSTOM_HEADERS / ANTHROPIC_CUSTOM_HEADERS, which add headers, never body.)
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import type { AnthropicMessagesClient } from '../remote/anthropic.ts';
import type { OpenAiChatClient } from '../remote/openai-compatible.ts';
import type { ProviderConfig } from '../remote/provider-config.ts';
import type { RemoteClient } from '../remote/remote-request.ts';

export const DEFAULT_TIMEOUT_MS = 120_000;

export interface SdkClientOptions {
  /** The SDK's base URL: the provider's `baseUrl`. */
  baseURL: string;
  /** The key from the SecretStore; null for a keyless server (OpenAI-compatible only). */
  apiKey: string | null;
  timeoutMs?: number;
  /** Retries of the SDK itself on connection errors, 408, 409, 429 and 5xx (default 0). */
  maxRetries?: number;
  /** A fetch to use instead of the global one (tests). */
  fetch?: typeof fetch;
}

/** Sent in place of a key to keyless servers; the Authorization header is then removed. */
const NO_KEY = 'cairn-keyless';

export function createOpenAiClient(options: SdkClientOptions): OpenAI {
  return new OpenAI({
    baseURL: options.baseURL,
    apiKey: options.apiKey ?? NO_KEY,
    organization: null,
    project: null,
    webhookSecret: null,
    adminAPIKey: null,
    timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxRetries: options.maxRetries ?? 0,
    logLevel: 'off',
    ...(options.apiKey === null ? { defaultHeaders: { Authorization: null } } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}

export function createAnthropicClient(options: SdkClientOptions): Anthropic {
  if (options.apiKey === null || options.apiKey === '') {
    throw new Error(
      `An API key is needed for the Anthropic API at ${options.baseURL}; store it with \`cairn providers set-key <id>\`.`,
    );
  }
  return new Anthropic({
    baseURL: options.baseURL,
    apiKey: options.apiKey,
    webhookKey: null,
    timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxRetries: options.maxRetries ?? 0,
    logLevel: 'off',
    openTelemetry: false,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}

/** The client for `provider`'s kind, at its base URL. */
export function createProviderClient(
  provider: ProviderConfig,
  apiKey: string | null,
  options: Omit<SdkClientOptions, 'baseURL' | 'apiKey'> = {},
): RemoteClient {
  const settings = { ...options, baseURL: provider.baseUrl, apiKey };
  return provider.kind === 'anthropic'
    ? (createAnthropicClient(settings) satisfies AnthropicMessagesClient)
    : (createOpenAiClient(settings) satisfies OpenAiChatClient);
}
