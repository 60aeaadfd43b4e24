// The real UI in Debian's Chromium, through the real web host, on the sample workspace.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../electron/services/store/migrations.ts';
import type { Browser, Page } from 'playwright-core';
import type { Core } from '../../electron/services/core.ts';
import type { WebHost } from '../../electron/web/server.ts';
import {
  chromiumMissing,
  launchChromium,
  openAppPage,
  screenshotPath,
  seriousAxeViolations,
} from '../support/browser.ts';
import { RENDERER_DIST, startTestHost } from '../support/web-host.ts';

const uiMissing = fs.existsSync(`${RENDERER_DIST}/index.html`)
  ? null
  : 'the renderer is not built (npm run build:renderer)';
const skip = chromiumMissing ?? uiMissing;
if (skip) console.warn(`Skipping the browser end-to-end tests: ${skip}`);

describe.skipIf(skip)('Cairn in a browser', () => {
  let browser: Browser;
  let page: Page;
  let host: WebHost;
  let core: Core;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    ({ host, core } = await startTestHost());
    browser = await launchChromium();
    page = await openAppPage(browser, host.url, consoleErrors, { width: 1280, height: 800 });
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    core?.close();
  });

  it('opens on the sample workspace and lists its spec files', async () => {
    await page.getByRole('heading', { name: 'sample-workspace' }).waitFor();
    // The tree shows folders first, then files; every folder of a small workspace is open.
    const files = page.getByRole('tree', { name: 'Spec files' }).locator('.tree-file');
    await expect.poll(() => files.count()).toBe(5);
    expect(await files.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-path')))).toEqual(
      [
        'specs/offline-review/design.md',
        'specs/offline-review/prd.md',
        'specs/offline-review/requirements.md',
        'specs/offline-review/tasks.md',
        'README.md',
      ],
    );
    expect(page.url()).not.toContain('token=');
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/Connected/);
  });

  it('shows a spec when it is chosen', async () => {
    await page.getByRole('treeitem', { name: /requirements\.md/ }).click();
    await page.locator('.cm-content').waitFor();
    await expect
      .poll(() => page.locator('.cm-content').textContent())
      .toContain('### REQ-7KQ2M4: Cache shared notes');
    await page.screenshot({ path: screenshotPath('workspace'), fullPage: true });
  });

  it('has no serious accessibility violations (axe-core, WCAG 2.1 AA)', async () => {
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('moves between views from the keyboard', async () => {
    await page.keyboard.press('Alt+9');
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    expect(await page.locator('.facts').textContent()).toContain(
      `schema version ${LATEST_SCHEMA_VERSION}`,
    );
    await page.screenshot({ path: screenshotPath('settings') });
    await page.keyboard.press('Alt+1');
    await page.getByRole('heading', { name: 'sample-workspace' }).waitFor();
  });

  it('lists its keyboard shortcuts on ? and closes the list on Escape', async () => {
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Switch view');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('follows the system theme until the user picks one, and keeps the pick', async () => {
    // A string: the test project is type-checked without DOM types.
    const background = () =>
      page.evaluate<string>('getComputedStyle(document.body).backgroundColor');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(background).toBe('rgb(23, 25, 29)');
    await page.getByRole('radio', { name: 'Light' }).check();
    await expect.poll(background).toBe('rgb(247, 247, 245)');
    await page.reload();
    await page.getByRole('heading', { name: 'sample-workspace' }).waitFor();
    expect(await background()).toBe('rgb(247, 247, 245)');
    await page.getByRole('radio', { name: 'Dark' }).check();
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(background).toBe('rgb(23, 25, 29)');
    await page.screenshot({ path: screenshotPath('workspace-dark') });
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('radio', { name: 'System' }).check();
  });

  it('runs under the strict CSP without errors', () => {
    expect(consoleErrors).toEqual([]);
  });

  it('cannot reach the API from a page of another origin', async () => {
    const other = await browser.newPage();
    await other.goto('about:blank');
    const outcome = await other.evaluate(async (port) => {
      return new Promise<string>((resolve) => {
        const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`);
        ws.onopen = () => resolve('open');
        ws.onerror = () => resolve('refused');
      });
    }, host.port);
    expect(outcome).toBe('refused');
    await other.close();
  });
});
