// Requirement blocks read the way `openspec validate` reads them (its raw body text and its
// scenario counting), and mapped into Cairn's model at the same time.
import type { Heading, RootContent } from 'mdast';
import { endOf, rangeOf, startOf } from '../specs/markdown/mdast-range.ts';
import { EMPTY_PROSE, headingText, proseOf } from '../specs/markdown/prose.ts';
import type { MarkdownSource } from '../specs/markdown-source.ts';
import type { OpenSpecBlock, Requirement, Scenario } from '../specs/model.ts';
import { stepsFromBullets } from '../specs/scenarios.ts';

export const REQUIREMENT_TITLE = /^Requirement:[ \t]*(.+)$/i;
const METADATA_LINE = /^\*\*[^*]+\*\*:/;
const SCENARIO_PREFIX = /^Scenario:\s*/i;

/** The source lines of `nodes` (code blocks left out), trimmed, without blank lines. */
function rawLines(source: MarkdownSource, nodes: readonly RootContent[]): string[] {
  return nodes
    .filter((n) => n.type !== 'code')
    .flatMap((n) => {
      const r = rangeOf(n);
      return source.lines.slice(r.start.line - 1, r.end.line).map((l) => l.trim());
    })
    .filter((l) => l.length > 0);
}

/**
 * A scenario counts the way OpenSpec counts one: `children` — any heading nested directly in
 * the requirement (main specs); `level4` — any `####` heading (change deltas). Either way a
 * heading with nothing under it does not count.
 */
export type ScenarioCounting = 'children' | 'level4';

export interface BlockReading {
  block: OpenSpecBlock;
  requirement: Requirement;
}

/** Reads the requirement whose heading is `children[index]`, its block ending before `end`. */
export function readOpenSpecBlock(
  source: MarkdownSource,
  children: readonly RootContent[],
  index: number,
  end: number,
  counting: ScenarioCounting,
  scope: string,
): BlockReading {
  const heading = children[index] as Heading;
  const title = headingText(heading, source.lines);
  const canonical = REQUIREMENT_TITLE.exec(title);
  const name = canonical ? (canonical[1] as string).trim() : title;
  let bodyEnd = index + 1;
  while (bodyEnd < end && children[bodyEnd]?.type !== 'heading') bodyEnd++;
  const bodyNodes = children.slice(index + 1, bodyEnd);
  const lines = rawLines(source, bodyNodes);
  const text = lines.filter((l) => !METADATA_LINE.test(l));
  const statementNodes = bodyNodes.filter(
    (n) => n.type !== 'code' && !METADATA_LINE.test(rawLines(source, [n])[0] ?? ''),
  );
  const statementProse =
    statementNodes.length > 0 ? proseOf(statementNodes, source.lines) : EMPTY_PROSE;
  const scenarioHeadings = scenarioSections(children, index, end, counting);
  const scenarios: Scenario[] = scenarioHeadings
    .filter((s) => s.end > s.index + 1)
    .map((s) => {
      const h = children[s.index] as Heading;
      const body = children.slice(s.index + 1, s.end);
      return {
        name: headingText(h, source.lines).replace(SCENARIO_PREFIX, '').trim(),
        range: { start: startOf(h), end: endOf(body[body.length - 1] ?? h) },
        headingDepth: h.depth,
        steps: stepsFromBullets(body, source.lines),
      };
    });
  const last = children[end - 1] ?? heading;
  const headingRange = rangeOf(heading);
  const block: OpenSpecBlock = {
    name,
    canonical: canonical !== null && heading.depth === 3,
    range: headingRange,
    body: (text.length > 0 ? text : lines).join('\n'),
    scenarios: scenarios.map((s) => s.name),
    scenarioHeadings: scenarioHeadings.map((s) =>
      headingText(children[s.index] as Heading, source.lines)
        .replace(SCENARIO_PREFIX, '')
        .trim(),
    ),
  };
  return {
    block,
    requirement: {
      id: name,
      kind: 'requirement',
      scope,
      path: source.path,
      title: name,
      statement: statementProse.text,
      statementProse,
      idRange: nameRange(source, heading, name),
      headingRange,
      headingDepth: heading.depth,
      range: { start: headingRange.start, end: endOf(last) },
      scenarios,
      scenarioExpected: true,
    },
  };
}

/** Where the requirement's name is written in its heading. */
function nameRange(source: MarkdownSource, heading: Heading, name: string) {
  const r = rangeOf(heading);
  const line = source.lines[r.start.line - 1] ?? '';
  const at = line.lastIndexOf(name);
  if (at < 0 || r.start.line !== r.end.line) return r;
  return {
    start: { line: r.start.line, column: at + 1 },
    end: { line: r.start.line, column: at + 1 + name.length },
  };
}

function scenarioSections(
  children: readonly RootContent[],
  index: number,
  end: number,
  counting: ScenarioCounting,
): { index: number; end: number }[] {
  const parentDepth = (children[index] as Heading).depth;
  const found: { index: number; end: number }[] = [];
  for (let i = index + 1; i < end; i++) {
    const node = children[i];
    if (node?.type !== 'heading') continue;
    const counts =
      counting === 'level4'
        ? node.depth === 4
        : node.depth > parentDepth && !found.some((f) => i < f.end);
    if (!counts) continue;
    let stop = i + 1;
    const limit = counting === 'level4' ? 4 : node.depth;
    while (stop < end) {
      const next = children[stop];
      if (next?.type === 'heading' && next.depth <= limit) break;
      stop++;
    }
    found.push({ index: i, end: stop });
  }
  return found;
}
