// The routing form's working copy: pass rules as an ordered list (a name can be edited while
// typed), turned back into the policy the core takes, with the problems a form can see itself.
import type { RoutingPolicy } from '../../../../electron/ipc/contract/routing.ts';

export type Tier = RoutingPolicy['default'];

export interface PassRule {
  /** Stable while the name is edited. */
  key: number;
  name: string;
  tier: Tier;
}

export interface ModelChoice {
  provider: string;
  model: string;
}

export interface RoutingDraft {
  default: Tier;
  cloud: RoutingPolicy['cloud'];
  passes: PassRule[];
  hosted: ModelChoice;
  cloudModel: ModelChoice;
}

let nextKey = 1;
export const newRule = (name = '', tier: Tier = 'hosted'): PassRule => ({
  key: nextKey++,
  name,
  tier,
});

const choice = (c: ModelChoice | undefined): ModelChoice => ({
  provider: c?.provider ?? '',
  model: c?.model ?? '',
});

export function toDraft(policy: RoutingPolicy): RoutingDraft {
  return {
    default: policy.default,
    cloud: policy.cloud,
    passes: Object.entries(policy.passes).map(([name, tier]) => newRule(name, tier)),
    hosted: choice(policy.hosted_model),
    cloudModel: choice(policy.cloud_model),
  };
}

/** The policy, or the problems (`routing.<field>: why`) that keep the draft from being one. */
export function fromDraft(
  draft: RoutingDraft,
): { policy: RoutingPolicy; issues: [] } | { policy: null; issues: string[] } {
  const issues: string[] = [];
  const passes: Record<string, Tier> = {};
  for (const rule of draft.passes) {
    const name = rule.name.trim();
    if (name === '') {
      issues.push('routing.passes: a rule has no pass name; name the pass or remove the rule');
    } else if (name in passes) {
      issues.push(`routing.passes.${name}: the pass has two rules; keep one`);
    } else {
      passes[name] = rule.tier;
    }
  }
  const model = (field: string, c: ModelChoice) => {
    if (c.provider === '') return undefined;
    if (c.model.trim() === '') {
      issues.push(`routing.${field}.model: choose a model of ${c.provider}`);
      return undefined;
    }
    return { provider: c.provider, model: c.model.trim() };
  };
  const policy: RoutingPolicy = {
    default: draft.default,
    cloud: draft.cloud,
    passes,
    hosted_model: model('hosted_model', draft.hosted),
    cloud_model: model('cloud_model', draft.cloudModel),
  };
  if (!policy.hosted_model) delete policy.hosted_model;
  if (!policy.cloud_model) delete policy.cloud_model;
  return issues.length > 0 ? { policy: null, issues } : { policy, issues: [] };
}

/** Whether the draft says something else than the saved policy. */
export function differs(draft: RoutingDraft, saved: RoutingPolicy): boolean {
  const { policy } = fromDraft(draft);
  return (
    policy === null || JSON.stringify(policy) !== JSON.stringify(fromDraft(toDraft(saved)).policy)
  );
}
