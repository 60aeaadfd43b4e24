// The consent dialog in the real UI (Chromium, web host): two requests wait to leave the
// machine; the user reads what would be sent, approves one and denies the other. The gate then
// sends exactly the approved one to a fake OpenAI-compatible server and refuses the other.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { BudgetStore } from '../../electron/services/egress/budget-store.ts';
import { SqliteEgressStore } from '../../electron/services/egress/egress-store.ts';
import type { Core } from '../../electron/services/core.ts';
import type { WebHost } from '../../electron/web/server.ts';
import { ProviderConfigSchema } from '../../native-models/remote/provider-config.ts';
import { EgressGate, EgressRefusedError } from '../../native-models/routing/egress-gate.ts';
import {
  failClosedRedactor,
  remoteTarget,
  tablePrices,
} from '../../native-models/routing/gate-adapters.ts';
import type { ModelGenerateRequest } from '../../workflows/engine/ports.ts';
import { isDeferral } from '../../workflows/engine/deferral.ts';
import { TEST_PRICES, HOSTED_MODEL } from '../support/escalation-harness.ts';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../support/fake-openai-server.ts';
import {
  chromiumMissing,
  launchChromium,
  openAppPage,
  screenshotPath,
} from '../support/browser.ts';
import { RENDERER_DIST, startTestHost } from '../support/web-host.ts';

const uiMissing = fs.existsSync(`${RENDERER_DIST}/index.html`)
  ? null
  : 'the renderer is not built (npm run build:renderer)';
const skip = chromiumMissing ?? uiMissing;
if (skip) console.warn(`Skipping the consent dialog test: ${skip}`);

const KEY = 'sk-test-consent-ui-0123456789';

function ask(runId: string, text: string): ModelGenerateRequest {
  return {
    messages: [{ role: 'user', content: text }],
    jsonSchema: null,
    maxTokens: 128,
    temperature: 0,
    topP: null,
    seed: 1,
    context: {
      callId: `CALL-UI-${runId}`,
      runId,
      passId: 'summary',
      workItemId: null,
      reason: "the workspace routes 'summary' to hosted",
    },
  };
}

describe.skipIf(skip)('the consent dialog', () => {
  let browser: Browser;
  let page: Page;
  let host: WebHost;
  let core: Core;
  let server: FakeOpenAiServer;
  let gate: EgressGate;
  let target: ReturnType<typeof remoteTarget>;
  const consoleErrors: string[] = [];
  const first = ask('RUN-UIFIRST1', 'Summarise the review. Contact: maya@example.org');
  const second = ask('RUN-UISECND2', 'Summarise the other review.');

  beforeAll(async () => {
    ({ host, core } = await startTestHost());
    server = await startFakeOpenAiServer({ apiKey: KEY });
    const provider = ProviderConfigSchema.parse({
      id: 'org-vllm',
      kind: 'openai-compatible',
      tier: 'hosted',
      baseUrl: server.baseUrl,
      models: [HOSTED_MODEL],
    });
    target = remoteTarget({ provider, model: HOSTED_MODEL, apiKey: () => KEY });
    gate = new EgressGate({
      store: new SqliteEgressStore(core.db),
      budgets: new BudgetStore(core.db),
      prices: tablePrices(TEST_PRICES),
      redact: failClosedRedactor,
    });
    for (const request of [first, second]) {
      const outcome = await gate
        .send(target, request, core.workspace!.root)
        .catch((e: unknown) => e);
      expect(isDeferral(outcome)).toBe(true);
    }
    browser = await launchChromium();
    page = await openAppPage(browser, host.url, consoleErrors);
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await server?.close();
    core?.close();
  });

  it('shows how many requests wait, and the queue', async () => {
    await page.getByRole('heading', { name: 'sample-workspace' }).waitFor();
    await page.getByLabel('2 waiting for your decision').waitFor();
    await page.keyboard.press('Alt+8');
    await page.getByRole('heading', { name: 'Waiting for your decision (2)' }).waitFor();
    expect(await page.locator('.request-item').count()).toBe(2);
  });

  it('shows exactly what would be sent, redacted, and approves it once', async () => {
    await page.locator('.request-item', { hasText: 'RUN-UIFIRST1' }).click();
    const dialog = page.getByRole('dialog', { name: 'Send this request to org-vllm?' });
    await dialog.waitFor();
    const body = await dialog.getByLabel('Request body').textContent();
    expect(body).toContain(`"model": "${HOSTED_MODEL}"`);
    expect(body).toContain('[[REDACTED:email:1]]');
    expect(body).not.toContain('maya@example.org');
    expect(await dialog.textContent()).toContain(`${server.baseUrl}/chat/completions`);
    expect(await dialog.textContent()).toContain('email ×1');
    // The safe choice has the focus.
    expect(await page.locator(':focus').textContent()).toBe('Deny');
    await page.screenshot({ path: screenshotPath('consent-dialog'), fullPage: true });
    await dialog.getByRole('button', { name: 'Approve once' }).click();
    await page.getByRole('status').filter({ hasText: 'approved once' }).waitFor();
    await page.getByRole('heading', { name: 'Waiting for your decision (1)' }).waitFor();
  });

  it('denies the other', async () => {
    await page.locator('.request-item', { hasText: 'RUN-UISECND2' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Deny' }).click();
    await page.getByRole('heading', { name: 'Waiting for your decision (0)' }).waitFor();
    await page.screenshot({ path: screenshotPath('consent-queue'), fullPage: true });
  });

  it('sends exactly the approved request, refuses the denied one, and logs it', async () => {
    await gate.send(target, first, core.workspace!.root);
    await expect(gate.send(target, second, core.workspace!.root)).rejects.toBeInstanceOf(
      EgressRefusedError,
    );
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.rawBody).not.toContain('maya@example.org');
    await page.keyboard.press('Alt+1');
    await page.keyboard.press('Alt+8');
    await page.locator('.egress-log tbody tr').first().waitFor();
    expect(await page.locator('.egress-log tbody tr').count()).toBe(1);
    expect(await page.locator('.egress-log').textContent()).toContain('sent');
    await page.screenshot({ path: screenshotPath('consent-log'), fullPage: true });
  });

  it('runs under the strict CSP without errors', () => {
    expect(consoleErrors).toEqual([]);
  });
});
