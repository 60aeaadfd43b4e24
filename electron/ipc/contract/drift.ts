// Contract channels for drift (issue 5): the report and accepting findings into the baseline.
import { z } from 'zod';
import { call, stream } from './channel-kinds.ts';

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

const DriftInputSchema = z.object({ since: z.string().min(1).max(300).optional() }).strict();

/** The report as it computes: new commits read and indexed, then files at HEAD analysed. */
export const DriftRunEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('progress'),
    phase: z.enum(['reading', 'indexing', 'analysing']),
    done: z.number().int(),
    total: z.number().int().nullable(),
  }),
  z.object({ type: z.literal('done'), report: DriftReportSchema }),
  z.object({
    type: z.literal('error'),
    error: z.object({ code: z.string(), message: z.string() }),
  }),
]);
export type DriftRunEvent = z.infer<typeof DriftRunEventSchema>;

export const driftChannels = {
  'drift.report': call(DriftInputSchema, DriftReportSchema),
  /** The same report with progress; stopping it stops the indexing between batches. */
  'drift.run': stream(DriftInputSchema, DriftRunEventSchema),
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
