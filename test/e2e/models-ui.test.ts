// The Models view in the real UI (Chromium, web host, real core): this machine's hardware, the
// catalog with a fit estimate, import of the tiny test model by path, a speed test with tokens
// per second per thread count, a download from a 127.0.0.1 file server with progress, cancel
// and resume from the partial file, and removal behind a confirmation.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createDispatcher } from '../../electron/ipc/dispatch.ts';
import { createHandlers } from '../../electron/ipc/handlers.ts';
import { Core } from '../../electron/services/core.ts';
import { startWebHost, type WebHost } from '../../electron/web/server.ts';
import type { CatalogEntry } from '../../native-models/registry/catalog.ts';
import {
  chromiumMissing,
  launchChromium,
  openAppPage,
  screenshotPath,
} from '../support/browser.ts';
import { startModelFileServer, type ModelFileServer } from '../support/model-file-server.ts';
import { SAMPLE_WORKSPACE, tempDir } from '../support/temp-dir.ts';
import { buildTinyGguf, writeTinyGguf } from '../support/tiny-gguf.ts';
import { RENDERER_DIST } from '../support/web-host.ts';

const uiMissing = fs.existsSync(`${RENDERER_DIST}/index.html`)
  ? null
  : 'the renderer is not built (npm run build:renderer)';
const skip = chromiumMissing ?? uiMissing;
if (skip) console.warn(`Skipping the Models view test: ${skip}`);

const served = buildTinyGguf({ seed: 31, name: 'served-tiny' });
const servedSha = createHash('sha256').update(served).digest('hex');
const SERVED = 'Served tiny F32';
const TINY = 'cairn-tiny-64x2';

function entry(server: ModelFileServer, overrides: Partial<CatalogEntry>): CatalogEntry {
  return {
    id: 'served-tiny-f32',
    name: SERVED,
    publisher: 'Cairn tests',
    parameters: '0.1M',
    quantization: 'F32',
    fileName: 'served-tiny-f32.gguf',
    url: server.url(),
    sizeBytes: served.length,
    sizeIsExact: true,
    sha256: servedSha,
    hashSource: 'test',
    license: 'MIT',
    contextLength: 8192,
    kv: { blockCount: 2, headCountKv: 2, headDim: 16 },
    notes: '',
    ...overrides,
  };
}

