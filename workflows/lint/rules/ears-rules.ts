// EARS rules: one requirement statement at a time (user stories are not EARS and are skipped).
import { rangeInProse } from '../../specs/markdown/prose.ts';
import type { Requirement, Workspace } from '../../specs/model.ts';
import { classifyEars, clauseRank, type EarsReading } from '../ears/classify.ts';
import { UNMEASURED_WORDS, VAGUE_WORDS, WEAK_MODALS, wordsPattern } from '../ears/lexicon.ts';
import type { Report, Rule } from '../finding.ts';
import { requirementLabel } from '../labels.ts';
import { matchesOf } from '../../specs/matches.ts';

const VAGUE = wordsPattern(VAGUE_WORDS);
const UNMEASURED = wordsPattern(UNMEASURED_WORDS);
const WEAK = wordsPattern(WEAK_MODALS);
const HAS_WEAK = new RegExp(WEAK.source, 'i');
const AND_OR = /\band\/or\b/gi;
const PASSIVE = /\b(?:shall|must)\s+(?:not\s+)?be\s+([a-z]+(?:ed|en))\b/gi;
const NUMBER = /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|hundred|thousand)\b/i;
const DIGIT = /\d/;

/** NUMBER.test(text); most statements hold a digit, found faster on its own. */
const hasNumber = (text: string) => DIGIT.test(text) || NUMBER.test(text);

interface Statement {
  requirement: Requirement;
  openspec: boolean;
  text: string;
  reading: EarsReading;
}

type StatementCheck = (statement: Statement, report: (finding: Report) => void) => void;

/** What one rule's check found in a workspace, and whether it stopped on an error. */
interface Outcome {
  found: Report[];
  failed: boolean;
  error: unknown;
}

// Every EARS rule reads the same classified statements. One pass classifies each statement and
// runs every rule's check on it, so that no reading outlives its statement (10,000 readings
// kept for ten passes cost more in garbage collection than the checks); each rule then hands
// on what its check found, as if it had run alone.
const CHECKS: StatementCheck[] = [];
const outcomes = new WeakMap<Workspace, Outcome[]>();

function earsRule(meta: Omit<Rule, 'check'>, check: StatementCheck): Rule {
  const index = CHECKS.push(check) - 1;
  return {
    ...meta,
    check(workspace, report) {
      const outcome = outcomesOf(workspace)[index] as Outcome;
      for (let i = 0; i < outcome.found.length; i++) report(outcome.found[i] as Report);
      if (outcome.failed) throw outcome.error;
    },
  };
}

function outcomesOf(workspace: Workspace): Outcome[] {
  let results = outcomes.get(workspace);
  if (results) return results;
  const all = CHECKS.map((): Outcome => ({ found: [], failed: false, error: undefined }));
  const reporters = all.map((outcome) => (finding: Report) => {
    outcome.found.push(finding);
  });
  try {
    for (const document of workspace.documents) {
      for (const requirement of document.requirements) {
        if (requirement.kind === 'story' || requirement.statement.trim() === '') continue;
        const statement: Statement = {
          requirement,
          openspec: document.format === 'openspec',
          text: requirement.statement,
          reading: classifyEars(requirement.statement),
        };
        for (let i = 0; i < CHECKS.length; i++) {
          const outcome = all[i] as Outcome;
          if (outcome.failed) continue; // a rule that threw stops there, as it would alone
          try {
            (CHECKS[i] as StatementCheck)(statement, reporters[i] as (finding: Report) => void);
          } catch (error) {
            outcome.failed = true;
            outcome.error = error;
          }
        }
      }
    }
  } catch (error) {
    // Reading the statements failed: every rule fails with it, having found nothing.
    for (const outcome of all) Object.assign(outcome, { found: [], failed: true, error });
  }
  results = all;
  outcomes.set(workspace, results);
  return results;
}

function at(statement: Statement, from: number, to: number) {
  return {
    path: statement.requirement.path,
    range: rangeInProse(statement.requirement.statementProse, from, to),
    requirementId: statement.requirement.id,
  };
}

function whole(statement: Statement) {
  const lead = statement.text.length - statement.text.trimStart().length;
  return at(statement, lead, statement.text.trimEnd().length);
}

const label = (s: Statement) => requirementLabel(s.requirement);

