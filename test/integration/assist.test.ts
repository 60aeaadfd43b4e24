// The Assist channels through the dispatcher, on a copy of the sample workspace, a real core
// (SQLite, records, engine) and the tiny model on llama.cpp, with scripted answers where a
// useful one is needed (test/support/scripted-answers.ts): new documents from templates, a
// drafted section inserted, a draft stopped, questions answered and skipped, EARS rewrites
// accepted and rejected — each model call recorded.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatcher } from '../../electron/ipc/dispatch.ts';
import { createHandlers } from '../../electron/ipc/handlers.ts';
import { Core } from '../../electron/services/core.ts';
import { schemaKeys, scriptAnswers, type Script } from '../support/scripted-answers.ts';
import { tempDir } from '../support/temp-dir.ts';
import { writeTinyGguf } from '../support/tiny-gguf.ts';
import { copySample } from '../support/workflow-harness.ts';

const dir = tempDir('cairn-assist-');
let core: Core;
let dispatcher: Dispatcher;
let modelId: string;
let workspace: string;
let script: Script = () => undefined;
const pace = { delayMs: 5 };

const REQS = 'specs/offline-review/requirements.md';
const read = (rel: string) => fs.readFileSync(path.join(workspace, rel), 'utf8');

beforeAll(async () => {
  workspace = copySample(dir);
  const file = writeTinyGguf({}, dir);
  modelId = createHash('sha256').update(fs.readFileSync(file)).digest('hex').slice(0, 12);
  core = new Core({
    dataDir: path.join(dir, 'data'),
    host: 'web',
    version: '0.0.0-test',
    workspace,
    models: { gpu: false, contextSize: 4096 },
  });
  await core.models.importFile(file);
  await core.models.calibrate(modelId, { candidates: [1], repeats: 1 });
  scriptAnswers(core.models, (params) => script(params), pace);
  dispatcher = createDispatcher(createHandlers(core));
});
afterAll(() => core?.close());

async function invoke(channel: string, input: unknown) {
  const result = await dispatcher.invoke(channel, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as Record<string, unknown>;
}

type Event = { type: string } & Record<string, unknown>;

/** Subscribes until the stream's result (or `stopWhen` says stop); resolves with the events. */
function stream(channel: string, input: unknown, stopWhen?: (events: Event[]) => boolean) {
  return new Promise<Event[]>((resolve, reject) => {
    const events: Event[] = [];
    const started = dispatcher.subscribe(channel, input, (event) => {
      events.push(event as Event);
      const type = (event as Event).type;
      if (stopWhen?.(events)) {
        if (started.ok) started.value.stop();
        resolve(events);
      } else if (type !== 'started' && type !== 'text') resolve(events);
    });
    if (!started.ok) reject(new Error(started.error.message));
  });
}

describe('new documents from templates', () => {
  it('writes the template filled in, with an ID no other document has, and never overwrites', async () => {
    const created = await invoke('specs.createFromTemplate', {
      type: 'prd',
      title: 'Shared checklists',
      folder: 'specs/shared-checklists',
    });
    expect(created).toMatchObject({
      path: 'specs/shared-checklists/prd.md',
      id: 'PRD-shared-checklists',
    });
    const text = read('specs/shared-checklists/prd.md');
    expect(text).toContain('title: Shared checklists\ntype: prd\nstatus: draft');
    expect(text).toContain('# Shared checklists\n\n## Problem');

    const again = await dispatcher.invoke('specs.createFromTemplate', {
      type: 'prd',
      title: 'Something else',
      folder: 'specs/shared-checklists/',
    });
    expect(again).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        message:
          'specs/shared-checklists/prd.md already exists, and Cairn never writes over a document. Open it, or choose another folder.',
      },
    });
    expect(read('specs/shared-checklists/prd.md')).toBe(text);

    const elsewhere = await invoke('specs.createFromTemplate', {
      type: 'prd',
      title: 'Shared checklists, mobile',
      folder: 'mobile/shared-checklists',
    });
    expect(elsewhere.id).toBe('PRD-shared-checklists-2');

    const requirements = await invoke('specs.createFromTemplate', {
      type: 'requirements',
      title: 'Shared checklists',
      folder: 'specs/shared-checklists',
    });
    expect(requirements.text).toMatch(/### REQ-[0-9A-HJKMNP-TV-Z]{6}: What the system does/);
    expect(fs.readdirSync(path.join(workspace, 'specs/shared-checklists'))).toEqual([
      'prd.md',
      'requirements.md',
    ]);
  });

  it('lists the sections a draft would write: the template text ones only', async () => {
    expect(await invoke('assist.sections', { path: 'specs/shared-checklists/prd.md' })).toEqual({
      path: 'specs/shared-checklists/prd.md',
      type: 'prd',
      sections: ['Problem', 'Goals', 'Non-goals', 'Users', 'Success metrics', 'Open questions'],
    });
    expect(await invoke('assist.sections', { path: 'specs/offline-review/prd.md' })).toMatchObject({
      type: 'prd',
      sections: [],
    });
  });
});

