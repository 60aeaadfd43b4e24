// The schema of one review comment file (see comments.ts for the format and
// resources/review-comments.md). Apart from the YAML reading and writing, so the contract and
// the renderer can use it without bundling a YAML parser.
import { z } from 'zod';

export const COMMENTS_DIR = '.cairn/comments';
export const COMMENT_ID = /^CMT-[0-9A-HJKMNP-TV-Z]{10}$/;

const Timestamp = z.iso.datetime({ offset: true });
const SpecPath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => !p.startsWith('/') && !p.split('/').includes('..'), {
    message: 'must be a path inside the workspace, relative, with no ".."',
  });

/** One comment file. Keys a newer Cairn adds are kept when this version rewrites the file. */
export const CommentFileSchema = z.object({
  version: z.literal(1),
  id: z.string().regex(COMMENT_ID, 'must look like CMT- and 10 characters of Crockford base32'),
  spec: SpecPath,
  requirement: z.string().min(1).max(200),
  author: z.string().min(1).max(400),
  created: Timestamp,
  /** The commit the reviewer was reading, when known. */
  commit: z
    .string()
    .regex(/^[0-9a-f]{40}$/)
    .optional(),
  resolved: z.boolean(),
  resolvedBy: z.string().min(1).max(400).optional(),
  resolvedAt: Timestamp.optional(),
  text: z.string().trim().min(1).max(20_000),
});
export type ReviewComment = z.infer<typeof CommentFileSchema>;
