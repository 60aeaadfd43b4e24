// Where a pass runs: on this machine (local), on the team's server (hosted) or at a cloud
// provider. A pass leaves the machine only when something flags it — its own policy, the
// workspace's policy, a failed gate or check, or the user — and cloud can be forbidden for a
// whole workspace, which no workflow can override.
import { isMap, parseDocument } from 'yaml';
import { z } from 'zod';
import type { PassDefinition, WorkflowDefinition } from './definition.ts';
import type { EscalationTier } from './run-state.ts';

export type Tier = 'local' | EscalationTier;

const TierSchema = z.enum(['local', 'hosted', 'cloud']);

export const WorkspaceRoutingSchema = z.strictObject({
  default: TierSchema.default('local'),
  cloud: z.enum(['forbidden', 'ask']).default('forbidden'),
  /** Tier by pass ID or pass implementation name. */
  passes: z.record(z.string(), TierSchema).default({}),
  /** Which provider (an ID from `cairn providers list`) and model answer each tier. */
  hosted_model: z
    .strictObject({ provider: z.string().min(1), model: z.string().min(1) })
    .optional(),
  cloud_model: z.strictObject({ provider: z.string().min(1), model: z.string().min(1) }).optional(),
});
export type WorkspaceRouting = z.infer<typeof WorkspaceRoutingSchema>;

export const DEFAULT_ROUTING: WorkspaceRouting = {
  default: 'local',
  cloud: 'forbidden',
  passes: {},
};

/** The `routing:` section of `.cairn/config.yaml`; problems come back with their line. */
export function readWorkspaceRouting(configText: string | null): {
  routing: WorkspaceRouting;
  problems: string[];
} {
  if (!configText) return { routing: DEFAULT_ROUTING, problems: [] };
  const doc = parseDocument(configText, { uniqueKeys: true });
  if (doc.errors.length > 0 || !isMap(doc.contents)) {
    // The config's own reader reports YAML errors; routing then stays at its safe default.
    return { routing: DEFAULT_ROUTING, problems: [] };
  }
  const raw = (doc.toJS() as { routing?: unknown }).routing;
  if (raw === undefined || raw === null) return { routing: DEFAULT_ROUTING, problems: [] };
  const parsed = WorkspaceRoutingSchema.safeParse(raw);
  if (parsed.success) return { routing: parsed.data, problems: [] };
  return {
    // A broken routing section must not widen what may leave the machine.
    routing: DEFAULT_ROUTING,
    problems: parsed.error.issues.map(
      (i) => `.cairn/config.yaml: routing.${i.path.join('.')}: ${i.message}`,
    ),
  };
}

export interface PassRoute {
  tier: Tier;
  cloud: 'forbidden' | 'ask';
  /** Why the pass goes where it goes, in words (shown in the consent dialog). */
  reason: string;
}

export function routePass(
  pass: PassDefinition,
  workflow: WorkflowDefinition,
  workspace: WorkspaceRouting,
  escalations: Readonly<Record<string, EscalationTier>>,
): PassRoute {
  // The most restrictive cloud policy wins: a workspace that forbids cloud forbids it everywhere.
  const cloud =
    workspace.cloud === 'forbidden' ||
    pass.routing?.cloud === 'forbidden' ||
    (pass.routing === undefined && workflow.routing?.cloud === 'forbidden')
      ? 'forbidden'
      : 'ask';
  const escalated = escalations[pass.id];
  if (escalated)
    return { tier: escalated, cloud, reason: `escalated to ${escalated} for this run` };
  const byWorkspace = workspace.passes[pass.id] ?? workspace.passes[pass.uses];
  if (byWorkspace) {
    return {
      tier: byWorkspace,
      cloud,
      reason: `the workspace routes '${pass.id}' to ${byWorkspace}`,
    };
  }
  if (pass.routing) {
    return { tier: pass.routing.tier, cloud, reason: `the pass's policy is ${pass.routing.tier}` };
  }
  if (workflow.routing) {
    return {
      tier: workflow.routing.tier,
      cloud,
      reason: `the workflow's policy is ${workflow.routing.tier}`,
    };
  }
  return {
    tier: workspace.default,
    cloud,
    reason: `the workspace default is ${workspace.default}`,
  };
}
