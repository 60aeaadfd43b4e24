// The desktop app itself, driven by Playwright's Electron support. Runs only where the
// Electron binary is installed (it cannot be downloaded on every machine) and a display exists.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core';
import { findElectronBinary } from '../../scripts/electron-binary.mjs';
import { screenshotPath } from '../support/browser.ts';
import { SAMPLE_WORKSPACE, tempDir } from '../support/temp-dir.ts';

const found = findElectronBinary();
const skip = 'missing' in found ? `Electron end-to-end test skipped: ${found.missing}` : null;
if (skip) console.warn(skip);

describe.skipIf(skip)('Cairn as a desktop app', () => {
  let app: ElectronApplication;
  let page: Page;

  beforeAll(async () => {
    const { spawnSync } = await import('node:child_process');
    spawnSync(process.execPath, ['scripts/electron-native.mjs'], { stdio: 'inherit' });
    app = await electron.launch({
      executablePath: 'path' in found ? found.path : '',
      args: ['.', `--workspace=${SAMPLE_WORKSPACE}`],
      env: {
        ...process.env,
        CAIRN_DATA_DIR: tempDir(),
        CAIRN_SQLITE_BINDING: path.resolve('.cache/electron-native/better_sqlite3.node'),
      },
    });
    page = await app.firstWindow();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('lists the sample workspace through Electron IPC', async () => {
    await expect.poll(() => page.locator('.spec-item').count(), { timeout: 30_000 }).toBe(5);
    await page.screenshot({ path: screenshotPath('electron-workspace') });
  });

  it('gives the page the Cairn API and nothing of Node or Electron', async () => {
    const exposed = await page.evaluate(() => ({
      api: Object.keys((globalThis as unknown as { cairn: object }).cairn).sort(),
      require: typeof (globalThis as unknown as { require?: unknown }).require,
      process: typeof (globalThis as unknown as { process?: unknown }).process,
    }));
    expect(exposed).toEqual({
      api: ['invoke', 'subscribe'],
      require: 'undefined',
      process: 'undefined',
    });
  });

  it('runs sandboxed with context isolation', async () => {
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const wc = BrowserWindow.getAllWindows()[0]!.webContents;
      return { url: wc.getURL(), crashed: wc.isCrashed() };
    });
    expect(prefs.url).toBe('cairn-app://app/index.html');
    expect(prefs.crashed).toBe(false);
  });

  it('refuses navigation away from the app', async () => {
    await page.evaluate(() => {
      (globalThis as unknown as { location: { href: string } }).location.href =
        'https://example.com/';
    });
    await new Promise((r) => setTimeout(r, 500));
    expect(page.url()).toBe('cairn-app://app/index.html');
  });
});
