// `draft-sections`: drafts the sections of a document (a PRD) that still hold the template's
// example text, or nothing — all of them, or only those its `section:` inputs name. The model
// writes section bodies; headings and layout stay code's.
import { z } from 'zod';
import type { PassContext, PassImplementation } from '../engine/pass.ts';
import { renderPrompt } from './render-prompt.ts';
import { proposedText } from './support/earlier-output.ts';
import {
  findSection,
  fromLines,
  lineSections,
  replaceSectionBody,
  sectionBody,
  toLines,
} from './support/markdown-lines.ts';
import { callModel, documentsBlock } from './support/model-call.ts';
import { textOf } from './support/scope.ts';
import { itemOf, outputPath, templateValues } from './support/work-item.ts';

export const MAX_SECTION_CHARS = 400;

export function draftSchema(headings: readonly [string, ...string[]]) {
  return z.object({
    sections: z
      .array(
        z.object({
          heading: z.enum(headings),
          body: z.string().min(1).max(MAX_SECTION_CHARS),
        }),
      )
      .max(headings.length),
  });
}

export const draftSectionsPass: PassImplementation = {
  name: 'draft-sections',
  kind: 'model',
  description: 'Drafts the sections of a document that still hold template text.',
  async run(context) {
    const path = outputPath(context, 'prd.md');
    const onDisk = textOf(context, path);
    const current = onDisk ?? proposedText(context, path);
    if (current === null) {
      throw new Error(
        `Pass "${context.pass.id}" drafts ${path}, which does not exist yet; run the template pass first`,
      );
    }
    const template = Object.values(context.inputs.templates)[0] ?? null;
    const doc = toLines(current);
    const chosen = chosenHeadings(context, path);
    const placeholders = draftableSections(current, template, templateValues(context)).filter(
      (s) => chosen === null || chosen.has(headingKey(s.title)),
    );
    const [first, ...rest] = placeholders;
    if (!first) {
      return {
        summary: chosen
          ? `The chosen sections of ${path} are written already; nothing to draft`
          : `Every section of ${path} is written; nothing to draft`,
        output: { path, drafted: [] },
        metrics: { draftedSections: 0 },
        changes: [],
      };
    }
    const headings: [string, ...string[]] = [first.title, ...rest.map((s) => s.title)];
    const { value } = await callModel(context, {
      schema: draftSchema(headings),
      schemaName: 'draft-sections',
      values: {
        title: itemOf(context).title,
        path,
        document: current,
        sections: placeholders.map((s) => `- ${s.title}: ${s.hint || '(empty)'}`).join('\n'),
        context: documentsBlock(context.inputs.documents.filter((d) => d.path !== path)),
      },
      sources: [
        { path, text: current },
        ...context.inputs.documents.filter((d) => d.path !== path),
      ],
      maxTokens: 3072,
    });
    const drafted: string[] = [];
    for (const { heading, body } of value.sections) {
      const section = findSection(doc.lines, heading);
      const clean = cleanBody(body);
      if (!section || clean === '' || drafted.includes(heading)) continue;
      replaceSectionBody(doc.lines, section, clean);
      drafted.push(heading);
    }
    const after = fromLines(doc);
    return {
      summary: `Drafted ${drafted.length} of ${placeholders.length} sections of ${path}`,
      output: { path, drafted, text: after },
      metrics: { draftedSections: drafted.length },
      changes:
        drafted.length === 0
          ? []
          : [{ path, before: onDisk, after, summary: `Draft ${drafted.join(', ')} in ${path}` }],
    };
  },
};

export interface DraftableSection {
  title: string;
  /** The template's example text, shown to the model as what the section is for. */
  hint: string;
}

const headingKey = (title: string) => title.trim().toLowerCase();

/** The headings the pass's `section:` inputs name in `path`; null when it names none. */
function chosenHeadings(context: PassContext, path: string): Set<string> | null {
  const declared = context.pass.inputs.some((input) => 'section' in input);
  if (!declared) return null;
  return new Set(
    context.inputs.sections.filter((s) => s.path === path).map((s) => headingKey(s.heading)),
  );
}

/** Sections that are empty or still read exactly as the template (filled with `values`) wrote them. */
export function draftableSections(
  text: string,
  template: string | null,
  values: Record<string, string>,
): DraftableSection[] {
  const { lines } = toLines(text);
  const filled = template
    ? toLines(renderPrompt(template, values, 'template', { keepMissing: true })).lines
    : [];
  const found: DraftableSection[] = [];
  const sections = lineSections(lines);
  for (const section of sections) {
    const parent = sections.some((s) => s.heading > section.heading && s.heading < section.end);
    if (section.depth < 2 || parent) continue;
    const body = sectionBody(lines, section);
    const inTemplate = findSection(filled, section.title, section.depth);
    const hint = inTemplate ? sectionBody(filled, inTemplate) : '';
    if (body === '' || (inTemplate && normalize(body) === normalize(hint))) {
      found.push({ title: section.title, hint });
    }
  }
  return found;
}

const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The model's body as section text: no headings (the layout is code's), no stray fences. */
function cleanBody(body: string): string {
  return body
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .filter((line) => !/^\s*#{1,6}\s/.test(line) && line.trim() !== '---')
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
