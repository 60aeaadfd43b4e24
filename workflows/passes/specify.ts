// `specify`: a requirements document for the work item, in Cairn's format: the model proposes
// titles, EARS statements and scenarios; code mints the REQ- IDs and writes the Markdown.
import { z } from 'zod';
import type { PassImplementation } from '../engine/pass.ts';
import { earsProblem } from './ears-rewrite.ts';
import { callModel, documentsBlock } from './support/model-call.ts';
import { appendToSection, documentHead, siblingLinks } from './support/new-document.ts';
import { renderRequirements, type DraftRequirement } from './support/render-requirements.ts';
import { textOf } from './support/scope.ts';
import { itemOf, mintRequirementIds, outputPath } from './support/work-item.ts';

const Step = z.string().min(3).max(80);

export const SpecifySchema = z.object({
  requirements: z
    .array(
      z.object({
        title: z.string().min(3).max(60),
        statement: z.string().min(10).max(200),
        scenarios: z
          .array(
            z.object({
              name: z.string().min(3).max(50),
              when: z.array(Step).min(1).max(2),
              then: z.array(Step).min(1).max(2),
            }),
          )
          .min(1)
          .max(2),
      }),
    )
    .min(1)
    .max(4),
});

export const specifyPass: PassImplementation = {
  name: 'specify',
  kind: 'model',
  description: "Writes the work item's requirements: EARS statements with WHEN/THEN scenarios.",
  async run(context) {
    const item = itemOf(context);
    const path = outputPath(context, 'requirements.md');
    const existing = textOf(context, path);
    const others = context.inputs.documents.filter((d) => d.path !== path);
    const { value } = await callModel(context, {
      schema: SpecifySchema,
      schemaName: 'specify-requirements',
      values: {
        title: item.title,
        kind: item.kind,
        template: context.inputs.templates['requirements'] ?? '(none)',
        documents: documentsBlock(others),
        existing: existing ?? '(none yet)',
      },
      sources: [...others, ...(existing === null ? [] : [{ path, text: existing }])],
      maxTokens: 4608,
    });
    const ids = mintRequirementIds(context, value.requirements.length);
    const drafts: DraftRequirement[] = value.requirements.map((r, i) => ({
      ...r,
      id: ids[i] as string,
    }));
    const block = renderRequirements(drafts);
    const folder = path.slice(0, path.lastIndexOf('/'));
    const after =
      existing === null
        ? documentHead(context, {
            template: 'requirements',
            heading: 'Requirements',
            idPrefix: 'SPEC',
            type: 'requirements',
            suffix: 'requirements',
            links: siblingLinks(context, folder, ['prd.md']),
          }) +
          '\n' +
          block
        : appendToSection(existing, 'Requirements', block);
    const notEars = drafts.filter((d) => earsProblem(d.statement) !== null).map((d) => d.id);
    return {
      summary: `${drafts.length} requirements for "${item.title}" (${ids.join(', ')})${notEars.length ? `; ${notEars.length} not yet EARS` : ''}`,
      output: { path, requirements: drafts, notEars },
      metrics: {
        requirements: drafts.length,
        notEars: notEars.length,
        requirementsWithoutScenario: drafts.filter((d) => d.scenarios.length === 0).length,
      },
      changes: [
        {
          path,
          before: existing,
          after,
          summary: `${existing === null ? 'Create' : 'Add to'} ${path}: ${drafts.length} requirements (${ids.join(', ')})`,
        },
      ],
    };
  },
};
