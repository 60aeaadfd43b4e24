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
  Section,
  SpecDocument,
  SpecFormat,
} from './model.ts';
import { findCitations } from './references.ts';
import { comparePositions } from './source-text.ts';
import { extractTasks } from './tasks.ts';
import { pushChildren } from './markdown/walk.ts';

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
  // A task is a checkbox item, and every checkbox has a "[": most specs hold none, and then
  // the walk over the whole tree can be skipped.
  const tasks = source.text.includes('[')
    ? extractTasks(source.root, source.lines, parts.format === 'kiro')
    : [];
  const prose = proseBlocks(source);
  // A citation in a task, or a requirement's own ID, is not a mention.
  const taken = new Set([
    ...parts.requirements.map((r) => key(r.idRange)),
    ...tasks.flatMap((t) => t.refs.map((r) => key(r.range))),
  ]);
  const mentions = prose
    .flatMap((block) => findCitations(block.prose))
    .filter((ref) => !taken.has(key(ref.range)));
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

function key(r: Range): string {
  return `${r.start.line}:${r.start.column}`;
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
