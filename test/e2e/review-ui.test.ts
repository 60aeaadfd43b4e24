// A reviewer on a flight, in the real UI (Chromium, web host): a repository copied from the
// sample workspace with a commit that adds, removes, modifies and renames requirements. The
// reviewer picks the two commits and sees the change by requirement, comments on one (the
// comment is a file in the repository), shares while offline and is told what waits, then
// shares again with the git server back and sees it shared; the spec-review button hands over
// to the Runs view; and the Review view lists what waits for consent and for the network.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Core } from '../../electron/services/core.ts';
import { SqliteEgressStore } from '../../electron/services/egress/egress-store.ts';
import { createHttpClient } from '../../electron/services/repo/http-client.ts';
import { fetchRemote, setRemote, setUpstream } from '../../electron/services/repo/remote.ts';
import { requireRepository } from '../../electron/services/repo/repository.ts';
import type { WebHost } from '../../electron/web/server.ts';
import {
  launchChromium,
  openAppPage,
  screenshotPath,
  seriousAxeViolations,
} from '../support/browser.ts';
import { NO_GLOBAL_GIT } from '../support/cairn-repo.ts';
import { startGitServer, type GitServer } from '../support/git-http-server.ts';
import { commitAll, git } from '../support/native-git.ts';
import { SAMPLE_WORKSPACE, tempDir } from '../support/temp-dir.ts';
import { browserTestsSkip, RENDERER_DIST, startTestHost } from '../support/web-host.ts';

const skip = browserTestsSkip;
if (skip) console.warn(`Skipping the review view test: ${skip}`);

const TOKEN = 'ghp_review0ui0token000000000000000000000';
const SPEC = 'specs/offline-review/requirements.md';

/** The second commit: one requirement of each kind of change. */
function editRequirements(text: string): string {
  const removed = text.indexOf('### REQ-C4VJ6P');
  const edited = text
    .slice(0, removed)
    .replace('written and should do it fast.', 'written, within 60 seconds of reconnecting.')
    .replace(
      '- THEN his queued comments are sent in the order he wrote them',
      '- THEN his queued comments are sent in the order he wrote them\n- AND none is sent twice',
    )
    .replace('### REQ-5RZC1D: Mark comments', '### REQ-5RZC1E: Mark comments');
  return (
    edited +
    `### REQ-N3WQ7X: Show who reads offline

The app shall show, next to each shared note, which reviewers keep an offline copy of it.

#### Scenario: Owner checks the readers

- WHEN Maya opens the sharing panel of "Q3 roadmap"
- THEN she sees that Ravi keeps an offline copy
`
  );
}

