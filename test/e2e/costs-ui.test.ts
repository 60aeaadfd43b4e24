// The Costs view in the real UI (Chromium, web host, real core): model calls, runs and work
// items seeded through the real stores; charts (Chart.js canvases with accessible names) whose
// tables show the right totals by day, workflow and work item, per measure and period; light
// and dark; budgets listed with their limits and spending, added, changed and removed.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import type { Core } from '../../electron/services/core.ts';
import type { WebHost } from '../../electron/web/server.ts';
import { formatMoney } from '../../renderer/src/components/money.ts';
import {
  chromiumMissing,
  launchChromium,
  openAppPage,
  seriousAxeViolations,
} from '../support/browser.ts';
import { COST_FIXTURE_TOTALS as T, seedCosts, type CostFixture } from '../support/cost-fixtures.ts';
import { screenshotView } from '../support/view-screenshot.ts';
import { RENDERER_DIST, startTestHost } from '../support/web-host.ts';

const uiMissing = fs.existsSync(`${RENDERER_DIST}/index.html`)
  ? null
  : 'the renderer is not built (npm run build:renderer)';
const skip = chromiumMissing ?? uiMissing;
if (skip) console.warn(`Skipping the Costs view test: ${skip}`);

const n = (value: number) => value.toLocaleString('en-US');
const month = new Date().toISOString().slice(0, 7);

/** The rows of a chart's table, as [row header, ...cells] text. */
async function tableRows(figure: Locator, part: 'tbody' | 'tfoot'): Promise<string[][]> {
  return figure
    .locator(`table ${part} tr`)
    .evaluateAll((rows) =>
      rows.map((r) =>
        [...(r as unknown as { cells: { textContent: string | null }[] }).cells].map(
          (c) => c.textContent?.trim() ?? '',
        ),
      ),
    );
}

