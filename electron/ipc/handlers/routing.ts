// Handlers of routing.get / routing.set (contract/routing.ts): the open workspace's routing
// policy in `.cairn/config.yaml`, checked against the providers configured on this machine.
import path from 'node:path';
import type { ProviderConfig } from '../../../native-models/remote/provider-config.ts';
import {
  checkRouting,
  readRoutingConfig,
  RoutingConfigError,
  saveRouting,
  type RoutingConfig,
} from '../../services/egress/routing-config.ts';
import { loadProviders, ProviderFileError } from '../../services/providers/provider-file.ts';
import type { Core } from '../../services/core.ts';
import type { RoutingView, routingChannels } from '../contract/routing.ts';
import type { Handlers } from '../dispatch.ts';
import { CairnFailure } from '../failure.ts';

type RoutingHandlers = Pick<Handlers, keyof typeof routingChannels>;

/** The model passes of the workspace's workflows and their implementations, for suggestions. */
function knownPasses(core: Core, root: string): RoutingView['knownPasses'] {
  const catalog = core.workflows.workflows.catalog(root);
  const byPass = new Map<string, Set<string>>();
  const byImplementation = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, key: string, value: string) =>
    map.set(key, (map.get(key) ?? new Set()).add(value));
  for (const [workflowId, entry] of catalog.workflows) {
    for (const pass of entry.definition.passes) {
      if (catalog.passes.get(pass.uses)?.kind !== 'model') continue;
      add(byPass, pass.id, workflowId);
      add(byImplementation, pass.uses, pass.id);
    }
  }
  const list = (s: Set<string>) => [...s].sort().join(', ');
  return [
    ...[...byPass].map(([name, workflows]) => ({ name, note: `pass in ${list(workflows)}` })),
    ...[...byImplementation]
      .filter(([name]) => !byPass.has(name))
      .map(([name, passes]) => ({ name, note: `every pass that uses it (${list(passes)})` })),
  ].sort((a, b) => a.name.localeCompare(b.name));
}

function providersHere(core: Core): { providers: ProviderConfig[]; problem: string | null } {
  try {
    return { providers: loadProviders(core.dataDir), problem: null };
  } catch (error) {
    if (!(error instanceof ProviderFileError)) throw error;
    return { providers: [], problem: `The providers could not be read: ${error.message}` };
  }
}

export function createRoutingHandlers(core: Core): RoutingHandlers {
  const toView = (root: string, config: RoutingConfig): RoutingView => {
    const { providers, problem } = providersHere(core);
    const checked = checkRouting(config.routing, providers);
    return {
      ...config,
      path: path.join(root, config.file),
      warnings: [...(problem ? [problem] : []), ...checked.errors, ...checked.warnings],
      knownPasses: knownPasses(core, root),
    };
  };
  return {
    'routing.get': () => {
      const { root } = core.requireWorkspace();
      return toView(root, readRoutingConfig(root));
    },
    'routing.set': ({ routing, expectedVersion }) => {
      const { root } = core.requireWorkspace();
      const { errors } = checkRouting(routing, providersHere(core).providers);
      if (errors.length > 0) {
        throw new CairnFailure(
          'invalid_input',
          `The routing policy was not saved: ${errors.join('; ')}`,
          errors,
        );
      }
      try {
        return toView(root, saveRouting(root, routing, expectedVersion));
      } catch (error) {
        if (!(error instanceof RoutingConfigError)) throw error;
        throw new CairnFailure(
          error.kind === 'conflict' ? 'conflict' : 'invalid_input',
          error.message,
          error.issues.length > 0 ? error.issues : undefined,
        );
      }
    },
  };
}