export const EARS_RULES: Rule[] = [
  earsRule(
    {
      id: 'EARS-001',
      name: 'no-shall',
      defaultSeverity: 'error',
      summary: 'A requirement states what the system shall do.',
    },
    (s, report) => {
      // OpenSpec's own check (OSPEC-008) covers its requirements, at its severity.
      if (s.openspec || s.reading.modals.length > 0 || HAS_WEAK.test(s.text)) return;
      report({
        ...whole(s),
        message: `${label(s)} has no "shall": write it as "<trigger>, the <system> shall <response>" (or "must").`,
      });
    },
  ),
  earsRule(
    {
      id: 'EARS-002',
      name: 'multiple-shall',
      defaultSeverity: 'warning',
      summary: 'One requirement, one response: several "shall"s hide several requirements.',
    },
    (s, report) => {
      const [, second] = s.reading.modals;
      if (!second) return;
      report({
        ...at(s, second.from, second.to),
        message: `${label(s)} has ${s.reading.modals.length} "shall"s; split it so that each requirement states one response.`,
      });
    },
  ),
  earsRule(
    {
      id: 'EARS-003',
      name: 'vague-word',
      defaultSeverity: 'warning',
      summary: 'Vague words (gracefully, user-friendly, appropriate, …) cannot be tested.',
    },
    (s, report) => {
      for (const m of matchesOf(VAGUE, s.text)) {
        report({
          ...at(s, m.index, m.index + m[0].length),
          message: `"${m[0]}" in ${label(s)} is vague and cannot be tested; say what is observable instead.`,
        });
      }
    },
  ),
  earsRule(
    {
      id: 'EARS-004',
      name: 'weak-modal',
      defaultSeverity: 'warning',
      summary: '"should", "may", "might", "could" make a requirement optional; use "shall".',
    },
    (s, report) => {
      for (const m of matchesOf(WEAK, s.text)) {
        const word = m[0];
        const isShould = word.toLowerCase() === 'should';
        const location = at(s, m.index, m.index + word.length);
        report({
          ...location,
          message: `"${word}" in ${label(s)} makes it optional; a requirement says "shall".`,
          ...(isShould
            ? {
                fix: {
                  description: `Replace "${word}" with "${matchCase('shall', word)}"`,
                  edits: [{ range: location.range, newText: matchCase('shall', word) }],
                },
              }
            : {}),
        });
      }
    },
  ),
  earsRule(
    {
      id: 'EARS-005',
      name: 'and-or',
      defaultSeverity: 'warning',
      summary: '"and/or" leaves open which one is required.',
    },
    (s, report) => {
      if (!s.text.includes('/')) return;
      for (const m of matchesOf(AND_OR, s.text)) {
        report({
          ...at(s, m.index, m.index + m[0].length),
          message: `"and/or" in ${label(s)} leaves open which is required; say "and", "or", or split it.`,
        });
      }
    },
  ),
  earsRule(
    {
      id: 'EARS-006',
      name: 'unmeasured',
      defaultSeverity: 'warning',
      summary: 'Speed, time and size words need a number (time, size, count) to be testable.',
    },
    (s, report) => {
      if (hasNumber(s.text)) return;
      for (const m of matchesOf(UNMEASURED, s.text)) {
        report({
          ...at(s, m.index, m.index + m[0].length),
          message: `"${m[0]}" in ${label(s)} has no measurable bound; give one (for example "within 2 seconds", "at most 100 items").`,
        });
      }
    },
  ),
  earsRule(
    {
      id: 'EARS-007',
      name: 'passive-no-actor',
      defaultSeverity: 'info',
      summary: 'A passive response ("shall be stored") should say who acts.',
    },
    (s, report) => {
      for (const m of matchesOf(PASSIVE, s.text)) {
        if (/\bby\b/i.test(s.text.slice(m.index + m[0].length))) continue;
        report({
          ...at(s, m.index, m.index + m[0].length),
          message: `"${m[0]}" in ${label(s)} is passive with no actor; name the system that does it ("the app shall ${m[1]?.replace(/(ed|en)$/, '')} …").`,
        });
      }
    },
  ),
  earsRule(
    {
      id: 'EARS-008',
      name: 'clause-order',
      defaultSeverity: 'info',
      summary: 'EARS puts preconditions and triggers first: While → When/If → the system shall.',
    },
    (s, report) => {
      const { clauses, trailingTrigger } = s.reading;
      for (let i = 1; i < clauses.length; i++) {
        const [prev, cur] = [clauses[i - 1], clauses[i]];
        if (prev && cur && clauseRank(cur.keyword) < clauseRank(prev.keyword)) {
          report({
            ...at(s, cur.from, cur.from + cur.keyword.length),
            message: `In ${label(s)}, the "${cur.keyword}" clause comes after "${prev.keyword}"; EARS orders them Where, While, When/If.`,
          });
        }
      }
      if (trailingTrigger) {
        report({
          ...at(s, trailingTrigger.from, trailingTrigger.to),
          message: `In ${label(s)}, the "${trailingTrigger.keyword}" condition comes after the response; put it first: "${capitalize(trailingTrigger.keyword)} …, the <system> shall …".`,
        });
      }
    },
  ),
  earsRule(
    {
      id: 'EARS-009',
      name: 'if-without-then',
      defaultSeverity: 'info',
      summary: 'Unwanted behaviour reads "If <condition>, then the <system> shall …".',
    },
    (s, report) => {
      const ifClause = s.reading.clauses.find((c) => c.keyword === 'if');
      const subject = s.reading.subject;
      if (!ifClause || !subject || s.reading.hasThen) return;
      const keyword = s.text.slice(ifClause.from, ifClause.to).slice(0, 2);
      const then = keyword === 'IF' ? 'THEN ' : 'then ';
      const location = at(s, subject.from, subject.from);
      report({
        ...at(s, ifClause.from, ifClause.from + 2),
        message: `${label(s)} is unwanted-behaviour EARS; write "If <condition>, then the <system> shall …".`,
        fix: {
          description: `Insert "${then.trim()}" before the system`,
          edits: [{ range: location.range, newText: then }],
        },
      });
    },
  ),
  earsRule(
    {
      id: 'EARS-010',
      name: 'no-subject',
      defaultSeverity: 'warning',
      summary: 'The system that responds is named before "shall", after a comma.',
    },
    (s, report) => {
      const first = s.reading.modals[0];
      if (!first || s.reading.subject) return;
      report({
        ...at(s, first.from, first.to),
        message: `In ${label(s)}, nothing names the system before "${first.word}"; write "<trigger>, the <system> ${first.word} …" with a comma after the trigger.`,
      });
    },
  ),
];

function matchCase(word: string, like: string): string {
  if (like === like.toUpperCase()) return word.toUpperCase();
  if (like[0] === like[0]?.toUpperCase()) return capitalize(word);
  return word;
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
