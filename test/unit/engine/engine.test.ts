import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RunStateError } from '../../../workflows/engine/engine.ts';
import type { FileChange, PassContext, Question } from '../../../workflows/engine/pass.ts';
import { clarifyPass } from '../../../workflows/passes/clarify.ts';
import { LOCAL_IDENTITY, clarifyResult } from '../../support/envelopes.ts';
import { REPO, SAMPLE } from '../specs/helpers.ts';
import { harness, specFile, testPass, workflowOf } from './support/test-passes.ts';

const REQS = 'specs/offline-review/requirements.md';
const PLAN = 'specs/offline-review/design.md';
const ORIGINAL = specFile('Offline', '## Requirements\n\nline one\nline two\nline three\n');

/** Appends `line` to `path` as the pass sees it (creating the file when absent). */
function append(context: PassContext, path: string, line: string): FileChange {
  const before = context.files.get(path) ?? null;
  return { path, before, after: `${before ?? ''}${line}\n`, summary: `append ${line}` };
}

const start = (h: ReturnType<typeof harness>, passes: Record<string, unknown>[]) => {
  const engine = h.engine();
  const run = engine.start({
    workflow: workflowOf(passes),
    item: null,
    workspaceRoot: '/ws',
    model: null,
  });
  return { engine, run };
};

describe('WorkflowEngine: passes and outputs', () => {
  it('runs the passes in order and hands outputs to the passes that read them', async () => {
    const log: string[] = [];
    const received: unknown[] = [];
    const h = harness([
      testPass('emit', (c) => ({ output: { from: c.pass.id, findings: 3 } }), log),
      testPass(
        'echo',
        (c) => {
          received.push(c.inputs.outputs);
          return { output: { saw: Object.keys(c.inputs.outputs) } };
        },
        log,
      ),
    ]);
    const { engine, run } = start(h, [
      { id: 'first', uses: 'emit' },
      { id: 'second', uses: 'echo', inputs: [{ pass: 'first' }] },
      { id: 'third', uses: 'echo', inputs: [{ pass: 'second' }, { pass: 'first' }] },
    ]);
    const done = await engine.advance(run.id);
    expect(log).toEqual(['first', 'second', 'third']);
    expect(received).toEqual([
      { first: { from: 'first', findings: 3 } },
      { second: { saw: ['first'] }, first: { from: 'first', findings: 3 } },
    ]);
    expect(done).toMatchObject({ status: 'completed', nextPass: 3, error: null });
    expect(h.store.passRecords(run.id).map((r) => [r.passId, r.status])).toEqual([
      ['first', 'completed'],
      ['second', 'completed'],
      ['third', 'completed'],
    ]);
    expect(h.events.map((e) => `${e.type}${'passId' in e ? ` ${e.passId}` : ''}`)).toEqual([
      'pass-started first',
      'pass-finished first',
      'pass-started second',
      'pass-finished second',
      'pass-started third',
      'pass-finished third',
      'run-status',
    ]);
  });

  it('fails the run with the reason when a pass throws, keeps earlier records, and retries only that pass', async () => {
    const log: string[] = [];
    const h = harness(
      [
        testPass('emit', () => ({ output: { kept: true } }), log),
        testPass(
          'flaky',
          (_c, call) => {
            if (call === 0) throw new Error('disk on fire');
            return {};
          },
          log,
        ),
      ],
      { [REQS]: ORIGINAL },
    );
    const { engine, run } = start(h, [
      { id: 'a', uses: 'emit' },
      { id: 'b', uses: 'flaky' },
      { id: 'c', uses: 'emit' },
    ]);
    const failed = await engine.advance(run.id);
    expect(failed).toMatchObject({
      status: 'failed',
      nextPass: 1,
      error: "pass 'b' (flaky) failed: disk on fire",
    });
    const records = h.store.passRecords(run.id);
    expect(records.map((r) => [r.passId, r.status, r.error])).toEqual([
      ['a', 'completed', null],
      ['b', 'failed', "pass 'b' (flaky) failed: disk on fire"],
    ]);
    expect(records[0]?.result?.output).toEqual({ kept: true });
    expect(h.repo.files.get(REQS)).toBe(ORIGINAL);
    // Advancing a failed run does nothing until the user retries.
    expect(await engine.advance(run.id)).toMatchObject({ status: 'failed' });
    expect(log).toEqual(['a', 'b']);

    expect(engine.retry(run.id)).toMatchObject({ status: 'running', nextPass: 1, error: null });
    expect(await engine.advance(run.id)).toMatchObject({ status: 'completed', error: null });
    expect(log).toEqual(['a', 'b', 'b', 'c']);
    const after = h.store.passRecords(run.id);
    expect(after[0]).toEqual(records[0]);
    expect(after.map((r) => r.status)).toEqual(['completed', 'completed', 'completed']);
  });

  it('fails clearly when a model pass has no model', async () => {
    const h = harness([{ ...testPass('ask', () => ({}), []), kind: 'model' }]);
    const { engine, run } = start(h, [{ id: 'ask', uses: 'ask', prompt: 'clarify' }]);
    const failed = await engine.advance(run.id);
    expect(failed.status).toBe('failed');
    expect(failed.error).toContain("'ask' needs a model and none is set");
  });

  it('fails the run when a pass input matches nothing, naming the glob', async () => {
    const h = harness([testPass('emit', () => ({}), [])]);
    const { engine, run } = start(h, [
      { id: 'a', uses: 'emit', inputs: [{ documents: 'specs/missing/*.md' }] },
    ]);
    const failed = await engine.advance(run.id);
    expect(failed.status).toBe('failed');
    expect(failed.error).toContain("no spec documents match 'specs/missing/*.md'");
  });
});

