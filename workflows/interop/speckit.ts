// GitHub Spec Kit: `specs/NNN-feature/spec.md` with user stories (Given/When/Then acceptance
// scenarios) and functional requirements `- **FR-001**: System MUST …`.
import type { ListItem, Nodes, Paragraph } from 'mdast';
import { assembleDocument } from '../specs/document-assembly.ts';
import { endOf, rangeOf, startOf } from '../specs/markdown/mdast-range.ts';
import { outline, within } from '../specs/markdown/outline.ts';
import {
  EMPTY_PROSE,
  headingText,
  proseOf,
  rangeInProse,
  sliceProse,
} from '../specs/markdown/prose.ts';
import type { MarkdownSource } from '../specs/markdown-source.ts';
import type { Requirement, Scenario, SpecDocument } from '../specs/model.ts';
import { stepsInline } from '../specs/scenarios.ts';
import type { FileRole } from './layout.ts';
import { pushChildren } from '../specs/markdown/walk.ts';

const STORY_HEADING =
  /^User Story\s+(\d+)\s*(?:[-\u2013\u2014:]\s*(.*?))?\s*(?:\(Priority:\s*(P\d+)\))?\s*$/i;
const FUNCTIONAL = /^\s*(FR-\d+)\s*:?\s*/;
const GIVEN = /\bGiven\b/;

export function buildSpecKitDocument(source: MarkdownSource, role: FileRole): SpecDocument {
  const requirements =
    role.kind === 'spec' ? [...stories(source, role.scope), ...functional(source, role.scope)] : [];
  return assembleDocument(source, {
    format: 'speckit',
    kind: role.kind,
    scope: role.scope,
    requirements,
  });
}

function stories(source: MarkdownSource, scope: string): Requirement[] {
  const children = source.root.children;
  const entries = outline(children);
  return entries.flatMap((entry) => {
    const title = headingText(entry.heading, source.lines);
    const match = STORY_HEADING.exec(title);
    if (!match) return [];
    const bodyEnd = within(entries, entry)[0]?.index ?? entry.end;
    const body = children.slice(entry.index + 1, bodyEnd);
    // The story is the prose before the first list; `**Why this priority**:` notes are not.
    const firstList = body.findIndex((n) => n.type === 'list');
    const storyParagraphs = body
      .slice(0, firstList < 0 ? body.length : firstList)
      .filter((n): n is Paragraph => n.type === 'paragraph')
      .filter((p) => !/^\s*\*\*[^*]+\*\*\s*:/.test(source.lines[rangeOf(p).start.line - 1] ?? ''));
    const statementProse =
      storyParagraphs.length > 0
        ? proseOf([storyParagraphs[0] as Paragraph], source.lines)
        : EMPTY_PROSE;
    const heading = proseOf([entry.heading], source.lines);
    const at = heading.text.search(/\d/);
    const last = children[entry.end - 1] ?? entry.heading;
    return [
      {
        id: `US${match[1]}`,
        kind: 'story' as const,
        scope,
        path: source.path,
        title: (match[2] ?? '').trim(),
        statement: statementProse.text,
        statementProse,
        idRange: rangeInProse(
          heading,
          Math.max(0, at),
          Math.max(0, at) + (match[1] as string).length,
        ),
        headingRange: rangeOf(entry.heading),
        headingDepth: entry.heading.depth,
        range: { start: startOf(entry.heading), end: endOf(last) },
        scenarios: givenWhenThen(source, children.slice(entry.index + 1, entry.end)),
        scenarioExpected: true,
      },
    ];
  });
}

/** Numbered `**Given** …, **When** …, **Then** …` items under a story. */
function givenWhenThen(source: MarkdownSource, nodes: readonly Nodes[]): Scenario[] {
  const items = nodes.flatMap((n) => (n.type === 'list' ? n.children : []));
  return items.flatMap((item, i) => {
    const prose = proseOf(item.children.slice(0, 1), source.lines);
    if (!GIVEN.test(prose.text) && !/\bWhen\b/.test(prose.text)) return [];
    return [
      {
        name: `Scenario ${i + 1}`,
        range: rangeOf(item),
        headingDepth: null,
        steps: stepsInline(prose),
      },
    ];
  });
}

function functional(source: MarkdownSource, scope: string): Requirement[] {
  const found: Requirement[] = [];
  const stack: Nodes[] = [source.root];
  while (stack.length > 0) {
    const node = stack.pop() as Nodes;
    if (node.type === 'listItem') {
      const requirement = functionalItem(source, node, scope);
      if (requirement) found.push(requirement);
    }
    pushChildren(stack, node);
  }
  return found.sort((a, b) => a.headingRange.start.line - b.headingRange.start.line);
}

function functionalItem(source: MarkdownSource, item: ListItem, scope: string): Requirement | null {
  const [first] = item.children;
  if (first?.type !== 'paragraph') return null;
  const prose = proseOf([first], source.lines);
  const match = FUNCTIONAL.exec(prose.text);
  if (!match) return null;
  const id = match[1] as string;
  const idStart = prose.text.indexOf(id);
  const statementProse = sliceProse(prose, match[0].length);
  return {
    id,
    kind: 'requirement',
    scope,
    path: source.path,
    title: id,
    statement: statementProse.text,
    statementProse,
    idRange: rangeInProse(prose, idStart, idStart + id.length),
    headingRange: rangeOf(first),
    headingDepth: null,
    range: rangeOf(item),
    scenarios: [],
    scenarioExpected: false,
  };
}
