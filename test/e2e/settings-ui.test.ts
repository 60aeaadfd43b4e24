// The Settings view in the real UI (Chromium, web host) on a copy of the sample workspace: a
// provider and its key (which never comes back over the socket), the routing policy written
// into .cairn/config.yaml, records exported and cleared behind a confirmation, and the routing
// policy and redaction reports in the Consent view.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Core } from '../../electron/services/core.ts';
import { SqliteEgressStore } from '../../electron/services/egress/egress-store.ts';
import type { WebHost } from '../../electron/web/server.ts';
import { failClosedRedactor } from '../../native-models/routing/gate-adapters.ts';
import {
  chromiumMissing,
  launchChromium,
  openAppPage,
  screenshotPath,
  seriousAxeViolations,
} from '../support/browser.ts';
import { sampleEnvelope } from '../support/envelopes.ts';
import { SAMPLE_WORKSPACE, tempDir } from '../support/temp-dir.ts';
import { RENDERER_DIST, startTestHost } from '../support/web-host.ts';

const uiMissing = fs.existsSync(`${RENDERER_DIST}/index.html`)
  ? null
  : 'the renderer is not built (npm run build:renderer)';
const skip = chromiumMissing ?? uiMissing;
if (skip) console.warn(`Skipping the Settings view test: ${skip}`);

const KEY = 'sk-settings-ui-9f8e7d6c5b4a39281706';
const EMAIL = 'maya@example.org';

/** Seeds two old records and a new one, and a sent request whose email was redacted. */
function seed(core: Core) {
  const records = core.workflows.records;
  records.save(
    sampleEnvelope({ id: 'call-old-1', runId: null, createdAt: '2020-03-01T09:00:00Z' }),
  );
  records.save(
    sampleEnvelope({ id: 'call-old-2', runId: null, createdAt: '2020-03-02T09:00:00Z' }),
  );
  records.save(
    sampleEnvelope({ id: 'call-new-1', runId: null, createdAt: new Date().toISOString() }),
  );
  const redacted = failClosedRedactor([{ role: 'user', content: `Summarise. Contact: ${EMAIL}` }]);
  const now = new Date().toISOString();
  new SqliteEgressStore(core.db).addRequest({
    id: 'E-UI-SENT-1',
    createdAt: now,
    runId: null,
    passId: 'summary',
    workItemId: null,
    workspaceRoot: core.workspace!.root,
    providerId: 'team-vllm',
    tier: 'hosted',
    model: 'qwen2.5-32b',
    destination: 'https://llm.example.test/v1/chat/completions',
    body: { messages: redacted.messages },
    payloadHash: 'ab'.repeat(32),
    redaction: redacted.summary,
    estimate: {
      inputTokens: 20,
      maxOutputTokens: 64,
      maxCost: 0,
      currency: 'USD',
      budgetNotes: [],
    },
    reason: "the workspace routes 'summary' to hosted",
    status: 'sent',
    consentId: null,
    callId: 'call-new-1',
    sentAt: now,
    error: null,
  });
}

