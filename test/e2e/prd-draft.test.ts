// Journey 1 of issue 8 in the real UI (Chromium, web host, real core): a product manager
// creates a PRD from the template, drafts it with the on-device model (tokens stream in; Stop
// stops the model), reads the vague wording, answers clarifying questions one at a time,
// accepts one EARS rewrite and rejects another, then saves and shares with one button — to a
// git server on 127.0.0.1, offline with the server stopped, and through a conflict with a
// teammate's push, resolved side by side. Main-thread long tasks are measured while tokens
// stream.
//
// The tiny test model writes grammar-valid junk. The streaming, Stop and long-task steps use it
// as it is (seed 3 streams a long draft for this PRD); the steps that need a useful answer
// (a draft to insert, questions, EARS statements) script the answer on top of a real call
// (test/support/scripted-answers.ts), so the records and the UI path stay real.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createDispatcher } from '../../electron/ipc/dispatch.ts';
import { createHandlers } from '../../electron/ipc/handlers.ts';
import { Core } from '../../electron/services/core.ts';
import { cloneRepository } from '../../electron/services/repo/clone.ts';
import { createHttpClient } from '../../electron/services/repo/http-client.ts';
import { saveIdentity } from '../../electron/services/repo/identity.ts';
import { startWebHost, type WebHost } from '../../electron/web/server.ts';
import {
  chromiumMissing,
  launchChromium,
  openAppPage,
  screenshotPath,
  seriousAxeViolations,
} from '../support/browser.ts';
import { NO_GLOBAL_GIT } from '../support/cairn-repo.ts';
import { startGitServer, type GitServer } from '../support/git-http-server.ts';
import { commitAll, git } from '../support/native-git.ts';
import { schemaKeys, scriptAnswers } from '../support/scripted-answers.ts';
import { SAMPLE_WORKSPACE, tempDir } from '../support/temp-dir.ts';
import { writeTinyGguf } from '../support/tiny-gguf.ts';
import { RENDERER_DIST } from '../support/web-host.ts';

const uiMissing = fs.existsSync(`${RENDERER_DIST}/index.html`)
  ? null
  : 'the renderer is not built (npm run build:renderer)';
const skip = chromiumMissing ?? uiMissing;
if (skip) console.warn(`Skipping the PRD drafting test: ${skip}`);

const TOKEN = 'ghp_prd0draft0test0token00000000000000000';
/**
 * The issue's goal: no main-thread task over 100 ms while tokens stream. Measured and reported
 * on every run (test-results/prd-long-tasks.txt); asserted where the machine is quiet enough
 * for wall-clock times to mean something (CAIRN_ASSERT_LONG_TASKS=1). On a shared, loaded CI
 * machine a frame can wait 100 ms and more for a CPU with no script of the app running.
 */
const ASSERT_LONG_TASKS = process.env.CAIRN_ASSERT_LONG_TASKS === '1';
const PRD = 'specs/shared-checklists/prd.md';
const REQS = 'specs/offline-review/requirements.md';
const PROBLEM =
  'Release managers keep checklists in chat threads; steps get skipped and nobody sees which.';
const QUESTIONS = [
  {
    question: 'Who may tick off a step of a shared checklist?',
    options: ['Only its owner', 'Anyone on the release team'],
    recommended: 'B',
    reason: 'Releases are a team effort.',
  },
  {
    question: 'How long is a finished checklist kept?',
    options: ['30 days', 'One year', 'Forever'],
    recommended: 'B',
    reason: 'Audits look back one year.',
  },
  {
    question: 'Do checklists work without a connection?',
    options: ['Yes, and sync later', 'No'],
    recommended: 'A',
    reason: 'Releases happen on trains too.',
  },
];
const EARS: Record<string, string> = {
  'REQ-2HNB8W':
    'When the device reconnects, the app shall send queued comments in the order they were written within 10 seconds.',
  'REQ-C4VJ6P':
    'When the reviewer signs out, the app shall delete every cached shared note from the device within 5 seconds.',
};

