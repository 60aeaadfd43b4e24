// Adapters from the pieces the egress gate is built from: the fail-closed redactor, the price
// table, and a remote target that builds a provider request and sends it through an SDK client
// created here (the only folder allowed to create one).
import { costOf, type PriceTable } from '../../workflows/records/price-table.ts';
import type {
  ModelGenerateRequest,
  ModelGenerateResult,
  ModelPort,
} from '../../workflows/engine/ports.ts';
import type { ModelIdentity } from '../../workflows/records/envelope.ts';
import type { ProviderConfig } from '../remote/provider-config.ts';
import { remoteIdentity } from '../remote/remote-identity.ts';
import {
  buildRemoteRequest,
  sendRemoteRequest,
  type BuiltRemoteRequest,
} from '../remote/remote-request.ts';
import type { EgressGate, RemoteTarget } from './egress-gate.ts';
import type { PricePort, Redactor } from './egress-ports.ts';
import { formatReport, safeRedact } from './redaction/index.ts';
import { createAnthropicClient, createOpenAiClient, type SdkClientOptions } from './sdk-clients.ts';

export const failClosedRedactor: Redactor = (messages) => {
  const outcome = safeRedact(messages);
  if (!outcome.ok) throw outcome.error;
  const { redaction } = outcome;
  const counts: Record<string, number> = {};
  for (const entry of redaction.report.entries) counts[entry.patternId] = entry.count;
  return {
    messages: redaction.messages,
    summary: { counts, lines: formatReport(redaction.report).split('\n') },
    restore: redaction.restore,
  };
};

export function tablePrices(table: PriceTable | null): PricePort {
  return {
    cost(identity: ModelIdentity, tokens) {
      const cost = costOf(
        identity,
        { input: tokens.input, cachedInput: 0, cacheWrite: 0, output: tokens.output, reasoning: 0 },
        table,
      );
      return { amount: cost.amount, currency: cost.currency, priceTable: cost.priceTable };
    },
  };
}

export interface TargetOptions {
  provider: ProviderConfig;
  model: string;
  /** Read at send time, after consent: the key never sits in memory longer than a call. */
  apiKey: () => string | null;
  /** Tests point the SDK at a fetch of their own; the app leaves it unset. */
  fetch?: SdkClientOptions['fetch'];
  timeoutMs?: number;
}

export function remoteTarget(options: TargetOptions): RemoteTarget {
  const { provider, model } = options;
  return {
    providerId: provider.id,
    tier: provider.tier,
    model,
    identity: remoteIdentity(provider, model, null),
    build: (request) => buildRemoteRequest(provider, model, request),
    send(built, request) {
      const clientOptions: SdkClientOptions = {
        baseURL: provider.baseUrl,
        apiKey: options.apiKey(),
        ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
        ...(options.fetch ? { fetch: options.fetch } : {}),
      };
      const client =
        provider.kind === 'anthropic'
          ? createAnthropicClient(clientOptions)
          : createOpenAiClient(clientOptions);
      return sendRemoteRequest(client, provider, built as BuiltRemoteRequest, request);
    },
  };
}

/** A model off this machine as the engine sees it: every call goes through the gate. */
export function gatedModelPort(
  gate: EgressGate,
  target: RemoteTarget,
  workspaceRoot: string,
): ModelPort {
  return {
    describe: async () => target.identity,
    generate: (request: ModelGenerateRequest): Promise<ModelGenerateResult> =>
      gate.send(target, request, workspaceRoot),
  };
}
