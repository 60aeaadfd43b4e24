// `docs-polish`: a light pass of wording fixes to one section (or document). The model names
// a phrase and its replacement; code applies only phrases that occur exactly once.
import { z } from 'zod';
import type { PassContext, PassImplementation } from '../engine/pass.ts';
import { callModel } from './support/model-call.ts';
import { documentsInScope, textOf } from './support/scope.ts';

export const DocsPolishSchema = z.object({
  suggestions: z
    .array(
      z.object({
        find: z.string().min(3).max(120),
        replace: z.string().max(120),
        reason: z.string().min(3).max(120),
      }),
    )
    .max(5),
});

interface Target {
  path: string;
  heading: string | null;
  /** Where the text to polish starts in the file, and the text itself. */
  offset: number;
  text: string;
}

export const docsPolishPass: PassImplementation = {
  name: 'docs-polish',
  kind: 'model',
  description:
    'Suggests up to five wording fixes to a section; each applies only where it is unambiguous.',
  async run(context) {
    const target = targetOf(context);
    if (!target) {
      return {
        summary: 'Nothing to polish',
        output: { applied: [], skipped: [] },
        metrics: { wordingFixes: 0 },
        changes: [],
      };
    }
    const file = textOf(context, target.path) as string;
    const { value } = await callModel(context, {
      schema: DocsPolishSchema,
      schemaName: 'docs-polish',
      values: {
        path: target.path,
        section: target.heading ?? '(whole document)',
        text: target.text,
      },
      sources: [{ path: target.path, text: target.text, section: target.heading }],
      maxTokens: 2048,
    });
    let text = target.text;
    const applied: z.infer<typeof DocsPolishSchema>['suggestions'] = [];
    const skipped: { find: string; reason: string }[] = [];
    for (const s of value.suggestions) {
      const count = text.split(s.find).length - 1;
      if (count !== 1 || s.find === s.replace) {
        skipped.push({
          find: s.find,
          reason: count === 0 ? 'not found' : count > 1 ? 'found more than once' : 'no change',
        });
        continue;
      }
      text = text.replace(s.find, () => s.replace);
      applied.push(s);
    }
    const after =
      file.slice(0, target.offset) + text + file.slice(target.offset + target.text.length);
    const where = `${target.path}${target.heading ? ` § ${target.heading}` : ''}`;
    return {
      summary: `${applied.length} wording fixes for ${where}${skipped.length ? `; ${skipped.length} skipped` : ''}`,
      output: { path: target.path, heading: target.heading, applied, skipped },
      metrics: { wordingFixes: applied.length },
      changes:
        applied.length === 0
          ? []
          : [
              {
                path: target.path,
                before: file,
                after,
                summary: `Polish wording in ${where}: ${applied.map((a) => `"${a.find}" → "${a.replace}"`).join('; ')}`,
              },
            ],
    };
  },
};

/** The first `section:` input found in its file, else the first document in scope. */
function targetOf(context: PassContext): Target | null {
  for (const section of context.inputs.sections) {
    const file = textOf(context, section.path);
    const offset = file?.indexOf(section.text) ?? -1;
    if (file && offset >= 0)
      return { path: section.path, heading: section.heading, offset, text: section.text };
  }
  const document = documentsInScope(context)[0];
  const file = document ? textOf(context, document.path) : null;
  return document && file !== null
    ? { path: document.path, heading: null, offset: 0, text: file }
    : null;
}