describe('WorkflowEngine: automatic gates', () => {
  const gated = (problems: number[], log: string[]) =>
    harness([
      testPass('check', (_c, call) => ({ metrics: { problems: problems[call] ?? 0 } }), log),
      testPass('next', () => ({}), log),
    ]);
  const passes = [
    { id: 'check', uses: 'check', gate: { auto: [{ metric: 'problems', max: 0 }] } },
    { id: 'next', uses: 'next' },
  ];

  it('blocks the run when a criterion fails, saying which and why', async () => {
    const log: string[] = [];
    const h = gated([2], log);
    const { engine, run } = start(h, passes);
    expect(await engine.advance(run.id)).toMatchObject({
      status: 'blocked',
      nextPass: 1,
      error: "the gate after pass 'check' did not pass: problems ≤ 0 (problems = 2 (at most 0))",
    });
    expect(log).toEqual(['check']);
    expect(h.store.passRecords(run.id)[0]?.gate?.auto).toEqual([
      { criterion: 'problems ≤ 0', ok: false, detail: 'problems = 2 (at most 0)' },
    ]);
  });

  it('goes on past the gate on override, without running the pass again', async () => {
    const log: string[] = [];
    const h = gated([2], log);
    const { engine, run } = start(h, passes);
    await engine.advance(run.id);
    expect(engine.override(run.id)).toMatchObject({ status: 'running', nextPass: 1, error: null });
    expect(await engine.advance(run.id)).toMatchObject({ status: 'completed' });
    expect(log).toEqual(['check', 'next']);
  });

  it('still waits for the human step of a gate whose automatic criteria were overridden', async () => {
    const h = gated([2], []);
    const { engine, run } = start(h, [
      { id: 'check', uses: 'check', gate: { auto: [{ metric: 'problems', max: 0 }], human: true } },
      { id: 'next', uses: 'next' },
    ]);
    await engine.advance(run.id);
    expect(engine.override(run.id)).toMatchObject({ status: 'waiting', nextPass: 1 });
    await engine.approve(run.id);
    expect(await engine.advance(run.id)).toMatchObject({ status: 'completed' });
  });

  it('runs the pass again on retry, and goes on when the gate passes', async () => {
    const log: string[] = [];
    const h = gated([2, 0], log);
    const { engine, run } = start(h, passes);
    await engine.advance(run.id);
    expect(engine.retry(run.id)).toMatchObject({ status: 'running', nextPass: 0 });
    expect(await engine.advance(run.id)).toMatchObject({ status: 'completed' });
    expect(log).toEqual(['check', 'check', 'next']);
    expect(h.store.passRecords(run.id)[0]?.gate?.auto[0]?.ok).toBe(true);
  });

  it('refuses override and retry of a run that is not stopped', async () => {
    const h = gated([0], []);
    const { engine, run } = start(h, passes);
    await engine.advance(run.id);
    expect(() => engine.override(run.id)).toThrow(RunStateError);
    expect(() => engine.retry(run.id)).toThrow(
      `Run ${run.id} is completed; only a failed or blocked run is retried.`,
    );
  });

  it('re-runs a blocked pass on the workspace without its own earlier proposal', async () => {
    const log: string[] = [];
    const seen: (string | undefined)[] = [];
    const h = harness(
      [
        testPass(
          'fixer',
          (c, call) => {
            seen.push(c.files.get(REQS));
            return {
              metrics: { problems: call === 0 ? 1 : 0 },
              changes: [append(c, REQS, 'fixed')],
            };
          },
          log,
        ),
      ],
      { [REQS]: ORIGINAL },
    );
    const { engine, run } = start(h, [
      { id: 'fix', uses: 'fixer', gate: { auto: [{ metric: 'problems', max: 0 }] } },
    ]);
    await engine.advance(run.id);
    engine.retry(run.id);
    expect(await engine.advance(run.id)).toMatchObject({ status: 'completed' });
    expect(seen).toEqual([ORIGINAL, ORIGINAL]);
    expect(h.store.changes(run.id).map((c) => [c.before, c.status])).toEqual([
      [ORIGINAL, 'proposed'],
    ]);
    expect(await engine.acceptPending(run.id)).toMatchObject({ stale: [] });
    expect(h.repo.files.get(REQS)).toBe(`${ORIGINAL}fixed\n`);
  });
});

