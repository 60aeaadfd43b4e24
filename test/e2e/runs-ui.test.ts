// The Runs view in the real UI (Chromium, web host, real core on SQLite, real passes, the tiny
// GGUF model on llama.cpp): choose a workflow, create a work item, see the estimate and the
// budget overrun before starting; watch a run's passes; accept one proposed change and reject
// another (the files on disk say so); override a failed automatic gate; answer the clarify
// gate's questions after the host restarts (a new core on the same data folder); cancel a run
// while the model streams; filter the runs list.
//
// The tiny model's weights are random: its clarify output never passes the question schema, and
// its JSON closes within a few hundred tokens. So the test's inference client lets the model
// really generate (streaming, token counts, cancellation all real) but, for clarify, answers
// with two scripted questions once the generation ends; and decodes the long summary as free
// text, which runs until it is cancelled.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createDispatcher } from '../../electron/ipc/dispatch.ts';
import { createHandlers } from '../../electron/ipc/handlers.ts';
import { Core } from '../../electron/services/core.ts';
import { startWebHost, type WebHost } from '../../electron/web/server.ts';
import { InferenceClient, type CallOptions } from '../../native-models/local/inference-client.ts';
import type {
  GenerateParams,
  GenerationResult,
  ModelSpec,
} from '../../native-models/local/protocol.ts';
import {
  chromiumMissing,
  launchChromium,
  openAppPage,
  screenshotPath,
  seriousAxeViolations,
} from '../support/browser.ts';
import { REQUIREMENTS, runsWorkspace, SYNC } from '../support/runs-workspace.ts';
import { tempDir } from '../support/temp-dir.ts';
import { writeTinyGguf } from '../support/tiny-gguf.ts';
import { RENDERER_DIST } from '../support/web-host.ts';

const uiMissing = fs.existsSync(`${RENDERER_DIST}/index.html`)
  ? null
  : 'the renderer is not built (npm run build:renderer)';
const skip = chromiumMissing ?? uiMissing;
if (skip) console.warn(`Skipping the Runs view test: ${skip}`);

const QUESTIONS = {
  questions: [
    {
      question: 'How long may a queued comment wait before it is sent?',
      options: ['At most 1 minute', 'At most 10 minutes', 'Until the next app start'],
      recommended: 'A',
      reason: 'Reviewers expect their comments to appear soon after reconnecting.',
    },
    {
      question: 'Which notes are cached for offline reading?',
      options: ['Only notes shared with the reviewer', 'Every note in the workspace'],
      recommended: 'A',
      reason: 'Caching every note wastes disk space on laptops.',
    },
  ],
};

/** Real generation on llama.cpp; see the header for what it changes and why. */
class TestInferenceClient extends InferenceClient {
  override async generate(
    model: ModelSpec,
    params: GenerateParams,
    options: CallOptions = {},
  ): Promise<GenerationResult> {
    const schema = JSON.stringify(params.jsonSchema ?? {});
    if (schema.includes('"recommendation"')) {
      const { jsonSchema: _free, ...rest } = params;
      return super.generate(model, { ...rest, temperature: 1, seed: 5 }, options);
    }
    const result = await super.generate(model, params, options);
    if (!schema.includes('"questions"') || result.stopReason === 'cancelled') return result;
    return { ...result, text: JSON.stringify(QUESTIONS), json: QUESTIONS, jsonProblem: null };
  }
}

