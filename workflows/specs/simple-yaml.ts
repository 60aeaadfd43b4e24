// The frontmatter most specs carry (`key: word`, `key: [a, b]`, `key:` over `- item` lines, all
// plain words), read without the YAML library: on a first run its code is still cold, and it
// cost more than the rest of the parse of a small spec. Anything else returns null and the
// caller asks the library. A differential test holds both to the same data and offsets.

/** `[from, to)` offsets into the YAML text, as the library's node ranges give them. */
export type Span = [number, number];

export interface SimpleField {
  key: Span;
  value: Span;
  items?: Span[];
}

export interface SimpleYaml {
  data: Record<string, string | string[]>;
  fields: Record<string, SimpleField>;
}

const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_-]*):(?: (.*))?$/;
const ITEM_LINE = /^( *)- (.*)$/;
/**
 * A plain scalar that YAML reads as this very string: no indicator or digit first (numbers),
 * no `:` or `#` inside, no trailing space.
 */
const WORD = /^[A-Za-z_/(](?:[A-Za-z0-9_ ./()-]*[A-Za-z0-9_./()-])?$/;
/** Plain scalars the core schema reads as null or booleans. */
const NOT_A_STRING = /^(?:null|true|false)$/i;

const isWord = (text: string) => WORD.test(text) && !NOT_A_STRING.test(text);

/** The mapping in `yaml`, or null when it is not this simple. */
export function readSimpleYaml(yaml: string): SimpleYaml | null {
  const lines = yaml.split('\n');
  const data: Record<string, string | string[]> = {};
  const fields: Record<string, SimpleField> = {};
  let offset = 0;
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as string;
    const m = KEY_LINE.exec(line);
    const key = m?.[1];
    if (!m || key === undefined || key === '__proto__' || key in fields) return null;
    const keySpan: Span = [offset, offset + key.length];
    const valueAt = offset + key.length + 2;
    const value = m[2];
    offset += line.length + 1;
    i++;
    if (value === undefined) {
      const list = blockList(lines, i, offset, yaml.length);
      if (!list) return null;
      data[key] = list.values;
      fields[key] = { key: keySpan, value: list.span, items: list.items };
      i = list.next;
      offset = list.span[1];
      continue;
    }
    if (value.startsWith('[')) {
      const list = flowList(value, valueAt);
      if (!list) return null;
      data[key] = list.values;
      fields[key] = { key: keySpan, value: [valueAt, valueAt + value.length], items: list.items };
      continue;
    }
    if (!isWord(value)) return null;
    data[key] = value;
    fields[key] = { key: keySpan, value: [valueAt, valueAt + value.length] };
  }
  return { data, fields };
}

/** `[a, b]` of words, at `at` in the text. */
function flowList(text: string, at: number): { values: string[]; items: Span[] } | null {
  if (!text.endsWith(']')) return null;
  const inner = text.slice(1, -1);
  const values: string[] = [];
  const items: Span[] = [];
  if (inner.trim() === '') return inner === '' ? { values, items } : null;
  let from = 1;
  for (const part of inner.split(',')) {
    const word = part.trim();
    if (!isWord(word)) return null;
    const start = at + from + part.indexOf(word);
    values.push(word);
    items.push([start, start + word.length]);
    from += part.length + 1;
  }
  return { values, items };
}

/**
 * The `- word` lines from line `i` (at `offset`) on, all indented alike. The library's range for
 * such a list runs from the first `-` to the start of the line after it.
 */
function blockList(
  lines: readonly string[],
  i: number,
  offset: number,
  length: number,
): { values: string[]; items: Span[]; span: Span; next: number } | null {
  const values: string[] = [];
  const items: Span[] = [];
  let indent = -1;
  let end = offset;
  for (; i < lines.length; i++) {
    const line = lines[i] as string;
    const m = ITEM_LINE.exec(line);
    if (!m) break;
    const lead = (m[1] as string).length;
    const word = m[2] as string;
    if ((indent !== -1 && lead !== indent) || !isWord(word)) return null;
    indent = lead;
    const start = end + lead + 2;
    values.push(word);
    items.push([start, start + word.length]);
    end = Math.min(end + line.length + 1, length);
  }
  if (values.length === 0) return null;
  return { values, items, span: [offset + indent, end], next: i };
}