describe('WorkflowEngine: human gates', () => {
  const QUESTIONS: Question[] = [
    {
      id: 'Q1',
      question: 'How long may a note stay cached?',
      options: [
        { key: 'A', text: '7 days' },
        { key: 'B', text: '30 days' },
      ],
      recommended: 'A',
      reason: 'Matches the retention policy.',
    },
    {
      id: 'Q2',
      question: 'Who sees queued comments?',
      options: [],
      recommended: 'Only the author',
      reason: 'Privacy.',
    },
  ];
  const answerLines = (a: Record<string, string>) => `answers: ${a['Q1']} / ${a['Q2']}`;

  /** An `ask` pass like clarify: it records the recommended answers, then the chosen ones. */
  const setup = () => {
    const log: string[] = [];
    const answered: Record<string, string>[] = [];
    const received: unknown[] = [];
    const h = harness(
      [
        testPass(
          'ask',
          (c) => ({
            output: { answers: { Q1: 'A', Q2: 'Only the author' } },
            questions: QUESTIONS,
            changes: [append(c, REQS, answerLines({ Q1: 'A', Q2: 'Only the author' }))],
          }),
          log,
          (c, result, answers) => {
            answered.push(answers);
            return {
              ...result,
              output: { answers },
              changes: [append(c, REQS, answerLines(answers))],
            };
          },
        ),
        testPass('next', (c) => (received.push(c.inputs.outputs), {}), log),
      ],
      { [REQS]: ORIGINAL },
    );
    const { engine, run } = start(h, [
      { id: 'ask', uses: 'ask', gate: { human: true } },
      { id: 'next', uses: 'next', inputs: [{ pass: 'ask' }] },
    ]);
    return { h, engine, run, log, answered, received };
  };

  it('waits at the gate without running the next pass', async () => {
    const { h, engine, run, log } = setup();
    expect(await engine.advance(run.id)).toMatchObject({ status: 'waiting', nextPass: 1 });
    expect(await engine.advance(run.id)).toMatchObject({ status: 'waiting' });
    expect(log).toEqual(['ask']);
    expect(h.store.passRecords(run.id)[0]?.gate?.human).toBe('pending');
  });

  it('refuses answers to unknown questions, keys that are no option, and empty answers', async () => {
    const { h, engine, run } = setup();
    await engine.advance(run.id);
    await expect(engine.approve(run.id, { Q9: 'A' })).rejects.toThrow(
      'There is no question Q9; the questions are Q1, Q2.',
    );
    await expect(engine.approve(run.id, { Q1: 'C' })).rejects.toThrow(
      "Answer Q1 with one of A, B (got 'C').",
    );
    await expect(engine.approve(run.id, { Q2: '  ' })).rejects.toThrow(
      'The answer to Q2 is empty.',
    );
    await expect(engine.approve(run.id, { Q9: 'A' })).rejects.toBeInstanceOf(RunStateError);
    // Nothing was decided: the run still waits, the gate is still pending.
    expect(h.store.getRun(run.id)).toMatchObject({ status: 'waiting', nextPass: 1 });
    expect(h.store.passRecords(run.id)[0]?.gate).toMatchObject({ human: 'pending', answers: null });
  });

  it('approves with answers: the pass rewrites its result, the run goes on with it', async () => {
    const { h, engine, run, log, answered, received } = setup();
    await engine.advance(run.id);
    const approved = await engine.approve(run.id, { Q1: 'B' });
    expect(approved).toMatchObject({ status: 'running', nextPass: 1 });
    // Unanswered questions take the recommended answer.
    expect(answered).toEqual([{ Q1: 'B', Q2: 'Only the author' }]);
    const record = h.store.passRecords(run.id)[0]!;
    expect(record.gate).toMatchObject({ human: 'approved', answers: { Q1: 'B' } });
    expect(record.gate?.decidedAt).not.toBeNull();
    expect(await engine.advance(run.id)).toMatchObject({ status: 'completed' });
    expect(log).toEqual(['ask', 'next']);
    expect(received).toEqual([{ ask: { answers: { Q1: 'B', Q2: 'Only the author' } } }]);
  });

  it('gives a skipped question no answer (the pass is told with an empty one)', async () => {
    const { h, engine, run, answered } = setup();
    await engine.advance(run.id);
    await expect(engine.approve(run.id, {}, { skipped: ['Q7'] })).rejects.toThrow(
      'There is no question Q7 to skip; the questions are Q1, Q2.',
    );
    await expect(engine.approve(run.id, { Q2: 'Everyone' }, { skipped: ['Q2'] })).rejects.toThrow(
      'Question Q2 is both answered and skipped.',
    );
    await engine.approve(run.id, { Q1: 'B' }, { skipped: ['Q2'] });
    expect(answered).toEqual([{ Q1: 'B', Q2: '' }]);
    expect(h.store.passRecords(run.id)[0]?.gate).toMatchObject({ answers: { Q1: 'B', Q2: '' } });
  });

  it('writes only the chosen answers when the approved change is accepted', async () => {
    const { h, engine, run } = setup();
    await engine.advance(run.id);
    await engine.approve(run.id, { Q1: 'B', Q2: 'Everyone' });
    const changes = h.store.changes(run.id);
    expect(changes).toHaveLength(1);
    expect(changes[0]?.before).toBe(ORIGINAL);
    expect(await engine.acceptPending(run.id)).toMatchObject({ stale: [] });
    expect(h.repo.files.get(REQS)).toBe(`${ORIGINAL}answers: B / Everyone\n`);
  });

  it('cancels the run on reject, and runs nothing after it', async () => {
    const { h, engine, run, log } = setup();
    await engine.advance(run.id);
    expect(engine.reject(run.id)).toMatchObject({
      status: 'cancelled',
      error: "pass 'ask': rejected at the gate",
    });
    expect(h.store.passRecords(run.id)[0]?.gate?.human).toBe('rejected');
    expect(await engine.advance(run.id)).toMatchObject({ status: 'cancelled' });
    expect(log).toEqual(['ask']);
    await expect(engine.approve(run.id)).rejects.toThrow('it does not wait for approval');
  });
});