describe.skipIf(skip)('the review view', () => {
  const base = tempDir('cairn-review-ui-');
  const work = path.join(base, 'work');
  let browser: Browser;
  let page: Page;
  let host: WebHost;
  let core: Core;
  let server: GitServer;
  let serverPort: number;
  let first: string;
  let second: string;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    fs.cpSync(SAMPLE_WORKSPACE, work, { recursive: true });
    git(work, 'init', '--quiet', '--initial-branch=main');
    git(work, 'config', 'user.name', 'Ravi Iyer');
    git(work, 'config', 'user.email', 'ravi@example.org');
    first = commitAll(work, 'Offline review specs', 'Maya Chen');
    const file = path.join(work, SPEC);
    fs.writeFileSync(file, editRequirements(fs.readFileSync(file, 'utf8')));
    second = commitAll(work, 'Tighten the offline review requirements', 'Maya Chen');

    server = await startGitServer(path.join(base, 'server'), TOKEN);
    serverPort = server.port;
    server.createRepo('lantern', { from: work });
    ({ host, core } = await startTestHost(RENDERER_DIST, {
      workspace: work,
      handlers: { repo: { http: createHttpClient(5_000), env: NO_GLOBAL_GIT } },
    }));
    const repo = await requireRepository(work);
    await setRemote(repo, core.secrets, server.url('lantern'), TOKEN);
    await fetchRemote(repo, { secrets: core.secrets });
    await setUpstream(repo, 'main');
    seedWaitingWork(core, work);

    browser = await launchChromium();
    page = await openAppPage(browser, host.url, consoleErrors, { width: 1280, height: 1100 });
    await page.getByRole('heading', { name: 'work', exact: true }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await server?.close();
    core?.close();
  });

  it('shows the change between two commits by requirement: added, removed, modified, renamed', async () => {
    await page.keyboard.press('Alt+2');
    await page.getByRole('heading', { name: 'Review', level: 1 }).waitFor();
    await page.getByLabel('From (older)').selectOption(`ref:${first}`);
    await page.getByLabel('To (under review)').selectOption(`ref:${second}`);
    await page
      .getByRole('heading', { name: `From ${first.slice(0, 8)} to ${second.slice(0, 8)}` })
      .waitFor();
    const filters = page.getByRole('group', { name: 'Show changes of kind' });
    for (const kind of ['Added 1', 'Removed 1', 'Modified 1', 'Renamed 1'])
      await filters.getByRole('button', { name: kind }).waitFor();

    const group = page.getByRole('region', { name: `${SPEC}: 4 changed` });
    const card = (id: string) => group.locator('.change-card', { hasText: id });
    expect(await card('REQ-N3WQ7X').locator('.kind').textContent()).toBe('Added');
    expect(await card('REQ-C4VJ6P').locator('.kind').textContent()).toBe('Removed');
    const renamed = card('REQ-5RZC1E');
    expect(await renamed.locator('.kind').textContent()).toBe('Renamed');
    expect(await renamed.locator('.change-title').textContent()).toContain(
      'REQ-5RZC1D → REQ-5RZC1E',
    );
    const modified = card('REQ-2HNB8W');
    expect(await modified.locator('.kind').textContent()).toBe('Modified');
    const statement = modified.getByLabel('Changes in the statement of REQ-2HNB8W');
    expect(await statement.locator('del').textContent()).toContain('and should do it fast');
    expect(await statement.locator('ins').textContent()).toContain('within 60 seconds');
    expect(
      await modified.getByLabel('Changes in the scenario Back online').locator('ins').textContent(),
    ).toContain('none is sent twice');

    // The filters hide a kind and bring it back.
    await filters.getByRole('button', { name: 'Removed 1' }).click();
    await card('REQ-C4VJ6P').waitFor({ state: 'detached' });
    await filters.getByRole('button', { name: 'Removed 1' }).click();
    await card('REQ-C4VJ6P').waitFor();

    // J and K move between the changed requirements.
    const focused = () => page.locator('[data-change-card]:focus .change-title').textContent();
    await page.keyboard.press('j');
    expect(await focused()).toContain('REQ-2HNB8W');
    await page.keyboard.press('j');
    expect(await focused()).toContain('REQ-5RZC1E');
    await page.keyboard.press('k');
    expect(await focused()).toContain('REQ-2HNB8W');
    await page.screenshot({ path: screenshotPath('review-diff'), fullPage: true });
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: screenshotPath('review-diff-dark'), fullPage: true });
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('saves comments on requirements, changed or not, as files in the repository', async () => {
    const modified = page.locator('.change-card', { hasText: 'REQ-2HNB8W' });
    await modified.getByRole('button', { name: 'Comment on REQ-2HNB8W' }).click();
    await page.keyboard.type('Is 60 seconds measured from the reconnect or from the first retry?');
    await page.keyboard.press('Control+Enter');
    await modified
      .getByRole('list', { name: 'Comments on REQ-2HNB8W' })
      .getByText('Is 60 seconds measured')
      .waitFor();
    await page.getByText('1 waits to be shared.').waitFor();

    // A requirement that did not change, from the list of all requirements.
    const list = page.getByRole('region', { name: /^All requirements in/ });
    await list.getByRole('searchbox').fill('REQ-7KQ2M4');
    await list.getByRole('button', { name: /REQ-7KQ2M4/ }).click();
    await list.getByRole('button', { name: 'Comment on REQ-7KQ2M4' }).click();
    await page.keyboard.type('Is 30 seconds realistic on hotel Wi-Fi?');
    await list.getByRole('button', { name: 'Save comment' }).click();
    await list.getByRole('list', { name: 'Comments on REQ-7KQ2M4' }).waitFor();
    await page.getByText('2 wait to be shared.').waitFor();

    const folder = path.join(work, '.cairn/comments/specs-offline-review-requirements');
    const texts = fs.readdirSync(folder).map((f) => fs.readFileSync(path.join(folder, f), 'utf8'));
    expect(texts).toHaveLength(2);
    const onModified = texts.find((t) => t.includes('requirement: REQ-2HNB8W'))!;
    expect(onModified).toContain(`spec: ${SPEC}`);
    expect(onModified).toContain('author: Ravi Iyer <ravi@example.org>');
    expect(onModified).toContain(`commit: ${second}`);
    expect(onModified).toContain('resolved: false');
    expect(texts.some((t) => t.includes('requirement: REQ-7KQ2M4'))).toBe(true);
    await list.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('review-comments'), fullPage: true });
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('offline, sharing commits the comment here and says it waits; nothing spins', async () => {
    await setBrowserOnline(page, false);
    await page
      .getByRole('status')
      .filter({ hasText: 'Offline — everything on this computer works' })
      .waitFor();
    await page.getByRole('button', { name: 'Share comments' }).click();
    await page
      .locator('.share-result')
      .getByText('2 comments wait and will be shared when you are back online')
      .waitFor();
    expect(git(work, 'log', '-1', '--format=%s|%an')).toBe(
      'Review comments: 2 new comments|Ravi Iyer\n',
    );
    await page
      .getByRole('status')
      .filter({
        hasText:
          'Offline — everything on this computer works; 1 commit and 1 request wait for the network',
      })
      .waitFor();
    await page.screenshot({ path: screenshotPath('offline'), fullPage: true });
  });

  it('with the network back but the git server down, it says the remote did not answer', async () => {
    await setBrowserOnline(page, true);
    await server.close();
    await page.getByRole('button', { name: 'Share comments' }).click();
    await page.locator('.share-result').getByText('Could not reach origin').waitFor();
    await page.getByText('2 wait to be shared.').waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: 'Online, but the git remote did not answer at the last sync' })
      .waitFor();
  });

  it('with the git server back, sharing sends the comment', async () => {
    server = await startGitServer(path.join(base, 'server'), TOKEN, serverPort);
    await page.getByRole('button', { name: 'Share comments' }).click();
    await page
      .locator('.share-result')
      .getByText('Shared: every comment is on origin now.')
      .waitFor();
    const remoteLog = git(path.join(base, 'server', 'lantern.git'), 'log', '-1', '--format=%s');
    expect(remoteLog).toBe('Review comments: 2 new comments\n');
    expect(await page.getByRole('button', { name: 'Share comments' }).isDisabled()).toBe(true);
  });

  it('resolves a comment', async () => {
    const thread = page.getByRole('list', { name: 'Comments on REQ-2HNB8W' });
    await thread.getByRole('button', { name: 'Resolve the comment by Ravi Iyer' }).click();
    await thread.getByText('Resolved by Ravi Iyer').waitFor();
    const folder = path.join(work, '.cairn/comments/specs-offline-review-requirements');
    const text = fs
      .readdirSync(folder)
      .map((f) => fs.readFileSync(path.join(folder, f), 'utf8'))
      .find((t) => t.includes('requirement: REQ-2HNB8W'));
    expect(text).toContain('resolved: true');
    expect(text).toContain('resolvedBy: Ravi Iyer <ravi@example.org>');
  });

  it('lists what waits for consent and for the network, in plain words', async () => {
    const panel = page.getByRole('region', { name: 'What waits for the network and consent' });
    await panel
      .getByText("The 'summary' pass wants to send text to your team's model server")
      .waitFor();
    await panel.getByText('Run RUN-REVIEWW1').waitFor();
    await panel.getByRole('button', { name: 'Open the Consent view (Alt+8)' }).click();
    await page.getByRole('heading', { name: 'Consent', level: 1 }).waitFor();
  });

  it('hands "Run spec-review locally" to the Runs view', async () => {
    await page.keyboard.press('Alt+2');
    await page.getByRole('button', { name: 'Run spec-review locally' }).click();
    await page.getByRole('heading', { name: 'Runs', level: 1 }).waitFor();
    expect(await page.locator('.nav-item[aria-current="page"]').textContent()).toBe('Runs');
  });

  it('runs under the strict CSP without errors', () => {
    expect(consoleErrors).toEqual([]);
  });
});