describe.skipIf(skip)('the Settings view', () => {
  let browser: Browser;
  let page: Page;
  let host: WebHost;
  let core: Core;
  let workspace: string;
  const consoleErrors: string[] = [];
  /** Every frame the core sent to the page. */
  const frames: string[] = [];
  const config = () => fs.readFileSync(path.join(workspace, '.cairn', 'config.yaml'), 'utf8');
  const settings = () => page.locator('section.view.settings');

  beforeAll(async () => {
    workspace = path.join(tempDir('cairn-settings-ui-'), 'lantern');
    fs.cpSync(SAMPLE_WORKSPACE, workspace, { recursive: true });
    ({ host, core } = await startTestHost(RENDERER_DIST, { workspace }));
    seed(core);
    browser = await launchChromium();
    page = await openAppPage(browser, host.url, consoleErrors, { width: 1280, height: 900 });
    page.on('websocket', (ws) =>
      ws.on('framereceived', (f) =>
        frames.push(typeof f.payload === 'string' ? f.payload : f.payload.toString()),
      ),
    );
    await page.reload();
    await page.getByRole('heading', { name: 'lantern', exact: true }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    core?.close();
  });

  it('opens with Alt+9 and keeps what it showed before', async () => {
    await page.keyboard.press('Alt+9');
    await page.getByRole('heading', { name: 'Settings', exact: true }).waitFor();
    expect(await page.locator('.facts').textContent()).toContain('schema version');
    await page.getByText('No provider yet.').waitFor();
  });

  it('refuses a provider with a URL that is not http(s), naming the field', async () => {
    const form = page.getByRole('form', { name: 'Add a provider' });
    await form.getByLabel('Id', { exact: true }).fill('team-vllm');
    await form.getByLabel('Base URL').fill('ftp://llm.example.test');
    await form.getByLabel('Models').fill('qwen2.5-32b');
    await form.getByRole('button', { name: 'Add provider' }).click();
    await form.getByRole('alert').waitFor();
    expect(await form.getByLabel('Base URL').getAttribute('aria-invalid')).toBe('true');
    expect(await form.locator('.field-error').textContent()).toContain(
      'must be an http or https URL',
    );
    expect(fs.existsSync(path.join(core.dataDir, 'providers.yaml'))).toBe(false);
  });

  it('adds a hosted and a cloud provider', async () => {
    const form = page.getByRole('form', { name: 'Add a provider' });
    await form.getByLabel('Base URL').fill('https://llm.example.test/v1');
    await form.getByRole('button', { name: 'Add provider' }).click();
    await page.getByRole('status').filter({ hasText: 'Added team-vllm.' }).waitFor();
    await form.getByLabel('Id', { exact: true }).fill('openai');
    await form.getByRole('radio', { name: /Cloud/ }).check();
    await form.getByLabel('Base URL').fill('https://api.openai.com/v1');
    await form.getByLabel('Models').fill('gpt-4.1, gpt-4.1-mini');
    await form.getByRole('button', { name: 'Add provider' }).click();
    await page.getByRole('status').filter({ hasText: 'Added openai.' }).waitFor();
    const rows = page.locator('.providers-table tbody tr');
    expect(await rows.count()).toBe(2);
    expect(await rows.first().textContent()).toContain('not stored');
  });

  it('stores a key in the secret store and never sends it back', async () => {
    await page.getByRole('button', { name: 'Set key of team-vllm' }).click();
    const field = page.getByLabel('API key for team-vllm');
    expect(await field.getAttribute('type')).toBe('password');
    // The form says where the key goes, with the file store's warning.
    expect(await page.locator('.key-form').textContent()).toContain(
      'only your user account can read',
    );
    expect(await page.locator('.key-form').textContent()).toContain('not in the system keychain');
    await field.fill(KEY);
    await page.getByRole('button', { name: 'Store key' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Stored the API key of team-vllm.' })
      .waitFor();
    expect(await page.locator('.providers-table tbody tr').first().textContent()).toContain(
      'stored',
    );
    expect(core.secrets.get('provider-key:team-vllm')).toBe(KEY);
    expect(frames.length).toBeGreaterThan(5);
    for (const frame of frames) expect(frame).not.toContain(KEY);
    expect(await page.content()).not.toContain(KEY);
    expect(fs.readFileSync(path.join(core.dataDir, 'providers.yaml'), 'utf8')).not.toContain(KEY);
    await page.setViewportSize({ width: 1280, height: 2200 });
    await settings().screenshot({ path: screenshotPath('settings') });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('refuses a routing policy that contradicts itself, naming the field', async () => {
    const form = page.locator('.settings .routing-form');
    await form.getByRole('radio', { name: /Forbidden/ }).check();
    await form.getByRole('button', { name: 'Add a pass rule' }).click();
    // The new rule's name takes the focus, so it is typed next.
    expect(await page.locator(':focus').getAttribute('aria-label')).toBe('Pass of rule 1');
    await form.getByLabel('Pass of rule 1').fill('plan');
    await form.getByLabel('Tier of plan').selectOption('cloud');
    await form.getByRole('button', { name: 'Save routing policy' }).click();
    const alert = form.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('routing.passes.plan: routes to cloud');
    expect(await form.getByLabel('Pass of rule 1').getAttribute('aria-invalid')).toBe('true');
    expect(config()).toContain('cloud: ask');
  });

  it('saves cloud: ask with a per-pass tier and the models into .cairn/config.yaml', async () => {
    const before = config();
    const form = page.locator('.settings .routing-form');
    await form.getByRole('radio', { name: /Ask/ }).check();
    await form.getByLabel('Pass of rule 1').fill('review-summary');
    await form.getByLabel('Tier of review-summary').selectOption('hosted');
    const hosted = form.getByRole('group', { name: 'Hosted model' });
    await hosted.getByLabel('Provider').selectOption('team-vllm');
    const cloud = form.getByRole('group', { name: 'Cloud model' });
    await cloud.getByLabel('Provider').selectOption('openai');
    await cloud.getByLabel('Model').selectOption('gpt-4.1-mini');
    await form.getByRole('button', { name: 'Save routing policy' }).click();
    await form.getByRole('status').filter({ hasText: 'Saved to .cairn/config.yaml' }).waitFor();
    const after = config();
    expect(after).toContain('  cloud: ask');
    expect(after).toMatch(/passes:\n {4}review-summary: hosted/);
    expect(after).toMatch(/hosted_model:\n {4}provider: team-vllm\n {4}model: qwen2.5-32b/);
    expect(after).toMatch(/cloud_model:\n {4}provider: openai\n {4}model: gpt-4.1-mini/);
    // Everything outside the routing section is as it was, comments included.
    expect(after.split('routing:')[0]).toBe(before.split('routing:')[0]);
    expect(after.slice(after.indexOf('lint:'))).toBe(before.slice(before.indexOf('lint:')));
    expect(await form.getByRole('button', { name: 'Save routing policy' }).isDisabled()).toBe(true);
    await page
      .locator('.settings .routing-policy')
      .screenshot({ path: screenshotPath('settings-routing') });
  });

  it('exports records as JSON Lines and OTLP JSON into the exports folder', async () => {
    const panel = page.getByRole('region', { name: 'Records', exact: true });
    await panel.getByRole('button', { name: 'Export records' }).click();
    const done = panel.getByRole('status').filter({ hasText: 'Exported 3 records' });
    await done.waitFor();
    const file = (await done.locator('code').textContent())!;
    expect(path.dirname(file)).toBe(path.join(core.dataDir, 'exports'));
    const ids = fs
      .readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { id: string }).id);
    expect(ids).toEqual(['call-old-1', 'call-old-2', 'call-new-1']);
    await panel.getByRole('radio', { name: /OTLP JSON/ }).check();
    await panel.getByRole('radio', { name: 'Recorded between two days' }).check();
    await panel.getByLabel('First day').fill('2020-03-01');
    await panel.getByLabel('Last day').fill('2020-03-01');
    await panel.getByRole('button', { name: 'Export records' }).click();
    const otlp = panel.getByRole('status').filter({ hasText: 'Exported 1 record ' });
    await otlp.waitFor();
    const traces = JSON.parse(
      fs.readFileSync((await otlp.locator('code').textContent())!, 'utf8'),
    ) as {
      resourceSpans: { scopeSpans: { spans: unknown[] }[] }[];
    };
    expect(traces.resourceSpans[0]!.scopeSpans[0]!.spans).toHaveLength(1);
  });

  it('clears records older than 30 days after a confirmation that counts them', async () => {
    const panel = page.getByRole('region', { name: 'Records', exact: true });
    await panel.getByRole('button', { name: 'Clear records…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete 2 records?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('2 recorded model calls and 0 finished runs');
    // The safe answer has the focus; Escape would cancel.
    expect(await page.locator(':focus').textContent()).toBe('Cancel');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(core.workflows.records.count()).toBe(3);
    await dialog.getByRole('button', { name: 'Delete 2 records and 0 runs' }).click();
    await panel.getByRole('status').filter({ hasText: 'Deleted 2 records and 0 runs.' }).waitFor();
    expect(core.workflows.records.list().map((e) => e.id)).toEqual(['call-new-1']);
    await expect
      .poll(() => page.getByRole('region', { name: 'Data location' }).textContent())
      .toContain('1 recorded model call in');
  });

  it('has no serious accessibility violations', async () => {
    expect(await seriousAxeViolations(page)).toEqual([]);
    // Dark mode reads the same variables.
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.setViewportSize({ width: 1280, height: 3000 });
    await settings().screenshot({ path: screenshotPath('settings-dark') });
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('shows the same routing policy, editable, in the Consent view, and the redaction report', async () => {
    await page.keyboard.press('Alt+8');
    const routing = page.getByRole('region', { name: 'Routing policy' });
    await routing.waitFor();
    expect(await routing.getByRole('radio', { name: /Ask/ }).isChecked()).toBe(true);
    expect(await routing.getByLabel('Pass of rule 1').inputValue()).toBe('review-summary');
    const log = page.locator('.egress-log tbody tr');
    expect(await log.count()).toBe(1);
    const report = log.first().locator('.redaction-report');
    expect(await report.locator('summary').textContent()).toContain('email ×1');
    await report.locator('summary').click();
    const text = (await report.textContent())!;
    expect(text).toContain('[[REDACTED:email:1]]');
    expect(text).not.toContain(EMAIL);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 1800 });
    await page
      .locator('section.view.consent')
      .screenshot({ path: screenshotPath('consent-routing') });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('runs under the strict CSP without errors', () => {
    expect(consoleErrors).toEqual([]);
  });
});