describe('WorkflowEngine: resuming', () => {
  it('resumes a run stopped between passes from its next pass, in a new engine', async () => {
    const log: string[] = [];
    const signal = { aborted: false };
    const h = harness([
      testPass('emit', (c) => ({ output: { by: c.pass.id } }), log),
      testPass(
        'stop',
        () => {
          signal.aborted = true;
          return { output: { by: 'b' } };
        },
        log,
      ),
    ]);
    const { engine, run } = start(h, [
      { id: 'a', uses: 'emit' },
      { id: 'b', uses: 'stop' },
      { id: 'c', uses: 'emit', inputs: [{ pass: 'a' }, { pass: 'b' }] },
    ]);
    expect(await engine.advance(run.id, { signal })).toMatchObject({
      status: 'running',
      nextPass: 2,
    });
    const restarted = h.engine();
    expect(await restarted.advance(run.id)).toMatchObject({ status: 'completed', nextPass: 3 });
    expect(log).toEqual(['a', 'b', 'c']);
  });

  it('runs an unfinished pass again after the process died in it, and no completed one', async () => {
    const log: string[] = [];
    let died = false;
    const h = harness([
      testPass('emit', () => ({}), log),
      {
        ...testPass('slow', () => ({ output: 'finished' }), log),
        async run(context) {
          if (!died) {
            died = true;
            log.push(`${context.pass.id} (dies)`);
            return new Promise(() => {}); // the process is gone: this never settles
          }
          log.push(context.pass.id);
          return { summary: 'ok', output: 'finished', metrics: {}, changes: [] };
        },
      },
    ]);
    const { engine, run } = start(h, [
      { id: 'a', uses: 'emit' },
      { id: 'b', uses: 'slow' },
      { id: 'c', uses: 'emit' },
    ]);
    void engine.advance(run.id);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(h.store.getRun(run.id)).toMatchObject({ status: 'running', nextPass: 1 });
    expect(await h.engine().advance(run.id)).toMatchObject({ status: 'completed' });
    expect(log).toEqual(['a', 'b (dies)', 'b', 'c']);
    expect(h.store.passRecords(run.id).map((r) => r.passId)).toEqual(['a', 'b', 'c']);
  });

  it('approves a waiting run in a new engine and goes on', async () => {
    const log: string[] = [];
    const h = harness([testPass('emit', () => ({}), log)]);
    const { engine, run } = start(h, [
      { id: 'a', uses: 'emit', gate: { human: true } },
      { id: 'b', uses: 'emit' },
    ]);
    await engine.advance(run.id);
    const restarted = h.engine();
    await restarted.approve(run.id);
    expect(await restarted.advance(run.id)).toMatchObject({ status: 'completed' });
    expect(log).toEqual(['a', 'b']);
  });
});

