// Turns a pass's declared inputs into text: documents by glob, sections by heading, earlier
// outputs by pass ID, templates by name. `{item}` in a glob or output path is the work item's
// folder. A declared input that matches nothing is an error, not an empty prompt.
import picomatch from 'picomatch';
import type { Workspace } from '../specs/model.ts';
import type { PassDefinition } from './definition.ts';
import type { ResolvedInputs, WorkItemRef } from './pass.ts';

export class MissingInputError extends Error {
  override name = 'MissingInputError';
}

/** The item's spec folder; an item without one gets `specs/<id in lower case>`. */
export function itemFolder(item: WorkItemRef | null): string {
  if (!item) return 'specs';
  return item.folder ?? `specs/${item.id.toLowerCase()}`;
}

/** `{item}` in an output path: the item's folder (`specs` for a run without an item). */
export function substituteItem(pattern: string, item: WorkItemRef | null): string {
  return pattern.replaceAll('{item}', itemFolder(item));
}

/** `{item}` in an input glob: the item's folder, or the whole workspace for a run without one. */
export function substituteItemGlob(pattern: string, item: WorkItemRef | null): string {
  return pattern.replaceAll('{item}', item ? itemFolder(item) : '**');
}

export interface InputSources {
  workspace: Workspace;
  files: ReadonlyMap<string, string>;
  item: WorkItemRef | null;
  /** Outputs of the passes that already ran in this run, by pass ID. */
  outputs: ReadonlyMap<string, unknown>;
  templates: Readonly<Record<string, string>>;
}

export function resolveInputs(pass: PassDefinition, sources: InputSources): ResolvedInputs {
  const resolved: ResolvedInputs = { documents: [], sections: [], outputs: {}, templates: {} };
  const seen = new Set<string>();
  for (const input of pass.inputs) {
    if ('documents' in input) {
      const paths = matchDocuments(input.documents, sources);
      if (paths.length === 0 && !input.optional) {
        throw new MissingInputError(
          `pass '${pass.id}': no spec documents match ${describeGlob(input.documents, sources.item)} (mark the input "optional: true" if the pass creates them)`,
        );
      }
      for (const path of paths) {
        if (seen.has(path)) continue;
        seen.add(path);
        resolved.documents.push({ path, text: sources.files.get(path) ?? '' });
      }
    } else if ('section' in input) {
      const found = findSections(input.section.documents, input.section.heading, sources);
      if (found.length === 0) {
        throw new MissingInputError(
          `pass '${pass.id}': no section '${input.section.heading}' in ${describeGlob(input.section.documents, sources.item)}`,
        );
      }
      resolved.sections.push(...found);
    } else if ('pass' in input) {
      if (!sources.outputs.has(input.pass)) {
        throw new MissingInputError(
          `pass '${pass.id}' reads the output of '${input.pass}', which has not run`,
        );
      }
      resolved.outputs[input.pass] = sources.outputs.get(input.pass);
    } else {
      const text = sources.templates[input.template];
      if (text === undefined) {
        throw new MissingInputError(`pass '${pass.id}': no '${input.template}' template`);
      }
      resolved.templates[input.template] = text;
    }
  }
  resolved.documents.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return resolved;
}

function globs(glob: string | string[], item: WorkItemRef | null): string[] {
  return (Array.isArray(glob) ? glob : [glob]).map((g) => substituteItemGlob(g, item));
}

function describeGlob(glob: string | string[], item: WorkItemRef | null): string {
  return globs(glob, item)
    .map((g) => `'${g}'`)
    .join(', ');
}

/** Paths of the spec documents an input's glob names, `{item}` substituted. */
export function matchDocuments(
  glob: string | string[],
  sources: Pick<InputSources, 'workspace' | 'item'>,
): string[] {
  const isMatch = picomatch(globs(glob, sources.item), { dot: true, windows: false });
  return sources.workspace.documents.map((d) => d.path).filter((p) => isMatch(p));
}

function findSections(
  glob: string | string[],
  heading: string,
  sources: InputSources,
): ResolvedInputs['sections'] {
  const wanted = heading.trim().toLowerCase();
  const paths = new Set(matchDocuments(glob, sources));
  const found: ResolvedInputs['sections'] = [];
  for (const doc of sources.workspace.documents) {
    if (!paths.has(doc.path)) continue;
    const lines = (sources.files.get(doc.path) ?? '').split('\n');
    for (const section of doc.sections) {
      if (section.title.trim().toLowerCase() !== wanted) continue;
      const { start, end } = section.extent;
      const text = lines
        .slice(start.line - 1, end.column === 1 ? end.line - 1 : end.line)
        .join('\n');
      found.push({ path: doc.path, heading: section.title, text: text.trimEnd() });
    }
  }
  return found;
}
