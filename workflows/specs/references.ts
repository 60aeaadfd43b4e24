import { positionInProse, rangeFromStart } from './markdown/prose.ts';
import type { Prose, RequirementRef } from './model.ts';
import { matchesOf } from './matches.ts';
import type { PositionSet } from './position-set.ts';

const CITATIONS = /\b(?:(REQ-[A-Za-z0-9]+)|(FR-\d+)|(US\d+))\b/g;
/** Kiro's `_Requirements: 1.2, 3.1_` (the underscores are emphasis, gone from prose). */
const KIRO_LIST = /\bRequirements?:[ \t]*((?:\d+(?:\.\d+)*[ \t]*,?[ \t]*)+)/g;
const KIRO_NUMBER = /\d+(?:\.\d+)*/g;

/**
 * Every requirement, functional requirement and user story cited in `prose` (with `kiro`, Kiro's
 * numbered criteria too), but those that start at a position in `skip`.
 */
export function findCitations(
  prose: Prose,
  kiro = false,
  skip: PositionSet | null = null,
): RequirementRef[] {
  const refs: RequirementRef[] = [];
  // Most prose cites nothing: a plain search rules that out faster than the pattern.
  const text = prose.text;
  const mayCite = text.includes('REQ-') || text.includes('FR-') || text.includes('US');
  const matches = mayCite ? matchesOf(CITATIONS, text) : [];
  for (let i = 0; i < matches.length; i++) {
    const match = matches[i] as RegExpExecArray;
    const id = match[0];
    const style = match[1] ? 'req' : match[2] ? 'fr' : 'story';
    const start = positionInProse(prose, match.index);
    if (skip?.has(start)) continue;
    refs.push({
      id,
      style,
      range: rangeFromStart(prose, start, match.index, match.index + id.length),
    });
  }
  if (kiro) {
    for (const list of matchesOf(KIRO_LIST, prose.text)) {
      const listText = list[1] as string;
      const listStart = list.index + list[0].length - listText.length;
      for (const number of matchesOf(KIRO_NUMBER, listText)) {
        const from = listStart + number.index;
        const start = positionInProse(prose, from);
        if (skip?.has(start)) continue;
        refs.push({
          id: number[0],
          style: number[0].includes('.') ? 'criterion' : 'story',
          range: rangeFromStart(prose, start, from, from + number[0].length),
        });
      }
    }
  }
  return refs;
}
