import { rangeInProse } from './markdown/prose.ts';
import type { Prose, RequirementRef } from './model.ts';
import { matchesOf } from './matches.ts';

const CITATIONS = /\b(?:(REQ-[A-Za-z0-9]+)|(FR-\d+)|(US\d+))\b/g;
/** Kiro's `_Requirements: 1.2, 3.1_` (the underscores are emphasis, gone from prose). */
const KIRO_LIST = /\bRequirements?:[ \t]*((?:\d+(?:\.\d+)*[ \t]*,?[ \t]*)+)/g;
const KIRO_NUMBER = /\d+(?:\.\d+)*/g;

/** Every requirement, functional requirement and user story cited in `prose`. */
export function findCitations(prose: Prose, options: { kiro?: boolean } = {}): RequirementRef[] {
  const refs: RequirementRef[] = [];
  // Most prose cites nothing: a plain search rules that out faster than the pattern.
  const text = prose.text;
  const mayCite = text.includes('REQ-') || text.includes('FR-') || text.includes('US');
  for (const match of mayCite ? matchesOf(CITATIONS, text) : []) {
    const id = match[0];
    const style = match[1] ? 'req' : match[2] ? 'fr' : 'story';
    refs.push({ id, style, range: rangeInProse(prose, match.index, match.index + id.length) });
  }
  if (options.kiro) {
    for (const list of matchesOf(KIRO_LIST, prose.text)) {
      const listText = list[1] as string;
      const listStart = list.index + list[0].length - listText.length;
      for (const number of matchesOf(KIRO_NUMBER, listText)) {
        const from = listStart + number.index;
        refs.push({
          id: number[0],
          style: number[0].includes('.') ? 'criterion' : 'story',
          range: rangeInProse(prose, from, from + number[0].length),
        });
      }
    }
  }
  return refs;
}