describe('drafting a section', () => {
  const PRD = 'specs/shared-checklists/prd.md';
  const body = 'Teams keep release checklists in chat threads, and steps get skipped.';

  it('streams the draft, proposes it, and writes it only when inserted', async () => {
    script = (p) =>
      schemaKeys(p).includes('sections') ? { sections: [{ heading: 'Problem', body }] } : undefined;
    const before = read(PRD);
    pace.delayMs = 20;
    const events = await stream('assist.draftSection', { path: PRD, modelId, section: 'Problem' });
    pace.delayMs = 5;
    expect(events[0]?.type).toBe('started');
    // The text comes in pieces as the model writes (joined by the host every 25 ms).
    const texts = events.filter((e) => e.type === 'text').map((e) => String(e.chunk));
    expect(texts.length).toBeGreaterThan(3);
    expect(JSON.parse(texts.join(''))).toEqual({ sections: [{ heading: 'Problem', body }] });
    const draft = events.at(-1)!;
    expect(draft).toMatchObject({ type: 'draft', sections: [{ heading: 'Problem', body }] });
    expect(read(PRD)).toBe(before);

    // The call is recorded under the run, with what the model was asked.
    const runId = String(events[0]!.runId);
    const [call] = core.workflows.records.list({ runId });
    expect(call).toMatchObject({ passId: 'draft', error: null });
    expect(call?.params.schemaName).toBe('draft-sections');
    expect(call?.messages.at(-1)?.content).toContain('- Problem: Who has the problem');
    expect(call?.messages.at(-1)?.content).not.toContain('- Goals:');

    expect(await invoke('assist.decide', { changeId: draft.changeId, accept: true })).toMatchObject(
      { status: 'accepted', path: PRD },
    );
    expect(read(PRD)).toContain(`## Problem\n\n${body}\n\n## Goals`);
    expect((await invoke('assist.sections', { path: PRD })).sections).not.toContain('Problem');
  });

  it('stops the model when the subscription stops: nothing is proposed or written', async () => {
    pace.delayMs = 40;
    script = (p) =>
      schemaKeys(p).includes('sections')
        ? { sections: [{ heading: 'Goals', body: 'x'.repeat(390) }] }
        : undefined;
    const before = read(PRD);
    const events = await stream(
      'assist.draftSection',
      { path: PRD, modelId, section: null },
      (seen) => seen.filter((e) => e.type === 'text').length >= 3,
    );
    const runId = String(events[0]!.runId);
    await expect
      .poll(() => core.workflows.workflows.runs.getRun(runId)?.status, { timeout: 20_000 })
      .toBe('cancelled');
    const [call] = core.workflows.records.list({ runId });
    expect(call?.error).toMatch(/cancelled/);
    expect(call?.output.text.length).toBeLessThan(200);
    expect(core.workflows.workflows.runs.changes(runId)).toEqual([]);
    expect(read(PRD)).toBe(before);
    pace.delayMs = 5;
  });

  it('discards a draft: the file stays as it was', async () => {
    script = (p) =>
      schemaKeys(p).includes('sections')
        ? { sections: [{ heading: 'Users', body: '- Release managers' }] }
        : undefined;
    const before = read(PRD);
    const draft = (
      await stream('assist.draftSection', { path: PRD, modelId, section: 'Users' })
    ).at(-1)!;
    expect(
      await invoke('assist.decide', { changeId: draft.changeId, accept: false }),
    ).toMatchObject({ status: 'rejected' });
    expect(read(PRD)).toBe(before);
  });
});