describe.skipIf(skip)('the Costs view', () => {
  let browser: Browser;
  let page: Page;
  let host: WebHost;
  let core: Core;
  let fixture: CostFixture;
  const consoleErrors: string[] = [];
  const figure = (name: RegExp) => page.locator('figure.cost-chart', { hasText: name });

  beforeAll(async () => {
    ({ host, core } = await startTestHost());
    const root = core.workspace!.root;
    fixture = seedCosts(core.db, root);
    // 1.5 USD already spent this month on a cloud call (reserved, then settled).
    const budgets = core.workflows.escalation.budgets;
    const held = budgets.reserve({
      requestId: 'REQ-UI-1',
      workspaceRoot: root,
      workItemId: null,
      amount: 2,
      currency: 'USD',
    });
    if (!held.ok) throw new Error(held.reason);
    budgets.settle(held.id, 1.5);
    browser = await launchChromium();
    page = await openAppPage(browser, host.url, consoleErrors);
    await page.getByRole('heading', { name: 'sample-workspace' }).waitFor();
    await page.keyboard.press('Alt+6');
    await page.getByRole('heading', { name: 'Costs', level: 1 }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    core?.close();
  });

  it('draws each chart on a canvas with an accessible name', async () => {
    for (const name of [
      'Tokens by day, last 30 days',
      'Tokens by workflow, last 30 days',
      'Tokens by work item, last 30 days',
    ]) {
      const chart = page.getByRole('img', { name: new RegExp(`^${name}: bar chart`) });
      await chart.waitFor();
      expect(await chart.evaluate((el) => el.tagName)).toBe('CANVAS');
      // Chart.js has drawn into it (a blank canvas reads back as all zeros).
      expect(
        await chart.evaluate((el) => {
          const c = el as unknown as {
            width: number;
            height: number;
            getContext(t: '2d'): { getImageData(...a: number[]): { data: Uint8ClampedArray } };
          };
          return c
            .getContext('2d')
            .getImageData(0, 0, c.width, c.height)
            .data.some((v) => v > 0);
        }),
      ).toBe(true);
    }
    const total = n(T.input + T.output);
    expect(await page.getByRole('img', { name: /^Tokens by day/ }).getAttribute('aria-label')).toBe(
      `Tokens by day, last 30 days: bar chart, ${total} in all`,
    );
  });

  it('shows the totals of the period', async () => {
    const totals = page.getByLabel('Totals for the period');
    const text = (await totals.textContent()) ?? '';
    expect(text).toContain(`Model calls${T.calls}`);
    expect(text).toContain(`Tokens${n(T.input + T.output)}`);
    expect(text).toContain(`${n(T.input)} in (${n(T.cachedInput)} reused), ${n(T.output)} out`);
    expect(text).toContain(`${((T.totalMs + T.loadMs) / 1000).toFixed(1)} s`);
    expect(text).toContain(formatMoney(T.money, 'USD'));
  });

  it('has the numbers in a table, shown on request, with the right totals', async () => {
    const byWorkflow = figure(/^Tokens by workflow/);
    const table = byWorkflow.locator('table');
    // Hidden from sight but present for screen readers until asked for.
    expect(await table.evaluate((el) => el.closest('.visually-hidden') !== null)).toBe(true);
    await byWorkflow.getByRole('button', { name: 'Show table' }).click();
    expect(
      await byWorkflow.getByRole('button', { name: 'Hide table' }).getAttribute('aria-expanded'),
    ).toBe('true');
    expect(await table.isVisible()).toBe(true);
    expect(await tableRows(byWorkflow, 'tbody')).toEqual([
      ['New feature (new-feature)', n(6000 - 1700), n(1700), n(1500), n(7500)],
      ['Bug fix (bugfix)', n(400), n(100), n(250), n(750)],
      ['Outside any run (re-runs, tests)', n(100), n(0), n(50), n(150)],
    ]);
    expect(await tableRows(byWorkflow, 'tfoot')).toEqual([
      ['Total', n(T.input - T.cachedInput), n(T.cachedInput), n(T.output), n(T.input + T.output)],
    ]);
    const byDay = figure(/^Tokens by day/);
    expect(await tableRows(byDay, 'tbody')).toHaveLength(30);
    expect((await tableRows(byDay, 'tfoot'))[0]!.at(-1)).toBe(n(T.input + T.output));
    await screenshotView(page, 'costs');
  });

  it('switches the measure to money and the period to 90 days', async () => {
    await page.getByRole('radio', { name: 'Money' }).check();
    const byItem = figure(/^Money by work item, last 30 days/);
    await byItem.waitFor();
    await byItem.getByRole('button', { name: 'Show table' }).click();
    expect(await tableRows(byItem, 'tbody')).toEqual([
      [`${fixture.bug.id} Outbox loses notes`, formatMoney(0.5, 'USD')],
      [`${fixture.feature.id} Offline review comments`, formatMoney(0.125, 'USD')],
      ['No work item', formatMoney(0, 'USD')],
    ]);
    // The keyboard moves between periods as in any radio group.
    await page.getByRole('radio', { name: '30 days' }).focus();
    await page.keyboard.press('ArrowRight');
    const longer = figure(/^Money by work item, last 90 days/);
    await longer.waitFor();
    expect((await tableRows(longer, 'tfoot'))[0]).toEqual([
      'Total',
      formatMoney(T.money + 7, 'USD'),
    ]);
    await page.getByRole('radio', { name: '30 days' }).check();
    await page.getByRole('radio', { name: 'Tokens' }).check();
    await figure(/^Tokens by work item, last 30 days/).waitFor();
  });

  it('follows the dark theme', async () => {
    const chartInput = () =>
      page.evaluate(() => {
        const { getComputedStyle, document } = globalThis as unknown as {
          getComputedStyle(e: unknown): { getPropertyValue(n: string): string };
          document: { documentElement: unknown };
        };
        return getComputedStyle(document.documentElement).getPropertyValue('--chart-input').trim();
      });
    const light = await chartInput();
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(chartInput).not.toBe(light);
    await page.getByRole('img', { name: /^Tokens by day/ }).waitFor();
    await screenshotView(page, 'costs-dark');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('says what happens at each limit, and refuses a budget with limits out of order', async () => {
    const budgets = page.getByRole('region', { name: 'Budgets' });
    expect(await budgets.textContent()).toContain('Nothing that would pass it is sent.');
    expect(await budgets.textContent()).toContain('No budgets yet');
    const form = budgets.getByRole('form', { name: 'Add a budget' });
    await form.getByLabel('Soft limit (USD)').fill('5');
    await form.getByLabel('Hard limit (USD)').fill('2');
    await form.getByLabel('Block limit (USD)').fill('lots');
    await form.getByRole('button', { name: 'Add budget' }).click();
    await form.getByText('the soft limit must not be above the hard limit').waitFor();
    await form.getByText('must be an amount of money').waitFor();
    expect(await form.getByLabel('Soft limit (USD)').getAttribute('aria-invalid')).toBe('true');
    // The first field in error has the focus.
    expect(
      await page.evaluate(
        () =>
          (globalThis as unknown as { document: { activeElement: { id: string } } }).document
            .activeElement.id,
      ),
    ).toBe(await form.getByLabel('Soft limit (USD)').getAttribute('id'));
    expect(core.workflows.escalation.budgets.list()).toEqual([]);
  });

  it('adds a month budget and lists it with its limits and what was spent', async () => {
    const budgets = page.getByRole('region', { name: 'Budgets' });
    const form = budgets.getByRole('form', { name: 'Add a budget' });
    expect(await form.getByLabel('Month').inputValue()).toBe(month);
    await form.getByLabel('Soft limit (USD)').fill('1');
    await form.getByLabel('Hard limit (USD)').fill('3');
    await form.getByLabel('Block limit (USD)').fill('10');
    await form.getByRole('button', { name: 'Add budget' }).click();
    await budgets
      .getByRole('status')
      .filter({ hasText: `Saved the month budget ${month}.` })
      .waitFor();
    const row = budgets.getByRole('row', { name: new RegExp(`Month ${month}`) });
    const cells = await row.locator('td').allTextContents();
    expect(cells.slice(1, 4)).toEqual([
      formatMoney(1, 'USD'),
      formatMoney(3, 'USD'),
      formatMoney(10, 'USD'),
    ]);
    expect(cells[0]).toContain(`${formatMoney(1.5, 'USD')} spent`);
    expect(cells[0]).toContain('Past its soft limit');
    expect(await row.getByRole('img').getAttribute('aria-label')).toBe(
      `${formatMoney(1.5, 'USD')} spent; soft limit ${formatMoney(1, 'USD')}, hard limit ${formatMoney(3, 'USD')}, block limit ${formatMoney(10, 'USD')}. Past its soft limit: requests are marked.`,
    );
    expect(core.workflows.escalation.budgets.list()).toMatchObject([
      { scope: 'month', key: month, soft: 1, hard: 3, block: 10, used: 1.5 },
    ]);
  });

  it('adds a work item budget, changes it and removes it', async () => {
    const budgets = page.getByRole('region', { name: 'Budgets' });
    const form = budgets.getByRole('form', { name: 'Add a budget' });
    await form.getByLabel('Applies to').selectOption('item');
    await form.getByLabel('Work item ID').fill(fixture.feature.id.toLowerCase());
    await form.getByLabel('Block limit (USD)').fill('0,50');
    await form.getByRole('button', { name: 'Add budget' }).click();
    const row = budgets.getByRole('row', { name: new RegExp(`Work item ${fixture.feature.id}`) });
    await row.waitFor();
    await screenshotView(page, 'budgets');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await row.getByRole('button', { name: `Edit Work item ${fixture.feature.id}` }).click();
    const edit = budgets.getByRole('form', { name: 'Change the work item budget' });
    // Editing starts at the limits.
    expect(
      await edit
        .getByLabel('Soft limit (USD)')
        .evaluate(
          (el) =>
            el ===
            (globalThis as unknown as { document: { activeElement: unknown } }).document
              .activeElement,
        ),
    ).toBe(true);
    await edit.getByLabel('Block limit (USD)').fill('2');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await budgets.getByRole('form', { name: 'Add a budget' }).waitFor();
    expect(await row.locator('td').nth(3).textContent()).toBe(formatMoney(2, 'USD'));

    await row.getByRole('button', { name: `Remove Work item ${fixture.feature.id}` }).click();
    const confirm = page.getByRole('dialog', { name: 'Remove the work item budget?' });
    await confirm.getByRole('button', { name: 'Remove budget' }).click();
    await budgets
      .getByRole('status')
      .filter({ hasText: `Removed the work item budget ${fixture.feature.id}.` })
      .waitFor();
    expect(core.workflows.escalation.budgets.list().map((b) => b.scope)).toEqual(['month']);
  });

  it('passes the accessibility check and runs under the strict CSP without errors', async () => {
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
