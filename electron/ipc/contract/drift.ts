// Contract channels for drift (issue 5): the report and accepting findings into the baseline.
import { z } from 'zod';

const call = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) =>
  ({ kind: 'call', input, output }) as const;

export const DriftCommitSchema = z.object({
  oid: z.string(),
  author: z.string(),
  time: z.number(),
  summary: z.string(),
  files: z.array(z.string()),
  isNew: z.boolean(),
});

export const DriftFindingSchema = z.object({
  key: z.string(),
  kind: z.enum([
    'code-drift',
    'spec-ahead',
    'untested-requirement',
    'unknown-requirement',
    'removed-requirement',
    'covers-nothing',
  ]),
  severity: z.enum(['error', 'warning', 'note']),
  state: z.enum(['new', 'accepted']),
  message: z.string(),
  spec: z.string().nullable(),
  requirement: z.string().nullable(),
  paths: z.array(z.string()),
  commits: z.array(DriftCommitSchema),
  evidence: z.array(z.string()),
  newEvidence: z.array(z.string()),
});

export const CoverageRowSchema = z.object({
  id: z.string(),
  spec: z.string(),
  title: z.string(),
  code: z.array(z.string()),
  tests: z.array(z.string()),
});

export const DriftReportSchema = z.object({
  head: z.string(),
  since: z.string().nullable(),
  findings: z.array(DriftFindingSchema),
  coverage: z.array(CoverageRowSchema),
  stats: z.object({
    specs: z.number().int(),
    requirements: z.number().int(),
    commitsIndexed: z.number().int(),
    newCommitsIndexed: z.number().int(),
    indexMs: z.number(),
    analyzeMs: z.number(),
  }),
  baselineProblem: z.string().nullable(),
});

export const driftChannels = {
  'drift.report': call(
    z.object({ since: z.string().min(1).max(300).optional() }).strict(),
    DriftReportSchema,
  ),
  /** Accepts findings (by key, or all of them) into .cairn/drift-baseline.yaml. */
  'drift.accept': call(
    z
      .object({
        keys: z.array(z.string().min(1).max(4096)).max(100_000).optional(),
        all: z.boolean().optional(),
        note: z.string().max(2000).optional(),
      })
      .strict()
      .refine((v) => (v.keys !== undefined) !== (v.all === true), {
        message: "give either 'keys' or 'all: true'",
      }),
    z.object({ file: z.string(), accepted: z.number().int() }),
  ),
} as const;
