// The head of a document a pass creates: the template's frontmatter and text up to a heading
// (filled with the work item's values), else a minimal Cairn frontmatter block.
import type { PassContext } from '../../engine/pass.ts';
import { renderPrompt } from '../render-prompt.ts';
import { findSection, fromLines, lineSections, toLines } from './markdown-lines.ts';
import { itemOf, slugOf, templateValues } from './work-item.ts';

export interface HeadOptions {
  /** Template input name (`requirements`, `tasks`) whose head to use when the pass has it. */
  template?: string;
  /** The `##` heading the generated content goes under. */
  heading: string;
  idPrefix: string;
  /** Cairn document type (prd | requirements | design | tasks). */
  type: string;
  /** What follows the title: `requirements` → "Offline review — requirements". */
  suffix: string;
  links: string[];
}

export function documentHead(context: PassContext, options: HeadOptions): string {
  const template = options.template ? context.inputs.templates[options.template] : undefined;
  if (template) {
    const filled = renderPrompt(
      template,
      templateValues(context),
      `template "${options.template}"`,
      {
        keepMissing: true,
      },
    );
    const { lines } = toLines(filled);
    // The template's frontmatter, title and introduction: everything before its first `##`.
    const first = lineSections(lines).find((s) => s.depth === 2);
    if (first) return [...lines.slice(0, first.heading), `## ${options.heading}`, ''].join('\n');
  }
  const item = itemOf(context);
  const title = `${item.title} — ${options.suffix}`;
  return [
    '---',
    `id: ${options.idPrefix}-${slugOf(item)}`,
    `title: ${yamlString(title)}`,
    `type: ${options.type}`,
    'status: draft',
    ...(options.links.length > 0 ? ['links:', ...options.links.map((l) => `  - ${l}`)] : []),
    '---',
    '',
    `# ${title}`,
    '',
    `## ${options.heading}`,
    '',
  ].join('\n');
}

/** A YAML scalar that stays a string whatever the title holds (`:`, `#`, quotes). */
function yamlString(text: string): string {
  return /^[\p{L}\p{N}][^:#"'\n]*$/u.test(text) ? text : JSON.stringify(text);
}

/** Links to the item's sibling documents that exist, for a new document's frontmatter. */
export function siblingLinks(context: PassContext, folder: string, names: string[]): string[] {
  return names.filter((name) => context.files.has(`${folder}/${name}`));
}

/** Appends `block` at the end of the `## heading` section (or the file), a blank line before. */
export function appendToSection(text: string, heading: string, block: string): string {
  const doc = toLines(text);
  const { lines } = doc;
  const end = findSection(lines, heading, 2)?.end ?? lines.length;
  let at = end;
  while (at > 0 && (lines[at - 1] ?? '').trim() === '') at--;
  const insert = ['', ...block.replace(/\n+$/, '').split('\n'), ''];
  lines.splice(at, end - at, ...insert);
  return fromLines(doc);
}
