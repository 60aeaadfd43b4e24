// Kiro: `.kiro/specs/<feature>/requirements.md` with `### Requirement N`, a user story and
// numbered EARS acceptance criteria (`1. WHEN … THEN the system SHALL …`), cited from
// tasks.md as `_Requirements: 1.2_`.
import type { List, Paragraph } from 'mdast';
import { assembleDocument } from '../specs/document-assembly.ts';
import { endOf, rangeOf } from '../specs/markdown/mdast-range.ts';
import { outline } from '../specs/markdown/outline.ts';
import {
  EMPTY_PROSE,
  headingText,
  proseOf,
  rangeInProse,
  sliceProse,
} from '../specs/markdown/prose.ts';
import type { MarkdownSource } from '../specs/markdown-source.ts';
import type { Requirement, SpecDocument } from '../specs/model.ts';
import type { FileRole } from './layout.ts';

const REQUIREMENT_HEADING = /^Requirement\s+(\d+)\b\s*(?:[:.\-\u2013\u2014]\s*(.*))?$/i;
const USER_STORY = /^\s*User Story\s*:\s*/i;

export function buildKiroDocument(source: MarkdownSource, role: FileRole): SpecDocument {
  const requirements = role.kind === 'requirements' ? kiroRequirements(source, role.scope) : [];
  return assembleDocument(source, {
    format: 'kiro',
    kind: role.kind,
    scope: role.scope,
    requirements,
  });
}

function kiroRequirements(source: MarkdownSource, scope: string): Requirement[] {
  const children = source.root.children;
  return outline(children).flatMap((entry) => {
    const heading = proseOf([entry.heading], source.lines);
    const match = REQUIREMENT_HEADING.exec(headingText(entry.heading, source.lines));
    if (!match) return [];
    const number = match[1] as string;
    const section = children.slice(entry.index + 1, entry.end);
    const storyParagraph = section.find(
      (n): n is Paragraph =>
        n.type === 'paragraph' && USER_STORY.test(proseOf([n], source.lines).text),
    );
    const storyProse = storyParagraph ? proseOf([storyParagraph], source.lines) : EMPTY_PROSE;
    const statementProse = sliceProse(
      storyProse,
      USER_STORY.exec(storyProse.text)?.[0].length ?? 0,
    );
    const at = heading.text.indexOf(number);
    const headingRange = rangeOf(entry.heading);
    const last = children[entry.end - 1] ?? entry.heading;
    const story: Requirement = {
      id: number,
      kind: 'story',
      scope,
      path: source.path,
      title: (match[2] ?? '').trim() || `Requirement ${number}`,
      statement: statementProse.text,
      statementProse,
      idRange: rangeInProse(heading, at, at + number.length),
      headingRange,
      headingDepth: entry.heading.depth,
      range: { start: headingRange.start, end: endOf(last) },
      scenarios: [],
      scenarioExpected: false,
    };
    const criteriaList = section.find((n): n is List => n.type === 'list' && n.ordered === true);
    const criteria: Requirement[] = (criteriaList?.children ?? []).map((item, i) => {
      const prose = proseOf(item.children.slice(0, 1), source.lines);
      const id = `${number}.${(criteriaList?.start ?? 1) + i}`;
      const itemRange = rangeOf(item);
      return {
        id,
        kind: 'criterion',
        scope,
        path: source.path,
        title: `${story.title}, criterion ${id}`,
        statement: prose.text,
        statementProse: prose,
        // The list number stands for the criterion's ID.
        idRange: {
          start: itemRange.start,
          end: { line: itemRange.start.line, column: itemRange.start.column + 1 },
        },
        headingRange: itemRange,
        headingDepth: null,
        range: itemRange,
        scenarios: [],
        scenarioExpected: false,
        parentId: number,
      };
    });
    return [story, ...criteria];
  });
}
