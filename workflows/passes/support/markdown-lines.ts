// Line-level Markdown editing for the documents passes write: find a section by its heading,
// replace its body, insert before a heading. Line endings of the file are kept.

export interface LineSection {
  title: string;
  depth: number;
  /** 0-based index of the heading line. */
  heading: number;
  /** 0-based index just past the section (next heading of the same or a higher level). */
  end: number;
}

export interface Lines {
  lines: string[];
  eol: '\n' | '\r\n';
}

export function toLines(text: string): Lines {
  return { lines: text.split(/\r?\n/), eol: text.includes('\r\n') ? '\r\n' : '\n' };
}

export function fromLines({ lines, eol }: Lines): string {
  return lines.join(eol);
}

const HEADING = /^(#{1,6})[ \t]+(.*?)[ \t#]*$/;
const FENCE = /^[ \t]{0,3}(```|~~~)/;

/** ATX headings outside code fences and frontmatter, with the extent of each section. */
export function lineSections(lines: readonly string[]): LineSection[] {
  const sections: LineSection[] = [];
  let fence: string | null = null;
  let start = 0;
  if (lines[0] === '---') {
    const close = lines.indexOf('---', 1);
    if (close > 0) start = close + 1;
  }
  for (let i = start; i < lines.length; i++) {
    const line = lines[i] as string;
    const fenceMatch = FENCE.exec(line);
    if (fenceMatch) {
      if (fence === null) fence = fenceMatch[1] as string;
      else if (fence === fenceMatch[1]) fence = null;
      continue;
    }
    const m = fence === null ? HEADING.exec(line) : null;
    if (!m) continue;
    const depth = (m[1] as string).length;
    for (const open of sections) {
      if (open.end === lines.length && open.depth >= depth && open.heading < i) open.end = i;
    }
    sections.push({ title: (m[2] as string).trim(), depth, heading: i, end: lines.length });
  }
  return sections;
}

export function findSection(
  lines: readonly string[],
  title: string,
  depth?: number,
): LineSection | null {
  const wanted = title.trim().toLowerCase();
  return (
    lineSections(lines).find(
      (s) => s.title.toLowerCase() === wanted && (depth === undefined || s.depth === depth),
    ) ?? null
  );
}

/** The body of a section up to its first subsection, trimmed of blank lines. */
export function sectionBody(lines: readonly string[], section: LineSection): string {
  const next = lineSections(lines).find(
    (s) => s.heading > section.heading && s.heading < section.end,
  );
  return lines
    .slice(section.heading + 1, next?.heading ?? section.end)
    .join('\n')
    .trim();
}

/** Replaces the body (up to the first subsection) with `body`, one blank line around it. */
export function replaceSectionBody(lines: string[], section: LineSection, body: string): void {
  const next = lineSections(lines).find(
    (s) => s.heading > section.heading && s.heading < section.end,
  );
  const stop = next?.heading ?? section.end;
  const replacement = ['', ...body.split('\n'), ''];
  lines.splice(section.heading + 1, stop - section.heading - 1, ...replacement);
}
