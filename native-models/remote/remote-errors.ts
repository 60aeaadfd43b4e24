// Failures of a call to a remote provider, in words a user can act on: a wrong key, a rate
// limit, a server error, a server that cannot be reached. The SDKs' error classes cannot be
// imported here (only native-models/routing/ may load the SDKs), so errors are recognised by
// shape: `status` for HTTP answers, the class name for connection failures and timeouts.
// The message never contains the key nor the request body.
import type { ProviderConfig } from './provider-config.ts';

export type RemoteFailure =
  | 'auth'
  | 'forbidden'
  | 'not-found'
  | 'bad-request'
  | 'rate-limit'
  | 'server'
  | 'timeout'
  | 'unreachable'
  | 'cancelled'
  | 'other';

export class RemoteProviderError extends Error {
  override name = 'RemoteProviderError';
  constructor(
    message: string,
    readonly providerId: string,
    readonly failure: RemoteFailure,
    /** The HTTP status when the server answered; null when it did not. */
    readonly status: number | null,
    /** Whether trying again later may succeed (rate limit, server error, network). */
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

function classNames(error: unknown): string[] {
  const names: string[] = [];
  let proto: unknown =
    typeof error === 'object' && error !== null ? Object.getPrototypeOf(error) : null;
  while (proto && proto !== Object.prototype) {
    const name = (proto as { constructor?: { name?: string } }).constructor?.name;
    if (name) names.push(name);
    proto = Object.getPrototypeOf(proto);
  }
  const own = (error as { name?: unknown } | null)?.name;
  if (typeof own === 'string') names.push(own);
  return names;
}

/** The server's own words, when it sent a JSON error (`{error: {message}}`), without the status prefix. */
function serverSaid(error: unknown): string {
  const body = (error as { error?: unknown }).error;
  const inner = (body as { error?: { message?: unknown } } | undefined)?.error ?? body;
  const message = (inner as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' && message.trim() !== ''
    ? ` The server said: ${hideKeys(message.trim())}`
    : '';
}

/** Servers quote part of a wrong key (`Incorrect API key provided: sk-ab***yz`); drop it. */
function hideKeys(text: string): string {
  return text.replace(/\b(?:sk|pk|key|api)[-_][A-Za-z0-9*._-]{4,}/gi, '[key hidden]');
}

export function describeRemoteError(
  provider: ProviderConfig,
  model: string,
  error: unknown,
): RemoteProviderError {
  if (error instanceof RemoteProviderError) return error;
  const who = `${provider.id} (${provider.baseUrl})`;
  const status = (error as { status?: unknown } | null)?.status;
  const names = classNames(error);
  const make = (failure: RemoteFailure, message: string, retryable: boolean) =>
    new RemoteProviderError(
      message,
      provider.id,
      failure,
      typeof status === 'number' ? status : null,
      retryable,
    );
  if (typeof status === 'number') {
    const said = serverSaid(error);
    if (status === 401) {
      return make(
        'auth',
        `${who} refused the API key (401).${said} Check the key with \`cairn providers set-key ${provider.id}\` (it reads the key from standard input).`,
        false,
      );
    }
    if (status === 403) {
      return make(
        'forbidden',
        `${who} does not allow this key to use ${model} (403).${said} Check the key's permissions with the provider.`,
        false,
      );
    }
    if (status === 404) {
      return make(
        'not-found',
        `${who} does not know the model ${model} or the endpoint (404).${said} Check the model name and the base URL with \`cairn providers list\`.`,
        false,
      );
    }
    if (status === 429) {
      return make(
        'rate-limit',
        `${who} is rate-limiting requests or the account is out of credit (429).${said} Retry later.`,
        true,
      );
    }
    if (status >= 500) {
      return make('server', `${who} had a server error (${status}).${said} Retry later.`, true);
    }
    if (status === 400 || status === 413 || status === 422) {
      return make(
        'bad-request',
        `${who} rejected the request for ${model} (${status}).${said}`,
        false,
      );
    }
    return make('other', `${who} answered ${status}.${said}`, false);
  }
  if (names.includes('APIUserAbortError') || names.includes('AbortError')) {
    return make('cancelled', `The request to ${who} was cancelled.`, false);
  }
  if (names.includes('APIConnectionTimeoutError') || names.includes('TimeoutError')) {
    return make(
      'timeout',
      `${who} did not answer in time. Retry later, or check that the server is running.`,
      true,
    );
  }
  if (names.includes('APIConnectionError')) {
    return make(
      'unreachable',
      `The server at ${provider.baseUrl} (${provider.id}) is unreachable — you may be offline, or the server is not running.`,
      true,
    );
  }
  return make(
    'other',
    `The request to ${who} failed: ${(error as Error)?.message ?? String(error)}`,
    false,
  );
}