describe('WorkflowEngine: proposed changes', () => {
  const writer = (log: string[]) =>
    testPass(
      'writer',
      (c) => ({ changes: [append(c, c.pass.output ?? REQS, `by ${c.pass.id}`)] }),
      log,
    );
  const reader = (seen: Record<string, unknown>[]) =>
    testPass(
      'reader',
      (c) => {
        seen.push({
          file: c.files.get(PLAN),
          documents: c.inputs.documents.map((d) => d.path),
          parsed: c.workspace.documents.some((d) => d.path === PLAN),
        });
        return {};
      },
      [],
    );

  it('shows a later pass the file an earlier pass proposed, without writing it', async () => {
    const seen: Record<string, unknown>[] = [];
    const h = harness(
      [
        testPass(
          'draft',
          () => ({
            changes: [
              { path: PLAN, before: null, after: specFile('Plan', 'drafted\n'), summary: 'draft' },
            ],
          }),
          [],
        ),
        reader(seen),
      ],
      { [REQS]: ORIGINAL },
    );
    const { engine, run } = start(h, [
      { id: 'draft', uses: 'draft' },
      { id: 'read', uses: 'reader', inputs: [{ documents: PLAN }] },
    ]);
    expect(await engine.advance(run.id)).toMatchObject({ status: 'completed' });
    expect(seen).toEqual([
      { file: specFile('Plan', 'drafted\n'), documents: [PLAN], parsed: true },
    ]);
    expect(h.repo.files.has(PLAN)).toBe(false);
    expect(h.repo.writes).toEqual([]);
    expect(h.store.changes(run.id).map((c) => [c.path, c.before, c.status])).toEqual([
      [PLAN, null, 'proposed'],
    ]);
  });

  it('leaves a change rejected before the gate out, also after approval', async () => {
    const seen: Record<string, unknown>[] = [];
    const h = harness(
      [
        testPass(
          'draft',
          () => ({ changes: [{ path: PLAN, before: null, after: 'x\n', summary: 'd' }] }),
          [],
        ),
        reader(seen),
      ],
      {},
    );
    const { engine, run } = start(h, [
      { id: 'draft', uses: 'draft', gate: { human: true } },
      { id: 'read', uses: 'reader' },
    ]);
    await engine.advance(run.id);
    engine.rejectChange(h.store.changes(run.id)[0]!.id);
    await engine.approve(run.id);
    // Approving the gate does not bring the rejected change back.
    expect(h.store.changes(run.id).map((c) => c.status)).toEqual(['rejected']);
    await engine.advance(run.id);
    expect(seen).toEqual([{ file: undefined, documents: [], parsed: false }]);
    expect(await engine.acceptPending(run.id)).toEqual({ accepted: [], stale: [] });
    expect(h.repo.files.has(PLAN)).toBe(false);
  });

  it('accepts only the named changes, names the ones it cannot, and refuses a foreign ID', async () => {
    const h = harness(
      [
        testPass(
          'draft',
          () => ({
            changes: [
              { path: PLAN, before: null, after: 'x\n', summary: 'plan' },
              { path: 'specs/other.md', before: null, after: 'y\n', summary: 'other' },
            ],
          }),
          [],
        ),
      ],
      {},
    );
    const { engine, run } = start(h, [{ id: 'draft', uses: 'draft' }]);
    await engine.advance(run.id);
    const [plan, other] = h.store.changes(run.id);
    engine.rejectChange(other!.id);
    const refused: string[] = [];
    expect(
      await engine.acceptPending(run.id, {
        only: [plan!.id.toLowerCase(), other!.id],
        onRefused: (id, reason) => refused.push(`${id}: ${reason}`),
      }),
    ).toEqual({ accepted: [plan!.id], stale: [other!.id] });
    expect(refused).toEqual([
      `${other!.id}: Change ${other!.id} is rejected; it cannot be accepted.`,
    ]);
    expect(h.repo.files.get(PLAN)).toBe('x\n');
    await expect(engine.acceptPending(run.id, { only: ['CHG-NOTHERE'] })).rejects.toThrow(
      `Run ${run.id} has no change CHG-NOTHERE.`,
    );
  });

  it('writes each change through the repo as its pass finishes with autoAccept', async () => {
    const log: string[] = [];
    const h = harness([writer(log)], { [REQS]: ORIGINAL });
    const { engine, run } = start(h, [
      { id: 'one', uses: 'writer' },
      { id: 'two', uses: 'writer' },
    ]);
    expect(await engine.advance(run.id, { autoAccept: true })).toMatchObject({
      status: 'completed',
    });
    expect(h.repo.files.get(REQS)).toBe(`${ORIGINAL}by one\nby two\n`);
    expect(h.repo.writes).toEqual([REQS, REQS]);
    expect(h.store.changes(run.id).map((c) => [c.before, c.status])).toEqual([
      [ORIGINAL, 'accepted'],
      [`${ORIGINAL}by one\n`, 'accepted'],
    ]);
  });

  it('merges an accepted change into a file the user edited elsewhere', async () => {
    const h = harness([writer([])], { [REQS]: ORIGINAL });
    const { engine, run } = start(h, [{ id: 'one', uses: 'writer' }]);
    await engine.advance(run.id);
    const edited = ORIGINAL.replace('# Offline', '# Offline (edited)');
    h.repo.files.set(REQS, edited);
    const change = await engine.acceptChange(h.store.changes(run.id)[0]!.id);
    expect(change.status).toBe('accepted');
    expect(h.repo.files.get(REQS)).toBe(`${edited}by one\n`);
  });

  it('never overwrites the user’s edit of the same lines: the change goes stale', async () => {
    const h = harness([writer([])], { [REQS]: ORIGINAL });
    const { engine, run } = start(h, [{ id: 'one', uses: 'writer' }]);
    await engine.advance(run.id);
    const edited = `${ORIGINAL}the user's own last line\n`;
    h.repo.files.set(REQS, edited);
    const id = h.store.changes(run.id)[0]!.id;
    await expect(engine.acceptChange(id)).rejects.toThrow(
      `Change ${id} was not applied: ${REQS} changed since the pass read it, in the same lines this change edits`,
    );
    expect(h.repo.files.get(REQS)).toBe(edited);
    expect(h.store.getChange(id)?.status).toBe('stale');
    expect(await engine.acceptPending(run.id)).toEqual({ accepted: [], stale: [] });
  });
});

