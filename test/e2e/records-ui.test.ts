// The Records view in the real UI (Chromium, web host, real core): calls recorded the way the
// app records them (a spec-review workflow on the tiny GGUF model, run twice so the second
// answer comes from the cache, and a free-text call through the LocalModelPort), listed and
// filtered; one opened to show exactly what the model received and returned; re-run on a
// second tiny model and compared side by side; a long re-run cancelled.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createDispatcher } from '../../electron/ipc/dispatch.ts';
import { createHandlers } from '../../electron/ipc/handlers.ts';
import { Core } from '../../electron/services/core.ts';
import { LocalModelPort } from '../../electron/services/records/local-model-port.ts';
import { startWebHost, type WebHost } from '../../electron/web/server.ts';
import { buildEnvelope } from '../../workflows/records/build-envelope.ts';
import { cacheKey } from '../../workflows/records/cache-key.ts';
import type { Envelope } from '../../workflows/records/envelope.ts';
import {
  chromiumMissing,
  launchChromium,
  openAppPage,
  screenshotPath,
  seriousAxeViolations,
} from '../support/browser.ts';
import { tempDir } from '../support/temp-dir.ts';
import { writeTinyGguf } from '../support/tiny-gguf.ts';
import { RENDERER_DIST } from '../support/web-host.ts';
import { copySample } from '../support/workflow-harness.ts';

const uiMissing = fs.existsSync(`${RENDERER_DIST}/index.html`)
  ? null
  : 'the renderer is not built (npm run build:renderer)';
const skip = chromiumMissing ?? uiMissing;
if (skip) console.warn(`Skipping the Records view test: ${skip}`);

const FIRST = 'cairn-tiny-64x2';

/** The clipboard's text, read in the page (the test project has no DOM types). */
const readClipboard = (page: Page) =>
  page.evaluate(() => {
    const { navigator } = globalThis as unknown as {
      navigator: { clipboard: { readText(): Promise<string> } };
    };
    return navigator.clipboard.readText();
  });
const SECOND = 'tiny-two';

