// `plan`: an implementation (or fix) plan: approach, components and risks, each tied to the
// requirements it serves. IDs the model cites that do not exist are dropped and reported.
import { z } from 'zod';
import type { PassImplementation } from '../engine/pass.ts';
import { callModel, documentsBlock } from './support/model-call.ts';
import { documentHead, siblingLinks } from './support/new-document.ts';
import { oneLine } from './support/render-requirements.ts';
import { textOf } from './support/scope.ts';
import { splitCitations, traceableList, traceables } from './support/traceable.ts';
import { itemOf, outputPath } from './support/work-item.ts';

const Cited = z.array(z.string().min(1).max(24)).max(4);

export const PlanSchema = z.object({
  approach: z.string().min(10).max(500),
  components: z
    .array(
      z.object({
        name: z.string().min(2).max(50),
        responsibility: z.string().min(5).max(160),
        requirements: Cited,
      }),
    )
    .min(1)
    .max(6),
  risks: z
    .array(
      z.object({
        risk: z.string().min(5).max(160),
        mitigation: z.string().min(5).max(160),
        requirements: Cited,
      }),
    )
    .max(4),
});
type Plan = z.infer<typeof PlanSchema>;

export const planPass: PassImplementation = {
  name: 'plan',
  kind: 'model',
  description: 'Writes a plan (approach, components, risks), each part tied to requirement IDs.',
  async run(context) {
    const item = itemOf(context);
    const path = outputPath(context, 'plan.md');
    const known = traceables(context);
    const sources = context.inputs.documents.filter((d) => d.path !== path);
    const { value } = await callModel(context, {
      schema: PlanSchema,
      schemaName: 'plan',
      values: {
        title: item.title,
        kind: item.kind,
        requirements: traceableList(known),
        documents: documentsBlock(sources),
      },
      sources,
      maxTokens: 5120,
    });
    const ids = new Set(known.map((k) => k.id));
    const invented = new Set<string>();
    const cite = (cited: readonly string[]) => {
      const split = splitCitations(cited, ids);
      split.invented.forEach((id) => invented.add(id));
      return split.kept;
    };
    const plan: Plan = {
      approach: oneLine(value.approach),
      components: value.components.map((c) => ({ ...c, requirements: cite(c.requirements) })),
      risks: value.risks.map((r) => ({ ...r, requirements: cite(r.requirements) })),
    };
    const cited = new Set([...plan.components, ...plan.risks].flatMap((p) => p.requirements));
    const uncited = [...ids].filter((id) => !cited.has(id));
    const folder = path.slice(0, path.lastIndexOf('/'));
    const before = textOf(context, path);
    const head = documentHead(context, {
      heading: 'Approach',
      idPrefix: 'PLAN',
      type: 'design',
      suffix: 'plan',
      links: siblingLinks(context, folder, ['requirements.md', 'bugfix.md', 'prd.md']),
    });
    const after = head + '\n' + renderPlan(plan);
    return {
      summary: `Plan with ${plan.components.length} components and ${plan.risks.length} risks; ${uncited.length} requirements not addressed${invented.size ? `; ${invented.size} unknown IDs dropped` : ''}`,
      output: { path, plan, uncited, invented: [...invented] },
      metrics: {
        components: plan.components.length,
        risks: plan.risks.length,
        requirementsNotPlanned: uncited.length,
        inventedIds: invented.size,
      },
      changes: [
        {
          path,
          before,
          after,
          summary: `${before === null ? 'Create' : 'Rewrite'} ${path}: ${plan.components.length} components, ${plan.risks.length} risks`,
        },
      ],
    };
  },
};

function renderPlan(plan: Plan): string {
  const refs = (ids: readonly string[]) => (ids.length > 0 ? ` (${ids.join(', ')})` : '');
  const lines = [plan.approach, '', '## Components', ''];
  for (const c of plan.components) {
    lines.push(`- **${oneLine(c.name)}**: ${oneLine(c.responsibility)}${refs(c.requirements)}`);
  }
  lines.push('', '## Risks', '');
  if (plan.risks.length === 0) lines.push('- None identified.');
  for (const r of plan.risks) {
    lines.push(`- ${oneLine(r.risk)} Mitigation: ${oneLine(r.mitigation)}${refs(r.requirements)}`);
  }
  lines.push('');
  return lines.join('\n');
}
