// The consent.* channels through the one dispatcher, as the UI reaches them.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatcher } from '../../../electron/ipc/dispatch.ts';
import { createHandlers } from '../../../electron/ipc/handlers.ts';
import { Core } from '../../../electron/services/core.ts';
import { BudgetStore } from '../../../electron/services/egress/budget-store.ts';
import { SqliteEgressStore } from '../../../electron/services/egress/egress-store.ts';
import { ProviderConfigSchema } from '../../../native-models/remote/provider-config.ts';
import { EgressGate } from '../../../native-models/routing/egress-gate.ts';
import {
  failClosedRedactor,
  remoteTarget,
  tablePrices,
} from '../../../native-models/routing/gate-adapters.ts';
import { HOSTED_MODEL, TEST_PRICES } from '../../support/escalation-harness.ts';
import { SAMPLE_WORKSPACE, tempDir } from '../../support/temp-dir.ts';

let core: Core;
let d: Dispatcher;

beforeAll(async () => {
  core = new Core({
    dataDir: path.join(tempDir('cairn-consent-contract-'), 'data'),
    host: 'web',
    version: 't',
    workspace: SAMPLE_WORKSPACE,
  });
  d = createDispatcher(createHandlers(core));
  const provider = ProviderConfigSchema.parse({
    id: 'org-vllm',
    kind: 'openai-compatible',
    tier: 'hosted',
    baseUrl: 'http://127.0.0.1:9/v1',
    models: [HOSTED_MODEL],
  });
  const gate = new EgressGate({
    store: new SqliteEgressStore(core.db),
    budgets: new BudgetStore(core.db),
    prices: tablePrices(TEST_PRICES),
    redact: failClosedRedactor,
  });
  await gate
    .send(
      remoteTarget({ provider, model: HOSTED_MODEL, apiKey: () => 'sk-test' }),
      {
        messages: [{ role: 'user', content: 'Summarise.' }],
        jsonSchema: null,
        maxTokens: 16,
        temperature: 0,
        topP: null,
        seed: 1,
      },
      SAMPLE_WORKSPACE,
    )
    .catch(() => undefined);
});
afterAll(() => core.close());

describe('consent channels', () => {
  it('lists the waiting request, records a decision, and refuses a second one', async () => {
    const list = await d.invoke('consent.list', {});
    expect(list.ok).toBe(true);
    const waiting = list.ok ? (list.value as { waiting: { id: string }[] }).waiting : [];
    expect(waiting).toHaveLength(1);
    expect(waiting[0]).toMatchObject({ status: 'pending', providerId: 'org-vllm' });
    const decided = await d.invoke('consent.decide', {
      requestId: waiting[0]!.id,
      decision: 'deny',
    });
    expect(decided).toMatchObject({ ok: true, value: { decision: 'deny' } });
    const again = await d.invoke('consent.decide', {
      requestId: waiting[0]!.id,
      decision: 'approve-once',
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(again.ok ? '' : again.error.message).toContain('is denied; there is nothing to decide');
  });

  it('refuses a decision that is not one of the three', async () => {
    const bad = await d.invoke('consent.decide', {
      requestId: 'EGR-1',
      decision: 'approve-forever',
    } as never);
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await d.invoke('consent.log', {})).toMatchObject({ ok: true, value: { entries: [] } });
  });
});
