// What Cairn accepts as a git remote: HTTPS (or HTTP to this machine only, for local servers),
// never with credentials inside the URL; tokens go to the secret store instead.
import { CairnFailure } from '../../ipc/failure.ts';

export interface RemoteUrl {
  /** The URL without credentials, as stored in .git/config. */
  url: string;
  /** scheme://host[:port]: tokens are kept per origin. */
  origin: string;
  host: string;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export function parseRemoteUrl(raw: string): RemoteUrl {
  let parsed: URL;
  try {
    parsed = new URL(raw.trim());
  } catch {
    throw new CairnFailure(
      'invalid_input',
      'The remote address is not a URL. Use the HTTPS address of the repository, like https://github.com/team/specs.git.',
    );
  }
  const loopback = LOOPBACK.has(parsed.hostname);
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && loopback)) {
    throw new CairnFailure(
      'unsupported',
      `Cairn syncs over HTTPS only (got ${parsed.protocol.replace(':', '')}://${parsed.host}). ` +
        'SSH remotes are not supported; use the HTTPS address of the repository with a token.',
    );
  }
  if (parsed.username || parsed.password) {
    // Do not echo the URL: it carries a secret.
    throw new CairnFailure(
      'invalid_input',
      'The remote address contains a user name or token. Remove it from the address and enter the token in the token field; Cairn keeps it in secure storage.',
    );
  }
  parsed.hash = '';
  return { url: parsed.toString(), origin: parsed.origin, host: parsed.host };
}
