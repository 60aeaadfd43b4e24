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
