// Contract channels for git sync (issue 5): status, commit, branches, remote and token,
// fetch / pull / push / sync, and merge conflicts. Loaded by the renderer too: zod only.
import { z } from 'zod';
import { call } from './channel-kinds.ts';

const Empty = z.object({}).strict();
const Oid = z.string().regex(/^[0-9a-f]{40}$/);
const RelPath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => !p.startsWith('/') && !/^[a-zA-Z]:/.test(p) && !p.split(/[\\/]/).includes('..'), {
    message: 'must be a relative path inside the repository (no "..", no leading "/")',
  });
/** git's rules for ref names (git check-ref-format), for one branch name. */
export function isValidBranchName(name: string): boolean {
  if (name.startsWith('-') || name.startsWith('/') || name.endsWith('/') || name.endsWith('.'))
    return false;
  if (name.endsWith('.lock') || name.includes('..') || name.includes('//') || name.includes('@{'))
    return false;
  if (name === '@' || name.split('/').some((part) => part.startsWith('.'))) return false;
  return [...name].every(
    (ch) => ch.charCodeAt(0) > 0x20 && ch !== '\u007f' && !'~^:?*[\\'.includes(ch),
  );
}
const BranchName = z
  .string()
  .min(1)
  .max(200)
  .refine(isValidBranchName, { message: 'is not a valid branch name' });
/** A token is write-only: it goes in through these schemas and never comes back out. */
const Token = z.string().min(1).max(4096);

export const FileChangeSchema = z.object({
  path: z.string(),
  state: z.enum(['added', 'modified', 'deleted', 'untracked']),
  staged: z.boolean(),
});

export const ConflictSummarySchema = z.object({
  path: z.string(),
  kind: z.enum(['content', 'binary', 'modify-delete', 'file-directory']),
  resolved: z.boolean(),
  resolution: z.enum(['ours', 'theirs', 'both', 'file', 'text']).nullable(),
});

export const RepoStatusSchema = z.object({
  root: z.string(),
  isRepository: z.boolean(),
  /** Set when the folder is not a repository: Cairn can initialise one (repo.init). */
  canInitialize: z.boolean(),
  repositoryRoot: z.string().nullable(),
  branch: z.string().nullable(),
  detached: z.boolean(),
  head: Oid.nullable(),
  shallow: z.boolean(),
  remote: z
    .object({
      name: z.string(),
      url: z.string(),
      hasToken: z.boolean(),
    })
    .nullable(),
  upstream: z
    .object({ ref: z.string(), ahead: z.number().int(), behind: z.number().int() })
    .nullable(),
  changes: z.array(FileChangeSchema),
  merge: z
    .object({
      theirs: Oid,
      theirsLabel: z.string(),
      startedByCairn: z.boolean(),
      conflicts: z.array(ConflictSummarySchema),
    })
    .nullable(),
  tokenStorage: z.object({ kind: z.enum(['keychain', 'file']), warning: z.string().nullable() }),
  elapsedMs: z.number(),
});
export type RepoStatus = z.infer<typeof RepoStatusSchema>;

export const PullResultSchema = z.object({
  outcome: z.enum([
    'up-to-date',
    'fast-forward',
    'merged',
    'conflicts',
    'ahead',
    'no-remote-branch',
  ]),
  head: Oid.nullable(),
  conflicts: z.array(ConflictSummarySchema),
  /** Files merged cleanly by a merge driver (both sides had changed them). */
  merged: z.array(z.string()),
});
export type PullResult = z.infer<typeof PullResultSchema>;

export const SyncResultSchema = z.object({
  outcome: z.enum(['synced', 'offline', 'conflicts', 'up-to-date']),
  pull: PullResultSchema.nullable(),
  pushed: z.boolean(),
  ahead: z.number().int(),
  behind: z.number().int(),
  message: z.string(),
});
export type SyncResult = z.infer<typeof SyncResultSchema>;

export const BranchListSchema = z.object({
  current: z.string().nullable(),
  local: z.array(z.object({ name: z.string(), head: Oid, upstream: z.string().nullable() })),
  remote: z.array(z.object({ name: z.string(), head: Oid })),
});

