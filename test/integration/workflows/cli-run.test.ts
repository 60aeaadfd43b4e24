// Spawns the real CLI for a reviewer's journey: add a work item, run spec-review on the tiny
// model, read the proposed change as a diff, approve the gate and accept the change.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runProcess } from '../../support/run-process.ts';
import { tempDir } from '../../support/temp-dir.ts';
import { openHarness, REPO, type Harness } from '../../support/workflow-harness.ts';

const dir = tempDir('cairn-cli-run-');
let h: Harness;

beforeAll(async () => {
  h = await openHarness(dir);
  h.close();
});

function cairn(...args: string[]) {
  return runProcess(
    process.execPath,
    [path.join(REPO, 'bin/cairn.mjs'), ...args, '--data-dir', h.dataDir],
    REPO,
  );
}

describe('cairn run, runs and items', () => {
  it('takes a reviewer from a work item to an approved run with its change accepted', async () => {
    const item = await cairn(
      'items',
      'new',
      'review',
      'Review offline comments',
      '--folder',
      'specs/offline-review',
      '--workspace',
      h.workspace,
    );
    expect(item.code).toBe(0);
    const itemId = /^(REV-[0-9A-Z]{6})\s/.exec(item.stdout)?.[1];
    expect(itemId).toBeDefined();

    const run = await cairn(
      'run',
      'spec-review',
      '--item',
      itemId!,
      '--model',
      h.modelId,
      '--workspace',
      h.workspace,
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Estimate for spec-review: 5 passes \(1 on the model\)/);
    expect(run.stderr).toContain('[1/5] lint:');
    expect(run.stderr).toContain('[5/5] summary:');
    expect(run.stdout).toContain("Waiting for approval after pass 'summary'.");
    expect(run.stdout).toContain('1 proposed change to review:');
    const runId = /Run (RUN-[0-9A-Z]{8})/.exec(run.stdout)?.[1];
    expect(runId).toBeDefined();

    const list = await cairn('runs', '--item', itemId!);
    expect(list.stdout).toMatch(
      new RegExp(`${runId}\\s+waiting\\s+spec-review\\s+pass 5/5\\s+${itemId}`),
    );

    const changes = await cairn('runs', 'changes', runId!.slice(0, 8), '--diff');
    expect(changes.code).toBe(0);
    expect(changes.stdout).toContain('--- a/specs/offline-review/requirements.md');
    expect(changes.stdout).toContain('-written and should do it fast.');
    expect(changes.stdout).toContain('+written and shall do it fast.');

    const approved = await cairn('runs', 'approve', runId!, '--accept');
    expect(approved.code).toBe(0);
    expect(approved.stdout).toContain(
      `Run ${runId} (spec-review, ${itemId} Review offline comments): completed`,
    );
    const requirements = fs.readFileSync(
      path.join(h.workspace, 'specs/offline-review/requirements.md'),
      'utf8',
    );
    expect(requirements).toContain('written and shall do it fast.');

    const show = await cairn('runs', 'show', runId!);
    expect(show.stdout).toMatch(
      /Run total: {2}1 call, \d+ input \(\d+ reused\), \d+ output tokens/,
    );
    const items = await cairn('items', '--workspace', h.workspace);
    expect(items.stdout).toContain(`${itemId}  review   Review offline comments`);
  });

  it('says which workflows exist when asked for an unknown one, and what a run needs', async () => {
    const unknown = await cairn('run', 'spec-reveiw', '--workspace', h.workspace);
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toContain(
      "No workflow 'spec-reveiw'. Known: bugfix, docs-update, new-feature, prd-draft, spec-review.",
    );
    const noModel = await cairn('run', 'spec-review', '--workspace', h.workspace);
    expect(noModel.code).toBe(3);
    expect(noModel.stderr).toContain('choose a model with --model <id>');
    const usage = await cairn('run');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('name the workflow to run');
  });
});
