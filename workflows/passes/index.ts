// Every pass implementation, by the name workflow files use in `uses:`.
import type { PassImplementation } from '../engine/pass.ts';
import { ambiguityPass } from './ambiguity.ts';
import { analyzePass } from './analyze.ts';
import { bugBehaviourPass } from './bug-behaviour.ts';
import { clarifyPass } from './clarify.ts';
import { coveragePass } from './coverage.ts';
import { docsPolishPass } from './docs-polish.ts';
import { draftSectionsPass } from './draft-sections.ts';
import { earsRewritePass } from './ears-rewrite.ts';
import { lintPass } from './lint.ts';
import { planPass } from './plan.ts';
import { reviewSummaryPass } from './review-summary.ts';
import { specifyPass } from './specify.ts';
import { tasksPass } from './tasks.ts';
import { templatePass } from './template.ts';
import { verifyPass } from './verify.ts';

export const PASSES: readonly PassImplementation[] = [
  lintPass,
  analyzePass,
  ambiguityPass,
  coveragePass,
  templatePass,
  draftSectionsPass,
  clarifyPass,
  earsRewritePass,
  specifyPass,
  planPass,
  tasksPass,
  verifyPass,
  bugBehaviourPass,
  docsPolishPass,
  reviewSummaryPass,
];

export function findPass(name: string): PassImplementation | null {
  return PASSES.find((p) => p.name === name) ?? null;
}
