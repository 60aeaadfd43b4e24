// Requirement IDs as Cairn and the tools it reads write them, and where code cites them.
//   Cairn:     REQ-7KQ2M4   (REQ- and 4 to 12 letters or digits; collision-free across people)
//   Spec Kit:  FR-001, NFR-002 (numbered per feature)

/** An ID anywhere in text; `g` so it finds every citation. */
export const REQUIREMENT_ID = /\b(?:REQ-[0-9A-Z]{4,12}|N?FR-\d{3,})\b/g;

export function citedIds(text: string): string[] {
  const ids = new Set<string>();
  for (const match of text.matchAll(REQUIREMENT_ID)) ids.add(match[0]);
  return [...ids].sort();
}

/** Test files by the conventions of the common ecosystems (JS/TS, Python, Go, Rust, Java, Ruby). */
export function isTestPath(path: string): boolean {
  const lower = path.toLowerCase();
  if (/(^|\/)(tests?|__tests__|e2e|spec|integration-tests?)\//.test(lower)) return true;
  const name = lower.slice(lower.lastIndexOf('/') + 1);
  return (
    /\.(test|spec)\.[a-z0-9]+$/.test(name) ||
    /_test\.[a-z0-9]+$/.test(name) ||
    /^test_.*\.py$/.test(name) ||
    /(test|tests|it)\.(java|kt|scala|cs)$/.test(name)
  );
}

/** Files whose text is not read for citations: Markdown is specs, the rest is not code. */
export function isCodeCandidate(path: string): boolean {
  const lower = path.toLowerCase();
  if (/\.(md|markdown)$/.test(lower)) return false;
  if (lower.startsWith('.cairn/') || lower.includes('/.cairn/')) return false;
  return !/\.(png|jpe?g|gif|webp|ico|pdf|zip|gz|tgz|bz2|xz|7z|jar|war|class|exe|dll|so|dylib|bin|woff2?|ttf|otf|mp[34]|mov|avi|lock)$/.test(
    lower,
  );
}
