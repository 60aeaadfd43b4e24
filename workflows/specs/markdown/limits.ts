// Inputs that no spec needs and that would make the Markdown parser crawl or overflow its
// stack (10,000 nested block quotes; 50,000 open brackets). Checked line by line before
// parsing, so such a file yields a diagnostic instead of a hang or a crash.

export const MAX_NESTING = 100;
export const MAX_INDENT = 400;
export const MAX_BRACKETS_PER_LINE = 1000;

const CONTAINER_MARKERS = /^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))+/;

/** The first line that goes past a limit, with what to do about it; null when none does. */
export function exceedsMarkdownLimits(
  lines: readonly string[],
): { line: number; message: string } | null {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const indent = line.length - line.trimStart().length;
    if (indent > MAX_INDENT) {
      return {
        line: i + 1,
        message: `Line ${i + 1} is indented ${indent} columns (lists nested too deep); Cairn reads up to ${MAX_INDENT}. Flatten the nesting.`,
      };
    }
    // Every marker takes a character: a line this short cannot open too many.
    const markers = line.length > MAX_NESTING ? CONTAINER_MARKERS.exec(line)?.[0] : undefined;
    if (markers && markers.length > MAX_NESTING) {
      const depth = (markers.match(/>|[-*+]|\d{1,9}[.)]/g) ?? []).length;
      if (depth > MAX_NESTING) {
        return {
          line: i + 1,
          message: `Line ${i + 1} opens ${depth} nested block quotes or lists; Cairn reads up to ${MAX_NESTING}. Flatten the nesting.`,
        };
      }
    }
    let brackets = 0;
    for (let k = line.indexOf('['); k !== -1; k = line.indexOf('[', k + 1)) {
      if (++brackets > MAX_BRACKETS_PER_LINE) {
        return {
          line: i + 1,
          message: `Line ${i + 1} has more than ${MAX_BRACKETS_PER_LINE} "[" characters; Cairn reads up to ${MAX_BRACKETS_PER_LINE} per line. Split the line.`,
        };
      }
    }
  }
  return null;
}
