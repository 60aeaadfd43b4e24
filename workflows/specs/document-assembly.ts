import type { Nodes } from 'mdast';
import { rangeOf } from './markdown/mdast-range.ts';
import { frontmatterString, type MarkdownSource } from './markdown-source.ts';
import type {
  CoversGlob,
  DocumentKind,
  Link,
  ProseBlock,
  Range,
  Requirement,
  RequirementRef,
  Section,
  SpecDocument,
  SpecFormat,
  Task,
} from './model.ts';
import { PositionSet } from './position-set.ts';
import { findCitations } from './references.ts';
import { comparePositions } from './source-text.ts';
import { extractTasks } from './tasks.ts';
import { pushChildren } from './markdown/walk.ts';

/** What every task list item marker (`[ ]`, `[x]`) looks like, and more. */
const CHECKBOX = /\[[\s\S]\]/;

export interface DocumentParts {
  format: SpecFormat;
  kind: DocumentKind;
  scope: string;
  requirements: Requirement[];
  openspec?: SpecDocument['openspec'];
}

/** The parts every layout shares (sections, tasks, links, prose), plus the layout's own. */
export function assembleDocument(source: MarkdownSource, parts: DocumentParts): SpecDocument {
  const sections = sectionsOf(source);
  // A task is a checkbox item, and every checkbox is "[", one character, "]": most specs hold
  // none, and then the walk over the whole tree can be skipped.
  const tasks = CHECKBOX.test(source.text)
    ? extractTasks(source.root, source.lines, parts.format === 'kiro')
    : [];
  const prose = proseBlocks(source);
  const mentions = mentionsIn(prose, parts.requirements, tasks);
  const h1 = sections.find((s) => s.depth === 1);
  return {
    path: source.path,
    format: parts.format,
    kind: parts.kind,
    scope: parts.scope,
    lineLengths: source.lines.map((line) => line.length),
    frontmatter: source.frontmatter,
    diagnostics: source.diagnostics,
    title: frontmatterString(source, 'title') ?? h1?.title ?? null,
    sections,
    requirements: parts.requirements,
    tasks,
    links: [...frontmatterLinks(source), ...markdownLinks(source)],
    covers: coversOf(source),
    mentions,
    prose,
    ...(parts.openspec ? { openspec: parts.openspec } : {}),
  };
}

/** Citations in prose, but a requirement's own ID and a task's citations: those are not mentions. */
function mentionsIn(
  prose: readonly ProseBlock[],
  requirements: readonly Requirement[],
  tasks: readonly Task[],
): RequirementRef[] {
  const taken = new PositionSet();
  for (let i = 0; i < requirements.length; i++)
    taken.add((requirements[i] as Requirement).idRange.start);
  for (let i = 0; i < tasks.length; i++) {
    const refs = (tasks[i] as Task).refs;
    for (let k = 0; k < refs.length; k++) taken.add((refs[k] as RequirementRef).range.start);
  }
  const mentions: RequirementRef[] = [];
  for (let i = 0; i < prose.length; i++) {
    const found = findCitations((prose[i] as ProseBlock).prose, false, taken);
    for (let k = 0; k < found.length; k++) mentions.push(found[k] as RequirementRef);
  }
  return mentions;
}

function sectionsOf(source: MarkdownSource): Section[] {
  const { blocks } = source;
  return blocks.entries.map((entry) => ({
    depth: entry.heading.depth,
    title: blocks.title(entry.index),
    range: blocks.range(entry.index),
    extent: blocks.extent(entry),
  }));
}

const NOT_PROSE = new Set(['yaml', 'code', 'html', 'definition', 'thematicBreak']);

function proseBlocks(source: MarkdownSource): ProseBlock[] {
  const { blocks } = source;
  const found: ProseBlock[] = [];
  for (let i = 0; i < blocks.children.length; i++) {
    if (NOT_PROSE.has((blocks.children[i] as Nodes).type)) continue;
    found.push({ prose: blocks.readableProse(i), range: blocks.range(i) });
  }
  return found;
}

/** A value in frontmatter that is a string or a list of strings, with where each one is. */
function frontmatterList(source: MarkdownSource, field: string): { value: string; range: Range }[] {
  const value = source.frontmatter?.data[field];
  const where = source.frontmatter?.fields[field];
  if (!where) return [];
  if (typeof value === 'string') return [{ value, range: where.value }];
  if (!Array.isArray(value)) return [];
  return value.flatMap((item, i) =>
    typeof item === 'string' ? [{ value: item, range: where.items?.[i] ?? where.value }] : [],
  );
}

function frontmatterLinks(source: MarkdownSource): Link[] {
  return frontmatterList(source, 'links').map(({ value, range }) => ({
    target: value,
    origin: 'frontmatter',
    range,
  }));
}

function coversOf(source: MarkdownSource): CoversGlob[] {
  return frontmatterList(source, 'covers').map(({ value, range }) => ({ pattern: value, range }));
}

function markdownLinks(source: MarkdownSource): Link[] {
  const links: Link[] = [];
  const stack: Nodes[] = [source.root];
  while (stack.length > 0) {
    const node = stack.pop() as Nodes;
    if (node.type === 'link' || node.type === 'definition') {
      links.push({ target: node.url, origin: 'markdown', range: rangeOf(node) });
    }
    pushChildren(stack, node);
  }
  return links.sort((a, b) => comparePositions(a.range.start, b.range.start));
}
