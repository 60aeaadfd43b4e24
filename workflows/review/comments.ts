// Review comments on requirements, kept in the repository so they travel with the specs through
// git (the format is documented in resources/review-comments.md). One YAML file per comment,
// `.cairn/comments/<spec-slug>/<CMT-ID>.yaml`, with a random ID: two reviewers commenting
// offline create different files, so their comments never conflict when they sync.
import { isMap, LineCounter, parseDocument, stringify, type Document } from 'yaml';
import { randomId } from '../engine/run-ids.ts';
import type { RandomSource } from '../specs/ids.ts';
import { COMMENTS_DIR, CommentFileSchema, type ReviewComment } from './comment-schema.ts';

export class CommentFileError extends Error {
  override name = 'CommentFileError';
  constructor(
    readonly file: string,
    readonly line: number,
    readonly detail: string,
  ) {
    super(`${file}:${line}: ${detail}`);
  }
}

export function newCommentId(random?: RandomSource): string {
  return randomId('CMT', 10, random);
}

/** The folder of a spec's comments: its path with separators and dots as dashes. */
export function specSlug(spec: string): string {
  const slug = spec
    .replace(/\.(md|markdown)$/i, '')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return (slug || 'spec').slice(0, 120);
}

export function commentPath(comment: Pick<ReviewComment, 'spec' | 'id'>): string {
  return `${COMMENTS_DIR}/${specSlug(comment.spec)}/${comment.id}.yaml`;
}

const HEADER = `# A review comment on a requirement, written by Cairn (resources/review-comments.md).
# One file per comment: commit and sync it to share it with your team.
`;

export function serializeComment(comment: ReviewComment): string {
  const ordered: Record<string, unknown> = {
    version: 1,
    id: comment.id,
    spec: comment.spec,
    requirement: comment.requirement,
    author: comment.author,
    created: comment.created,
    ...(comment.commit ? { commit: comment.commit } : {}),
    resolved: comment.resolved,
    ...(comment.resolvedBy ? { resolvedBy: comment.resolvedBy } : {}),
    ...(comment.resolvedAt ? { resolvedAt: comment.resolvedAt } : {}),
    text: comment.text,
  };
  return HEADER + stringify(ordered, { lineWidth: 0, blockQuote: 'literal' });
}

/**
 * Reads one comment file. `file` is its path in the workspace, for messages; the comment's ID
 * must match the file name. Throws a CommentFileError with the line of the problem.
 */
export function parseComment(text: string, file: string): ReviewComment {
  const { doc, lines } = parseYaml(text, file);
  const parsed = CommentFileSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = (issue?.path ?? []).map(String);
    const node = path.length > 0 ? doc.getIn(path, true) : null;
    const offset = (node as { range?: [number, number] } | null)?.range?.[0];
    const line = offset === undefined ? lineOfKey(doc, lines, path[0]) : lines.linePos(offset).line;
    const field = path.join('.') || '(the file)';
    const missing = issue?.code === 'invalid_type' && node === undefined;
    throw new CommentFileError(
      file,
      line,
      missing ? `'${field}' is missing` : `'${field}' ${issue?.message ?? 'is not valid'}`,
    );
  }
  const expected = file
    .split('/')
    .pop()
    ?.replace(/\.ya?ml$/i, '');
  if (expected && expected !== parsed.data.id) {
    throw new CommentFileError(
      file,
      lineOfKey(doc, lines, 'id'),
      `the id ${parsed.data.id} does not match the file name ${expected}.yaml; rename the file or fix the id`,
    );
  }
  return parsed.data;
}

/** The file's text with `resolved` set, keeping its layout and any keys this version ignores. */
export function setResolvedText(
  text: string,
  file: string,
  resolution: { resolved: true; by: string; at: string } | { resolved: false },
): string {
  const { doc } = parseYaml(text, file);
  doc.set('resolved', resolution.resolved);
  if (resolution.resolved) {
    doc.set('resolvedBy', resolution.by);
    doc.set('resolvedAt', resolution.at);
  } else {
    doc.delete('resolvedBy');
    doc.delete('resolvedAt');
  }
  const out = doc.toString({ lineWidth: 0, blockQuote: 'literal' });
  parseComment(out, file);
  return out;
}

function parseYaml(text: string, file: string): { doc: Document; lines: LineCounter } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { uniqueKeys: true, lineCounter: lines, prettyErrors: true });
  const first = doc.errors[0];
  if (first) {
    throw new CommentFileError(
      file,
      first.linePos?.[0]?.line ?? 1,
      `not valid YAML: ${first.message.split('\n')[0]}`,
    );
  }
  if (!isMap(doc.contents)) {
    throw new CommentFileError(file, 1, 'expected a mapping of fields (version, id, spec, …)');
  }
  return { doc, lines };
}

/** The line of a top-level key, or 1 when it is absent. */
function lineOfKey(doc: Document, lines: LineCounter, key: string | undefined): number {
  if (!key || !isMap(doc.contents)) return 1;
  const pair = doc.contents.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
  const offset = (pair?.key as { range?: [number, number] } | null)?.range?.[0];
  return offset === undefined ? 1 : lines.linePos(offset).line;
}
