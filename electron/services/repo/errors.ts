// Turns whatever isomorphic-git, the network or the disk throws into a CairnFailure that says
// what happened, where, and what to do, with every secret removed. Nothing raw leaves the repo
// service: a raw error could carry a token (a server echoing credentials, a URL with a token).
import { Errors } from 'isomorphic-git';
import { CairnFailure } from '../../ipc/failure.ts';
import { redactSecrets } from './redact.ts';

export interface FailureContext {
  /** What Cairn was doing, as a verb phrase: 'fetch from origin', 'commit', … */
  action: string;
  /** The repository folder. */
  dir: string;
  /** The remote host, for network failures. */
  host?: string;
  /** Secrets that must not appear in the message. */
  secrets?: readonly string[];
  usernames?: readonly string[];
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'UND_ERR_SOCKET',
  'ABORT_ERR',
]);

/** Errors that mean the repository's own files are damaged. */
const CORRUPT_CODES = new Set<string>([
  Errors.DecompressionError.code,
  Errors.InternalError.code,
  Errors.ObjectTypeError.code,
  Errors.InvalidOidError.code,
]);

function codeOf(error: unknown): string | undefined {
  const e = error as { code?: unknown; cause?: { code?: unknown } } | null;
  if (typeof e?.code === 'string') return e.code;
  if (typeof e?.cause?.code === 'string') return e.cause.code;
  return undefined;
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

export function isNetworkError(error: unknown): boolean {
  const code = codeOf(error);
  if (code && NETWORK_CODES.has(code)) return true;
  const message = messageOf(error);
  return /socket hang up|aborted|network|timed out|no data for/i.test(message);
}

export function toRepoFailure(error: unknown, context: FailureContext): CairnFailure {
  const clean = (text: string) =>
    redactSecrets(text, context.secrets ?? [], context.usernames ?? []);
  if (error instanceof CairnFailure) return new CairnFailure(error.code, clean(error.message));
  const where = context.host ? ` (${context.host})` : '';
  const code = codeOf(error);
  const detail = clean(messageOf(error));

  if (code === Errors.HttpError.code) {
    const status = (error as InstanceType<typeof Errors.HttpError>).data.statusCode;
    if (status === 401 || status === 403) {
      return new CairnFailure(
        'auth_failed',
        `The server${where} refused the token (HTTP ${status}) when Cairn tried to ${context.action}. ` +
          'Check that the token is current and may read and write this repository, then enter it again.',
      );
    }
    if (status === 404) {
      return new CairnFailure(
        'not_found',
        `The server${where} has no repository at that address (HTTP 404) when Cairn tried to ${context.action}. Check the remote URL.`,
      );
    }
    return new CairnFailure(
      'network',
      `The server${where} answered HTTP ${status} when Cairn tried to ${context.action}. Nothing was changed locally; try again later.`,
    );
  }
  if (code === Errors.UserCanceledError.code) {
    return new CairnFailure(
      'auth_failed',
      `The server${where} asks for a token and none is stored for it. Enter a token for ${context.host ?? 'this remote'} and try again.`,
    );
  }
  if (code === Errors.PushRejectedError.code || code === Errors.GitPushError.code) {
    return new CairnFailure(
      'conflict',
      `The server${where} has commits you do not have yet, so it refused the push. Sync (pull) first, then push again; your commits stay local until then.`,
    );
  }
  if (code === Errors.MergeNotSupportedError.code) {
    return new CairnFailure('unsupported', `Cannot ${context.action}: ${detail}`);
  }
  if (code === Errors.CheckoutConflictError.code) {
    const files = (error as InstanceType<typeof Errors.CheckoutConflictError>).data.filepaths;
    return new CairnFailure(
      'conflict',
      `Cannot ${context.action}: it would overwrite changes in ${files.slice(0, 5).join(', ')}${files.length > 5 ? ` and ${files.length - 5} more` : ''}. Commit or move those changes first.`,
    );
  }
  if (
    code === Errors.SmartHttpError.code ||
    code === Errors.EmptyServerResponseError.code ||
    code === Errors.ParseError.code ||
    isNetworkError(error)
  ) {
    return new CairnFailure(
      'network',
      `Lost the connection${where} while trying to ${context.action}: ${detail}. ` +
        'Nothing was changed locally; your commits stay here and sync when the server is reachable.',
    );
  }
  if (code && CORRUPT_CODES.has(code)) {
    return new CairnFailure(
      'corrupt',
      `The repository at ${context.dir} has a damaged object (${detail}); Cairn stopped before changing anything while trying to ${context.action}. ` +
        'Run `git fsck` there to see which, and restore it from another clone or a backup.',
    );
  }
  if (code === Errors.NotFoundError.code) {
    return new CairnFailure(
      'not_found',
      `Cannot ${context.action}: ${detail}. If the repository was copied or cleaned up, an object may be missing; \`git fsck\` in ${context.dir} tells.`,
    );
  }
  if (code === 'ENOSPC' || code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new CairnFailure(
      'internal',
      `Cannot ${context.action} in ${context.dir}: ${detail}. Check the disk space and the folder's permissions.`,
    );
  }
  return new CairnFailure('internal', `Cannot ${context.action} in ${context.dir}: ${detail}`);
}

/** Runs `fn`, turning any failure into a clean CairnFailure. */
export async function guard<T>(context: FailureContext, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw toRepoFailure(error, context);
  }
}
