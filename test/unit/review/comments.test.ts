// The review comment file format: what Cairn writes reads back the same, resolving keeps the
// file's other content, and a broken file is reported with its path and the line to fix.
import { describe, expect, it } from 'vitest';
import type { ReviewComment } from '../../../workflows/review/comment-schema.ts';
import {
  CommentFileError,
  commentPath,
  newCommentId,
  parseComment,
  serializeComment,
  setResolvedText,
  specSlug,
} from '../../../workflows/review/comments.ts';

const comment: ReviewComment = {
  version: 1,
  id: 'CMT-7KQ2M4XA9B',
  spec: 'specs/offline-review/requirements.md',
  requirement: 'REQ-9F3TXA',
  author: 'Ravi Iyer <ravi@example.org>',
  created: '2025-06-01T10:00:00.000Z',
  commit: 'a'.repeat(40),
  resolved: false,
  text: 'How long are offline comments kept?\n\nA bound would make this testable: "within 30 days".',
};
const file = commentPath(comment);

function errorOf(fn: () => unknown): CommentFileError {
  try {
    fn();
  } catch (error) {
    if (error instanceof CommentFileError) return error;
    throw error;
  }
  throw new Error('expected a CommentFileError');
}

describe('review comment files', () => {
  it('live in a folder per spec, one file per comment', () => {
    expect(file).toBe('.cairn/comments/specs-offline-review-requirements/CMT-7KQ2M4XA9B.yaml');
    expect(specSlug('openspec/specs/auth/spec.md')).toBe('openspec-specs-auth-spec');
  });

  it('round-trip: what is written reads back the same, multi-line text included', () => {
    const text = serializeComment(comment);
    expect(text).toContain('text: |');
    expect(parseComment(text, file)).toEqual(comment);
  });

  it('have random IDs, so two reviewers offline never pick the same file', () => {
    const ids = new Set(Array.from({ length: 2000 }, () => newCommentId()));
    expect(ids.size).toBe(2000);
    for (const id of ids) expect(id).toMatch(/^CMT-[0-9A-HJKMNP-TV-Z]{10}$/);
  });

  it('resolving sets the flag and who resolved it, and keeps fields a newer Cairn added', () => {
    const original = serializeComment(comment) + 'reactions: [thumbs-up]\n';
    const resolved = setResolvedText(original, file, {
      resolved: true,
      by: 'Maya Chen <maya@example.org>',
      at: '2025-06-02T08:00:00.000Z',
    });
    expect(parseComment(resolved, file)).toMatchObject({
      resolved: true,
      resolvedBy: 'Maya Chen <maya@example.org>',
      text: comment.text,
    });
    expect(resolved).toContain('reactions: [ thumbs-up ]');
    expect(resolved).toContain('# A review comment');
    const reopened = setResolvedText(resolved, file, { resolved: false });
    expect(parseComment(reopened, file)).toEqual(comment);
  });

  it('reports a field with a wrong value at its line', () => {
    const bad = serializeComment(comment).replace('resolved: false', 'resolved: maybe');
    const error = errorOf(() => parseComment(bad, file));
    expect(error.file).toBe(file);
    expect(error.line).toBe(bad.split('\n').findIndex((l) => l.startsWith('resolved:')) + 1);
    expect(error.message).toMatch(new RegExp(`^${file.replace(/\./g, '\\.')}:\\d+: 'resolved'`));
  });

  it('reports a missing field, broken YAML, and an ID that does not match the file name', () => {
    const noAuthor = serializeComment(comment).replace(/^author:.*\n/m, '');
    expect(errorOf(() => parseComment(noAuthor, file)).detail).toBe("'author' is missing");
    const broken = serializeComment(comment).replace('requirement: REQ-9F3TXA', 'requirement: [');
    const yamlError = errorOf(() => parseComment(broken, file));
    expect(yamlError.detail).toMatch(/not valid YAML/);
    expect(yamlError.line).toBeGreaterThan(3);
    const renamed = errorOf(() => parseComment(serializeComment(comment), 'x/CMT-0000000000.yaml'));
    expect(renamed.detail).toMatch(/does not match the file name/);
    expect(renamed.line).toBe(4);
  });
});
