import type { Nodes } from 'mdast';
import { rangeOf } from './markdown/mdast-range.ts';
import { proseOf, rangeInProse } from './markdown/prose.ts';
import type { Prose, Step, StepKeyword } from './model.ts';
import { pushBlockChildren } from './markdown/walk.ts';
import { matchesOf } from './matches.ts';
import { collapseWhitespace } from './source-text.ts';

const STEP = /^\s*(given|when|then|and|but)\b[ \t]*:?[ \t]*/i;
/** Spec Kit writes a whole scenario on one line: `**Given** …, **When** …, **Then** …`. */
const INLINE_KEYWORD = /(?:^|[,;]?\s+)(Given|When|Then|And|But)\b\s*/g;

/** The WHEN/THEN bullets among `nodes` (nested bullets included), in order. */
export function stepsFromBullets(nodes: readonly Nodes[], lines: readonly string[]): Step[] {
  const steps: Step[] = [];
  const stack: Nodes[] = [];
  for (let i = nodes.length - 1; i >= 0; i--) stack.push(nodes[i] as Nodes);
  while (stack.length > 0) {
    const node = stack.pop() as Nodes;
    if (node.type === 'listItem') {
      const [first] = node.children;
      if (first?.type === 'paragraph') {
        const prose = proseOf([first], lines);
        const match = STEP.exec(prose.text);
        if (match) {
          steps.push({
            keyword: (match[1] as string).toUpperCase() as StepKeyword,
            text: collapseWhitespace(prose.text.slice(match[0].length)).trim(),
            range: rangeOf(first),
          });
        }
      }
    }
    pushBlockChildren(stack, node);
  }
  return steps;
}

/** Splits a one-line `Given …, When …, Then …` scenario into steps. */
export function stepsInline(prose: Prose): Step[] {
  const marks = matchesOf(INLINE_KEYWORD, prose.text);
  return marks.map((mark, i) => {
    const from = mark.index + mark[0].length;
    const to = marks[i + 1]?.index ?? prose.text.length;
    const text = collapseWhitespace(prose.text.slice(from, to)).trim();
    const keywordAt = mark.index + mark[0].indexOf(mark[1] as string);
    return {
      keyword: (mark[1] as string).toUpperCase() as StepKeyword,
      text,
      range: rangeInProse(prose, keywordAt, to),
    };
  });
}
