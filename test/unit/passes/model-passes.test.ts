import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { clarifyPass } from '../../../workflows/passes/clarify.ts';
import { earsRewritePass } from '../../../workflows/passes/ears-rewrite.ts';
import { planPass } from '../../../workflows/passes/plan.ts';
import { renderPrompt } from '../../../workflows/passes/render-prompt.ts';
import { specifyPass } from '../../../workflows/passes/specify.ts';
import { tasksPass } from '../../../workflows/passes/tasks.ts';
import { verifyPass } from '../../../workflows/passes/verify.ts';
import { REQUIREMENT_ID } from '../../../workflows/specs/ids.ts';
import { lint, SAMPLE, workspaceOf } from '../specs/helpers.ts';
import { contextFor, filesOf, promptOf, scriptedModel } from './helpers.ts';

const REQS = 'specs/offline-review/requirements.md';
const TASKS = 'specs/offline-review/tasks.md';
let sample: Record<string, string>;

beforeAll(async () => {
  sample = await filesOf(SAMPLE);
});

describe('renderPrompt', () => {
  it('fills placeholders and names the missing ones', () => {
    expect(renderPrompt('Hi {{name}}, {{ name }}!', { name: 'Ravi' })).toBe('Hi Ravi, Ravi!');
    expect(() =>
      renderPrompt('{{spec}} and {{title}}', { title: 'x' }, 'prompt "clarify"'),
    ).toThrow(
      'prompt "clarify" uses {{spec}}, which the pass does not provide (it provides: title)',
    );
    expect(renderPrompt('{{a}}', { a: '{{b}}' })).toBe('{{b}}');
  });
});

