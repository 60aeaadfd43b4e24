// Channels of the Assist panel (issue 8, journey 1): on one document of the open workspace,
// the sections a draft would write, three streams that run the draft, clarify and EARS passes
// on the on-device model (tokens as they come; stopping the subscription stops the model), and
// the user's decisions on what they propose. Loaded by the renderer too: zod only.
import { z } from 'zod';
import { call, stream } from './channel-kinds.ts';

const DocumentPath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => !p.startsWith('/') && !/^[a-zA-Z]:/.test(p) && !p.split(/[\\/]/).includes('..'), {
    message: 'must be a relative path inside the workspace (no "..", no leading "/")',
  });
const ModelId = z
  .string()
  .regex(/^[0-9a-f]{6,64}$/, 'must be a model id: 6 to 64 lowercase hex digits');
const RunId = z.string().min(1).max(100);

const Target = z.object({ path: DocumentPath, modelId: ModelId }).strict();

export const AssistQuestionSchema = z.object({
  id: z.string(),
  question: z.string(),
  options: z.array(z.object({ key: z.string(), text: z.string() })),
  recommended: z.string(),
  reason: z.string(),
});
export type AssistQuestion = z.infer<typeof AssistQuestionSchema>;

const Started = z.object({ type: z.literal('started'), runId: z.string() });
const Text = z.object({ type: z.literal('text'), chunk: z.string() });
/** The run stopped short of a result: it waits for consent or the network, or a gate failed. */
const Waiting = z.object({ type: z.literal('waiting'), runId: z.string(), message: z.string() });
const Failed = z.object({
  type: z.literal('error'),
  error: z.object({ code: z.string(), message: z.string() }),
});

/** The events of an assist stream: started, the model's text, then its result (or why none). */
const assistEvents = <R extends z.ZodObject<{ type: z.ZodLiteral<string> }>>(result: R) =>
  z.discriminatedUnion('type', [Started, Text, result, Waiting, Failed]);

export const DraftEventSchema = assistEvents(
  z.object({
    type: z.literal('draft'),
    runId: z.string(),
    path: z.string(),
    /** The proposed change to insert or discard; null when nothing was drafted. */
    changeId: z.string().nullable(),
    summary: z.string(),
    sections: z.array(z.object({ heading: z.string(), body: z.string() })),
  }),
);
export type DraftEvent = z.infer<typeof DraftEventSchema>;

export const ClarifyEventSchema = assistEvents(
  z.object({
    type: z.literal('questions'),
    runId: z.string(),
    path: z.string(),
    questions: z.array(AssistQuestionSchema),
  }),
);
export type ClarifyEvent = z.infer<typeof ClarifyEventSchema>;

export const EarsRewriteSchema = z.object({
  changeId: z.string(),
  requirementId: z.string(),
  before: z.string(),
  after: z.string(),
  pattern: z.string(),
});
export type EarsRewrite = z.infer<typeof EarsRewriteSchema>;

export const EarsEventSchema = assistEvents(
  z.object({
    type: z.literal('rewrites'),
    runId: z.string(),
    path: z.string(),
    summary: z.string(),
    rewrites: z.array(EarsRewriteSchema),
    /** Proposals the pass refused (not EARS, or the same as now), with the reason. */
    rejected: z.array(
      z.object({ requirementId: z.string(), proposed: z.string(), reason: z.string() }),
    ),
    /** Requirements past the pass's bound on calls per run. */
    notRewritten: z.array(z.string()),
  }),
);
export type EarsEvent = z.infer<typeof EarsEventSchema>;

export const assistChannels = {
  /** Sections of the document a draft would write: empty, or still the template's text. */
  'assist.sections': call(
    z.object({ path: DocumentPath }).strict(),
    z.object({
      path: z.string(),
      type: z.enum(['prd', 'requirements', 'design', 'tasks']).nullable(),
      sections: z.array(z.string()),
    }),
  ),
  /** Drafts one section (or all unwritten ones); the result is a change to insert or discard. */
  'assist.draftSection': stream(
    Target.extend({ section: z.string().min(1).max(200).nullable() }).strict(),
    DraftEventSchema,
  ),
  /** Up to five multiple-choice questions, each with a recommended answer; the run waits for them. */
  'assist.clarify': stream(Target, ClarifyEventSchema),
  /** An EARS statement per requirement that is not EARS, each a change to accept or reject. */
  'assist.earsRewrite': stream(Target, EarsEventSchema),
  /** Accepts (writes atomically, merged if the file moved on) or rejects a proposed change. */
  'assist.decide': call(
    z.object({ changeId: z.string().min(1).max(100), accept: z.boolean() }).strict(),
    z.object({
      changeId: z.string(),
      path: z.string(),
      status: z.enum(['accepted', 'rejected', 'stale']),
      /** Why a change could not be written (the same lines changed since). */
      message: z.string().nullable(),
    }),
  ),
  /** Records the answers of a clarify run (null: skipped) under `## Clarifications`. */
  'assist.answer': call(
    z
      .object({
        runId: RunId,
        answers: z.record(z.string().max(20), z.string().min(1).max(500).nullable()),
      })
      .strict(),
    z.object({
      path: z.string(),
      recorded: z.number().int(),
      skipped: z.number().int(),
      message: z.string().nullable(),
    }),
  ),
} as const;
