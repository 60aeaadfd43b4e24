// `bug-behaviour`: a Kiro-style bugfix document: what happens now, what should happen, and
// what must not change. Numbering (1.x, 2.x, 3.x) and layout are code's.
import { z } from 'zod';
import type { PassImplementation } from '../engine/pass.ts';
import { callModel, documentsBlock } from './support/model-call.ts';
import { documentHead } from './support/new-document.ts';
import { oneLine } from './support/render-requirements.ts';
import { textOf } from './support/scope.ts';
import { itemOf, outputPath } from './support/work-item.ts';

const Behaviours = z.array(z.string().min(10).max(160)).min(1).max(4);

export const BugBehaviourSchema = z.object({
  current: Behaviours,
  expected: Behaviours,
  unchanged: Behaviours,
});
type BugBehaviour = z.infer<typeof BugBehaviourSchema>;

const SECTIONS: [keyof BugBehaviour, string][] = [
  ['current', 'Current behaviour'],
  ['expected', 'Expected behaviour'],
  ['unchanged', 'Unchanged behaviour'],
];

export const bugBehaviourPass: PassImplementation = {
  name: 'bug-behaviour',
  kind: 'model',
  description: 'Writes bugfix.md: current, expected and unchanged behaviour.',
  async run(context) {
    const item = itemOf(context);
    const path = outputPath(context, 'bugfix.md');
    const before = textOf(context, path);
    const sources = context.inputs.documents.filter((d) => d.path !== path);
    const { value } = await callModel(context, {
      schema: BugBehaviourSchema,
      schemaName: 'bug-behaviour',
      values: {
        title: item.title,
        documents: documentsBlock(sources),
        existing: before ?? '(none yet)',
      },
      sources,
      maxTokens: 2048,
    });
    const head = documentHead(context, {
      heading: 'Current behaviour',
      idPrefix: 'BUGFIX',
      type: 'requirements',
      suffix: 'bugfix',
      links: [],
    });
    const after = head + '\n' + renderBehaviour(value);
    return {
      summary: `${value.current.length} current, ${value.expected.length} expected, ${value.unchanged.length} unchanged behaviours for "${item.title}"`,
      output: { path, behaviour: value },
      metrics: {
        expectedBehaviours: value.expected.length,
        unchangedBehaviours: value.unchanged.length,
      },
      changes: [
        {
          path,
          before,
          after,
          summary: `${before === null ? 'Create' : 'Rewrite'} ${path}: current, expected and unchanged behaviour`,
        },
      ],
    };
  },
};

function renderBehaviour(behaviour: BugBehaviour): string {
  const lines: string[] = [];
  SECTIONS.forEach(([key, title], s) => {
    if (s > 0) lines.push(`## ${title}`, '');
    behaviour[key].forEach((text, i) => lines.push(`- **${s + 1}.${i + 1}** ${oneLine(text)}`));
    lines.push('');
  });
  return lines.join('\n');
}
