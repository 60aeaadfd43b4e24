// Splits a Markdown document into the parts a structural merge aligns: the YAML frontmatter
// (its lines between the fences) and sections. A section is an ATX heading and the lines up to
// the next heading; the lines before the first heading form the preamble. Each section gets a
// key that survives edits to its text: the requirement ID when the heading starts with one
// (`### REQ-7KQ2M4: …`, `### FR-001 …`), else the heading's words, prefixed by the keys of the
// headings above it, so two `#### Scenario: Back online` under different requirements differ.

export interface MarkdownParts {
  /** Lines between the `---` fences, or null when the document has no frontmatter. */
  frontmatter: string[] | null;
  /** The fence lines as written (kept from each side). */
  fences: [string, string] | null;
  sections: Section[];
}

export interface Section {
  key: string;
  lines: string[];
}

const FENCE_OPEN = /^\uFEFF?---[ \t]*$/;
const FENCE_CLOSE = /^(?:---|\.\.\.)[ \t]*$/;
const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$/;
const CODE_FENCE = /^ {0,3}(`{3,}|~{3,})/;
export const REQUIREMENT_ID_AT_START = /^(?:Requirement:?\s*)?((?:REQ|N?FR)-[0-9A-Z]{3,12})\b/i;

export function splitMarkdown(lines: readonly string[]): MarkdownParts {
  let frontmatter: string[] | null = null;
  let fences: [string, string] | null = null;
  let start = 0;
  if (lines.length > 0 && FENCE_OPEN.test(lines[0] as string)) {
    for (let i = 1; i < lines.length; i++) {
      if (FENCE_CLOSE.test(lines[i] as string)) {
        frontmatter = lines.slice(1, i);
        fences = [lines[0] as string, lines[i] as string];
        start = i + 1;
        break;
      }
    }
  }
  return { frontmatter, fences, sections: splitSections(lines.slice(start)) };
}

export function headingKey(text: string): string {
  const id = REQUIREMENT_ID_AT_START.exec(text.trim());
  if (id?.[1]) return id[1].toUpperCase();
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

export function splitSections(lines: readonly string[]): Section[] {
  const sections: Section[] = [{ key: '', lines: [] }];
  const stack: { level: number; key: string }[] = [];
  const seen = new Map<string, number>();
  let fence: string | null = null;
  for (const line of lines) {
    const code = CODE_FENCE.exec(line);
    if (code?.[1]) {
      if (fence === null) fence = code[1];
      else if (code[1][0] === fence[0] && code[1].length >= fence.length) fence = null;
    }
    const heading = fence === null && !code ? HEADING.exec(line) : null;
    if (heading?.[1] !== undefined) {
      const level = heading[1].length;
      while (stack.length > 0 && (stack[stack.length - 1] as { level: number }).level >= level)
        stack.pop();
      const own = headingKey(heading[2] ?? '');
      // Requirement IDs are unique on their own; other headings are placed by their parents.
      const path = REQUIREMENT_ID_AT_START.test(own)
        ? own
        : [...stack.map((s) => s.key), own].join(' > ');
      const n = (seen.get(path) ?? 0) + 1;
      seen.set(path, n);
      const key = n === 1 ? path : `${path} #${n}`;
      stack.push({ level, key });
      sections.push({ key, lines: [line] });
    } else {
      (sections[sections.length - 1] as Section).lines.push(line);
    }
  }
  if ((sections[0] as Section).lines.length === 0) sections.shift();
  return sections;
}
