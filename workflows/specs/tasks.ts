import type { ListItem, Nodes, Root } from 'mdast';
import { rangeOf } from './markdown/mdast-range.ts';
import { proseOf, rangeInProse } from './markdown/prose.ts';
import type { Task } from './model.ts';
import { findCitations } from './references.ts';
import { collapseWhitespace } from './source-text.ts';
import { pushBlockChildren } from './markdown/walk.ts';

/** `T001` (Spec Kit, Cairn) or `1.2` / `1.` (OpenSpec, Kiro) at the start of a task. */
const TASK_ID = /^(T\d+|\d+(?:\.\d+)*)(?=[.:)]?(?:\s|$))/;
const PARALLEL = /\[P\]/;
const STORY = /\[(US\d+)\]/;

/**
 * Every checkbox list item (`- [ ]`, `- [x]`) of a document, in order. Nested non-task items
 * (Kiro's `_Requirements: 1.2_` bullets) count as part of the task above them.
 */
export function extractTasks(root: Root, lines: readonly string[], kiro: boolean): Task[] {
  const tasks: Task[] = [];
  const stack: Nodes[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Nodes;
    if (node.type === 'listItem' && typeof node.checked === 'boolean') {
      tasks.push(readTask(node, lines, kiro));
    }
    pushBlockChildren(stack, node);
  }
  return tasks;
}

function readTask(item: ListItem, lines: readonly string[], kiro: boolean): Task {
  const first = item.children[0];
  const head = proseOf(first && first.type === 'paragraph' ? [first] : [], lines);
  const nested: Nodes[] = [];
  for (let i = 1; i < item.children.length; i++) ownContent(item.children[i] as Nodes, nested);
  const text = collapseWhitespace(head.text).trim();
  // `[P]` and `[US1]` both open with "[", which most tasks do not hold.
  const bracketed = text.includes('[');
  const leading = head.text.length - head.text.trimStart().length;
  const idMatch = TASK_ID.exec(head.text.trimStart());
  // The task's own content: its first paragraph and nested items that are not tasks.
  const own =
    nested.length === 0 && (first === undefined || first.type === 'paragraph')
      ? head
      : proseOf([...(first ? [first] : []), ...nested], lines);
  return {
    id: idMatch ? (idMatch[1] as string) : null,
    done: item.checked === true,
    text,
    parallel: bracketed && PARALLEL.test(text),
    story: bracketed ? (STORY.exec(text)?.[1] ?? null) : null,
    refs: findCitations(own, kiro),
    range: rangeOf(item),
    idRange: idMatch ? rangeInProse(head, leading, leading + (idMatch[1] as string).length) : null,
  };
}

/** Adds `node` to `out`; for a nested list, its items that are not tasks (those are read on their own). */
function ownContent(node: Nodes, out: Nodes[]): void {
  if (node.type !== 'list') {
    out.push(node);
    return;
  }
  for (const child of node.children) if (typeof child.checked !== 'boolean') out.push(child);
}
