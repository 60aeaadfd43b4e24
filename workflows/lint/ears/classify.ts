// EARS (Mavin et al., RE'09) classification of one requirement statement. Offsets are into
// the statement text, so findings can point at the exact words. Any case is accepted (Kiro
// writes `WHEN … THE SYSTEM SHALL …`).

export type EarsPattern =
  | 'ubiquitous'
  | 'event-driven'
  | 'state-driven'
  | 'unwanted-behaviour'
  | 'optional-feature'
  | 'complex'
  | 'unclassified';

export type ClauseKeyword = 'where' | 'while' | 'when' | 'if';

export interface Span {
  from: number;
  to: number;
}

export interface EarsReading {
  pattern: EarsPattern;
  /** Precondition and trigger clauses before the modal, in order. */
  clauses: (Span & { keyword: ClauseKeyword })[];
  /** What is named before the modal (`the app`); null when nothing is. */
  subject: Span | null;
  /** Every `shall` / `must`. */
  modals: (Span & { word: string })[];
  /** From the first modal to the end. */
  response: Span | null;
  /** `then` between an `If` clause and the subject. */
  hasThen: boolean;
  /** A `when`/`while`/`if` written after the response started: the trigger comes last. */
  trailingTrigger: (Span & { keyword: string }) | null;
}

import { matchesOf } from '../../specs/matches.ts';

const MODAL = /\b(shall|must)\b/gi;
const CLAUSE_START = /(^|[,;]\s*(?:and\s+)?|\bthen\s+)(where|while|when|if)\b/gi;
const SEPARATOR = /[,;]|\bthen\b/gi;
const TRAILING_TRIGGER = /\b(when|whenever|while|if|once)\b/gi;
const THE = /\bthe\s/gi;

const PATTERN_OF: Record<ClauseKeyword, EarsPattern> = {
  where: 'optional-feature',
  while: 'state-driven',
  when: 'event-driven',
  if: 'unwanted-behaviour',
};

export function classifyEars(text: string): EarsReading {
  // Built by push, not map: map's result arrays come in more than one kind (map), and optimized
  // code that meets the other kind is thrown away and compiled again.
  const modals: EarsReading['modals'] = [];
  const modalMatches = matchesOf(MODAL, text);
  for (let i = 0; i < modalMatches.length; i++) {
    const m = modalMatches[i] as RegExpExecArray;
    modals.push({ word: m[0], from: m.index, to: m.index + m[0].length });
  }
  const first = modals.length > 0 ? modals[0] : undefined;
  const preamble = first ? text.slice(0, first.from) : text;

  const clauses: EarsReading['clauses'] = [];
  const clauseMatches = matchesOf(CLAUSE_START, preamble);
  for (let i = 0; i < clauseMatches.length; i++) {
    const m = clauseMatches[i] as RegExpExecArray;
    const keywordAt = m.index + (m[1] as string).length;
    clauses.push({
      keyword: (m[2] as string).toLowerCase() as ClauseKeyword,
      from: keywordAt,
      to: 0,
    });
  }
  // The subject follows the last separator (`,` `;` `then`) after the last clause.
  const separator = lastMatch(SEPARATOR, preamble);
  const lastClause = clauses.length > 0 ? clauses[clauses.length - 1] : undefined;
  let subjectFrom = !lastClause
    ? 0
    : separator && separator.from > lastClause.from
      ? separator.to
      : -1;
  if (subjectFrom < 0 && lastClause) {
    // No comma or THEN (Kiro: "WHILE x THE SYSTEM SHALL"): the system is the last "the …".
    const base = lastClause.from + lastClause.keyword.length;
    const article = matchesOf(THE, preamble.slice(base)).pop();
    if (article && article.index > 1) subjectFrom = base + article.index;
  }
  const separated =
    separator !== null && lastClause !== undefined && separator.from > lastClause.from;
  clauses.forEach((clause, i) => {
    const next = clauses[i + 1]?.from;
    clause.to =
      next ??
      (separated ? (separator as Span).from : subjectFrom >= 0 ? subjectFrom : preamble.length);
  });
  let subject: Span | null = null;
  if (first && subjectFrom >= 0) {
    const raw = preamble.slice(subjectFrom);
    const from = subjectFrom + raw.length - raw.trimStart().length;
    const length = raw.trim().length;
    if (length > 0) subject = { from, to: from + length };
  }

  // No clause: ubiquitous; clauses of one kind: that kind's pattern; of several kinds: complex.
  const sameKind = clauses.every((c) => c.keyword === clauses[0]?.keyword);
  const pattern: EarsPattern = !first
    ? 'unclassified'
    : clauses.length === 0
      ? 'ubiquitous'
      : sameKind
        ? PATTERN_OF[clauses[0]?.keyword as ClauseKeyword]
        : 'complex';

  let trailingTrigger: EarsReading['trailingTrigger'] = null;
  if (first) {
    TRAILING_TRIGGER.lastIndex = 0;
    const m = TRAILING_TRIGGER.exec(text.slice(first.to));
    TRAILING_TRIGGER.lastIndex = 0;
    if (m) {
      const from = first.to + m.index;
      trailingTrigger = { keyword: m[0].toLowerCase(), from, to: from + m[0].length };
    }
  }

  return {
    pattern,
    clauses,
    subject,
    modals,
    response: first ? { from: first.from, to: text.length } : null,
    hasThen: /\bthen\b/i.test(preamble),
    trailingTrigger,
  };
}

/** Where the last match of a global `pattern` in `text` is; null when there is none. */
function lastMatch(pattern: RegExp, text: string): Span | null {
  let found: RegExpExecArray | null = null;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    found = m;
    if (m[0] === '') pattern.lastIndex++; // never stuck on an empty match
  }
  return found ? { from: found.index, to: found.index + found[0].length } : null;
}

/** EARS order for complex requirements: Where, then While, then When/If. */
export function clauseRank(keyword: ClauseKeyword): number {
  return keyword === 'where' ? 0 : keyword === 'while' ? 1 : 2;
}
