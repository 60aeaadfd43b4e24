// Everything a host needs to send a pass off the machine: the user's providers and keys, the
// team's routing (`.cairn/config.yaml`), the price table, budgets, the consent queue and the
// egress log — assembled into the egress gate, which hands out one model port per tier.
import type { Database } from 'better-sqlite3';
import { findProvider } from '../../../native-models/remote/provider-config.ts';
import { EgressGate } from '../../../native-models/routing/egress-gate.ts';
import {
  failClosedRedactor,
  gatedModelPort,
  remoteTarget,
  tablePrices,
} from '../../../native-models/routing/gate-adapters.ts';
import type { ModelPort } from '../../../workflows/engine/ports.ts';
import type { WorkspaceRouting } from '../../../workflows/engine/routing-policy.ts';
import type { EscalationTier } from '../../../workflows/engine/run-state.ts';
import { CONFIG_PATH } from '../../../workflows/specs/workspace-config.ts';
import { loadProviders } from '../providers/provider-file.ts';
import { ProviderKeys } from '../providers/provider-keys.ts';
import { loadPriceTable } from '../records/price-table-file.ts';
import type { SecretStore } from '../secrets/secret-store.ts';
import { BudgetStore } from './budget-store.ts';
import { readRoutingConfig } from './routing-config.ts';
import { SqliteEgressStore } from './egress-store.ts';

export class EscalationService {
  readonly egress: SqliteEgressStore;
  readonly budgets: BudgetStore;

  constructor(
    db: Database,
    private readonly dataDir: string,
    private readonly secrets: SecretStore,
  ) {
    this.egress = new SqliteEgressStore(db);
    this.budgets = new BudgetStore(db);
  }

  routing(workspaceRoot: string): { routing: WorkspaceRouting; problems: string[] } {
    const { routing, problems } = readRoutingConfig(workspaceRoot);
    return { routing, problems };
  }

  /** The model port for a tier in this workspace; null when the workspace names none. */
  remotePort(workspaceRoot: string, tier: EscalationTier): ModelPort | null {
    const { routing } = this.routing(workspaceRoot);
    const choice = tier === 'hosted' ? routing.hosted_model : routing.cloud_model;
    if (!choice) return null;
    const provider = findProvider(loadProviders(this.dataDir), choice.provider);
    if (provider.tier !== tier) {
      throw new Error(
        `${CONFIG_PATH} routes ${tier} passes to ${provider.id}, which is set up as a ${provider.tier} provider.`,
      );
    }
    const keys = new ProviderKeys(this.secrets);
    const gate = new EgressGate({
      store: this.egress,
      budgets: this.budgets,
      prices: tablePrices(loadPriceTable(this.dataDir).table),
      redact: failClosedRedactor,
    });
    return gatedModelPort(
      gate,
      remoteTarget({ provider, model: choice.model, apiKey: () => keys.get(provider.id) }),
      workspaceRoot,
    );
  }
}
