// Contract channels for review (issue 8, "a reviewer on a flight"): the versions to compare, the
// semantic diff by requirement between two of them, review comments kept in the repository
// (.cairn/comments/, resources/review-comments.md) and shared through git, and what waits for
// the network or for consent. Loaded by the renderer too: zod and workflows/ only.
import { z } from 'zod';
import { call } from './channel-kinds.ts';
import { CommentFileSchema } from '../../../workflows/review/comment-schema.ts';

const Empty = z.object({}).strict();
const Oid = z.string().regex(/^[0-9a-f]{40}$/);

/** A version of the workspace: a git ref (branch, tag, commit) or the files as they are now. */
export const VersionSpecSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('working-tree') }).strict(),
  z.object({ kind: z.literal('ref'), ref: z.string().min(1).max(300) }).strict(),
]);
export type VersionSpec = z.infer<typeof VersionSpecSchema>;

export const VersionsSchema = z.object({
  branch: z.string().nullable(),
  head: Oid.nullable(),
  branches: z.array(z.object({ name: z.string(), oid: Oid })),
  tags: z.array(z.object({ name: z.string(), oid: Oid })),
  commits: z.array(
    z.object({ oid: Oid, summary: z.string(), author: z.string(), time: z.number() }),
  ),
  /** Files changed in the working tree since the last commit. */
  workingChanges: z.number().int(),
});
export type Versions = z.infer<typeof VersionsSchema>;

const RequirementTextSchema = z.object({
  id: z.string(),
  title: z.string(),
  path: z.string(),
  line: z.number().int(),
  statement: z.string(),
  scenarios: z.array(z.object({ name: z.string(), text: z.string() })),
});
export type RequirementText = z.infer<typeof RequirementTextSchema>;

export const ReviewChangeSchema = z.object({
  kind: z.enum(['added', 'removed', 'modified', 'renamed']),
  before: RequirementTextSchema.nullable(),
  after: RequirementTextSchema.nullable(),
  match: z.enum(['id', 'content']).optional(),
  similarity: z.number().optional(),
  idChanged: z.boolean().optional(),
  titleChanged: z.boolean().optional(),
  statementChanged: z.boolean().optional(),
  scenarios: z
    .object({
      added: z.array(z.string()),
      removed: z.array(z.string()),
      modified: z.array(z.string()),
    })
    .optional(),
});
export type ReviewChange = z.infer<typeof ReviewChangeSchema>;

const VersionLabelSchema = z.object({ label: z.string(), oid: Oid.nullable() });

export const ReviewDiffSchema = z.object({
  from: VersionLabelSchema,
  to: VersionLabelSchema,
  changes: z.array(ReviewChangeSchema),
  counts: z.object({
    added: z.number().int(),
    removed: z.number().int(),
    modified: z.number().int(),
    renamed: z.number().int(),
  }),
  unchanged: z.number().int(),
  requirements: z.array(
    z.object({ id: z.string(), title: z.string(), path: z.string(), line: z.number().int() }),
  ),
  elapsedMs: z.number(),
});
export type ReviewDiff = z.infer<typeof ReviewDiffSchema>;

export const CommentSchema = CommentFileSchema.extend({ file: z.string() });
export type CommentView = z.infer<typeof CommentSchema>;

export const CommentSharingSchema = z.object({
  pending: z.number().int(),
  hasRemote: z.boolean(),
  upstream: z.string().nullable(),
});

export const ShareResultSchema = z.object({
  outcome: z.enum(['shared', 'offline', 'no-remote', 'conflicts', 'blocked']),
  committed: Oid.nullable(),
  pending: z.number().int(),
  remoteReachable: z.boolean().nullable(),
  message: z.string(),
});
export type ShareResult = z.infer<typeof ShareResultSchema>;

export const WaitingItemSchema = z.object({
  kind: z.enum(['request', 'run']),
  id: z.string(),
  waitsFor: z.enum(['consent', 'network']),
  title: z.string(),
  reason: z.string(),
  runId: z.string().nullable(),
  since: z.string(),
});
export type WaitingItem = z.infer<typeof WaitingItemSchema>;

export const reviewChannels = {
  /** Branches, tags and recent commits to compare. */
  'review.versions': call(Empty, VersionsSchema),
  /** What changed between two versions, requirement by requirement (not a line diff). */
  'review.diff': call(
    z.object({ from: VersionSpecSchema, to: VersionSpecSchema }).strict(),
    ReviewDiffSchema,
  ),
  /** Every comment in the workspace, the files that could not be read, and what waits to be shared. */
  'review.comments': call(
    Empty,
    z.object({
      comments: z.array(CommentSchema),
      problems: z.array(
        z.object({ file: z.string(), line: z.number().int(), message: z.string() }),
      ),
      sharing: CommentSharingSchema.nullable(),
    }),
  ),
  /** Writes a new comment file; the author is the repository identity. */
  'review.addComment': call(
    z
      .object({
        spec: z
          .string()
          .min(1)
          .max(4096)
          .refine((p) => !p.startsWith('/') && !p.split(/[\\/]/).includes('..'), {
            message: 'must be a relative path inside the workspace',
          }),
        requirement: z.string().min(1).max(200),
        text: z.string().trim().min(1, 'write something').max(20_000),
        commit: Oid.optional(),
      })
      .strict(),
    CommentSchema,
  ),
  'review.resolveComment': call(
    z.object({ id: z.string().min(1).max(64), resolved: z.boolean() }).strict(),
    CommentSchema,
  ),
  /**
   * Commits the comment files, then syncs when `online`; offline (or when the remote cannot
   * be reached) the comments stay committed here and the reply says how many wait.
   */
  'review.shareComments': call(z.object({ online: z.boolean() }).strict(), ShareResultSchema),
  /** Requests and runs that wait for consent or for the network. */
  'review.waiting': call(Empty, z.object({ items: z.array(WaitingItemSchema) })),
} as const;
