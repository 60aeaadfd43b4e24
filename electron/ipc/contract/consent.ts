// Contract channels for consent (issue 7): the queue of requests that wait to leave the
// machine, the user's decision on one, and the egress log of what was sent.
import { z } from 'zod';
import { call } from './channel-kinds.ts';

export const EgressRequestSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  runId: z.string().nullable(),
  passId: z.string().nullable(),
  workItemId: z.string().nullable(),
  providerId: z.string(),
  tier: z.enum(['hosted', 'cloud']),
  model: z.string(),
  destination: z.string(),
  /** The exact JSON body, after redaction. */
  body: z.unknown(),
  redaction: z.object({ counts: z.record(z.string(), z.number()), lines: z.array(z.string()) }),
  estimate: z.object({
    inputTokens: z.number(),
    maxOutputTokens: z.number(),
    maxCost: z.number(),
    currency: z.string(),
    budgetNotes: z.array(z.string()),
  }),
  reason: z.string(),
  status: z.enum(['pending', 'approved', 'denied', 'sending', 'sent', 'failed']),
  consentId: z.string().nullable(),
  callId: z.string().nullable(),
  sentAt: z.string().nullable(),
  error: z.string().nullable(),
});
export type EgressRequestView = z.infer<typeof EgressRequestSchema>;

export const ConsentSchema = z.object({
  id: z.string(),
  requestId: z.string(),
  decision: z.enum(['approve-once', 'approve-run', 'deny']),
  runId: z.string().nullable(),
  providerId: z.string(),
  model: z.string(),
  decidedAt: z.string(),
});

export const consentChannels = {
  /** Requests waiting for a decision, and approved ones waiting for the network. */
  'consent.list': call(z.object({}).strict(), z.object({ waiting: z.array(EgressRequestSchema) })),
  'consent.decide': call(
    z
      .object({
        requestId: z.string().min(1).max(64),
        decision: z.enum(['approve-once', 'approve-run', 'deny']),
      })
      .strict(),
    ConsentSchema,
  ),
  /** Everything that was ever sent (or tried), newest first. */
  'consent.log': call(
    z.object({ limit: z.number().int().min(1).max(10_000).optional() }).strict(),
    z.object({ entries: z.array(EgressRequestSchema) }),
  ),
} as const;
