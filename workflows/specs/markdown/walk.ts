import type { Nodes } from 'mdast';

/**
 * Pushes a node's children onto a depth-first stack so that they pop in document order.
 * Walks use an explicit stack: deeply nested lists must not exhaust the call stack.
 */
export function pushChildren(stack: Nodes[], node: Nodes): void {
  if (!('children' in node)) return;
  const children = node.children as Nodes[];
  for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Nodes);
}

/**
 * pushChildren for walks that look for blocks (list items, say): the children of paragraphs,
 * headings and tables are inline content, where no block can be, so they are not pushed.
 */
export function pushBlockChildren(stack: Nodes[], node: Nodes): void {
  if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'table') return;
  pushChildren(stack, node);
}
