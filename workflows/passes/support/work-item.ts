// Where a pass writes for its work item, and the values templates are filled with.
import type { PassContext, WorkItemRef } from '../../engine/pass.ts';
import { newRequirementId, seededRandom } from '../../specs/ids.ts';

export function itemOf(context: PassContext): WorkItemRef {
  if (!context.item) {
    throw new Error(
      `Pass "${context.pass.id}" (${context.pass.uses}) needs a work item; run it with --item`,
    );
  }
  return context.item;
}

/** The pass's `output:` (the engine has filled in `{item}`), else `<item folder>/<file>`. */
export function outputPath(context: PassContext, file: string): string {
  if (context.pass.output) return context.pass.output;
  const item = itemOf(context);
  if (item.folder === null) {
    throw new Error(
      `Pass "${context.pass.id}" writes ${file} but work item ${item.id} has no folder; give the pass an output path`,
    );
  }
  return `${item.folder}/${file}`;
}

export function slugOf(item: WorkItemRef): string {
  const folder = item.folder?.split('/').filter(Boolean).pop();
  if (folder) return folder;
  return slugify(item.title) || item.id.toLowerCase();
}

/** Lower-case letters, digits and dashes: `Offline review!` → `offline-review`. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);
}

export function existingRequirementIds(context: PassContext): Set<string> {
  return new Set(context.workspace.documents.flatMap((d) => d.requirements.map((r) => r.id)));
}

/**
 * New requirement IDs that collide neither with the workspace nor with each other. Seeded by
 * the run, so re-rendering a result (after answers, say) gives the same IDs.
 */
export function mintRequirementIds(context: PassContext, count: number): string[] {
  const taken = existingRequirementIds(context);
  const random = seededRandom(`${context.run.id}:${context.pass.id}`);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = newRequirementId(taken, { random });
    taken.add(id);
    ids.push(id);
  }
  return ids;
}

/** What `{{title}}`, `{{slug}}`, `{{owner}}`, `{{id}}` mean in a document template. */
export function templateValues(context: PassContext): Record<string, string> {
  return itemTemplateValues(itemOf(context));
}

export function itemTemplateValues(item: WorkItemRef): Record<string, string> {
  return { title: item.title, slug: slugOf(item), owner: '', id: item.id };
}
