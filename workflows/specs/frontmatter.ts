import { parseDocument } from 'yaml';

export interface Frontmatter {
  /** The parsed mapping, or an empty object when there is none or it is broken. */
  data: Record<string, unknown>;
  /** 1-based line where the Markdown body starts. */
  bodyLine: number;
  /** Set when the block is present but cannot be read; `line` is 1-based in the file. */
  error: { message: string; line: number } | null;
}

const OPEN = /^\uFEFF?---[ \t]*\r?\n/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/m;

/** Reads the YAML frontmatter block at the top of a Markdown file, if any. */
export function readFrontmatter(text: string): Frontmatter {
  const open = OPEN.exec(text);
  if (!open) return { data: {}, bodyLine: 1, error: null };
  const rest = text.slice(open[0].length);
  const close = CLOSE.exec(rest);
  if (!close) {
    return {
      data: {},
      bodyLine: 1,
      error: { message: 'frontmatter starts with --- but never ends', line: 1 },
    };
  }
  const yamlText = rest.slice(0, close.index);
  const bodyLine = 2 + lineCount(yamlText) + 1;
  const doc = parseDocument(yamlText, { uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const line = 1 + (first.linePos?.[0]?.line ?? 1);
    return {
      data: {},
      bodyLine,
      error: { message: first.message.split('\n')[0] ?? first.code, line },
    };
  }
  const value: unknown = doc.toJS();
  if (value === null || value === undefined) return { data: {}, bodyLine, error: null };
  if (typeof value !== 'object' || Array.isArray(value)) {
    return {
      data: {},
      bodyLine,
      error: { message: 'frontmatter must be a mapping of keys to values', line: 2 },
    };
  }
  return { data: value as Record<string, unknown>, bodyLine, error: null };
}

function lineCount(text: string): number {
  let n = 0;
  for (const ch of text) if (ch === '\n') n++;
  return n;
}

/** The first `# Heading` of a Markdown body, if any. */
export function firstHeading(text: string): string | null {
  const match = /^#[ \t]+(.+?)[ \t#]*$/m.exec(text);
  return match?.[1]?.trim() ?? null;
}
