import type { Paragraph, RootContent } from 'mdast';
import { assembleDocument } from './document-assembly.ts';
import { endOf, rangeOf, startOf } from './markdown/mdast-range.ts';
import { outline, within, type OutlineEntry } from './markdown/outline.ts';
import { EMPTY_PROSE, headingText, proseOf, rangeInProse } from './markdown/prose.ts';
import { frontmatterString, type MarkdownSource } from './markdown-source.ts';
import type { DocumentKind, Requirement, Scenario, SpecDocument } from './model.ts';
import { stepsFromBullets } from './scenarios.ts';

/** `REQ-7KQ2M4: Title` (also `REQ-7KQ2M4 — Title`); malformed IDs are read so lint can name them. */
const REQUIREMENT_HEADING = /^(REQ-[A-Za-z0-9]+)\b[ \t]*(?:[:.\u2013\u2014-][ \t]*)?(.*)$/;
const SCENARIO_HEADING = /^Scenario\b[ \t]*:?[ \t]*(.*)$/i;

const KINDS: readonly DocumentKind[] = ['prd', 'requirements', 'design', 'tasks'];

/** A document in Cairn's own format (resources/spec-format.md). */
export function buildCairnDocument(source: MarkdownSource): SpecDocument {
  return assembleDocument(source, {
    format: 'cairn',
    kind: cairnKind(source),
    scope: '',
    requirements: cairnRequirements(source),
  });
}

function cairnKind(source: MarkdownSource): DocumentKind {
  const declared = frontmatterString(source, 'type');
  if (declared && (KINDS as string[]).includes(declared)) return declared as DocumentKind;
  const name = source.path.split('/').pop()?.replace(/\.md$/i, '').toLowerCase() ?? '';
  return (KINDS as string[]).includes(name) ? (name as DocumentKind) : 'other';
}

function cairnRequirements(source: MarkdownSource): Requirement[] {
  const children = source.root.children;
  const entries = outline(children);
  const requirements: Requirement[] = [];
  for (const entry of entries) {
    const heading = proseOf([entry.heading], source.lines);
    const text = heading.text.trim();
    const match = REQUIREMENT_HEADING.exec(text);
    if (!match) continue;
    const id = match[1] as string;
    const leading = heading.text.length - heading.text.trimStart().length;
    const nested = within(entries, entry);
    const bodyEnd = nested[0]?.index ?? entry.end;
    const paragraphs = children
      .slice(entry.index + 1, bodyEnd)
      .filter((n): n is Paragraph => n.type === 'paragraph');
    const statementProse = paragraphs.length > 0 ? proseOf(paragraphs, source.lines) : EMPTY_PROSE;
    const last = children[entry.end - 1] ?? entry.heading;
    const headingRange = rangeOf(entry.heading);
    requirements.push({
      id,
      kind: 'requirement',
      scope: '',
      path: source.path,
      title: (match[2] as string).trim(),
      statement: statementProse.text,
      statementProse,
      idRange: rangeInProse(heading, leading, leading + id.length),
      headingRange,
      headingDepth: entry.heading.depth,
      range: { start: headingRange.start, end: endOf(last) },
      scenarios: headingScenarios(source, children, nested),
      scenarioExpected: true,
    });
  }
  return requirements;
}

/** `#### Scenario: name` sections and the WHEN/THEN bullets under each. */
export function headingScenarios(
  source: MarkdownSource,
  children: readonly RootContent[],
  nested: readonly OutlineEntry[],
): Scenario[] {
  return nested.flatMap((entry) => {
    const title = headingText(entry.heading, source.lines);
    const match = SCENARIO_HEADING.exec(title);
    if (!match) return [];
    const body = children.slice(entry.index + 1, entry.end);
    const last = body[body.length - 1] ?? entry.heading;
    return [
      {
        name: (match[1] as string).trim(),
        range: { start: startOf(entry.heading), end: endOf(last) },
        headingDepth: entry.heading.depth,
        steps: stepsFromBullets(body, source.lines),
      },
    ];
  });
}