describe.skipIf(skip)('the Models view', () => {
  let browser: Browser;
  let page: Page;
  let host: WebHost;
  let core: Core;
  let server: ModelFileServer;
  let tinyFile: string;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    const dir = tempDir('cairn-models-ui-');
    tinyFile = writeTinyGguf({}, dir);
    server = await startModelFileServer(served);
    core = new Core({
      dataDir: path.join(dir, 'data'),
      host: 'web',
      version: '0.0.0-test',
      workspace: SAMPLE_WORKSPACE,
      models: {
        gpu: false,
        contextSize: 2048,
        catalog: [
          entry(server, {}),
          entry(server, {
            id: 'enormous-900b',
            name: 'Enormous 900B',
            parameters: '900B',
            quantization: 'Q8_0',
            fileName: 'enormous.gguf',
            url: server.url('/enormous.gguf'),
            sizeBytes: 950e9,
            sizeIsExact: false,
            sha256: null,
            kv: { blockCount: 120, headCountKv: 16, headDim: 128 },
          }),
        ],
      },
    });
    host = await startWebHost({
      dispatcher: createDispatcher(createHandlers(core)),
      staticDir: RENDERER_DIST,
    });
    browser = await launchChromium();
    page = await openAppPage(browser, host.url, consoleErrors);
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await server?.close();
    core?.close();
  });

  it('shows this machine and the catalog with a fit estimate for it', async () => {
    await page.getByRole('heading', { name: 'sample-workspace' }).waitFor();
    await page.keyboard.press('Alt+7');
    await page.getByRole('heading', { name: 'Models', level: 1 }).waitFor();
    const machine = page.locator('.facts.hardware');
    await machine.waitFor();
    expect(await machine.textContent()).toMatch(/Memory.*free of/);
    expect(await machine.textContent()).toContain('none used — models run on the CPU');
    const rows = page.locator('.catalog tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.nth(0).textContent()).toContain('Fits · CPU');
    expect(await rows.nth(1).textContent()).toContain("Won't fit");
    expect(await rows.nth(1).textContent()).toContain('Too large for this machine');
    await expect.poll(() => page.getByText('No model is installed yet').count()).toBe(1);
  });

  it('says what is wrong with a path that cannot be imported', async () => {
    const field = page.getByLabel('Path to a .gguf file on this machine');
    await field.fill('models/tiny.gguf');
    await field.press('Enter');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('must be an absolute path to a .gguf file');
  });

  it('imports the tiny model by its path', async () => {
    const field = page.getByLabel('Path to a .gguf file on this machine');
    await field.fill(tinyFile);
    await field.press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: `Imported ${TINY}` })
      .waitFor();
    const row = page.locator('.installed-models tbody tr', { hasText: TINY });
    await row.waitFor();
    const sha = createHash('sha256').update(fs.readFileSync(tinyFile)).digest('hex');
    expect(await row.textContent()).toContain(sha.slice(0, 12));
    expect(await row.textContent()).toContain('F32');
    expect(await row.textContent()).toContain(tinyFile);
    expect(await field.inputValue()).toBe('');
    await page.getByRole('heading', { name: 'Installed models (1)' }).waitFor();
  });

  it('runs a speed test and shows tokens per second for each thread count', async () => {
    await page.getByRole('button', { name: `Speed test ${TINY}` }).click();
    const chart = page.locator('.speed-chart');
    await chart.waitFor({ timeout: 60_000 });
    expect(await chart.locator('caption').textContent()).toMatch(
      new RegExp(`Speed test of ${TINY}.*Best: \\d+ threads?`),
    );
    const bars = chart.locator('tbody tr');
    expect(await bars.count()).toBeGreaterThanOrEqual(1);
    const values = await chart.locator('.bar-value').allTextContents();
    expect(values.length).toBe((await bars.count()) * 2);
    for (const v of values) expect(Number(v.replace(' tok/s', ''))).toBeGreaterThan(0);
    await chart.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('models-speed-test') });
  });

  it('downloads with progress, speed and time left; cancels; resumes from the partial file', async () => {
    server.plan = { slowChunkBytes: 4096, slowDelayMs: 40 };
    server.requests = [];
    // Keyboard: the Download button takes the focus and Enter starts it.
    await page.getByRole('button', { name: `Download ${SERVED}` }).focus();
    await page.keyboard.press('Enter');
    const bar = page.getByRole('progressbar', { name: `Downloading ${SERVED}` });
    await bar.waitFor();
    await expect
      .poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 10_000 })
      .toBeGreaterThan(5);
    const facts = page.locator('.download-facts');
    await expect.poll(() => facts.textContent()).toMatch(/MB\/s · .* left/);
    await page.locator('.catalog').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('models-download') });

    await page.getByRole('button', { name: `Cancel download of ${SERVED}` }).click();
    await expect.poll(() => facts.textContent()).toMatch(/^Cancelled at .* Resume continues/);
    const keptPercent = Number(await bar.getAttribute('aria-valuenow'));
    expect(keptPercent).toBeGreaterThan(0);
    expect(keptPercent).toBeLessThan(100);
    await page.screenshot({ path: screenshotPath('models-download-cancelled') });

    server.plan = {};
    await page.getByRole('button', { name: `Resume download of ${SERVED}` }).click();
    const row = page.locator('.catalog tbody tr', { hasText: SERVED });
    await row.getByText('Installed').waitFor({ timeout: 20_000 });
    const resumed = server.requests.at(-1)!;
    expect(resumed.range).toMatch(/^bytes=[1-9]\d*-$/);
    await page.locator('.installed-models tbody tr', { hasText: 'served-tiny' }).waitFor();
    await page.getByRole('heading', { name: 'Installed models (2)' }).waitFor();
    expect(core.models.list().find((m) => m.catalogId === 'served-tiny-f32')?.sha256).toBe(
      servedSha,
    );
  });

  it('removes a model only after a confirmation, and keeps an imported file on disk', async () => {
    await page.getByRole('button', { name: `Remove ${TINY}` }).click();
    const dialog = page.getByRole('dialog', { name: `Remove ${TINY}?` });
    await dialog.waitFor();
    expect(await page.locator(':focus').textContent()).toBe('Cancel');
    expect(await dialog.textContent()).toContain('the file stays where it is');
    await page.screenshot({ path: screenshotPath('models-remove-confirm'), fullPage: true });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // The focus is back on the button that opened the dialog.
    expect(await page.locator(':focus').getAttribute('aria-label')).toBe(`Remove ${TINY}`);
    expect(core.models.list()).toHaveLength(2);

    await page.getByRole('button', { name: `Remove ${TINY}` }).click();
    await dialog.getByRole('button', { name: 'Remove' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Removed ${TINY}` })
      .waitFor();
    await page.getByRole('heading', { name: 'Installed models (1)' }).waitFor();
    expect(await page.locator('.installed-models').textContent()).not.toContain(TINY);
    expect(fs.existsSync(tinyFile)).toBe(true);
    expect(core.models.list().map((m) => m.summary.name)).not.toContain(TINY);
  });

  it('reads well in the dark', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: screenshotPath('models-dark'), fullPage: true });
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('runs under the strict CSP without errors', () => {
    expect(consoleErrors).toEqual([]);
  });
});
