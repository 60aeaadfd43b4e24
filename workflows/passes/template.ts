// `template`: creates the work item's document from a template (prd, requirements, design,
// tasks), unless the file is already there.
import type { PassContext, PassImplementation } from '../engine/pass.ts';
import { renderPrompt } from './render-prompt.ts';
import { mintRequirementIds, outputPath, templateValues } from './support/work-item.ts';

export const templatePass: PassImplementation = {
  name: 'template',
  kind: 'deterministic',
  description: "Creates a document from a template, filled with the work item's title and slug.",
  async run(context) {
    const [entry, ...others] = Object.entries(context.inputs.templates);
    if (!entry || others.length > 0) {
      throw new Error(
        `Pass "${context.pass.id}" (template) needs exactly one \`template:\` input; it has ${entry ? others.length + 1 : 0}`,
      );
    }
    const [name, template] = entry;
    const path = outputPath(context, `${name}.md`);
    if (context.files.has(path) || context.workspace.paths.includes(path)) {
      return {
        summary: `${path} already exists; nothing to create`,
        output: { path, created: false, text: context.files.get(path) ?? null },
        metrics: { created: 0 },
        changes: [],
      };
    }
    const text = renderPrompt(
      template,
      { ...templateValues(context), 'requirement-id': requirementIdFor(context) },
      `template "${name}"`,
    );
    return {
      summary: `Create ${path} from the ${name} template`,
      output: { path, created: true, text },
      metrics: { created: 1 },
      changes: [
        { path, before: null, after: text, summary: `Create ${path} from the ${name} template` },
      ],
    };
  },
};

/** A requirement the template can cite: the item's first, else a new one. */
function requirementIdFor(context: PassContext): string {
  const folder = context.item?.folder;
  const existing = folder
    ? context.workspace.documents
        .filter((d) => d.path.startsWith(folder + '/'))
        .flatMap((d) => d.requirements)[0]?.id
    : undefined;
  return existing ?? (mintRequirementIds(context, 1)[0] as string);
}
