// The Drift view in the real UI (Chromium, web host, real core) on a real git repository made
// with native git: findings grouped by spec with the commits and files behind them, progress
// while the report computes, accepting a finding into .cairn/drift-baseline.yaml behind a
// confirmation, and the requirement coverage matrix with the untested requirements marked.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Core } from '../../electron/services/core.ts';
import type { WebHost } from '../../electron/web/server.ts';
import {
  chromiumMissing,
  launchChromium,
  openAppPage,
  seriousAxeViolations,
} from '../support/browser.ts';
import { makeDriftRepo, REVIEW_SPEC, SYNC_SPEC, type DriftRepo } from '../support/drift-fixture.ts';
import { tempDir } from '../support/temp-dir.ts';
import { screenshotView } from '../support/view-screenshot.ts';
import { RENDERER_DIST, startTestHost } from '../support/web-host.ts';

const uiMissing = fs.existsSync(`${RENDERER_DIST}/index.html`)
  ? null
  : 'the renderer is not built (npm run build:renderer)';
const skip = chromiumMissing ?? uiMissing;
if (skip) console.warn(`Skipping the Drift view test: ${skip}`);

type Doc = { document: { querySelector(s: string): { textContent: string | null } | null } };

describe.skipIf(skip)('the Drift view', () => {
  let browser: Browser;
  let page: Page;
  let host: WebHost;
  let core: Core;
  let repo: DriftRepo;
  const consoleErrors: string[] = [];
  const group = (spec: string) => page.getByRole('region', { name: `Findings: ${spec}` });

  beforeAll(async () => {
    ({ host, core } = await startTestHost());
    repo = makeDriftRepo(path.join(tempDir('cairn-drift-ui-'), 'lantern'));
    core.openWorkspace(repo.dir);
    browser = await launchChromium();
    page = await openAppPage(browser, host.url, consoleErrors);
    await page.getByRole('heading', { name: 'lantern' }).waitFor();
    // Watch for the progress panel from the start: on a small repository it shows only briefly.
    await page.evaluate(() => {
      const g = globalThis as unknown as Doc & {
        MutationObserver: new (f: () => void) => { observe(n: unknown, o: object): void };
        seenProgress: string[];
      };
      g.seenProgress = [];
      new g.MutationObserver(() => {
        const bar = g.document.querySelector('[role="progressbar"][aria-label="Checking drift"]');
        const words = g.document.querySelector('.drift-progress [role="status"]')?.textContent;
        if (bar && words && !g.seenProgress.includes(words)) g.seenProgress.push(words);
      }).observe(g.document, { subtree: true, childList: true, characterData: true });
    });
    await page.keyboard.press('Alt+5');
    await page.getByRole('heading', { name: 'Drift', level: 1 }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    core?.close();
  });

  it('shows progress while the report computes, then the findings', async () => {
    await group(SYNC_SPEC).waitFor();
    const seen = await page.evaluate(
      () => (globalThis as unknown as { seenProgress: string[] }).seenProgress,
    );
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((w) => /^(Starting…|Reading|Indexing)/.test(w))).toBe(true);
    expect(await page.locator('.drift-summary').textContent()).toMatch(
      /^At [0-9a-f]{8}: 8 new, 0 accepted · 3 specs with covers, 7 requirements, 4 commits$/,
    );
  });

  it('groups findings by spec, with the commits and files behind each', async () => {
    const names = await page
      .locator('.drift-group')
      .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    expect(names).toEqual([
      'Findings: specs/offline-review/design.md',
      `Findings: ${REVIEW_SPEC}`,
      `Findings: ${SYNC_SPEC}`,
      'Findings: Not tied to a spec',
    ]);
    expect(await group(REVIEW_SPEC).locator('.drift-finding').count()).toBe(4);
    const orphan = group('Not tied to a spec').locator('.drift-finding');
    expect(await orphan.locator('h4').textContent()).toBe('Unknown requirement cited: REQ-GH0ST1');

    const drift = group(SYNC_SPEC).getByRole('article', { name: 'Code changed since the spec' });
    const rows = await drift
      .locator('.drift-commits tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) =>
          [...(tr as unknown as { cells: { textContent: string | null }[] }).cells]
            .slice(0, 3)
            .map((c) => c.textContent),
        ),
      );
    expect(rows).toEqual([
      [repo.commits.engine.slice(0, 7), 'Wait when the server is busy', 'Lee'],
      [repo.commits.batch.slice(0, 7), 'Send comments in batches', 'Lee'],
    ]);
    expect(await drift.locator('.drift-files').textContent()).toBe('Filessrc/sync/engine.ts');
    // Each commit has its date.
    expect(await drift.locator('.drift-commits tbody td.nowrap').first().textContent()).toMatch(
      /\d/,
    );
    await screenshotView(page, 'drift');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('accepts a finding into the baseline file after asking', async () => {
    const baseline = path.join(repo.dir, '.cairn/drift-baseline.yaml');
    expect(fs.existsSync(baseline)).toBe(false);
    await group(SYNC_SPEC)
      .getByRole('button', { name: `Accept: Code changed since the spec in ${SYNC_SPEC}` })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Accept this finding?' });
    expect(await dialog.textContent()).toContain('.cairn/drift-baseline.yaml');
    expect(await seriousAxeViolations(page)).toEqual([]);
    // Cancel writes nothing.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(fs.existsSync(baseline)).toBe(false);

    await group(SYNC_SPEC)
      .getByRole('button', { name: `Accept: Code changed since the spec in ${SYNC_SPEC}` })
      .click();
    await dialog.getByLabel('Note (optional)').fill('Batching is in the spec already.');
    await dialog.getByRole('button', { name: 'Accept into baseline' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Accepted 1 finding into ${baseline}` })
      .waitFor();
    await page.locator('.drift-summary', { hasText: '7 new, 1 accepted' }).waitFor();

    const text = fs.readFileSync(baseline, 'utf8');
    expect(text).toContain(`key: code-drift:${SYNC_SPEC}`);
    expect(text).toContain(`- ${repo.commits.engine}`);
    expect(text).toContain(`- ${repo.commits.batch}`);
    expect(text).toContain('note: Batching is in the spec already.');

    // The finding moved out of the new ones; it shows again, marked, with accepted findings.
    const sync = group(SYNC_SPEC);
    expect(await sync.locator('.drift-group-head').textContent()).toContain('1 new, 1 accepted');
    expect(await sync.getByRole('article', { name: 'Code changed since the spec' }).count()).toBe(
      0,
    );
    await page.getByLabel('Show accepted findings (1)').check();
    const accepted = sync.getByRole('article', { name: 'Code changed since the spec' });
    expect(await accepted.locator('.state-tag').first().textContent()).toBe('Accepted');
    expect(await accepted.getByRole('button').count()).toBe(0);
  });

  it('shows the requirement coverage matrix, untested requirements marked', async () => {
    const tab = page.getByRole('tab', { name: /^Requirement coverage/ });
    expect(await tab.textContent()).toBe('Requirement coverage (4 without a test)');
    // Keyboard: the arrow key moves to the next tab.
    await page.getByRole('tab', { name: /^Findings by spec/ }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await tab.getAttribute('aria-selected')).toBe('true');
    const matrix = page.getByRole('table', { name: /Requirement coverage/ });
    const rows = await matrix.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => {
        const cells = [...(tr as unknown as { cells: { textContent: string | null }[] }).cells];
        return [
          cells[0]!.textContent?.slice(0, 10),
          cells[2]!.textContent,
          cells[3]!.textContent,
          cells[4]!.textContent,
          (tr as unknown as { className: string }).className,
        ];
      }),
    );
    expect(rows).toEqual([
      ['REQ-2HNB8W', 'no code', 'test/outbox.test.ts', 'Tested', 'coverage-row covered'],
      ['REQ-5RZC1D', 'no code', 'no tests', 'Not cited', 'coverage-row uncited'],
      ['REQ-7KQ2M4', 'src/review/note-cache.ts', 'no tests', 'No test', 'coverage-row untested'],
      [
        'REQ-9F3TXA',
        'src/review/outbox.ts',
        'test/outbox.test.ts',
        'Tested',
        'coverage-row covered',
      ],
      ['REQ-C4VJ6P', 'no code', 'no tests', 'Not cited', 'coverage-row uncited'],
      ['REQ-5YNC01', 'src/sync/engine.ts', 'test/sync.test.ts', 'Tested', 'coverage-row covered'],
      ['REQ-5YNC02', 'no code', 'no tests', 'Not cited', 'coverage-row uncited'],
    ]);
    // Uncovered rows stand out in colour as well as in words.
    const background = (id: string) =>
      matrix
        .locator('tr', { hasText: id })
        .evaluate(
          (el) =>
            (
              globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }
            ).getComputedStyle(el).backgroundColor,
        );
    expect(await background('REQ-5YNC02')).not.toBe(await background('REQ-5YNC01'));
    await page.getByLabel('Only requirements without a test').check();
    expect(await matrix.locator('tbody tr').count()).toBe(4);
    await page.getByLabel('Only requirements without a test').uncheck();
    await screenshotView(page, 'drift-coverage');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('runs under the strict CSP without errors', () => {
    expect(consoleErrors).toEqual([]);
  });
});