describe('clarify', () => {
  const questions = (n: number) => ({
    questions: Array.from({ length: n }, (_, i) => ({
      question: `How long may a note stay cached (${i})?`,
      options: ['7 days', '30 days', 'Until sign-out'],
      recommended: 'B',
      reason: 'Matches the retention policy.',
    })),
  });
  const context = (files: Record<string, string>, model: ReturnType<typeof scriptedModel>) =>
    contextFor(files, {
      pass: {
        id: 'clarify',
        uses: 'clarify',
        prompt: 'clarify',
        inputs: [{ documents: '{item}/requirements.md' }],
      },
      model,
    });

  it('asks multiple-choice questions and records the recommended answers before the user answers', async () => {
    const model = scriptedModel(questions(2));
    const result = await clarifyPass.run(context(sample, model));
    expect(promptOf(model.requests[0])).toContain('### REQ-2HNB8W: Deliver queued comments');
    expect(promptOf(model.requests[0])).toContain('- REQ-2HNB8W: "fast" (unmeasured)');
    expect(result.questions?.[0]).toEqual({
      id: 'Q1',
      question: 'How long may a note stay cached (0)?',
      options: [
        { key: 'A', text: '7 days' },
        { key: 'B', text: '30 days' },
        { key: 'C', text: 'Until sign-out' },
      ],
      recommended: 'B',
      reason: 'Matches the retention policy.',
    });
    const change = result.changes[0];
    expect(change?.path).toBe(REQS);
    expect(change?.after).toContain(
      '# Offline review — requirements\n\n## Clarifications\n\n### Session 2025-06-01\n\n' +
        '- Q: How long may a note stay cached (0)? → A: 30 days\n' +
        '- Q: How long may a note stay cached (1)? → A: 30 days\n\n## Requirements\n',
    );
  });

  it('records the answers given, and joins an existing session of the same day', async () => {
    const model = scriptedModel(questions(2));
    const ctx = context(sample, model);
    const result = await clarifyPass.run(ctx);
    const answered = clarifyPass.answer?.(ctx, result, {
      Q1: 'c',
      Q2: 'Until the device leaves the org',
    });
    const after = answered?.changes[0]?.after as string;
    expect(after).toContain(
      '(0)? → A: Until sign-out\n- Q: How long may a note stay cached (1)? → A: Until the device leaves the org\n',
    );
    expect(answered?.output).toMatchObject({ answers: { Q1: 'Until sign-out' } });

    // The next run the same day appends to the session instead of starting another.
    const next = await clarifyPass.run(
      context({ ...sample, [REQS]: after }, scriptedModel(questions(1))),
    );
    const text = next.changes[0]?.after as string;
    expect(text.match(/### Session 2025-06-01/g)).toHaveLength(1);
    expect(text).toContain(
      '→ A: Until the device leaves the org\n- Q: How long may a note stay cached (0)? → A: 30 days\n\n## Requirements',
    );
  });

  it('never asks more than five questions', async () => {
    await expect(clarifyPass.run(context(sample, scriptedModel(questions(6))))).rejects.toThrow();
  });
});

describe('ears-rewrite', () => {
  it('proposes one change per requirement that is not EARS, each against the same text', async () => {
    const files = {
      ...sample,
      [REQS]: (sample[REQS] as string).replace(
        'The app shall delete every cached shared note from the device when the reviewer signs out.',
        'Cached notes are deleted on sign-out.',
      ),
    };
    const model = scriptedModel(
      {
        statement:
          'When the device reconnects, the app shall send queued comments in the order they were written within 60 seconds.',
      },
      { statement: 'Cached notes get deleted.' },
    );
    const result = await earsRewritePass.run(
      contextFor(files, {
        pass: {
          id: 'ears',
          uses: 'ears-rewrite',
          prompt: 'ears-rewrite',
          inputs: [{ documents: '{item}/**/*.md' }],
        },
        model,
      }),
    );
    expect(model.requests).toHaveLength(2);
    expect(promptOf(model.requests[0])).toContain('written and should do it fast.');
    expect(result.changes).toHaveLength(1);
    const [change] = result.changes;
    expect(change?.before).toBe(files[REQS]);
    expect(change?.summary).toMatch(/^REQ-2HNB8W: rewrite as event-driven EARS/);
    expect(change?.after).toContain(
      '### REQ-2HNB8W: Deliver queued comments\n\nWhen the device reconnects, the app shall send queued comments in the order they were written within 60 seconds.\n\n#### Scenario: Back online',
    );
    expect(result.output).toMatchObject({
      rejected: [{ requirementId: 'REQ-C4VJ6P', reason: 'it has no "shall"' }],
    });
  });
});

describe('specify', () => {
  it('writes requirements in Cairn format with fresh IDs, EARS statements and scenarios', async () => {
    const model = scriptedModel({
      requirements: [
        {
          title: 'Export a note',
          statement:
            'When a user chooses Export, the app shall save the note as Markdown within 2 seconds.',
          scenarios: [
            {
              name: 'Export',
              when: ['WHEN the user chooses Export'],
              then: ['a .md file is saved', 'it opens'],
            },
          ],
        },
      ],
    });
    const result = await specifyPass.run(
      contextFor(sample, {
        pass: {
          id: 'specify',
          uses: 'specify',
          prompt: 'specify',
          inputs: [{ template: 'requirements' }, { documents: '{item}/**/*.md' }],
          output: '{item}/requirements.md',
        },
        item: { id: 'WI-EXPORT', title: 'Note export', folder: 'specs/note-export' },
        model,
      }),
    );
    expect(promptOf(model.requests[0])).toContain('Note export');
    const change = result.changes[0];
    expect(change).toMatchObject({ path: 'specs/note-export/requirements.md', before: null });
    const id = /### (REQ-\w+):/.exec(change?.after ?? '')?.[1] as string;
    expect(id).toMatch(REQUIREMENT_ID);
    expect(Object.values(sample).some((t) => t.includes(id))).toBe(false);
    expect(change?.after).toContain(
      `## Requirements\n\n### ${id}: Export a note\n\nWhen a user chooses Export, the app shall save the note as Markdown within 2 seconds.\n\n` +
        '#### Scenario: Export\n\n- WHEN the user chooses Export\n- THEN a .md file is saved\n- AND it opens\n',
    );
    expect(change?.after).toMatch(
      /^---\nid: SPEC-note-export\ntitle: Note export — requirements\ntype: requirements/,
    );
    // The template's `covers: src/note-export/**` is for code still to come.
    const findings = lint(
      {
        'specs/note-export/requirements.md': change?.after as string,
        'specs/note-export/prd.md': '# x\n',
      },
      { extraPaths: ['src/note-export/export.ts'] },
    );
    expect(findings.filter((f) => f.path.endsWith('requirements.md')).map((f) => f.ruleId)).toEqual(
      [],
    );
    expect(result.metrics).toMatchObject({
      requirements: 1,
      notEars: 0,
      requirementsWithoutScenario: 0,
    });
  });
});

describe('tasks and plan', () => {
  const pass = (uses: string) => ({
    id: uses,
    uses,
    prompt: uses,
    inputs: [{ documents: '{item}/requirements.md' }],
  });

  it('numbers tasks after the existing ones and drops invented requirement IDs', async () => {
    const model = scriptedModel({
      tasks: [
        {
          description: 'Add an export button in `src/review/export.ts` (REQ-ZZZZZZ)',
          parallel: true,
          requirements: ['REQ-7KQ2M4', 'REQ-ZZZZZZ'],
        },
        { description: 'Invented work', parallel: false, requirements: ['REQ-ZZZZZZ'] },
        { description: 'Show the sync state', parallel: false, requirements: ['REQ-2HNB8W'] },
      ],
    });
    const result = await tasksPass.run(contextFor(sample, { pass: pass('tasks'), model }));
    expect(promptOf(model.requests[0])).toContain(
      '- REQ-7KQ2M4 (Cache shared notes for offline reading): When a note is shared',
    );
    const change = result.changes[0];
    expect(change?.path).toBe(TASKS);
    expect(change?.after).toBe(
      (sample[TASKS] as string).replace(/\n$/, '') +
        '\n\n- [ ] T008 [P] Add an export button in `src/review/export.ts` (REQ-7KQ2M4)\n- [ ] T009 Show the sync state (REQ-2HNB8W)\n',
    );
    expect(result.output).toMatchObject({
      invented: ['REQ-ZZZZZZ'],
      dropped: [{ description: 'Invented work' }],
    });
    expect(result.metrics).toMatchObject({ tasks: 2, droppedTasks: 1, inventedIds: 1 });
  });

  it('writes a plan whose parts cite only existing requirements', async () => {
    const model = scriptedModel({
      approach: 'Keep a local outbox and drain it in order.',
      components: [
        {
          name: 'Outbox',
          responsibility: 'Stores comments written offline.',
          requirements: ['REQ-9F3TXA', 'REQ-000000'],
        },
      ],
      risks: [
        {
          risk: 'Clock skew reorders comments.',
          mitigation: 'Order by a local sequence number.',
          requirements: ['REQ-2HNB8W'],
        },
      ],
    });
    const result = await planPass.run(
      contextFor(sample, { pass: { ...pass('plan'), output: '{item}/plan.md' }, model }),
    );
    const after = result.changes[0]?.after as string;
    expect(after).toContain(
      '## Approach\n\nKeep a local outbox and drain it in order.\n\n## Components\n\n- **Outbox**: Stores comments written offline. (REQ-9F3TXA)\n\n' +
        '## Risks\n\n- Clock skew reorders comments. Mitigation: Order by a local sequence number. (REQ-2HNB8W)\n',
    );
    expect(after).toMatch(/^---\nid: PLAN-offline-review\n/);
    expect(result.output).toMatchObject({ invented: ['REQ-000000'] });
    expect(workspaceOf({ 'specs/offline-review/plan.md': after }).documents[0]?.kind).toBe(
      'design',
    );
  });
});

describe('verify', () => {
  const verifyContext = (model: ReturnType<typeof scriptedModel>) =>
    contextFor(sample, {
      pass: {
        id: 'verify',
        uses: 'verify',
        prompt: 'verify',
        inputs: [{ documents: '{item}/**/*.md' }],
      },
      model,
    });

  it('gives a verdict per requirement; those the model skips cannot be told', async () => {
    const model = scriptedModel({
      verdicts: [
        { id: 'REQ-7KQ2M4', verdict: 'met', evidence: 'T001 and T002.' },
        { id: 'REQ-C4VJ6P', verdict: 'not-met', evidence: 'No scenario and no design.' },
      ],
    });
    const result = await verifyPass.run(verifyContext(model));
    expect(result.metrics).toEqual({
      requirementsNotMet: 1,
      requirementsPartlyMet: 0,
      requirementsCannotTell: 3,
      requirementsWithoutTask: 0,
    });
    expect((result.output as { markdown: string }).markdown).toContain(
      '| REQ-C4VJ6P | not-met | No scenario and no design. | yes |',
    );
  });

  it('refuses a verdict about a requirement that does not exist', async () => {
    const model = scriptedModel({
      verdicts: [{ id: 'REQ-NOPE00', verdict: 'met', evidence: 'x' }],
    });
    await expect(verifyPass.run(verifyContext(model))).rejects.toThrow();
  });
});

describe('clarifications in a Spec Kit spec', () => {
  it('go before its Requirements section', async () => {
    const files = await filesOf(path.join(SAMPLE, '../../test/fixtures/speckit'));
    const model = scriptedModel({
      questions: [
        {
          question: 'Who may view a shared album?',
          options: ['Anyone with the link', 'Signed-in relatives'],
          recommended: 'B',
          reason: 'Privacy first.',
        },
      ],
    });
    const result = await clarifyPass.run(
      contextFor(files, {
        pass: {
          id: 'clarify',
          uses: 'clarify',
          prompt: 'clarify',
          inputs: [{ documents: '{item}/spec.md' }],
        },
        item: { folder: 'specs/002-album-sharing' },
        model,
      }),
    );
    expect(result.changes[0]?.after).toMatch(
      /\n## Clarifications\n\n### Session 2025-06-01\n\n- Q: Who may view a shared album\? → A: Signed-in relatives\n\n## Requirements/,
    );
  });
});
