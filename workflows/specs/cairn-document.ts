import type { Paragraph } from 'mdast';
import { assembleDocument } from './document-assembly.ts';
import { within, type OutlineEntry } from './markdown/outline.ts';
import { EMPTY_PROSE, proseOf, rangeInProse } from './markdown/prose.ts';
import { frontmatterString, type MarkdownSource } from './markdown-source.ts';
import type { DocumentKind, Prose, Requirement, Scenario, SpecDocument } from './model.ts';
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
  const { blocks } = source;
  const entries = blocks.entries;
  const requirements: Requirement[] = [];
  for (const entry of entries) {
    const heading = blocks.prose(entry.index);
    const text = heading.text.trim();
    const match = REQUIREMENT_HEADING.exec(text);
    if (!match) continue;
    const id = match[1] as string;
    const leading = heading.text.length - heading.text.trimStart().length;
    const nested = within(entries, entry);
    const bodyEnd = nested[0]?.index ?? entry.end;
    const statementProse = statementOf(source, entry.index + 1, bodyEnd);
    requirements.push({
      id,
      kind: 'requirement',
      scope: '',
      path: source.path,
      title: (match[2] as string).trim(),
      statement: statementProse.text,
      statementProse,
      idRange: rangeInProse(heading, leading, leading + id.length),
      headingRange: blocks.range(entry.index),
      headingDepth: entry.heading.depth,
      range: blocks.extent(entry),
      scenarios: headingScenarios(source, nested),
      scenarioExpected: true,
    });
  }
  return requirements;
}

/** The prose of the paragraphs among blocks `from` to `to`; one paragraph's is shared. */
function statementOf(source: MarkdownSource, from: number, to: number): Prose {
  const { blocks } = source;
  let only = -1;
  let count = 0;
  for (let i = from; i < to; i++) {
    if (blocks.children[i]?.type !== 'paragraph') continue;
    only = i;
    count++;
  }
  if (count === 0) return EMPTY_PROSE;
  if (count === 1) return blocks.prose(only);
  const paragraphs = blocks.children
    .slice(from, to)
    .filter((n): n is Paragraph => n.type === 'paragraph');
  return proseOf(paragraphs, source.lines);
}

/** `#### Scenario: name` sections and the WHEN/THEN bullets under each. */
export function headingScenarios(
  source: MarkdownSource,
  nested: readonly OutlineEntry[],
): Scenario[] {
  const { blocks } = source;
  return nested.flatMap((entry) => {
    const match = SCENARIO_HEADING.exec(blocks.title(entry.index));
    if (!match) return [];
    return [
      {
        name: (match[1] as string).trim(),
        range: blocks.extent(entry),
        headingDepth: entry.heading.depth,
        steps: stepsFromBullets(blocks.children.slice(entry.index + 1, entry.end), source.lines),
      },
    ];
  });
}