/**
 * What the app sees when the computer loses or regains the network: navigator.onLine and the
 * window's offline / online events. (Chromium's network emulation, page.context().setOffline,
 * would also cut the page's loopback socket to the web host, which a real loss of network does
 * not; the git server's own outage is tested by stopping it.)
 */
async function setBrowserOnline(page: Page, online: boolean): Promise<void> {
  await page.evaluate(`
    Object.defineProperty(Navigator.prototype, 'onLine', { configurable: true, get: () => ${online} });
    window.dispatchEvent(new Event('${online ? 'online' : 'offline'}'));
  `);
}

/** A request waiting for consent, and a run deferred behind it. */
function seedWaitingWork(core: Core, root: string): void {
  const now = new Date().toISOString();
  new SqliteEgressStore(core.db).addRequest({
    id: 'EGR-REVIEWW1',
    createdAt: now,
    runId: 'RUN-REVIEWW1',
    passId: 'summary',
    workItemId: null,
    workspaceRoot: root,
    providerId: 'org-vllm',
    tier: 'hosted',
    model: 'qwen2.5-32b-instruct',
    destination: 'https://llm.example.org/v1/chat/completions',
    body: { messages: [] },
    payloadHash: 'f'.repeat(64),
    redaction: { counts: {}, lines: [] },
    estimate: {
      inputTokens: 1200,
      maxOutputTokens: 400,
      maxCost: 0,
      currency: 'USD',
      budgetNotes: [],
    },
    reason: "the workspace routes 'summary' to hosted",
    status: 'pending',
    consentId: null,
    callId: null,
    sentAt: null,
    error: null,
  });
  const { workflows } = core.workflows;
  const definition = workflows.catalog(root).workflows.get('spec-review')!.definition;
  workflows.runs.createRun({
    id: 'RUN-REVIEWW1',
    workflowId: 'spec-review',
    definition,
    item: null,
    workspaceRoot: root,
    model: null,
    status: 'deferred',
    nextPass: 1,
    error: "pass 'summary' waits: consent request EGR-REVIEWW1",
    estimate: null,
    escalations: {},
    createdAt: now,
    updatedAt: now,
  });
}
