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

export const specChannels = {
  /** Lints every spec of the open workspace, as `cairn lint` does. */
  'specs.lint': {
    kind: 'call',
    input: z.object({ strict: z.boolean().optional() }).strict(),
    output: LintReportSchema,
  },
} as const;
