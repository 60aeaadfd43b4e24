// Review comments on disk: the `.cairn/comments/` folder of the workspace (format and merge
// behaviour in workflows/review/comments.ts). Every file is validated on read; a broken one is
// reported with its path and line and the others still show. Writes are atomic.
import fs from 'node:fs';
import path from 'node:path';
import { COMMENTS_DIR, type ReviewComment } from '../../../workflows/review/comment-schema.ts';
import {
  CommentFileError,
  commentPath,
  newCommentId,
  parseComment,
  serializeComment,
  setResolvedText,
} from '../../../workflows/review/comments.ts';
import { CairnFailure } from '../../ipc/failure.ts';
import { writeFileAtomic } from '../files/atomic-write.ts';

export interface StoredComment extends ReviewComment {
  /** The file, relative to the workspace. */
  file: string;
}

export interface CommentProblem {
  file: string;
  line: number;
  message: string;
}

export interface CommentListing {
  comments: StoredComment[];
  problems: CommentProblem[];
}

/** Paths of every comment file (relative to the workspace), sorted. */
export function commentFiles(root: string): string[] {
  const base = path.join(root, COMMENTS_DIR);
  const out: string[] = [];
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(path.join(base, dir), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const rel = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(rel);
      else if (entry.isFile() && /\.ya?ml$/i.test(entry.name) && !entry.name.startsWith('.'))
        out.push(`${COMMENTS_DIR}/${rel}`);
    }
  };
  walk('');
  return out.sort();
}

export function listComments(root: string): CommentListing {
  const comments: StoredComment[] = [];
  const problems: CommentProblem[] = [];
  for (const file of commentFiles(root)) {
    try {
      const text = fs.readFileSync(path.join(root, file), 'utf8');
      comments.push({ ...parseComment(text, file), file });
    } catch (error) {
      if (error instanceof CommentFileError)
        problems.push({ file, line: error.line, message: error.detail });
      else problems.push({ file, line: 1, message: `cannot read it: ${(error as Error).message}` });
    }
  }
  comments.sort((a, b) => a.created.localeCompare(b.created) || a.id.localeCompare(b.id));
  return { comments, problems };
}

export interface NewComment {
  spec: string;
  requirement: string;
  text: string;
  author: string;
  commit?: string;
}

export function addComment(root: string, input: NewComment, now = new Date()): StoredComment {
  const taken = new Set(commentFiles(root).map((f) => path.basename(f).replace(/\.ya?ml$/i, '')));
  let id = newCommentId();
  while (taken.has(id)) id = newCommentId();
  const comment: ReviewComment = {
    version: 1,
    id,
    spec: input.spec,
    requirement: input.requirement,
    author: input.author,
    created: now.toISOString(),
    ...(input.commit ? { commit: input.commit } : {}),
    resolved: false,
    text: input.text.trim(),
  };
  const file = commentPath(comment);
  writeFileAtomic(path.join(root, file), serializeComment(comment));
  return { ...comment, file };
}

export function setResolved(
  root: string,
  id: string,
  resolved: boolean,
  by: string,
  now = new Date(),
): StoredComment {
  const file = commentFiles(root).find((f) => path.basename(f).replace(/\.ya?ml$/i, '') === id);
  if (!file) {
    throw new CairnFailure(
      'not_found',
      `No comment ${id} under ${COMMENTS_DIR}/ in ${root}; it may have been removed by a sync. Reload the comments.`,
    );
  }
  const full = path.join(root, file);
  let text: string;
  try {
    text = setResolvedText(
      fs.readFileSync(full, 'utf8'),
      file,
      resolved ? { resolved, by, at: now.toISOString() } : { resolved },
    );
  } catch (error) {
    if (error instanceof CommentFileError)
      throw new CairnFailure('corrupt', `${error.message}. Fix the file, then try again.`);
    throw error;
  }
  writeFileAtomic(full, text);
  return { ...parseComment(text, file), file };
}