export const ConflictDetailSchema = ConflictSummarySchema.extend({
  /** Texts of each side (null when absent, binary or too large to show). */
  base: z.string().nullable(),
  ours: z.string().nullable(),
  theirs: z.string().nullable(),
  /** What is in the working tree now (marker text until resolved). */
  current: z.string().nullable(),
  binary: z.boolean(),
});

export const repoChannels = {
  /** Where the workspace stands in git; fast (shared cache), safe to poll. */
  'repo.status': call(Empty, RepoStatusSchema),
  /** Makes the workspace folder a git repository (branch main). */
  'repo.init': call(Empty, RepoStatusSchema),
  'repo.setIdentity': call(
    z.object({ name: z.string().min(1).max(200), email: z.email().max(320) }).strict(),
    z.object({ name: z.string(), email: z.string() }),
  ),
  /** Sets the remote (origin) and, optionally, stores its token in secure storage. */
  'repo.setRemote': call(
    z
      .object({
        url: z.string().min(1).max(4096),
        token: Token.optional(),
        username: z.string().min(1).max(200).optional(),
      })
      .strict(),
    z.object({ name: z.string(), url: z.string(), hasToken: z.boolean() }),
  ),
  /** Replaces or removes (token: null) the stored token of the remote; the token is never returned. */
  'repo.setToken': call(
    z.object({ token: Token.nullable(), username: z.string().min(1).max(200).optional() }).strict(),
    z.object({ hasToken: z.boolean() }),
  ),
  /** Clones into a new (or empty) folder and opens it as the workspace. */
  'repo.clone': call(
    z
      .object({
        url: z.string().min(1).max(4096),
        into: z.string().min(1).max(4096),
        token: Token.optional(),
        username: z.string().min(1).max(200).optional(),
        branch: BranchName.optional(),
      })
      .strict(),
    z.object({ root: z.string(), branch: z.string().nullable(), head: Oid.nullable() }),
  ),
  /** Commits every change (or the listed paths) with the user's identity. */
  'repo.commit': call(
    z
      .object({
        message: z.string().min(1).max(100_000),
        paths: z.array(RelPath).max(10_000).optional(),
      })
      .strict(),
    z.object({ oid: Oid, files: z.number().int(), mergeCommit: z.boolean() }),
  ),
  'repo.branches': call(Empty, BranchListSchema),
  'repo.createBranch': call(
    z.object({ name: BranchName, switchTo: z.boolean().optional() }).strict(),
    z.object({ name: z.string(), head: Oid }),
  ),
  'repo.switchBranch': call(
    z.object({ name: BranchName }).strict(),
    z.object({ branch: z.string(), head: Oid }),
  ),
  'repo.fetch': call(Empty, z.object({ remote: z.string(), updated: z.array(z.string()) })),
  'repo.pull': call(Empty, PullResultSchema),
  'repo.push': call(Empty, z.object({ pushed: z.boolean(), branch: z.string(), head: Oid })),
  /** Pull then push; offline, commits stay local and the reply says so (outcome 'offline'). */
  'repo.sync': call(Empty, SyncResultSchema),
  'repo.conflicts': call(Empty, z.object({ conflicts: z.array(ConflictDetailSchema) })),
  /**
   * Resolves one conflicted file: keep ours, theirs, both (ours then theirs in each conflict
   * block), the file as edited in the folder, or the given text.
   */
  'repo.resolveConflict': call(
    z
      .object({
        path: RelPath,
        take: z.enum(['ours', 'theirs', 'both', 'file', 'text']),
        text: z
          .string()
          .max(50 * 1024 * 1024)
          .optional(),
      })
      .strict()
      .refine((v) => (v.take === 'text') === (v.text !== undefined), {
        message: "give 'text' exactly when take is 'text'",
      }),
    z.object({ path: z.string(), remaining: z.number().int() }),
  ),
  /** Abandons the merge in progress: the branch and files return to our last commit. */
  'repo.abortMerge': call(Empty, z.object({ head: Oid })),
} as const;
