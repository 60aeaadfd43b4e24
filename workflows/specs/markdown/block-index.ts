// The top-level blocks of one document, each read at most once. Sections, prose blocks and
// requirements all look at the same headings and paragraphs: they share one prose and one
// range object per block instead of building their own (the model is plain data that nothing
// mutates, so sharing shows in no output; a 10,000-requirement workspace allocates far less).
import type { Heading, RootContent } from 'mdast';
import type { Prose, Range } from '../model.ts';
import { endOf, rangeOf } from './mdast-range.ts';
import { outline, type OutlineEntry } from './outline.ts';
import { hasInlineCode, proseOf } from './prose.ts';

export class BlockIndex {
  private entriesCache: OutlineEntry[] | null = null;
  private readonly proses: (Prose | undefined)[] = [];
  private readonly readables: (Prose | undefined)[] = [];
  private readonly ranges: (Range | undefined)[] = [];
  private readonly extents: (Range | undefined)[] = [];

  constructor(
    readonly children: readonly RootContent[],
    private readonly lines: readonly string[],
  ) {}

  /** The headings with the extent of each one's section (see outline). */
  get entries(): OutlineEntry[] {
    return (this.entriesCache ??= outline(this.children));
  }

  /** `proseOf([children[i]], lines)`. */
  prose(i: number): Prose {
    return (this.proses[i] ??= proseOf([this.children[i] as RootContent], this.lines));
  }

  /** `proseOf([children[i]], lines, { skipCode: true })`: the words a reader writes. */
  readableProse(i: number): Prose {
    let readable = this.readables[i];
    if (readable === undefined) {
      const block = this.children[i] as RootContent;
      readable = this.readables[i] = hasInlineCode(block)
        ? proseOf([block], this.lines, { skipCode: true })
        : this.prose(i);
    }
    return readable;
  }

  /** `headingText(children[i], lines)`. */
  title(i: number): string {
    return this.prose(i).text.trim();
  }

  /** `rangeOf(children[i])`. */
  range(i: number): Range {
    return (this.ranges[i] ??= rangeOf(this.children[i] as RootContent));
  }

  /** From a heading to the end of its section (the last block before `entry.end`). */
  extent(entry: OutlineEntry): Range {
    let extent = this.extents[entry.index];
    if (extent === undefined) {
      const last: RootContent | Heading = this.children[entry.end - 1] ?? entry.heading;
      extent = this.extents[entry.index] = {
        start: this.range(entry.index).start,
        end: endOf(last),
      };
    }
    return extent;
  }
}
