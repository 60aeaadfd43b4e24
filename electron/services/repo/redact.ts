// Removes secrets from text before it can reach a log, an error reply or the screen.

export const REDACTED = '[token hidden]';

/** Every form in which a token can travel: as is, URL-encoded, and inside Basic credentials. */
function forms(secret: string, usernames: readonly string[]): string[] {
  const out = new Set([secret, encodeURIComponent(secret)]);
  for (const user of usernames) {
    const basic = Buffer.from(`${user}:${secret}`).toString('base64');
    out.add(basic);
    out.add(basic.replace(/=+$/, ''));
  }
  return [...out].filter((s) => s.length >= 4).sort((a, b) => b.length - a.length);
}

export function redactSecrets(
  text: string,
  secrets: readonly string[],
  usernames: readonly string[] = [],
): string {
  let out = text;
  for (const secret of secrets) {
    if (!secret) continue;
    for (const form of forms(secret, usernames)) out = out.split(form).join(REDACTED);
  }
  // Credentials written into a URL (https://user:token@host) are never shown either.
  return out.replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^/\s@:]+(?::[^/\s@]*)?@/gi, `$1${REDACTED}@`);
}
