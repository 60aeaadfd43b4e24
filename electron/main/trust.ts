// Decisions of the security checklist that need no Electron API, kept apart so they are
// unit-tested in plain Node.
export const APP_SCHEME = 'cairn-app';
export const APP_ORIGIN = `${APP_SCHEME}://app`;

/** Hosts whose links open in the user's browser; everything else is refused. */
const EXTERNAL_ALLOW_LIST = new Set([
  'github.com',
  'docs.github.com',
  'huggingface.co',
  'openspec.dev',
  'www.electronjs.org',
]);

export function isAllowedExternalUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return (
      url.protocol === 'https:' &&
      EXTERNAL_ALLOW_LIST.has(url.hostname) &&
      !url.username &&
      !url.password
    );
  } catch {
    return false;
  }
}

/** Navigation stays inside the app's own origin. */
export function isAppUrl(raw: string): boolean {
  try {
    // Not `origin`: for a custom scheme Node's URL reports the origin "null".
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host === 'app';
  } catch {
    return false;
  }
}

interface Frame {
  url: string;
}

/** An IPC message is answered only when it comes from our own page's main frame. */
export function isTrustedSender(
  frame: Frame | null | undefined,
  mainFrame: Frame | null | undefined,
): boolean {
  return !!frame && frame === mainFrame && isAppUrl(frame.url);
}