describe('clarifying questions', () => {
  const questions = [
    {
      question: 'Who may edit a shared checklist?',
      options: ['Its owner only', 'Everyone on the team'],
      recommended: 'B',
      reason: 'Teams share the work.',
    },
    {
      question: 'How long is a finished checklist kept?',
      options: ['30 days', 'One year', 'Forever'],
      recommended: 'B',
      reason: 'Audits look back a year.',
    },
    {
      question: 'Do checklists work offline?',
      options: ['Yes', 'No'],
      recommended: 'A',
      reason: 'Releases happen on planes too.',
    },
  ];

  it('asks, then records the answers (not the skipped one) under ## Clarifications', async () => {
    script = (p) => (schemaKeys(p).includes('questions') ? { questions } : undefined);
    const PRD = 'specs/shared-checklists/prd.md';
    const events = await stream('assist.clarify', { path: PRD, modelId });
    const asked = events.at(-1)!;
    expect(asked).toMatchObject({ type: 'questions', path: PRD });
    expect(asked.questions).toEqual([
      expect.objectContaining({ id: 'Q1', recommended: 'B' }),
      expect.objectContaining({
        id: 'Q2',
        options: expect.arrayContaining([{ key: 'C', text: 'Forever' }]),
      }),
      expect.objectContaining({ id: 'Q3', recommended: 'A' }),
    ]);
    const runId = String(asked.runId);
    expect(core.workflows.workflows.runs.getRun(runId)?.status).toBe('waiting');
    expect(read(PRD)).not.toContain('## Clarifications');

    expect(
      await invoke('assist.answer', { runId, answers: { Q1: 'A', Q2: null, Q3: 'A' } }),
    ).toEqual({ path: PRD, recorded: 2, skipped: 1, message: null });
    const today = new Date().toISOString().slice(0, 10);
    expect(read(PRD)).toContain(
      `## Clarifications\n\n### Session ${today}\n\n- Q: Who may edit a shared checklist? → A: Its owner only\n- Q: Do checklists work offline? → A: Yes\n`,
    );
    expect(read(PRD)).not.toContain('How long is a finished checklist kept?');
    expect(core.workflows.workflows.runs.getRun(runId)?.status).toBe('completed');
  });
});

describe('EARS rewrites', () => {
  const STATEMENTS: Record<string, string> = {
    'REQ-2HNB8W':
      'When the device reconnects, the app shall send queued comments in the order they were written within 10 seconds.',
    'REQ-C4VJ6P':
      'When the reviewer signs out, the app shall delete every cached shared note from the device within 5 seconds.',
  };

  it('proposes one change per requirement: an accepted one is written, a rejected one is not', async () => {
    script = (p) => {
      if (!schemaKeys(p).includes('statement')) return undefined;
      const prompt = p.messages.at(-1)?.content ?? '';
      const id = Object.keys(STATEMENTS).find((k) => prompt.includes(k));
      return { statement: id ? STATEMENTS[id] : 'The app shall do nothing new.' };
    };
    const before = read(REQS);
    const done = (await stream('assist.earsRewrite', { path: REQS, modelId })).at(-1)!;
    expect(done).toMatchObject({ type: 'rewrites', path: REQS });
    const rewrites = done.rewrites as {
      changeId: string;
      requirementId: string;
      before: string;
      after: string;
    }[];
    expect(rewrites.map((r) => r.requirementId)).toEqual(['REQ-2HNB8W', 'REQ-C4VJ6P']);
    expect(rewrites[0]?.before).toContain('should do it fast');
    expect(rewrites[0]?.after).toBe(STATEMENTS['REQ-2HNB8W']);
    expect(read(REQS)).toBe(before);

    await invoke('assist.decide', { changeId: rewrites[0]!.changeId, accept: true });
    await invoke('assist.decide', { changeId: rewrites[1]!.changeId, accept: false });
    const after = read(REQS);
    expect(after).toContain(STATEMENTS['REQ-2HNB8W']);
    expect(after).not.toContain('should do it fast');
    expect(after).not.toContain(STATEMENTS['REQ-C4VJ6P']);
    expect(after).toContain(
      'The app shall delete every cached shared note from the device when the reviewer signs out.',
    );
  });

  it('says when a change no longer applies because the same lines changed', async () => {
    const done = (await stream('assist.earsRewrite', { path: REQS, modelId })).at(-1)!;
    const [rewrite] = done.rewrites as { changeId: string; before: string }[];
    fs.writeFileSync(
      path.join(workspace, REQS),
      read(REQS).replace('signs out.', 'signs out, at once.'),
    );
    const decided = await invoke('assist.decide', { changeId: rewrite!.changeId, accept: true });
    expect(decided).toMatchObject({ status: 'stale' });
    expect(decided.message).toMatch(/in the same lines this change edits/);
  });
});

describe('the tiny model unscripted', () => {
  it('runs clarify for real: the call is recorded under the run, with the model that answered', async () => {
    script = () => undefined;
    const events = await stream('assist.clarify', { path: REQS, modelId });
    const runId = String(events[0]?.runId);
    // The tiny model writes junk: no questions, or an unusable answer; either way it is on record.
    expect(['questions', 'error']).toContain(events.at(-1)?.type);
    const [call] = core.workflows.records.list({ runId });
    expect(call?.params.schemaName).toBe('clarify-questions');
    expect(call?.model.sha256?.startsWith(modelId)).toBe(true);
    expect(call?.messages.at(-1)?.content).toContain('REQ-7KQ2M4');
  });
});
