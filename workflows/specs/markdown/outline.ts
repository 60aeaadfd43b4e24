import type { Heading, RootContent } from 'mdast';

export interface OutlineEntry {
  heading: Heading;
  /** Index of the heading in the root's children. */
  index: number;
  /** Index just past the section: the next heading of the same or a higher level, or the end. */
  end: number;
}

/** The top-level headings of a document with the extent of each one's section. */
export function outline(children: readonly RootContent[]): OutlineEntry[] {
  const entries: OutlineEntry[] = [];
  const open: OutlineEntry[] = [];
  children.forEach((node, index) => {
    if (node.type !== 'heading') return;
    while (open.length > 0 && (open[open.length - 1] as OutlineEntry).heading.depth >= node.depth) {
      (open.pop() as OutlineEntry).end = index;
    }
    const entry = { heading: node, index, end: children.length };
    entries.push(entry);
    open.push(entry);
  });
  return entries;
}

/** The entries nested directly or deeper inside `parent`. */
export function within(entries: readonly OutlineEntry[], parent: OutlineEntry): OutlineEntry[] {
  return entries.filter((e) => e.index > parent.index && e.index < parent.end);
}