describe.skipIf(skip)('the Records view', () => {
  let browser: Browser;
  let page: Page;
  let host: WebHost;
  let core: Core;
  let firstId: string;
  let secondId: string;
  let summary: Envelope;
  let cacheHit: Envelope;
  let freeText: Envelope;
  const consoleErrors: string[] = [];

  const records = () => core.workflows.records;
  const rows = () => page.locator('.records-table tbody tr');

  async function runSpecReview(workspaceRoot: string): Promise<string> {
    const { workflows } = core.workflows;
    const run = await workflows.start({
      workspaceRoot,
      workflowId: 'spec-review',
      itemId: null,
      modelId: firstId,
    });
    await workflows.engineFor(run).advance(run.id);
    return run.id;
  }

  /** A free-text call on the second model, recorded as the engine records a call. */
  async function recordFreeText(): Promise<Envelope> {
    const port = new LocalModelPort(core.models, secondId);
    const request = {
      messages: [
        { role: 'system' as const, content: 'You write release notes.' },
        {
          role: 'user' as const,
          content: 'Write the release notes for the offline review feature, at length.',
        },
      ],
      jsonSchema: null,
      // Greedy decoding on the tiny models runs for thousands of tokens: time to cancel.
      maxTokens: 4000,
      temperature: 0,
      topP: null,
      seed: 7,
    };
    const identity = await port.describe();
    const result = await port.generate(request);
    const envelope = buildEnvelope({
      id: 'free-text-call-0001',
      createdAt: new Date().toISOString(),
      runId: null,
      passId: 'release-notes',
      workItemId: 'feat-offline-review',
      request,
      schemaName: null,
      identity,
      result,
      error: null,
      cost: { currency: 'USD', amount: 0, priceTable: null },
      cacheKey: cacheKey(request, identity),
      retrieved: [],
    });
    records().save(envelope);
    return envelope;
  }

  async function openCall(id: string) {
    await page.getByRole('button', { name: `Open call ${id}` }).click();
    await page.getByRole('heading', { name: `Call ${id}`, level: 2 }).waitFor();
  }

  async function backToList() {
    await page.getByRole('button', { name: '← All records' }).click();
    await page.locator('.records-table').waitFor();
  }

  beforeAll(async () => {
    const dir = tempDir('cairn-records-ui-');
    const workspace = copySample(dir);
    core = new Core({
      dataDir: path.join(dir, 'data'),
      host: 'web',
      version: '0.0.0-test',
      workspace,
      models: { gpu: false, contextSize: 8192 },
    });
    firstId = (await core.models.importFile(writeTinyGguf({}, dir))).record.id;
    secondId = (await core.models.importFile(writeTinyGguf({ seed: 2, name: SECOND }, dir))).record
      .id;
    for (const id of [firstId, secondId])
      await core.models.calibrate(id, { candidates: [1], repeats: 1 });

    const firstRun = await runSpecReview(workspace);
    const secondRun = await runSpecReview(workspace);
    summary = records().list({ runId: firstRun })[0]!;
    cacheHit = records().list({ runId: secondRun })[0]!;
    expect(summary.kind).toBe('generation');
    expect(cacheHit.kind).toBe('cache-hit');
    freeText = await recordFreeText();

    host = await startWebHost({
      dispatcher: createDispatcher(createHandlers(core)),
      staticDir: RENDERER_DIST,
    });
    browser = await launchChromium();
    page = await openAppPage(browser, host.url, consoleErrors);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(host.url).origin,
    });
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    core?.close();
  });

  it('lists the recorded calls newest first and filters them', async () => {
    await page.getByRole('heading', { name: 'workspace' }).first().waitFor();
    await page.keyboard.press('Alt+4');
    await page.getByRole('heading', { name: 'Records', level: 1 }).waitFor();
    await expect.poll(() => rows().count()).toBe(3);
    expect(await page.locator('.records-pager').first().textContent()).toContain(
      'Records 1–3 of 3, newest first',
    );
    const ids = await rows()
      .locator('.records-open')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
    expect(ids).toEqual([freeText.id, cacheHit.id, summary.id]);
    expect(await rows().nth(0).textContent()).toContain(SECOND);
    expect(await rows().nth(1).textContent()).toContain('Cache hit');
    expect(await rows().nth(2).textContent()).toContain(FIRST);
    expect(await rows().nth(2).textContent()).toContain('summary');

    await page.getByLabel('Outcome').selectOption('cache-hit');
    await expect.poll(() => rows().count()).toBe(1);
    expect(await rows().nth(0).textContent()).toContain(cacheHit.runId!);

    await page.getByLabel('Outcome').selectOption('');
    await page.getByLabel('Model').selectOption({ label: `${SECOND} (local)` });
    await expect.poll(() => rows().count()).toBe(1);
    expect(await rows().locator('.records-open').getAttribute('data-id')).toBe(freeText.id);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => rows().count()).toBe(3);

    await page.getByLabel('Search ids').fill(summary.runId!.slice(-6).toLowerCase());
    await expect.poll(() => rows().count()).toBe(1);
    expect(await rows().locator('.records-open').getAttribute('data-id')).toBe(summary.id);
    await page.getByLabel('Search ids').fill('no-such-call');
    await page.getByText('No recorded call matches these filters.').waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => rows().count()).toBe(3);

    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('records-list'), fullPage: true });
  });

  it('opens a call and shows exactly what the model received and returned', async () => {
    await openCall(summary.id);
    // The heading takes the focus, so a keyboard user starts reading at the call.
    expect(await page.locator(':focus').textContent()).toBe(`Call ${summary.id}`);
    const messages = page.locator('.records-message pre');
    expect(await messages.count()).toBe(summary.messages.length);
    for (const [i, m] of summary.messages.entries()) {
      expect(await messages.nth(i).textContent()).toBe(m.content);
      expect(await page.locator('.records-message h4').nth(i).textContent()).toBe(
        `${i + 1} · ${m.role}`,
      );
    }
    const detail = page.locator('.records-detail');
    const text = (await detail.textContent())!;
    expect(text).toContain(summary.model.sha256!);
    expect(text).toContain(summary.model.runtimeVersion!);
    expect(text).toContain('threads 1');
    expect(text).toContain(summary.cacheKey);
    expect(text).toContain(`JSON under the schema ${summary.params.schemaName}`);
    expect(text).toContain('not from the cache: the model was called');

    const output = page.locator('.records-block', { hasText: 'Raw output' }).locator('pre');
    expect(await output.first().textContent()).toBe(summary.output.text);
    const parsed = page.locator('.records-block', { hasText: 'Parsed value' }).locator('pre');
    expect(await parsed.first().textContent()).toBe(JSON.stringify(summary.output.json, null, 2));

    await page.locator('.records-schema summary').click();
    const schema = page.locator('.records-schema pre');
    expect(JSON.parse((await schema.textContent())!)).toEqual(summary.params.jsonSchema);

    await page.getByRole('button', { name: 'Copy message 2 (user)' }).click();
    await page.getByRole('button', { name: 'Copied message 2 (user)' }).waitFor();
    expect(await readClipboard(page)).toBe(summary.messages[1]!.content);
    await page.getByRole('button', { name: 'Copy as text' }).click();
    const replay = await readClipboard(page);
    expect(replay).toContain(`Call ${summary.id} (generation)`);
    expect(replay).toContain(summary.messages[1]!.content);

    expect(await seriousAxeViolations(page)).toEqual([]);
    // The view scrolls inside the window: a tall window shows the whole call at once.
    await page.setViewportSize({ width: 1280, height: 2400 });
    await page.screenshot({ path: screenshotPath('records-detail') });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: screenshotPath('records-detail-dark') });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1280, height: 900 });

    // Escape goes back to the list, with the focus on the call that was open.
    await page.keyboard.press('Escape');
    await page.locator('.records-table').waitFor();
    expect(await page.locator(':focus').getAttribute('data-id')).toBe(summary.id);
  });

  it('shows where a cache hit came from, and a run’s calls from any call of it', async () => {
    await openCall(cacheHit.id);
    const source = page.getByRole('button', { name: summary.id, exact: true });
    expect(await page.locator('.records-detail').textContent()).toContain(
      'Answered from the cache: no model was called',
    );
    await source.click();
    await page.getByRole('heading', { name: `Call ${summary.id}`, level: 2 }).waitFor();
    await page.getByRole('button', { name: 'All calls of this run' }).click();
    await expect.poll(() => rows().count()).toBe(1);
    expect(await page.getByLabel('Run', { exact: true }).inputValue()).toBe(summary.runId);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => rows().count()).toBe(3);
  });

  it('re-runs a call on a second model and compares the two side by side', async () => {
    await openCall(summary.id);
    const model = page.getByLabel('Re-run on', { exact: true });
    // The model that did not answer this call is offered first.
    expect(await model.locator('option:checked').textContent()).toContain(SECOND);
    expect(await model.locator('option', { hasText: FIRST }).textContent()).toContain(
      '(answered this call)',
    );
    await page.getByRole('button', { name: 'Re-run', exact: true }).click();
    const compare = page.locator('.records-compare');
    await compare.waitFor({ timeout: 60_000 });
    const rerun = records()
      .list({ workItemId: summary.workItemId ?? undefined })
      .find((e) => e.rerunOf === summary.id);
    expect(rerun).toBeDefined();
    await page.getByText(`Re-run finished and recorded as call ${rerun!.id}.`).waitFor();
    expect(await compare.textContent()).toContain(
      `Same request: both calls received the same ${summary.messages.length} messages (above) and the same parameters.`,
    );
    const columns = compare.locator('.records-compare-column');
    expect(await columns.nth(0).textContent()).toContain(FIRST);
    expect(await columns.nth(1).textContent()).toContain(SECOND);
    expect(await columns.nth(1).locator('pre').first().textContent()).toBe(rerun!.output.text);
    // Field by field: every field of either output, each said to be the same or different.
    const fields = compare.locator('.records-fields tbody tr');
    expect(await fields.count()).toBeGreaterThan(0);
    const results = await compare.locator('.records-field-status').allTextContents();
    for (const r of results)
      expect(['Same', 'Different', 'Only in the re-run', 'Only in the recorded call']).toContain(r);
    expect(await compare.locator('canvas[role="img"]').count()).toBe(2);
    expect(await columns.nth(0).textContent()).toMatch(/Output tokens\s*\d/);
    expect(await columns.nth(1).textContent()).toMatch(/Cost\s*0 USD/);

    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 1400 });
    await compare.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: screenshotPath('records-compare') });
    await page.setViewportSize({ width: 1280, height: 900 });

    // The re-run is on record, and opening it shows the same comparison.
    await page.getByRole('button', { name: `Open call ${rerun!.id}` }).click();
    await page.getByRole('heading', { name: `Call ${rerun!.id}`, level: 2 }).waitFor();
    await page.locator('.records-compare').waitFor();
    expect(await page.locator('.records-detail').textContent()).toContain(
      `A re-run of call ${summary.id}`,
    );
  });

  it('cancels a re-run, and the cancelled call is still on record', async () => {
    await backToList();
    await expect.poll(() => rows().count()).toBe(4);
    await openCall(freeText.id);
    await page.getByLabel('Re-run on', { exact: true }).selectOption({ label: `${FIRST} · F32` });
    await page.getByRole('button', { name: 'Re-run', exact: true }).click();
    await page.getByRole('progressbar', { name: `Re-running on ${FIRST}` }).waitFor();
    await page.getByText(`Generating on ${FIRST}`).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Cancel re-run' }).click();
    await page.getByText('Re-run cancelled.').waitFor();
    expect(await page.getByRole('progressbar').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Re-run', exact: true }).isEnabled()).toBe(true);
    expect(await page.locator('.records-compare').count()).toBe(0);
    const cancelled = () =>
      records()
        .list({ workItemId: freeText.workItemId! })
        .find((e) => e.rerunOf === freeText.id);
    await expect.poll(cancelled, { timeout: 30_000 }).toBeDefined();
    expect(cancelled()!.output.stopReason).toBe('cancelled');
    expect(cancelled()!.tokens.output).toBeLessThan(freeText.params.maxTokens);
  });

  it('runs under the strict CSP without errors', () => {
    expect(consoleErrors).toEqual([]);
  });
});
