// OpenSpec main specs: `openspec/specs/<capability>/spec.md` with `## Purpose` and
// `## Requirements` → `### Requirement: <name>` → `#### Scenario: <name>`.
import { assembleDocument } from '../specs/document-assembly.ts';
import { rangeOf } from '../specs/markdown/mdast-range.ts';
import { outline } from '../specs/markdown/outline.ts';
import type { MarkdownSource } from '../specs/markdown-source.ts';
import type { OpenSpecSpecInfo, Requirement, SpecDocument } from '../specs/model.ts';
import type { FileRole } from './layout.ts';
import { readOpenSpecBlock, REQUIREMENT_TITLE } from './openspec-blocks.ts';
import { headingText } from '../specs/markdown/prose.ts';

// openspec's structure check is looser here than its delta reader (openspec-delta.ts), which
// wants exactly one space: both are mirrored as they are.
const DELTA_TITLE = /^(ADDED|MODIFIED|REMOVED|RENAMED)\s+Requirements$/i;

export function buildOpenSpecSpec(source: MarkdownSource, role: FileRole): SpecDocument {
  const children = source.root.children;
  const entries = outline(children);
  const titled = entries.map((entry) => ({
    entry,
    title: headingText(entry.heading, source.lines),
  }));

  const purposeEntry = titled.find((t) => t.title.toLowerCase() === 'purpose')?.entry;
  let purpose: OpenSpecSpecInfo['purpose'] = null;
  if (purposeEntry) {
    const from = rangeOf(purposeEntry.heading).end.line;
    const next = children[purposeEntry.end];
    const to = next ? rangeOf(next).start.line - 1 : source.lines.length;
    const text = source.lines.slice(from, to).join('\n').trim();
    purpose = { text, range: rangeOf(purposeEntry.heading) };
  }

  const requirementsEntry = titled.find((t) => t.title.toLowerCase() === 'requirements')?.entry;
  const blocks: OpenSpecSpecInfo['blocks'] = [];
  const requirements: Requirement[] = [];
  if (requirementsEntry) {
    // Headings nested directly in `## Requirements` (deeper ones belong to them).
    let i = requirementsEntry.index + 1;
    for (const entry of entries) {
      if (entry.index < i || entry.index >= requirementsEntry.end) continue;
      const reading = readOpenSpecBlock(
        source,
        children,
        entry.index,
        entry.end,
        'children',
        role.scope,
      );
      blocks.push(reading.block);
      if (reading.block.canonical) requirements.push(reading.requirement);
      i = entry.end;
    }
  }

  const level2Requirements = titled.find(
    (t) => t.entry.heading.depth === 2 && t.title.toLowerCase() === 'requirements',
  )?.entry;
  const misplaced = titled
    .filter(
      (t) =>
        t.entry.heading.depth === 3 &&
        REQUIREMENT_TITLE.test(t.title) &&
        !(
          level2Requirements &&
          t.entry.index > level2Requirements.index &&
          t.entry.index < level2Requirements.end
        ),
    )
    .map((t) => ({
      name: (REQUIREMENT_TITLE.exec(t.title)?.[1] ?? t.title).trim(),
      range: rangeOf(t.entry.heading),
    }));
  const deltaHeadings = titled
    .filter((t) => t.entry.heading.depth === 2 && DELTA_TITLE.test(t.title))
    .map((t) => ({ text: `## ${t.title}`, range: rangeOf(t.entry.heading) }));

  return assembleDocument(source, {
    format: 'openspec',
    kind: 'spec',
    scope: role.scope,
    requirements,
    openspec: {
      spec: {
        purpose,
        requirementsSection: requirementsEntry ? rangeOf(requirementsEntry.heading) : null,
        blocks,
        misplaced,
        deltaHeadings,
      },
    },
  });
}
