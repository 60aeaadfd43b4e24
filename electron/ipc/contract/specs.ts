// Channels of the spec linter: the findings `cairn lint` prints, for the open workspace.
// Part of the contract, so zod only: the renderer loads this file too.
import { z } from 'zod';

const PositionSchema = z.object({ line: z.number().int(), column: z.number().int() });
const RangeSchema = z.object({ start: PositionSchema, end: PositionSchema });
const SeveritySchema = z.enum(['error', 'warning', 'info']);

export const LintFindingSchema = z.object({
  ruleId: z.string(),
  severity: SeveritySchema,
  message: z.string(),
  path: z.string(),
  range: RangeSchema,
  requirementId: z.string().optional(),
  fix: z
    .object({
      description: z.string(),
      edits: z.array(z.object({ range: RangeSchema, newText: z.string() })),
    })
    .optional(),
});
export type LintFinding = z.infer<typeof LintFindingSchema>;

export const LintReportSchema = z.object({
  root: z.string(),
  findings: z.array(LintFindingSchema),
  counts: z.object({ error: z.number().int(), warning: z.number().int(), info: z.number().int() }),
  elapsedMs: z.number(),
});
export type LintReport = z.infer<typeof LintReportSchema>;

const FolderSchema = z
  .string()
  .trim()
  .min(1, 'name a folder for the document (specs/my-feature)')
  .max(1024)
  .refine((p) => !p.startsWith('/') && !/^[a-zA-Z]:/.test(p) && !p.split(/[\\/]/).includes('..'), {
    message: 'must be a folder inside the workspace (no "..", no leading "/")',
  });

export const specChannels = {
  /** Lints every spec of the open workspace, as `cairn lint` does. */
  'specs.lint': {
    kind: 'call',
    input: z.object({ strict: z.boolean().optional() }).strict(),
    output: LintReportSchema,
  },
  /**
   * A new document from a template (`<folder>/<type>.md`), written atomically; an existing file
   * is never overwritten. Its ID is unique in the workspace (resources/spec-format.md).
   */
  'specs.createFromTemplate': {
    kind: 'call',
    input: z
      .object({
        type: z.enum(['prd', 'requirements', 'design', 'tasks']),
        title: z.string().trim().min(1, 'give the document a title').max(200),
        folder: FolderSchema,
      })
      .strict(),
    output: z.object({ path: z.string(), id: z.string().nullable(), text: z.string() }),
  },
} as const;
