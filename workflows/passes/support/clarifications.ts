// Answers recorded in the spec as Spec Kit's clarify does:
//   ## Clarifications
//   ### Session 2025-06-01
//   - Q: How long may a note stay cached? → A: 30 days
// Answers join an existing session of the same day; the section is created when absent, before
// `## Requirements` (after the context a reader needs first), else at the end of the file.
import { findSection, fromLines, lineSections, toLines } from './markdown-lines.ts';

export interface Clarification {
  question: string;
  answer: string;
}

export function recordClarifications(
  text: string,
  today: string,
  clarifications: readonly Clarification[],
): string {
  if (clarifications.length === 0) return text;
  const doc = toLines(text);
  const { lines } = doc;
  const bullets = clarifications.map(
    (c) => `- Q: ${oneLine(c.question)} → A: ${oneLine(c.answer)}`,
  );
  const section = findSection(lines, 'Clarifications', 2);
  if (section) {
    const session = lineSections(lines).find(
      (s) =>
        s.depth === 3 &&
        s.heading > section.heading &&
        s.heading < section.end &&
        s.title === `Session ${today}`,
    );
    if (session) {
      lines.splice(lastContentLine(lines, session.heading, session.end) + 1, 0, ...bullets);
    } else {
      const at = lastContentLine(lines, section.heading, section.end) + 1;
      lines.splice(at, 0, '', `### Session ${today}`, '', ...bullets);
    }
    return fromLines(doc);
  }
  const block = ['## Clarifications', '', `### Session ${today}`, '', ...bullets, ''];
  // Spec Kit writes `## Requirements *(mandatory)*`.
  const requirements = lineSections(lines).find(
    (s) => s.depth === 2 && /^requirements\b/i.test(s.title),
  );
  if (requirements) {
    lines.splice(requirements.heading, 0, ...block);
  } else {
    while (lines.length > 0 && lines[lines.length - 1]?.trim() === '') lines.pop();
    lines.push('', ...block);
  }
  return fromLines(doc);
}

/** The last non-blank line in [from, to): where appended bullets go. */
function lastContentLine(lines: readonly string[], from: number, to: number): number {
  let last = from;
  for (let i = from; i < to; i++) if ((lines[i] ?? '').trim() !== '') last = i;
  return last;
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
