// `tasks`: a Spec Kit style task list (`- [ ] T001 [P] description (REQ-…)`). Code numbers
// the tasks and writes the citations; a task that cites no existing requirement is dropped.
import { z } from 'zod';
import type { PassImplementation } from '../engine/pass.ts';
import { REQUIREMENT_ID_LIKE } from '../specs/ids.ts';
import { callModel, documentsBlock } from './support/model-call.ts';
import { appendToSection, documentHead, siblingLinks } from './support/new-document.ts';
import { oneLine } from './support/render-requirements.ts';
import { textOf } from './support/scope.ts';
import { splitCitations, traceableList, traceables } from './support/traceable.ts';
import { itemOf, outputPath } from './support/work-item.ts';

export const TasksSchema = z.object({
  tasks: z
    .array(
      z.object({
        description: z.string().min(5).max(140),
        parallel: z.boolean(),
        requirements: z.array(z.string().min(1).max(24)).min(1).max(3),
      }),
    )
    .min(1)
    .max(12),
});

export const tasksPass: PassImplementation = {
  name: 'tasks',
  kind: 'model',
  description: 'Breaks the spec into numbered tasks, each citing the requirements it serves.',
  async run(context) {
    const item = itemOf(context);
    const path = outputPath(context, 'tasks.md');
    const known = traceables(context);
    const sources = context.inputs.documents.filter((d) => d.path !== path);
    const { value } = await callModel(context, {
      schema: TasksSchema,
      schemaName: 'tasks',
      values: {
        title: item.title,
        requirements: traceableList(known),
        documents: documentsBlock(sources),
      },
      sources,
      maxTokens: 3584,
    });
    const ids = new Set(known.map((k) => k.id));
    const before = textOf(context, path);
    let next = nextTaskNumber(before ?? '');
    const kept: { id: string; description: string; parallel: boolean; requirements: string[] }[] =
      [];
    const dropped: { description: string; cited: string[] }[] = [];
    const invented = new Set<string>();
    for (const task of value.tasks) {
      const { kept: cited, invented: unknown } = splitCitations(task.requirements, ids);
      unknown.forEach((id) => invented.add(id));
      const description = cleanDescription(task.description);
      if (cited.length === 0 || description === '') {
        dropped.push({ description, cited: task.requirements });
        continue;
      }
      kept.push({
        id: `T${String(next++).padStart(3, '0')}`,
        description,
        parallel: task.parallel,
        requirements: cited,
      });
    }
    const block = kept
      .map(
        (t) =>
          `- [ ] ${t.id}${t.parallel ? ' [P]' : ''} ${t.description} (${t.requirements.join(', ')})`,
      )
      .join('\n');
    const folder = path.slice(0, path.lastIndexOf('/'));
    const after =
      kept.length === 0
        ? before
        : before === null
          ? documentHead(context, {
              heading: 'Tasks',
              idPrefix: 'TASKS',
              type: 'tasks',
              suffix: 'tasks',
              links: siblingLinks(context, folder, ['requirements.md', 'plan.md', 'design.md']),
            }) + `\n${block}\n`
          : appendToSection(before, 'Tasks', block);
    const cited = new Set(kept.flatMap((t) => t.requirements));
    const uncovered = [...ids].filter((id) => !cited.has(id));
    return {
      summary: `${kept.length} tasks${dropped.length ? `, ${dropped.length} dropped for citing no existing requirement` : ''}; ${uncovered.length} requirements without a task`,
      output: { path, tasks: kept, dropped, invented: [...invented], uncovered },
      metrics: {
        tasks: kept.length,
        droppedTasks: dropped.length,
        inventedIds: invented.size,
        uncoveredRequirements: uncovered.length,
      },
      changes:
        after === null || after === before
          ? []
          : [
              {
                path,
                before,
                after,
                summary: `${before === null ? 'Create' : 'Add to'} ${path}: ${kept.length} tasks (${kept[0]?.id}–${kept[kept.length - 1]?.id})`,
              },
            ],
    };
  },
};

/** One past the highest `T###` already in the file, so appended tasks do not reuse a number. */
function nextTaskNumber(text: string): number {
  const numbers = [...text.matchAll(/\bT(\d{3,})\b/g)].map((m) => Number(m[1]));
  return numbers.length === 0 ? 1 : Math.max(...numbers) + 1;
}

/** The model's description without checkbox, task ID or citations: code writes those. */
function cleanDescription(text: string): string {
  return oneLine(text)
    .replace(/^(?:[-*]\s*)?(?:\[[ xX]\]\s*)?(?:T\d+\s*)?(?:\[P\]\s*)?/, '')
    .replace(new RegExp(`\\(?${REQUIREMENT_ID_LIKE.source}\\)?`, 'g'), '')
    .replace(/\(\s*[,\s]*\)/g, '')
    .replace(/\s+([,.;])/g, '$1')
    .replace(/\s{2,}/g, ' ')
    .trim();
}