describe.skipIf(skip)('a product manager drafts a PRD, offline', () => {
  const base = tempDir('cairn-prd-ui-');
  const workspace = path.join(base, 'work');
  const bare = path.join(base, 'server', 'team.git');
  let server: GitServer;
  let browser: Browser;
  let page: Page;
  let host: WebHost;
  let core: Core;
  /** Whether scripted answers replace the tiny model's (off: the model answers as it is). */
  let scripting = false;
  let draftAnswer: unknown = { sections: [{ heading: 'Problem', body: PROBLEM }] };
  const pace = { chunkChars: 6, delayMs: 15 };
  const consoleErrors: string[] = [];
  const read = (rel: string) => fs.readFileSync(path.join(workspace, rel), 'utf8');
  const longTaskReport: string[] = [];

  beforeAll(async () => {
    // The team's repository: the sample workspace, on a git server on 127.0.0.1.
    const seed = path.join(base, 'seed');
    fs.cpSync(SAMPLE_WORKSPACE, seed, { recursive: true });
    git(seed, 'init', '--quiet', '--initial-branch=main');
    commitAll(seed, 'Sample specs');
    server = await startGitServer(path.join(base, 'server'), TOKEN);
    server.createRepo('team', { from: seed });

    core = new Core({
      dataDir: path.join(base, 'data'),
      host: 'web',
      version: '0.0.0-test',
      models: { gpu: false, contextSize: 4096 },
    });
    const http = createHttpClient(3000);
    await cloneRepository(
      { url: server.url('team'), into: workspace, token: TOKEN },
      { secrets: core.secrets, http },
    );
    core.openWorkspace(workspace);
    saveIdentity(core.db, { name: 'Maya Chen', email: 'maya@example.com' });

    const file = writeTinyGguf({ seed: 3, name: 'cairn-tiny-seed3' }, base);
    const modelId = createHash('sha256').update(fs.readFileSync(file)).digest('hex').slice(0, 12);
    await core.models.importFile(file);
    await core.models.calibrate(modelId, { candidates: [1], repeats: 1 });
    scriptAnswers(
      core.models,
      (params) => {
        if (!scripting) return undefined;
        const keys = schemaKeys(params);
        if (keys.includes('sections')) return draftAnswer;
        if (keys.includes('questions')) return { questions: QUESTIONS };
        if (keys.includes('statement')) {
          const prompt = params.messages.at(-1)?.content ?? '';
          const id = Object.keys(EARS).find((k) => prompt.includes(k));
          return { statement: id ? EARS[id] : 'The app shall keep working as it does.' };
        }
        return undefined;
      },
      pace,
    );

    host = await startWebHost({
      dispatcher: createDispatcher(
        createHandlers(core, { repo: { http, env: NO_GLOBAL_GIT, secrets: core.secrets } }),
      ),
      staticDir: RENDERER_DIST,
    });
    browser = await launchChromium();
    page = await openAppPage(browser, host.url, consoleErrors, { width: 1440, height: 900 });
  });

  afterAll(async () => {
    if (longTaskReport.length > 0) {
      console.log(longTaskReport.join('\n'));
      fs.writeFileSync(
        screenshotPath('prd-long-tasks').replace(/\.png$/, '.txt'),
        longTaskReport.join('\n') + '\n',
      );
    }
    await browser?.close();
    await host?.close();
    await server?.close();
    core?.close();
  });

  const assist = () => page.getByRole('region', { name: 'Assist' });
  // CSS locators while long tasks are measured: role queries walk the page's tree, on its
  // main thread, and would be measured too.
  const pieces = async () =>
    Number((await page.locator('.assist-panel .assist-stream').getAttribute('data-pieces')) ?? 0);
  const openFile = async (rel: string) => {
    await page.locator(`[role="treeitem"][data-path="${rel}"]`).click();
    await page.locator('.editor-path', { hasText: rel }).waitFor();
    await page.getByRole('tab', { name: 'Assist' }).click();
    await assist().waitFor();
  };

  /** Starts collecting main-thread long tasks (PerformanceObserver 'longtask'): [start, ms]. */
  const observeLongTasks = () =>
    page.evaluate(() => {
      const g = globalThis as unknown as {
        longTasks: [number, number][];
        longTaskObserver?: { disconnect(): void };
        PerformanceObserver: new (
          callback: (list: { getEntries(): { startTime: number; duration: number }[] }) => void,
        ) => { observe(options: object): void; disconnect(): void };
      };
      g.longTaskObserver?.disconnect();
      g.longTasks = [];
      const observer = new g.PerformanceObserver((list) => {
        for (const entry of list.getEntries()) g.longTasks.push([entry.startTime, entry.duration]);
      });
      observer.observe({ type: 'longtask' });
      g.longTaskObserver = observer;
      return (globalThis as unknown as { performance: { now(): number } }).performance.now();
    });
  /**
   * Animation frames over 100 ms since `observeLongTasks`, with where their time went (Long
   * Animation Frames API): the app's scripts, style and layout, and the rest (the browser, or
   * the process waiting for a CPU on a loaded machine).
   */
  const slowFrames = (since: number) =>
    page.evaluate((from) => {
      type Frame = {
        startTime: number;
        duration: number;
        styleAndLayoutStart: number;
        scripts: { duration: number; invoker: string }[];
      };
      const g = globalThis as unknown as {
        performance: { getEntriesByType(type: string): Frame[] };
      };
      return g.performance
        .getEntriesByType('long-animation-frame')
        .filter((f) => f.startTime >= from && f.duration > 100)
        .map((f) => {
          const scripts = f.scripts.reduce((n, s) => n + s.duration, 0);
          const layout = f.styleAndLayoutStart
            ? f.startTime + f.duration - f.styleAndLayoutStart
            : 0;
          const top = [...f.scripts].sort((a, b) => b.duration - a.duration)[0];
          return `frame of ${Math.round(f.duration)} ms: scripts ${Math.round(scripts)} ms${top ? ` (longest: ${top.invoker}, ${Math.round(top.duration)} ms)` : ''}, style and layout ${Math.round(layout)} ms, the rest ${Math.round(f.duration - scripts - layout)} ms`;
        });
    }, since);
  const pageNow = () =>
    page.evaluate(() =>
      (globalThis as unknown as { performance: { now(): number } }).performance.now(),
    );
  /** Long tasks so far, in ms, leaving out those that overlap the given windows (screenshots). */
  const longTasks = async (except: [number, number][] = []) => {
    const tasks = await page.evaluate(() =>
      (globalThis as unknown as { longTasks: [number, number][] }).longTasks.slice(),
    );
    return tasks
      .filter(([start, ms]) => !except.some(([from, to]) => start < to && start + ms > from))
      .map(([, ms]) => ms);
  };
  const report = async (what: string, tasks: number[], streamed: number, since: number) => {
    const longest = tasks.length ? Math.max(...tasks) : 0;
    longTaskReport.push(
      `long tasks while ${what}: ${tasks.length} (longest ${Math.round(longest)} ms) over ${streamed} streamed pieces`,
      ...(await slowFrames(since)).map((line) => `  ${line}`),
    );
    return longest;
  };

  it('creates a PRD from the template, on disk, and opens it with the Assist panel', async () => {
    await page.getByRole('heading', { name: 'work', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'New document' }).click();
    const dialog = page.getByRole('dialog', { name: 'New document' });
    await dialog.waitFor();
    await dialog.getByLabel('Type').selectOption('prd');
    await page.keyboard.type('Shared checklists');
    expect(await dialog.getByLabel('Folder').inputValue()).toBe('specs/shared-checklists');
    expect(await dialog.textContent()).toContain(`Creates ${PRD} from the team's prd template.`);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('prd-new') });
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });

    expect(read(PRD)).toContain('id: PRD-shared-checklists\ntitle: Shared checklists\ntype: prd');
    await page.locator('.editor-path', { hasText: PRD }).waitFor();
    await assist().waitFor();
    await page.locator('.cm-content', { hasText: 'Shared checklists' }).waitFor();
    const section = assist().getByLabel('Section', { exact: true });
    await expect
      .poll(() => section.locator('option').allTextContents())
      .toEqual([
        'All unwritten sections (6)',
        'Problem',
        'Goals',
        'Non-goals',
        'Users',
        'Success metrics',
        'Open questions',
      ]);
    // A document that is there already is never replaced.
    await page.getByRole('button', { name: 'New document' }).click();
    await page.keyboard.type('Shared checklists');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'already exists' }).waitFor();
    await page.keyboard.press('Escape');
  });

  it('streams a draft from the tiny model, and Stop really stops it', async () => {
    const before = read(PRD);
    await assist().getByRole('button', { name: 'Draft', exact: true }).click();
    await assist().getByRole('status').filter({ hasText: 'Drafting on this computer' }).waitFor();
    // Stopped at the first text, long before the tiny model would finish its draft.
    await expect.poll(pieces, { timeout: 60_000 }).toBeGreaterThan(0);
    await assist().getByRole('button', { name: 'Stop' }).click();
    await assist()
      .getByRole('status')
      .filter({ hasText: 'Stopped. Nothing was written.' })
      .waitFor();
    const atStop = await pieces();
    await page.waitForTimeout(1500);
    expect(await pieces()).toBe(atStop);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The run was cancelled and its call recorded as stopped, short of a whole draft.
    const [run] = core.workflows.workflows.runs.listRuns({ workflowId: 'assist-draft' });
    await expect
      .poll(() => core.workflows.workflows.runs.getRun(run!.id)?.status, { timeout: 20_000 })
      .toBe('cancelled');
    const [call] = core.workflows.records.list({ runId: run!.id });
    expect(call?.output.stopReason).toBe('cancelled');
    expect(call?.error).not.toBeNull();
    expect(read(PRD)).toBe(before);
  });

  it('lets the tiny model stream to its end, measuring long tasks, and says its output was unusable', async () => {
    const since = await observeLongTasks();
    await assist().getByRole('button', { name: 'Draft', exact: true }).click();
    // Tokens arrive over time, not at once.
    await expect.poll(pieces, { timeout: 60_000 }).toBeGreaterThan(0);
    const first = await pieces();
    await expect.poll(pieces, { timeout: 30_000 }).toBeGreaterThan(first);
    const alert = page.locator('.assist-panel [role="alert"]');
    await alert.waitFor({ timeout: 90_000 });
    expect(await alert.textContent()).toMatch(/unusable/);
    const longest = await report(
      'the tiny model streamed a whole draft',
      await longTasks(),
      await pieces(),
      since,
    );
    if (ASSERT_LONG_TASKS) expect(longest).toBeLessThanOrEqual(100);
  });

  it('measures long tasks under a flood of tokens, and discards a draft without writing', async () => {
    scripting = true;
    const body = (topic: string) =>
      `${topic}: `.concat('Release managers tick steps off together; '.repeat(10)).slice(0, 380);
    draftAnswer = {
      sections: ['Problem', 'Goals', 'Non-goals', 'Users', 'Success metrics', 'Open questions'].map(
        (heading) => ({ heading, body: body(heading) }),
      ),
    };
    Object.assign(pace, { chunkChars: 1, delayMs: 1 });
    const before = read(PRD);
    const since = await observeLongTasks();
    await assist().getByRole('button', { name: 'Draft', exact: true }).click();
    const proposal = page.locator('.assist-panel .assist-proposal');
    let seen = 0;
    const screenshotWindow: [number, number][] = [];
    while (!(await proposal.isVisible())) {
      const now = await page
        .locator('.assist-panel .assist-stream')
        .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-pieces'))));
      seen = Math.max(seen, ...now);
      if (seen > 40 && screenshotWindow.length === 0) {
        // A screenshot is work of its own: long tasks while it is taken are left out.
        const from = await pageNow();
        await page.screenshot({ path: screenshotPath('prd-draft-streaming') });
        screenshotWindow.push([from, await pageNow()]);
      }
      await page.waitForTimeout(100);
    }
    const longest = await report(
      'a scripted draft streamed one character per model chunk',
      await longTasks(screenshotWindow),
      seen,
      since,
    );
    // The host joins what arrives within 25 ms: thousands of model chunks, tens of messages.
    expect(seen).toBeGreaterThan(20);
    if (ASSERT_LONG_TASKS) expect(longest).toBeLessThanOrEqual(100);
    expect(await proposal.locator('h4').allTextContents()).toHaveLength(6);
    await proposal.getByRole('button', { name: 'Discard' }).click();
    await assist()
      .getByRole('status')
      .filter({ hasText: 'Discarded the draft; the document is unchanged.' })
      .waitFor();
    expect(read(PRD)).toBe(before);
    Object.assign(pace, { chunkChars: 6, delayMs: 15 });
    draftAnswer = { sections: [{ heading: 'Problem', body: PROBLEM }] };
  });

  it('inserts a drafted section only when asked', async () => {
    await assist().getByLabel('Section', { exact: true }).selectOption('Problem');
    await assist().getByRole('button', { name: 'Draft', exact: true }).click();
    const proposal = assist().getByRole('group', { name: 'Proposed draft' });
    await proposal.waitFor({ timeout: 60_000 });
    expect(await proposal.textContent()).toContain(PROBLEM);
    expect(read(PRD)).not.toContain(PROBLEM);
    await proposal.getByRole('button', { name: 'Insert into the document' }).click();
    await assist()
      .getByRole('status')
      .filter({ hasText: 'Inserted the draft of Problem.' })
      .waitFor();
    expect(read(PRD)).toContain(`## Problem\n\n${PROBLEM}\n\n## Goals`);
    await page.locator('.cm-content', { hasText: PROBLEM }).waitFor();
    await expect
      .poll(() =>
        assist().getByLabel('Section', { exact: true }).locator('option').allTextContents(),
      )
      .not.toContain('Problem');
  });

  it('lists the vague wording of the document, with its lines', async () => {
    await openFile(REQS);
    const list = assist().locator('.vague-list');
    await list.waitFor();
    expect(await list.textContent()).toMatch(/line \d+ “fast”/);
    await openFile(PRD);
  });

  it('asks clarifying questions one at a time and records the answers in the document', async () => {
    await assist().getByRole('button', { name: 'Ask clarifying questions' }).click();
    const question = assist().locator('.assist-question fieldset');
    await question.locator('legend', { hasText: 'Question 1 of 3' }).waitFor({ timeout: 60_000 });
    expect(await question.count()).toBe(1);
    expect(await question.textContent()).toContain(QUESTIONS[0]!.question);
    expect(await question.textContent()).not.toContain(QUESTIONS[1]!.question);
    // The recommended answer is marked and chosen to start with, and has the focus.
    const recommended = question.getByRole('radio', { name: 'B. Anyone on the release team' });
    expect(await recommended.isChecked()).toBe(true);
    expect(await question.locator('.option.recommended').textContent()).toContain('Recommended');
    expect(await page.locator(':focus').getAttribute('value')).toBe('B');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('prd-clarify') });

    await page.keyboard.press('ArrowUp');
    expect(await question.getByRole('radio', { name: 'A. Only its owner' }).isChecked()).toBe(true);
    await assist().getByRole('button', { name: 'Next' }).click();
    await question.locator('legend', { hasText: 'Question 2 of 3' }).waitFor();
    await assist().getByRole('button', { name: 'Skip' }).click();
    await question.locator('legend', { hasText: 'Question 3 of 3' }).waitFor();
    expect(read(PRD)).not.toContain('## Clarifications');
    await assist().getByRole('button', { name: 'Record my answers' }).click();
    await assist()
      .getByRole('status')
      .filter({ hasText: 'Recorded 2 answers in prd.md under Clarifications (1 skipped).' })
      .waitFor();
    const today = new Date().toISOString().slice(0, 10);
    expect(read(PRD)).toContain(
      `## Clarifications\n\n### Session ${today}\n\n- Q: Who may tick off a step of a shared checklist? → A: Only its owner\n- Q: Do checklists work without a connection? → A: Yes, and sync later\n`,
    );
    expect(read(PRD)).not.toContain(QUESTIONS[1]!.question);
  });

  it('offers an EARS rewrite per requirement: accepted changes the file, rejected does not', async () => {
    await openFile(REQS);
    const before = read(REQS);
    await assist().getByRole('button', { name: 'Suggest EARS rewrites' }).click();
    const items = assist().locator('.ears-item');
    await expect.poll(() => items.count(), { timeout: 60_000 }).toBe(2);
    const first = items.filter({ hasText: 'REQ-2HNB8W' });
    expect(await first.textContent()).toContain('should do it fast');
    expect(await first.textContent()).toContain(EARS['REQ-2HNB8W']);
    await first.scrollIntoViewIfNeeded();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('prd-ears') });

    await assist().getByRole('button', { name: 'Accept the rewrite of REQ-2HNB8W' }).click();
    await first.getByRole('status').filter({ hasText: 'Accepted' }).waitFor();
    await assist().getByRole('button', { name: 'Reject the rewrite of REQ-C4VJ6P' }).click();
    await items
      .filter({ hasText: 'REQ-C4VJ6P' })
      .getByRole('status')
      .filter({ hasText: 'Rejected' })
      .waitFor();
    const after = read(REQS);
    expect(after).not.toBe(before);
    expect(after).toContain(EARS['REQ-2HNB8W']);
    expect(after).not.toContain('should do it fast');
    expect(after).not.toContain(EARS['REQ-C4VJ6P']);
    expect(after).toContain(
      'The app shall delete every cached shared note from the device when the reviewer signs out.',
    );
    scripting = false;
  });

  const share = () => page.getByRole('button', { name: 'Save my changes and share them' });
  const shareStatus = () => page.locator('.sync-status');

  it('saves and shares with one button, in plain words', async () => {
    await share().click();
    await expect
      .poll(() => shareStatus().textContent(), { timeout: 60_000 })
      .toBe('Saved 2 documents and shared them with the team');
    expect(git(bare, 'log', '-1', '--format=%an|%s', 'main').trim()).toBe(
      'Maya Chen|Update requirements.md and prd.md',
    );
    expect(git(bare, 'show', `main:${PRD}`)).toContain(PROBLEM);
  });

  it('offline, saves on this computer and says the change waits', async () => {
    const port = server.port;
    await server.close();
    fs.writeFileSync(
      path.join(workspace, REQS),
      read(REQS).replace('written within 10 seconds', 'written within 5 seconds'),
    );
    await share().click();
    await expect
      .poll(() => shareStatus().textContent(), { timeout: 60_000 })
      .toBe('Saved on this computer; will share when you are back online (1 change waiting)');
    server = await startGitServer(path.join(base, 'server'), TOKEN, port);
  });

  it('shows a conflict with a teammate side by side and shares the version the user keeps', async () => {
    // A teammate changed the same line and pushed while Maya was offline.
    const other = path.join(base, 'teammate');
    git(base, 'clone', '--quiet', bare, other);
    fs.writeFileSync(
      path.join(other, REQS),
      fs
        .readFileSync(path.join(other, REQS), 'utf8')
        .replace('written within 10 seconds', 'written within 45 seconds'),
    );
    commitAll(other, 'Ravi: relax the delivery bound', 'Ravi Iyer');
    git(other, 'push', '--quiet', 'origin', 'main');

    await share().click();
    const dialog = page.getByRole('dialog', {
      name: /You and a teammate both changed requirements.md/,
    });
    await dialog.waitFor({ timeout: 60_000 });
    expect(await shareStatus().textContent()).toBe(
      'You and a teammate changed the same lines in 1 document. Choose what to keep.',
    );
    const theirs = dialog.getByRole('region', { name: "The team's version" });
    const yours = dialog.getByRole('region', { name: 'Your version' });
    expect(await theirs.locator('.line.changed').allTextContents()).toEqual([
      expect.stringContaining('written within 45 seconds'),
    ]);
    expect(await yours.locator('.line.changed').first().textContent()).toContain(
      'written within 5 seconds',
    );
    const merged = dialog.getByLabel('The version to keep (you can edit it)');
    expect(await merged.inputValue()).toContain('written within 5 seconds');
    expect(await merged.inputValue()).toContain('written within 45 seconds');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('sync-conflict') });

    // Maya starts from the team's version and edits the bound by hand.
    await dialog.getByRole('button', { name: "the team's version" }).click();
    const kept = (await merged.inputValue()).replace(
      'written within 45 seconds',
      'written within 20 seconds',
    );
    expect(kept).not.toContain('written within 5 seconds');
    await merged.fill(kept);
    await dialog.getByRole('button', { name: 'Keep this version' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect
      .poll(() => shareStatus().textContent(), { timeout: 60_000 })
      .toMatch(/^Saved \d+ documents? and shared (it|them) with the team/);
    expect(read(REQS)).toBe(kept);
    expect(git(bare, 'show', `main:${REQS}`)).toBe(kept);
    expect(git(bare, 'log', '-1', '--format=%p', 'main').trim().split(' ')).toHaveLength(2);
  });

  it('reads well in the dark', async () => {
    await openFile(REQS);
    await page.emulateMedia({ colorScheme: 'dark' });
    await assist().getByRole('button', { name: 'Suggest EARS rewrites' }).waitFor();
    await page.screenshot({ path: screenshotPath('prd-assist-dark') });
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('runs under the strict CSP without errors', () => {
    expect(consoleErrors).toEqual([]);
  });
});
