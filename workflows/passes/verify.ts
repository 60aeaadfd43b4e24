// `verify`: a verdict per requirement (met / partly / not met / cannot tell) with evidence
// from the spec, plan and tasks, next to the checks code can make on its own (is the
// requirement cited by a task?).
import { z } from 'zod';
import type { PassImplementation } from '../engine/pass.ts';
import { coverageTable } from './analysis/coverage.ts';
import { callModel, documentsBlock } from './support/model-call.ts';
import { documentsInScope } from './support/scope.ts';
import { traceableList, traceables, type Traceable } from './support/traceable.ts';

export const VERDICTS = ['met', 'partly', 'not-met', 'cannot-tell'] as const;
type Verdict = (typeof VERDICTS)[number];
/** Verdicts one call asks for; the rest are reported as not checked. */
export const MAX_VERIFIED = 20;

export function verifySchema(ids: readonly [string, ...string[]]) {
  return z.object({
    verdicts: z
      .array(
        z.object({
          id: z.enum(ids),
          verdict: z.enum(VERDICTS),
          evidence: z.string().min(1).max(160),
        }),
      )
      .max(ids.length),
  });
}

interface Row {
  id: string;
  path: string;
  verdict: Verdict;
  evidence: string;
  /** Null where tasks cannot cite it (bugfix behaviours, OpenSpec). */
  citedByTask: boolean | null;
}

export const verifyPass: PassImplementation = {
  name: 'verify',
  kind: 'model',
  description:
    'Checks each requirement against the spec, plan and tasks: met, partly, not met or cannot tell.',
  async run(context) {
    const all = traceables(context);
    const checked = all.slice(0, MAX_VERIFIED);
    const [first, ...rest] = checked;
    const coverage = coverageTable(context.workspace, documentsInScope(context));
    const cited = (t: Traceable) =>
      coverage.rows.find((r) => r.requirementId === t.id && r.path === t.path)?.covered ?? null;
    const verdicts = new Map<string, { verdict: Verdict; evidence: string }>();
    if (first) {
      const { value } = await callModel(context, {
        schema: verifySchema([first.id, ...rest.map((t) => t.id)]),
        schemaName: 'verify-verdicts',
        values: {
          requirements: traceableList(checked),
          documents: documentsBlock(context.inputs.documents),
        },
        sources: context.inputs.documents,
        maxTokens: 4608,
      });
      for (const v of value.verdicts) {
        if (!verdicts.has(v.id))
          verdicts.set(v.id, { verdict: v.verdict, evidence: v.evidence.trim() });
      }
    }
    const rows: Row[] = all.map((t, i) => ({
      id: t.id,
      path: t.path,
      ...(verdicts.get(t.id) ?? {
        verdict: 'cannot-tell' as const,
        evidence:
          i < MAX_VERIFIED
            ? 'The model gave no verdict.'
            : 'Not checked: too many requirements for one pass.',
      }),
      citedByTask: cited(t),
    }));
    const count = (v: Verdict) => rows.filter((r) => r.verdict === v).length;
    const uncited = rows.filter((r) => r.citedByTask === false).length;
    return {
      summary: `${count('met')} met, ${count('partly')} partly, ${count('not-met')} not met, ${count('cannot-tell')} cannot tell; ${uncited} not cited by any task`,
      output: { rows, markdown: renderVerdicts(rows) },
      metrics: {
        requirementsNotMet: count('not-met'),
        requirementsPartlyMet: count('partly'),
        requirementsCannotTell: count('cannot-tell'),
        requirementsWithoutTask: uncited,
      },
      changes: [],
    };
  },
};

function renderVerdicts(rows: readonly Row[]): string {
  const cell = (t: string) => t.replace(/\|/g, '\\|').replace(/\s+/g, ' ');
  return [
    '| Requirement | Verdict | Evidence | Cited by a task |',
    '| --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${r.id} | ${r.verdict} | ${cell(r.evidence)} | ${r.citedByTask === null ? 'n/a' : r.citedByTask ? 'yes' : 'no'} |`,
    ),
  ].join('\n');
}
