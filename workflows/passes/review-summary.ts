// `review-summary`: reads the earlier passes' outputs (lint, analyze, ambiguity, coverage),
// summarises them with the model and recommends approve or changes requested. A critical
// finding or a lint error always means changes requested, whatever the model says.
import { z } from 'zod';
import type { PassImplementation } from '../engine/pass.ts';
import { callModel } from './support/model-call.ts';
import { textOf } from './support/scope.ts';
import { digestOutputs, type Blockers } from './support/outputs-digest.ts';

export const ReviewSummarySchema = z.object({
  summary: z.string().min(10).max(400),
  concerns: z.array(z.string().min(5).max(160)).max(5),
  recommendation: z.enum(['approve', 'changes-requested']),
});

export const reviewSummaryPass: PassImplementation = {
  name: 'review-summary',
  kind: 'model',
  description:
    'Summarises the review passes, lists the top concerns and recommends approve or changes requested.',
  async run(context) {
    const { text: findings, blockers } = digestOutputs(context.inputs.outputs);
    const { value } = await callModel(context, {
      schema: ReviewSummarySchema,
      schemaName: 'review-summary',
      values: { title: context.item?.title ?? 'the workspace', findings },
      sources: [],
      maxTokens: 1536,
    });
    const overridden = value.recommendation === 'approve' && blocking(blockers);
    const recommendation = overridden ? 'changes-requested' : value.recommendation;
    const review = {
      summary: value.summary.trim(),
      concerns: value.concerns.map((c) => c.trim()),
      recommendation,
      overridden,
      blockers,
    };
    const path = context.pass.output ?? null;
    const before = path ? textOf(context, path) : null;
    const markdown = renderReview(context.item?.title ?? 'Workspace', context.run.today, review);
    return {
      summary: `Recommendation: ${recommendation}${overridden ? ' (the model said approve, but there are blocking findings)' : ''}; ${review.concerns.length} concerns`,
      output: { ...review, markdown },
      metrics: {
        concerns: review.concerns.length,
        changesRequested: recommendation === 'changes-requested' ? 1 : 0,
      },
      changes: path
        ? [
            {
              path,
              before,
              after: markdown,
              summary: `Write the review summary to ${path} (${recommendation})`,
            },
          ]
        : [],
    };
  },
};

function blocking(blockers: Blockers): boolean {
  return blockers.criticalFindings > 0 || blockers.lintErrors > 0;
}

function renderReview(
  title: string,
  today: string,
  review: { summary: string; concerns: string[]; recommendation: string; overridden: boolean },
): string {
  return [
    `# Review: ${title}`,
    '',
    `${today} · **${review.recommendation === 'approve' ? 'Approve' : 'Changes requested'}**`,
    '',
    review.summary,
    '',
    '## Concerns',
    '',
    ...(review.concerns.length > 0
      ? review.concerns.map((c) => `- ${c.replace(/\s+/g, ' ')}`)
      : ['- None.']),
    '',
  ].join('\n');
}
