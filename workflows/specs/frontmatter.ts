import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Diagnostic, Frontmatter, Range } from './model.ts';
import { readSimpleYaml } from './simple-yaml.ts';
import { normalizeSource, positionMapper } from './source-text.ts';

export interface FrontmatterBlock {
  /** The YAML between the fences. */
  yaml: string;
  /** 1-based line of the closing fence. */
  closeLine: number;
}

/**
 * Finds the `---` fenced block on the first line of normalized text, the way
 * remark-frontmatter does. `null` when there is none; `'unclosed'` when it never ends.
 */
export function findFrontmatterBlock(text: string): FrontmatterBlock | 'unclosed' | null {
  if (!/^---[ \t]*(\n|$)/.test(text)) return null;
  // Line by line from the top: the block is short, the document may not be.
  const first = text.indexOf('\n') + 1;
  let line = 2;
  for (let start = first; start > 0 && start <= text.length; line++) {
    const end = text.indexOf('\n', start);
    const current = text.slice(start, end === -1 ? text.length : end);
    if (/^---[ \t]*$/.test(current)) return { yaml: text.slice(first, start - 1), closeLine: line };
    if (end === -1) break;
    start = end + 1;
  }
  return 'unclosed';
}

export interface ParsedFrontmatter {
  frontmatter: Frontmatter | null;
  diagnostics: Diagnostic[];
}

/** Reads the frontmatter of normalized text with the position of every key and problem. */
export function parseFrontmatter(text: string): ParsedFrontmatter {
  const block = findFrontmatterBlock(text);
  if (block === null) return { frontmatter: null, diagnostics: [] };
  if (block === 'unclosed') {
    return {
      frontmatter: null,
      diagnostics: [
        {
          code: 'frontmatter',
          message:
            'Frontmatter starts with --- on line 1 but has no closing --- line; add one after the last key.',
          range: { start: { line: 1, column: 1 }, end: { line: 1, column: 4 } },
        },
      ],
    };
  }
  // YAML line 1 is file line 2 (the line after the opening fence).
  const position = positionMapper(block.yaml);
  const at = (offset: number) => {
    const p = position(offset);
    return { line: p.line + 1, column: p.column };
  };
  const span = (from: number, to: number): Range => ({ start: at(from), end: at(to) });
  const whole: Range = {
    start: { line: 1, column: 1 },
    end: { line: block.closeLine, column: 4 },
  };
  const simple = readSimpleYaml(block.yaml);
  if (simple) {
    const fields: Frontmatter['fields'] = {};
    for (const [key, field] of Object.entries(simple.fields)) {
      fields[key] = {
        key: span(...field.key),
        value: span(...field.value),
        items: field.items?.map((item) => span(...item)),
      };
    }
    return { frontmatter: { data: simple.data, range: whole, fields }, diagnostics: [] };
  }
  const doc = parseDocument(block.yaml, { uniqueKeys: true, prettyErrors: false });
  const diagnostics: Diagnostic[] = doc.errors.map((error) => {
    // YAML marks one character; widen it to the word there (a duplicate key, say).
    const word = /^[^\s:,[\]{}]*/.exec(block.yaml.slice(error.pos[0]))?.[0].length ?? 0;
    return {
      code: 'frontmatter',
      message: `Frontmatter is not valid YAML: ${firstLine(error.message)}`,
      range: span(error.pos[0], Math.max(error.pos[1], error.pos[0] + word)),
    };
  });
  if (diagnostics.length > 0) return { frontmatter: null, diagnostics };

  const fields: Frontmatter['fields'] = {};
  const contents = doc.contents;
  if (contents !== null && !isMap(contents)) {
    const r = contents.range ?? [0, 0, 0];
    return {
      frontmatter: null,
      diagnostics: [
        {
          code: 'frontmatter',
          message: 'Frontmatter must be a mapping of keys to values (like `title: …`).',
          range: span(r[0], r[1]),
        },
      ],
    };
  }
  for (const pair of contents?.items ?? []) {
    if (!isScalar(pair.key) || !pair.key.range) continue;
    const keyRange = pair.key.range;
    const value = pair.value as { range?: [number, number, number] | null } | null;
    const valueRange = value?.range;
    fields[String(pair.key.value)] = {
      key: span(keyRange[0], keyRange[1]),
      value: valueRange ? span(valueRange[0], valueRange[1]) : span(keyRange[0], keyRange[1]),
      items: isSeq(value)
        ? value.items.map((item) => {
            const r = (item as { range?: [number, number, number] | null }).range;
            return r ? span(r[0], r[1]) : span(keyRange[0], keyRange[1]);
          })
        : undefined,
    };
  }
  let data: Record<string, unknown>;
  try {
    data = (doc.toJS() ?? {}) as Record<string, unknown>;
  } catch (error) {
    // toJS refuses alias bombs ("Excessive alias count") and similar abuse.
    return {
      frontmatter: null,
      diagnostics: [
        {
          code: 'frontmatter',
          message: `Frontmatter cannot be read: ${(error as Error).message}`,
          range: whole,
        },
      ],
    };
  }
  return { frontmatter: { data, range: whole, fields }, diagnostics: [] };
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

/** What the workspace listing needs: the data, where the body starts, and the first problem. */
export interface FrontmatterSummary {
  /** The parsed mapping, or an empty object when there is none or it is broken. */
  data: Record<string, unknown>;
  /** 1-based line where the Markdown body starts. */
  bodyLine: number;
  /** Set when the block is present but cannot be read; `line` is 1-based in the file. */
  error: { message: string; line: number } | null;
}

/** Reads the YAML frontmatter block at the top of a Markdown file, if any. */
export function readFrontmatter(text: string): FrontmatterSummary {
  const normalized = normalizeSource(text);
  const block = findFrontmatterBlock(normalized);
  const bodyLine = block !== null && block !== 'unclosed' ? block.closeLine + 1 : 1;
  const { frontmatter, diagnostics } = parseFrontmatter(normalized);
  const first = diagnostics[0];
  return {
    data: frontmatter?.data ?? {},
    bodyLine,
    error: first ? { message: first.message, line: first.range.start.line } : null,
  };
}

/** The first `# Heading` of a Markdown body, if any. */
export function firstHeading(text: string): string | null {
  const match = /^#[ \t]+(.+?)[ \t#]*$/m.exec(text);
  return match?.[1]?.trim() ?? null;
}
