// OpenSpec change deltas: `openspec/changes/<id>/specs/<capability>/spec.md` with
// `## ADDED|MODIFIED|REMOVED|RENAMED Requirements` sections.
import type { Heading, Nodes, RootContent } from 'mdast';
import { assembleDocument } from '../specs/document-assembly.ts';
import { rangeOf } from '../specs/markdown/mdast-range.ts';
import { headingText, proseOf, rangeInProse } from '../specs/markdown/prose.ts';
import type { MarkdownSource } from '../specs/markdown-source.ts';
import type {
  DeltaOperation,
  OpenSpecDeltaInfo,
  Range,
  Requirement,
  SpecDocument,
} from '../specs/model.ts';
import type { FileRole } from './layout.ts';
import { readOpenSpecBlock, REQUIREMENT_TITLE } from './openspec-blocks.ts';
import { pushChildren } from '../specs/markdown/walk.ts';

const DELTA_TITLE = /^(ADDED|MODIFIED|REMOVED|RENAMED) Requirements$/i;
const BULLET_NAME = /^`?###\s*Requirement:\s*(.+?)`?\s*$/;
const RENAME_LINE = /^(FROM|TO):\s*`?###\s*Requirement:\s*(.+?)`?\s*$/;

interface Section {
  title: string;
  operation: DeltaOperation | null;
  heading: Heading;
  /** Indexes in the root's children: the heading, and just past the section. */
  index: number;
  end: number;
}

export function buildOpenSpecDelta(source: MarkdownSource, role: FileRole): SpecDocument {
  const children = source.root.children;
  const sections = level2Sections(source, children);
  const info: OpenSpecDeltaInfo = {
    sections: [],
    blocks: [],
    removed: [],
    renamed: [],
    unpairedRenames: [],
    strayHeadings: [],
    orphans: [],
  };
  const requirements: Requirement[] = [];
  for (const section of sections) {
    if (section.operation) {
      info.sections.push({ operation: section.operation, range: rangeOf(section.heading) });
    }
    if (section.operation === 'ADDED' || section.operation === 'MODIFIED') {
      readRequirementSection(source, children, section, role.scope, info, requirements);
    } else if (section.operation === 'REMOVED') {
      readRemoved(source, children, section, info);
    } else if (section.operation === 'RENAMED') {
      readRenamed(source, children.slice(section.index + 1, section.end), info);
    }
  }
  // `### Requirement:` headings outside the delta sections are ignored by OpenSpec.
  children.forEach((node, index) => {
    if (!isRequirementHeading(source, node)) return;
    const owner = sections.filter((s) => s.index < index).pop();
    if (owner?.operation) return;
    info.orphans.push({
      name: requirementName(source, node),
      section: owner?.title ?? null,
      range: rangeOf(node),
    });
  });
  return assembleDocument(source, {
    format: 'openspec',
    kind: 'delta',
    scope: role.scope,
    requirements,
    openspec: { delta: info, ...(role.change ? { change: role.change } : {}) },
  });
}

function level2Sections(source: MarkdownSource, children: readonly RootContent[]): Section[] {
  const starts = children.flatMap((node, index) =>
    node.type === 'heading' && node.depth === 2 ? [{ node, index }] : [],
  );
  return starts.map(({ node, index }, i) => {
    const title = headingText(node, source.lines);
    const op = DELTA_TITLE.exec(title)?.[1]?.toUpperCase() as DeltaOperation | undefined;
    return {
      title,
      operation: op ?? null,
      heading: node,
      index,
      end: starts[i + 1]?.index ?? children.length,
    };
  });
}

function isRequirementHeading(
  source: MarkdownSource,
  node: RootContent | undefined,
): node is Heading {
  return (
    node?.type === 'heading' &&
    node.depth === 3 &&
    REQUIREMENT_TITLE.test(headingText(node, source.lines))
  );
}

function requirementName(source: MarkdownSource, heading: Heading): string {
  return (REQUIREMENT_TITLE.exec(headingText(heading, source.lines))?.[1] ?? '').trim();
}

