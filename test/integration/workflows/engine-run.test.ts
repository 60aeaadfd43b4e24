// Workflow runs as the app makes them: the real SQLite stores, a copy of the sample workspace
// on disk, the real passes and the tiny GGUF model on llama.cpp.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findWorkflow } from '../../../electron/services/workflows/workflow-catalog.ts';
import { WorkflowFileError } from '../../../workflows/engine/load-definition.ts';
import { tempDir } from '../../support/temp-dir.ts';
import { copySample, openHarness, type Harness } from '../../support/workflow-harness.ts';

const dir = tempDir('cairn-engine-run-');
let h: Harness;

beforeAll(async () => {
  h = await openHarness(dir);
});
afterAll(() => h.close());

const REQUIREMENTS = 'specs/offline-review/requirements.md';

async function startAndAdvance(workflowId: string, workspace = h.workspace) {
  const run = await h.workflows.start({
    workspaceRoot: workspace,
    workflowId,
    itemId: null,
    modelId: h.modelId,
  });
  return h.workflows.engineFor(run).advance(run.id);
}

describe('running a workflow', () => {
  it('runs spec-review pass by pass, records the model call, proposes changes and waits for the reviewer', async () => {
    const before = fs.readFileSync(path.join(h.workspace, REQUIREMENTS), 'utf8');
    const run = await startAndAdvance('spec-review');
    expect(run.status).toBe('waiting');
    expect(run.estimate?.passes.map((p) => p.kind)).toEqual([
      'deterministic',
      'deterministic',
      'deterministic',
      'deterministic',
      'model',
    ]);
    const passes = h.workflows.runs.passRecords(run.id);
    expect(passes.map((p) => [p.passId, p.status])).toEqual([
      ['lint', 'completed'],
      ['analyze', 'completed'],
      ['ambiguity', 'completed'],
      ['coverage', 'completed'],
      ['summary', 'completed'],
    ]);
    expect(passes[1]?.result?.metrics.criticalFindings).toBeGreaterThan(0);
    expect(passes[4]?.gate?.human).toBe('pending');

    // The lint pass proposes its mechanical fix; the file is untouched until it is accepted.
    const changes = h.workflows.runs.changes(run.id);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ path: REQUIREMENTS, status: 'proposed' });
    expect(changes[0]?.after).toContain('written and shall do it fast.');
    expect(fs.readFileSync(path.join(h.workspace, REQUIREMENTS), 'utf8')).toBe(before);

    // One envelope, for the one model pass, with what the model received and returned.
    const calls = h.records.list({ runId: run.id });
    expect(calls).toHaveLength(1);
    const call = calls[0]!;
    expect(call).toMatchObject({ passId: 'summary', kind: 'generation', error: null });
    expect(call.model.sha256?.startsWith(h.modelId)).toBe(true);
    expect(call.params.schemaName).toBe('review-summary');
    expect(call.messages.at(-1)?.content).toContain('analyze');
    expect(call.tokens.input).toBeGreaterThan(0);
    expect(call.cacheKey).toMatch(/^[0-9a-f]{64}$/);

    const engine = h.workflows.engineFor(run);
    await engine.approve(run.id);
    const done = await engine.advance(run.id);
    expect(done.status).toBe('completed');
    expect(h.workflows.runs.passRecords(run.id)[4]?.gate?.human).toBe('approved');
  });

  it('answers a second identical summary from the record instead of the model (cache: reuse)', async () => {
    const run = await startAndAdvance('spec-review');
    const [call] = h.records.list({ runId: run.id });
    expect(call?.kind).toBe('cache-hit');
    expect(call?.cachedFrom).toMatch(/^CALL-/);
    expect(call?.tokens.input).toBe(0);
  });

  it('writes an accepted change atomically, merges around an edit elsewhere, and refuses one that clashes', async () => {
    const run = await startAndAdvance('spec-review');
    const engine = h.workflows.engineFor(run);
    const [change] = h.workflows.runs.changes(run.id);
    const file = path.join(h.workspace, REQUIREMENTS);
    const original = fs.readFileSync(file, 'utf8');

    // Someone edits the title line meanwhile: the fix still applies, and both edits survive.
    fs.writeFileSync(file, original.replace('# ', '# Edited: '));
    await engine.acceptChange(change!.id);
    const merged = fs.readFileSync(file, 'utf8');
    expect(merged).toContain('# Edited: ');
    expect(merged).toContain('written and shall do it fast.');
    expect(fs.readdirSync(path.dirname(file)).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    // A second run proposes the same fix against the original text; the line is now different.
    fs.writeFileSync(file, original.replace('should do it fast', 'should do it quickly'));
    const again = await startAndAdvance('spec-review');
    const [clash] = h.workflows.runs.changes(again.id);
    fs.writeFileSync(file, original.replace('should do it fast', 'must do it at once'));
    await expect(h.workflows.engineFor(again).acceptChange(clash!.id)).rejects.toThrow(
      /changed since the pass read it, in the same lines/,
    );
    expect(h.workflows.runs.getChange(clash!.id)?.status).toBe('stale');
    expect(fs.readFileSync(file, 'utf8')).toContain('must do it at once');
    fs.writeFileSync(file, original);
  });

  it('resumes a run that waits at a gate after the app restarts', async () => {
    const run = await startAndAdvance('spec-review');
    expect(run.status).toBe('waiting');
    h = h.restart();
    const reopened = h.workflows.requireRun(run.id.slice(0, 8));
    expect(reopened.status).toBe('waiting');
    const engine = h.workflows.engineFor(reopened);
    await engine.approve(run.id);
    expect((await engine.advance(run.id)).status).toBe('completed');
  });
});

