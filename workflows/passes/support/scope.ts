import type { PassContext } from '../../engine/pass.ts';
import type { Range, SpecDocument } from '../../specs/model.ts';
import { normalizeSource, splitLines } from '../../specs/source-text.ts';

/**
 * The documents a pass works on: those its `documents:` inputs resolved to (possibly none),
 * or the whole workspace when the pass declares no `documents:` input.
 */
export function documentsInScope(context: PassContext): SpecDocument[] {
  const declared = context.pass.inputs.some((input) => 'documents' in input);
  if (!declared) return context.workspace.documents;
  const paths = new Set(context.inputs.documents.map((d) => d.path));
  return context.workspace.documents.filter((d) => paths.has(d.path));
}

/** The current text of `path`: the workspace file, else a resolved input document. */
export function textOf(context: PassContext, path: string): string | null {
  return (
    context.files.get(path) ?? context.inputs.documents.find((d) => d.path === path)?.text ?? null
  );
}

/** The characters of `text` inside `range` (line/column as findings give them). */
export function textInRange(text: string, range: Range): string {
  const lines = splitLines(normalizeSource(text));
  const { start, end } = range;
  if (start.line === end.line) {
    return (lines[start.line - 1] ?? '').slice(start.column - 1, end.column - 1);
  }
  const middle = lines.slice(start.line, end.line - 1);
  return [
    (lines[start.line - 1] ?? '').slice(start.column - 1),
    ...middle,
    (lines[end.line - 1] ?? '').slice(0, end.column - 1),
  ].join('\n');
}
