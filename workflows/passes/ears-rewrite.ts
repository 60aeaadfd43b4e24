// `ears-rewrite`: for each requirement that is not well-formed EARS (by the linter's reading),
// asks the model for an EARS statement, checks it with the same classifier, and proposes one
// change per requirement, each against the same `before` (the engine merges accepted ones).
import { z } from 'zod';
import type { FileChange, PassContext, PassImplementation } from '../engine/pass.ts';
import { applyEdits } from '../lint/apply-fixes.ts';
import { classifyEars, type EarsPattern } from '../lint/ears/classify.ts';
import { WEAK_MODALS, wordsPattern } from '../lint/ears/lexicon.ts';
import { lintWorkspace } from '../lint/lint-workspace.ts';
import { rangeInProse } from '../specs/markdown/prose.ts';
import type { Requirement } from '../specs/model.ts';
import { callModel } from './support/model-call.ts';
import { documentsInScope, textOf } from './support/scope.ts';

/** The rules that say a statement is not EARS-shaped (vague words are the ambiguity pass's). */
const STRUCTURE_RULES = ['EARS-001', 'EARS-002', 'EARS-004', 'EARS-008', 'EARS-009', 'EARS-010'];
/** One model call per requirement: a bound on the calls one run makes. */
export const MAX_REWRITES = 12;
const WEAK = new RegExp(wordsPattern(WEAK_MODALS).source, 'i');

export const EarsRewriteSchema = z.object({ statement: z.string().min(10).max(400) });

interface Rewrite {
  requirementId: string;
  path: string;
  before: string;
  after: string;
  pattern: EarsPattern;
}

interface Rejected {
  requirementId: string;
  path: string;
  proposed: string;
  reason: string;
}

export const earsRewritePass: PassImplementation = {
  name: 'ears-rewrite',
  kind: 'model',
  description: 'Proposes an EARS statement for each requirement that is not EARS, one change each.',
  async run(context) {
    const candidates = notEars(context);
    const chosen = candidates.slice(0, MAX_REWRITES);
    const rewrites: Rewrite[] = [];
    const rejected: Rejected[] = [];
    const changes: FileChange[] = [];
    for (const { requirement, problems } of chosen) {
      if (context.signal.aborted) break;
      const text = textOf(context, requirement.path);
      if (text === null) continue;
      const { value } = await callModel(context, {
        schema: EarsRewriteSchema,
        schemaName: 'ears-statement',
        values: {
          id: requirement.id,
          title: requirement.title,
          statement: requirement.statement.trim(),
          problems: problems.map((p) => `- ${p}`).join('\n') || '- it has no EARS pattern',
          scenarios: scenarioText(requirement),
        },
        sources: [{ path: requirement.path, text, section: requirement.id }],
        maxTokens: 512,
      });
      const proposed = value.statement.replace(/\s+/g, ' ').trim();
      const problem = earsProblem(proposed);
      if (problem || proposed === requirement.statement.replace(/\s+/g, ' ').trim()) {
        rejected.push({
          requirementId: requirement.id,
          path: requirement.path,
          proposed,
          reason: problem ?? 'the same as the current statement',
        });
        continue;
      }
      const pattern = classifyEars(proposed).pattern;
      const after = applyEdits(text, [
        { range: statementRange(requirement), newText: proposed },
      ]).text;
      rewrites.push({
        requirementId: requirement.id,
        path: requirement.path,
        before: requirement.statement.trim(),
        after: proposed,
        pattern,
      });
      changes.push({
        path: requirement.path,
        before: text,
        after,
        summary: `${requirement.id}: rewrite as ${pattern} EARS ("${shorten(proposed)}")`,
      });
    }
    return {
      summary: `${rewrites.length} EARS rewrites proposed for ${candidates.length} requirements that are not EARS${rejected.length ? `; ${rejected.length} proposals rejected` : ''}`,
      output: {
        rewrites,
        rejected,
        notRewritten: candidates.slice(chosen.length).map((c) => c.requirement.id),
      },
      metrics: { notEars: candidates.length, rewrites: rewrites.length },
      changes,
    };
  },
};

/** Requirements in scope the linter reads as not EARS, with its messages about them. */
function notEars(context: PassContext): { requirement: Requirement; problems: string[] }[] {
  const { findings } = lintWorkspace(context.workspace, { only: STRUCTURE_RULES });
  const found: { requirement: Requirement; problems: string[] }[] = [];
  for (const document of documentsInScope(context)) {
    for (const requirement of document.requirements) {
      if (requirement.kind === 'story' || requirement.statement.trim() === '') continue;
      const problems = findings
        .filter((f) => f.path === requirement.path && f.requirementId === requirement.id)
        .map((f) => f.message);
      if (problems.length > 0 || classifyEars(requirement.statement).pattern === 'unclassified') {
        found.push({ requirement, problems });
      }
    }
  }
  return found;
}

/** Why a proposed statement is not acceptable EARS, or null when it is. */
export function earsProblem(statement: string): string | null {
  const reading = classifyEars(statement);
  if (reading.modals.length === 0) return 'it has no "shall"';
  if (reading.modals.length > 1) return 'it has more than one "shall"';
  if (!reading.subject) return 'it names no system before "shall"';
  if (WEAK.test(statement)) return 'it uses a weak modal ("should", "may")';
  return null;
}

function statementRange(requirement: Requirement) {
  const text = requirement.statement;
  const lead = text.length - text.trimStart().length;
  return rangeInProse(requirement.statementProse, lead, text.trimEnd().length);
}

function scenarioText(requirement: Requirement): string {
  const steps = requirement.scenarios.flatMap((s) =>
    s.steps.map((st) => `- ${st.keyword} ${st.text}`),
  );
  return steps.length > 0 ? steps.join('\n') : '(none)';
}

const shorten = (text: string) => (text.length > 80 ? text.slice(0, 79) + '…' : text);