describe('bad workflows and faults', () => {
  function teamWorkflow(workspace: string, name: string, text: string) {
    const file = path.join(workspace, '.cairn', 'workflows', `${name}.yaml`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }

  it('names the file, line and field of a broken team workflow, and keeps the others usable', () => {
    const workspace = copySample(path.join(dir, 'broken'));
    teamWorkflow(
      workspace,
      'broken',
      [
        'id: broken',
        'title: Broken',
        'passes:',
        '  - id: first',
        '    uses: lintt',
        '  - id: second',
        '    uses: analyze',
        '    inputs:',
        '      - pass: third',
      ].join('\n'),
    );
    const catalog = h.workflows.catalog(workspace);
    expect(catalog.workflows.has('spec-review')).toBe(true);
    let error: unknown;
    try {
      findWorkflow(catalog, 'broken');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WorkflowFileError);
    const message = (error as Error).message;
    expect(message).toContain(
      ".cairn/workflows/broken.yaml:5:5: passes[0].uses: no pass named 'lintt'",
    );
    expect(message).toContain(
      ".cairn/workflows/broken.yaml:9:9: passes[1].inputs[0].pass: reads pass 'third', which this workflow does not have",
    );
  });

  it('fails the run with the reason when the model output breaks its schema, keeping earlier results', async () => {
    const workspace = copySample(path.join(dir, 'short'));
    teamWorkflow(
      workspace,
      'short-summary',
      [
        'id: short-summary',
        'title: A summary with too few tokens to finish its JSON',
        'passes:',
        '  - id: lint',
        '    uses: lint',
        '  - id: summary',
        '    uses: review-summary',
        '    prompt: review-summary',
        '    max_tokens: 6',
        '    inputs:',
        '      - pass: lint',
      ].join('\n'),
    );
    const run = await startAndAdvance('short-summary', workspace);
    expect(run.status).toBe('failed');
    expect(run.error).toMatch(/^pass 'summary' \(review-summary\) failed: .*record CALL-/);
    const passes = h.workflows.runs.passRecords(run.id);
    expect(passes[0]).toMatchObject({ passId: 'lint', status: 'completed' });
    expect(passes[1]).toMatchObject({ passId: 'summary', status: 'failed' });
    expect(h.workflows.runs.changes(run.id)).toHaveLength(1);
    const [call] = h.records.list({ runId: run.id });
    expect(call?.error).not.toBeNull();
    expect(call?.output.stopReason).toBe('maxTokens');
  });

  it('fails a pass whose input is missing, saying which input', async () => {
    const workspace = copySample(path.join(dir, 'missing'));
    teamWorkflow(
      workspace,
      'missing-section',
      [
        'id: missing-section',
        'title: Reads a section that is not there',
        'passes:',
        '  - id: lint',
        '    uses: lint',
        '    inputs:',
        '      - section:',
        "          documents: 'specs/**/*.md'",
        '          heading: Threat model',
      ].join('\n'),
    );
    const run = await startAndAdvance('missing-section', workspace);
    expect(run.status).toBe('failed');
    expect(run.error).toContain("no section 'Threat model' in 'specs/**/*.md'");
  });
});