function readRequirementSection(
  source: MarkdownSource,
  children: readonly RootContent[],
  section: Section,
  scope: string,
  info: OpenSpecDeltaInfo,
  requirements: Requirement[],
): void {
  const operation = section.operation as 'ADDED' | 'MODIFIED';
  for (let i = section.index + 1; i < section.end; i++) {
    const node = children[i];
    if (node?.type !== 'heading' || node.depth !== 3) continue;
    if (!isRequirementHeading(source, node)) {
      info.strayHeadings.push({
        text: headingText(node, source.lines),
        section: section.title,
        range: rangeOf(node),
      });
      continue;
    }
    // The block runs to the next requirement heading: stray `###` headings stay inside it.
    let end = i + 1;
    while (end < section.end && !isRequirementHeading(source, children[end])) end++;
    const reading = readOpenSpecBlock(source, children, i, end, 'level4', scope);
    info.blocks.push({ ...reading.block, operation });
    requirements.push({ ...reading.requirement, delta: operation });
  }
}

function readRemoved(
  source: MarkdownSource,
  children: readonly RootContent[],
  section: Section,
  info: OpenSpecDeltaInfo,
): void {
  for (let i = section.index + 1; i < section.end; i++) {
    const node = children[i] as RootContent;
    if (isRequirementHeading(source, node)) {
      let end = i + 1;
      while (end < section.end && !isRequirementHeading(source, children[end])) end++;
      const notes = proseOf(children.slice(i + 1, end), source.lines).text;
      info.removed.push({
        name: requirementName(source, node),
        range: rangeOf(node),
        hasReason: /\bReason\b\s*:/i.test(notes),
        hasMigration: /\bMigration\b\s*:/i.test(notes),
      });
    } else if (node.type === 'list') {
      // `- ### Requirement: Name` or ``- `### Requirement: Name` ``.
      for (const item of node.children) {
        const [first] = item.children;
        const name =
          first?.type === 'heading' && first.depth === 3
            ? REQUIREMENT_TITLE.exec(headingText(first, source.lines))?.[1]
            : first?.type === 'paragraph'
              ? BULLET_NAME.exec(proseOf([first], source.lines).text.trim())?.[1]
              : undefined;
        if (name) {
          info.removed.push({
            name: name.trim(),
            range: rangeOf(item),
            hasReason: false,
            hasMigration: false,
          });
        }
      }
    }
  }
}

/** `FROM:` / `TO:` lines, paired in order; a line that never pairs is reported. */
function readRenamed(source: MarkdownSource, nodes: readonly Nodes[], info: OpenSpecDeltaInfo) {
  let pending: { name: string; range: Range } | null = null;
  for (const line of proseLines(source, nodes)) {
    const match = RENAME_LINE.exec(line.text);
    if (!match) continue;
    const name = (match[2] as string).trim();
    if (match[1] === 'FROM') {
      if (pending) info.unpairedRenames.push({ side: 'FROM', ...pending });
      pending = { name, range: line.range };
    } else if (!pending) {
      info.unpairedRenames.push({ side: 'TO', name, range: line.range });
    } else {
      info.renamed.push({
        from: pending.name,
        to: name,
        range: { start: pending.range.start, end: line.range.end },
      });
      pending = null;
    }
  }
  if (pending) info.unpairedRenames.push({ side: 'FROM', ...pending });
}

/** Each line of text in paragraphs and list items, with its range. */
function proseLines(source: MarkdownSource, nodes: readonly Nodes[]) {
  const out: { text: string; range: Range }[] = [];
  const stack = [...nodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as Nodes;
    if (node.type === 'paragraph') {
      const prose = proseOf([node], source.lines);
      let offset = 0;
      for (const text of prose.text.split('\n')) {
        const lead = text.length - text.trimStart().length;
        out.push({
          text: text.trim(),
          range: rangeInProse(prose, offset + lead, offset + text.trimEnd().length),
        });
        offset += text.length + 1;
      }
    } else if ('children' in node) {
      pushChildren(stack, node);
    }
  }
  return out;
}
