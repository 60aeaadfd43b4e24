// Placeholders, and the escape that keeps text which already says `[[REDACTED:` from being
// mistaken for one. Outside placeholders, every `[[` + n backslashes + `REDACTED:` gains one
// backslash on the way out and loses it on the way back: a bijection, so restore() gives back
// exactly the original whatever it contained, and a model cannot forge a placeholder that the
// user's text did not have.

export const placeholderFor = (patternId: string, n: number) => `[[REDACTED:${patternId}:${n}]]`;

const ESCAPABLE = /\[\[(\\*)REDACTED:/g;

export function escapeText(text: string): string {
  return text.includes('REDACTED:') ? text.replace(ESCAPABLE, '[[\\$1REDACTED:') : text;
}

// One pass over the text: a placeholder, or an escaped `[[\…REDACTED:`. A match can never
// cross the edge of a placeholder, because placeholders begin with `[[R` and end with `]]`.
const RESTORABLE = /\[\[(?:REDACTED:[a-z0-9-]+:\d+\]\]|\\(\\*)REDACTED:)/g;

/** Puts originals back for known placeholders, leaves unknown ones alone, undoes the escape. */
export function restoreText(text: string, originals: ReadonlyMap<string, string>): string {
  if (!text.includes('REDACTED:')) return text;
  return text.replace(RESTORABLE, (match: string, backslashes: string | undefined) => {
    if (backslashes !== undefined) return `[[${backslashes}REDACTED:`;
    return originals.get(match) ?? match;
  });
}
