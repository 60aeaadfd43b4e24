// Contract channels for the workspace routing policy: the `routing:` section of
// `.cairn/config.yaml` (workflows/engine/routing-policy.ts), read and edited in the Settings and
// Consent views. routing.set changes that section only; invalid values are refused with the
// field named (`routing.passes.plan: …`).
import { z } from 'zod';
import { call } from './channel-kinds.ts';
import { WorkspaceRoutingSchema } from '../../../workflows/engine/routing-policy.ts';

export const TIERS = ['local', 'hosted', 'cloud'] as const;

const PASS_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/** The policy as the form sends it: the engine's own schema, with pass names checked. */
export const RoutingPolicySchema = WorkspaceRoutingSchema.superRefine((routing, ctx) => {
  for (const name of Object.keys(routing.passes)) {
    if (!PASS_NAME.test(name)) {
      ctx.addIssue({
        code: 'custom',
        path: ['passes', name],
        message:
          'a pass is named by its ID or implementation (letters, digits, dots, dashes or underscores)',
      });
    }
  }
});
export type RoutingPolicy = z.output<typeof WorkspaceRoutingSchema>;

export const RoutingViewSchema = z.strictObject({
  /** The file, relative to the workspace, and where it is on disk. */
  file: z.string(),
  path: z.string(),
  exists: z.boolean(),
  /** Sent back with routing.set, which refuses to overwrite a change made since. */
  version: z.string(),
  routing: WorkspaceRoutingSchema,
  /** Why the section as written is not applied (the policy falls back to local only). */
  problems: z.array(z.string()),
  /** Saved, but worth knowing: a tier with no model chosen, a provider not configured here. */
  warnings: z.array(z.string()),
  /** Model passes of this workspace's workflows, and their implementations, for suggestions. */
  knownPasses: z.array(z.strictObject({ name: z.string(), note: z.string() })),
});
export type RoutingView = z.infer<typeof RoutingViewSchema>;

export const routingChannels = {
  'routing.get': call(z.strictObject({}), RoutingViewSchema),
  'routing.set': call(
    z.strictObject({
      routing: RoutingPolicySchema,
      /** The version routing.get returned; omitted, the file is overwritten whatever it holds. */
      expectedVersion: z.string().max(64).optional(),
    }),
    RoutingViewSchema,
  ),
} as const;
