// Contract channels of the Workspace view's editor (issue 8): full-text search, saving a spec,
// a requirement's references, changes on disk, and the context the live linter needs.
// Loaded by the renderer too: zod (and types of workflows/) only.
import { z } from 'zod';
import { call, stream } from './channel-kinds.ts';
import type { SpecDocument } from '../../../workflows/specs/model.ts';
import { WorkspacePathSchema } from './workspace-path.ts';

const Version = z.string().regex(/^[0-9a-f]{64}$/);
const Line = z.number().int().positive();

export const SearchHitSchema = z.object({
  path: z.string(),
  line: Line,
  snippet: z.string(),
  marks: z.array(z.object({ start: z.number().int(), end: z.number().int() })),
  score: z.number(),
});
export type SearchHit = z.infer<typeof SearchHitSchema>;

const PlaceSchema = z.object({ path: z.string(), line: Line, text: z.string() });
export type Place = z.infer<typeof PlaceSchema>;

export const RequirementReferencesSchema = z.object({
  id: z.string(),
  declarations: z.array(PlaceSchema.extend({ title: z.string(), scenarios: z.array(PlaceSchema) })),
  tasks: z.array(PlaceSchema.extend({ taskId: z.string().nullable(), done: z.boolean() })),
  mentions: z.array(PlaceSchema),
  code: z.array(PlaceSchema),
  tests: z.array(PlaceSchema),
  stats: z.object({ codeFiles: z.number().int(), elapsedMs: z.number() }),
});
export type RequirementReferences = z.infer<typeof RequirementReferencesSchema>;

/**
 * Parsed by the core's own spec parser and reduced by workflows/lint/lint-document.ts; checked
 * here for its outline only (the full model is large and the renderer only hands it back to
 * the same pure linter).
 */
const ContextDocumentSchema = z.custom<SpecDocument>(
  (v) =>
    typeof v === 'object' &&
    v !== null &&
    typeof (v as { path?: unknown }).path === 'string' &&
    Array.isArray((v as { requirements?: unknown }).requirements),
  { message: 'is not a spec document' },
);

export const LintContextSchema = z.object({
  paths: z.array(z.string()),
  config: z.object({ path: z.string(), text: z.string() }).nullable(),
  documents: z.array(ContextDocumentSchema),
});

export const WorkspaceChangeEventSchema = z.discriminatedUnion('type', [
  /** The index is built: search and references answer from now on. */
  z.object({ type: z.literal('ready'), files: z.number().int(), elapsedMs: z.number() }),
  /** Spec files changed on disk (by someone else than this editor's save). */
  z.object({
    type: z.literal('changed'),
    paths: z.array(z.string()),
    listingChanged: z.boolean(),
  }),
  z.object({
    type: z.literal('error'),
    error: z.object({ code: z.string(), message: z.string() }),
  }),
]);
export type WorkspaceChangeEvent = z.infer<typeof WorkspaceChangeEventSchema>;

export const workspaceChannels = {
  /** Full-text search over the workspace's specs: lines that match, best files first. */
  'workspace.search': call(
    z
      .object({
        query: z.string().max(500),
        limit: z.number().int().min(1).max(500).optional(),
      })
      .strict(),
    z.object({ hits: z.array(SearchHitSchema), elapsedMs: z.number() }),
  ),
  /**
   * Saves a spec atomically. Refused with 'conflict' when the file changed on disk since the
   * editor read `expectedVersion` (null: the file must not exist yet), unless `overwrite`.
   */
  'workspace.writeFile': call(
    z
      .object({
        path: WorkspacePathSchema,
        text: z.string().max(5 * 1024 * 1024),
        expectedVersion: Version.nullable(),
        overwrite: z.boolean().optional(),
      })
      .strict(),
    z.object({
      path: z.string(),
      version: Version,
      bytes: z.number().int(),
      modifiedAt: z.string(),
    }),
  ),
  /** Declarations, scenarios, tasks, mentions, code and tests of one requirement ID. */
  'workspace.references': call(
    z.object({ id: z.string().min(1).max(200) }).strict(),
    RequirementReferencesSchema,
  ),
  /** The rest of the workspace as the linter sees it, to lint an open document live. */
  'workspace.lintContext': call(z.object({}).strict(), LintContextSchema),
  /** Builds the index, then reports spec files that change on disk. */
  'workspace.changes': stream(z.object({}).strict(), WorkspaceChangeEventSchema),
} as const;