describe('WorkflowEngine: clarify at a human gate', () => {
  it('records the chosen answers once, against the spec on disk, when approved and accepted', async () => {
    const spec = readFileSync(join(SAMPLE, REQS), 'utf8');
    const reply = {
      questions: [
        {
          question: 'How long may a note stay cached?',
          options: ['7 days', '30 days'],
          recommended: 'A',
          reason: 'Matches the retention policy.',
        },
      ],
    };
    const h = harness(
      [clarifyPass],
      { [REQS]: spec },
      {
        prompts: new Map([
          ['clarify', readFileSync(join(REPO, 'workflows/builtin/prompts/clarify.md'), 'utf8')],
        ]),
        model: {
          describe: async () => LOCAL_IDENTITY,
          generate: async () => clarifyResult(reply),
        },
      },
    );
    const engine = h.engine();
    const run = engine.start({
      workflow: workflowOf([
        {
          id: 'clarify',
          uses: 'clarify',
          prompt: 'clarify',
          inputs: [{ documents: REQS }],
          gate: { human: true },
        },
      ]),
      item: null,
      workspaceRoot: '/ws',
      model: 'local',
    });
    expect(await engine.advance(run.id)).toMatchObject({ status: 'waiting' });
    expect(h.records.saved).toHaveLength(1);
    await engine.approve(run.id, { Q1: 'B' });
    expect(await engine.acceptPending(run.id)).toMatchObject({ stale: [] });
    const written = h.repo.files.get(REQS)!;
    expect(written).toContain('- Q: How long may a note stay cached? → A: 30 days');
    expect(written).not.toContain('→ A: 7 days');
    expect(written.match(/### Session /g)).toHaveLength(1);
  });
});