describe.skipIf(skip)('the Runs view', () => {
  const dir = tempDir('cairn-runs-ui-');
  const dataDir = path.join(dir, 'data');
  const workspace = runsWorkspace(dir);
  /** The tiny model, fast; and a wider one, slow enough to cancel while it streams. */
  const models = { fast: '', slow: '' };
  let browser: Browser;
  let page: Page;
  let host: WebHost;
  let core: Core;
  let runId = '';
  const consoleErrors: string[] = [];
  const read = (rel: string) => fs.readFileSync(path.join(workspace, rel), 'utf8');
  const original = { requirements: '', sync: '' };

  async function openHost(before?: () => Promise<void>): Promise<void> {
    core = new Core({
      dataDir,
      host: 'web',
      version: '0.0.0-test',
      workspace,
      models: { gpu: false, contextSize: 4096, client: new TestInferenceClient() },
    });
    host = await startWebHost({
      dispatcher: createDispatcher(createHandlers(core)),
      staticDir: RENDERER_DIST,
    });
    await before?.();
    page = await openAppPage(browser, host.url, consoleErrors);
    await page.getByRole('navigation', { name: 'Views' }).waitFor();
    await page.keyboard.press('Alt+3');
    await page.getByRole('heading', { name: 'Runs', level: 1 }).waitFor();
  }

  async function closeHost(): Promise<void> {
    await page?.close();
    await host?.close();
    core?.close();
  }

  async function axe(): Promise<void> {
    expect(await seriousAxeViolations(page)).toEqual([]);
  }

  beforeAll(async () => {
    original.requirements = read(REQUIREMENTS);
    original.sync = read(SYNC);
    browser = await launchChromium();
    await openHost(async () => {
      for (const [which, options] of [
        ['fast', {}],
        ['slow', { embeddingLength: 256, blockCount: 4, name: 'cairn-tiny-256x4' }],
      ] as const) {
        const { record } = await core.models.importFile(writeTinyGguf(options, dir));
        await core.models.calibrate(record.id, { candidates: [1], repeats: 1 });
        models[which] = record.id;
      }
    });
  });

  afterAll(async () => {
    await closeHost();
    await browser?.close();
  });

  it('shows the catalog with the broken team file, and creates a work item', async () => {
    const workflow = page.locator('#run-workflow');
    await expect
      .poll(() => workflow.locator('option').allTextContents())
      .toContain('Lint and clarify (ui-check, team)');
    const problems = page.locator('.catalog-problems');
    expect(await problems.textContent()).toContain('.cairn/workflows/broken.yaml:5:');
    expect(await problems.textContent()).toContain("no pass named 'nope'");

    await page.getByRole('button', { name: 'New item…' }).click();
    await page.getByLabel('Kind').selectOption('review');
    await page.getByLabel('Title').fill('Offline review');
    await page.getByLabel('Spec folder (optional)').fill('specs/offline-review');
    await page.getByRole('button', { name: 'Create item' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Created REV-/ })
      .waitFor();
    expect(await page.locator('#run-item').inputValue()).toMatch(/^REV-/);
  });

  it('shows the estimate, its basis and the budget overrun before anything starts', async () => {
    await page.locator('#run-workflow').selectOption('ui-check');
    await page.locator('#run-model').selectOption(models.fast);
    const estimate = page.locator('.estimate');
    await estimate.getByText('Over budget.').waitFor();
    const text = (await estimate.textContent()) ?? '';
    expect(text).toMatch(/~[\d,]+ in · ≤ 1,024 out/);
    expect(text).toContain("counted with the model's tokenizer");
    expect(text).toContain("this model's measured speed");
    expect(text).toMatch(/against a budget of 500/);
    expect(await page.getByRole('button', { name: 'Start run' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Start anyway (over budget)' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('runs-estimate') });
    await axe();
  });

  it('starts anyway, stops at the failed lint gate and shows its criterion with the numbers', async () => {
    await page.getByRole('button', { name: 'Start anyway (over budget)' }).click();
    const gate = page.locator('.gate');
    await gate.getByRole('heading', { name: /Blocked at the gate after “Lint”/ }).waitFor({
      timeout: 60_000,
    });
    expect(await gate.locator('.criterion').textContent()).toMatch(
      /Fail\s*no-lint-errors\s*lintErrors = 1 \(at most 0\)/,
    );
    runId = ((await page.locator('#run-title .run-id').textContent()) ?? '').trim();
    expect(runId).toMatch(/^RUN-/);
    // Nothing is written before a change is accepted.
    expect(read(REQUIREMENTS)).toBe(original.requirements);
  });

  it('accepts one proposed change and rejects another: the files say so', async () => {
    const changes = page.locator('.change');
    await expect.poll(() => changes.count()).toBe(2);
    const reqChange = changes.filter({ hasText: REQUIREMENTS });
    expect(await reqChange.locator('.diff-removed .diff-text').allTextContents()).toEqual([
      expect.stringContaining('should do it fast.'),
    ]);
    expect(await reqChange.locator('.diff-added .diff-text').allTextContents()).toEqual([
      expect.stringContaining('shall do it fast.'),
    ]);
    await page.getByRole('button', { name: `Accept the change to ${REQUIREMENTS}` }).click();
    await reqChange.getByText(`Wrote ${REQUIREMENTS}.`).waitFor();
    await page.getByRole('button', { name: `Reject the change to ${SYNC}` }).click();
    await changes
      .filter({ hasText: SYNC })
      .getByText(`Rejected; ${SYNC} is left as it is.`)
      .waitFor();
    expect(read(REQUIREMENTS)).toBe(
      original.requirements.replace('should do it fast', 'shall do it fast'),
    );
    expect(read(SYNC)).toBe(original.sync);
    await axe();
  });

  it('overrides the gate, streams the clarify pass and waits with its questions', async () => {
    await page.getByRole('button', { name: 'Override and continue' }).click();
    const gate = page.locator('.gate');
    await gate
      .getByRole('heading', { name: /Waiting for your approval after “Clarifying questions”/ })
      .waitFor({ timeout: 60_000 });
    const first = gate.getByRole('group', { name: /Q1\. How long may a queued comment wait/ });
    expect(await first.getByRole('radio', { name: /At most 1 minute/ }).isChecked()).toBe(true);
    expect(await first.textContent()).toContain('recommended');
    const clarify = page.locator('.pass', { hasText: 'Clarifying questions' });
    expect(await clarify.locator('.pass-facts').textContent()).toMatch(
      /[\d,]+ in · [\d,]+ out tokens · [\d.]+ tok\/s measured/,
    );
    await page.screenshot({ path: screenshotPath('runs-gate') });
    await axe();
  });

  it('lists the waiting run after a restart and continues it with the chosen answers', async () => {
    await closeHost();
    await openHost();
    const item = page.locator('.run-item', { hasText: runId });
    await item.getByText('Waiting for approval').waitFor();
    await item.click();
    const gate = page.locator('.gate');
    const first = gate.getByRole('group', { name: /Q1\./ });
    await first.getByRole('radio', { name: /At most 10 minutes/ }).check();
    await gate.getByRole('button', { name: 'Approve and continue' }).click();
    await page
      .locator('.run-header .state-badge', { hasText: 'Completed' })
      .waitFor({ timeout: 60_000 });
    const clarifyChange = page.locator('.change', { hasText: 'pass clarify' });
    await page.getByRole('button', { name: `Accept the change to ${REQUIREMENTS}` }).click();
    await clarifyChange.getByText(`Wrote ${REQUIREMENTS}.`).waitFor();
    const text = read(REQUIREMENTS);
    expect(text).toContain('## Clarifications');
    expect(text).toContain('At most 10 minutes');
    expect(text).toContain('Only notes shared with the reviewer');
    expect(text).toContain('shall do it fast.');
  });

  it('cancels a run while the model streams, and the generation stops', async () => {
    await page.locator('#run-workflow').selectOption('ui-long');
    await page.locator('#run-model').selectOption(models.slow);
    await page.locator('.estimate').waitFor();
    await page.getByRole('button', { name: 'Start run' }).click();
    const live = page.locator('.pass-running .live-rate');
    await live.waitFor({ timeout: 60_000 });
    // Counted by llama.cpp as the tokens stream, not estimated from the text.
    expect(await live.textContent()).toMatch(/^[\d.]+ tok\/s$/);
    await page.locator('.timeline').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('runs-timeline') });
    const cancelledId = ((await page.locator('#run-title .run-id').textContent()) ?? '').trim();
    await page.getByRole('button', { name: 'Cancel run' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Stop the run' }).click();
    await page.locator('.run-header .state-badge', { hasText: 'Cancelled' }).waitFor();
    const summary = page.locator('.pass', { hasText: 'Summary' });
    expect(await summary.locator('.pass-state').textContent()).toBe('stopped before it finished');
    const [call] = core.workflows.records.list({ runId: cancelledId });
    expect(call?.output.stopReason).toBe('cancelled');
    expect(call!.tokens.output).toBeLessThan(2000);
    await axe();
  });

  it('filters the runs list and totals what the listed runs used', async () => {
    await page.locator('#filter-status').selectOption('cancelled');
    const items = page.locator('.run-item');
    await expect.poll(() => items.count()).toBe(1);
    expect(await items.first().textContent()).toContain('Long summary');
    await page.locator('#filter-status').selectOption('');
    await page.locator('#filter-workflow').selectOption('ui-check');
    await expect.poll(() => items.count()).toBe(1);
    expect(await items.first().textContent()).toContain(runId);
    expect(await page.locator('.run-totals-line').textContent()).toMatch(
      /1 run: [\d,]+ in · [\d,]+ out tokens · .* · 0 USD/,
    );
    await axe();
  });

  it('reads well in the dark and runs under the strict CSP without errors', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: screenshotPath('runs-dark') });
    await page.emulateMedia({ colorScheme: 'light' });
    expect(consoleErrors).toEqual([]);
  });
});
