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

interface Statement {
  requirement: Requirement;
  openspec: boolean;
  text: string;
  reading: EarsReading;
}

type StatementCheck = (statement: Statement, report: (finding: Report) => void) => void;

function earsRule(meta: Omit<Rule, 'check'>, check: StatementCheck): Rule {
  return {
    ...meta,
    check(workspace, report) {
      for (const statement of statementsOf(workspace)) check(statement, report);
    },
  };
}

// Every EARS rule reads the same classified statements: build them once per workspace.
const cache = new WeakMap<Workspace, Statement[]>();

function statementsOf(workspace: Workspace): Statement[] {
  let statements = cache.get(workspace);
  if (statements) return statements;
  statements = [];
  for (const document of workspace.documents) {
    for (const requirement of document.requirements) {
      if (requirement.kind === 'story' || requirement.statement.trim() === '') continue;
      statements.push({
        requirement,
        openspec: document.format === 'openspec',
        text: requirement.statement,
        reading: classifyEars(requirement.statement),
      });
    }
  }
  cache.set(workspace, statements);
  return statements;
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
      if (NUMBER.test(s.text)) return;
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
