// A model call records the commit each file it read was at — when the text it read is the
// committed text; a file with uncommitted changes, or outside git, gets no commit.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fs as gitFs, git, initRepository } from '../../../electron/services/repo/repository.ts';
import { FolderRepo } from '../../../electron/services/workflows/folder-repo.ts';
import { createModelCaller } from '../../../workflows/engine/model-caller.ts';
import type { Envelope } from '../../../workflows/records/envelope.ts';
import { sha256Hex } from '../../../workflows/records/canonical-json.ts';
import { localAnswers } from '../../support/escalation-harness.ts';
import { tempDir } from '../../support/temp-dir.ts';
import { copySample } from '../../support/workflow-harness.ts';

const REQS = 'specs/offline-review/requirements.md';
const DESIGN = 'specs/offline-review/design.md';

describe('retrieved chunks', () => {
  it('carry the commit of files read as committed, and none for edited ones', async () => {
    const workspace = copySample(tempDir('cairn-retrieved-'));
    const repo = new FolderRepo(workspace);
    expect((await repo.committed([REQS])).size).toBe(0);

    await initRepository(workspace);
    await git.add({ fs: gitFs, dir: workspace, filepath: '.' });
    const head = await git.commit({
      fs: gitFs,
      dir: workspace,
      message: 'Specs',
      author: { name: 'Maya', email: 'maya@example.org' },
    });
    fs.appendFileSync(path.join(workspace, DESIGN), '\nAn edit not yet committed.\n');

    const committed = await repo.committed([REQS, DESIGN]);
    expect(committed.get(REQS)?.commit).toBe(head);
    expect(committed.has(DESIGN)).toBe(false);

    const saved: Envelope[] = [];
    const caller = createModelCaller({
      hops: [{ model: localAnswers(() => false), reason: 'test' }],
      records: { save: (e) => void saved.push(e), findByCacheKey: () => null },
      runId: null,
      passId: 'ask',
      workItemId: null,
      reuse: false,
      maxTokens: 32,
      now: () => new Date(),
      committed: (paths) => repo.committed(paths),
    });
    const text = (rel: string) => fs.readFileSync(path.join(workspace, rel), 'utf8');
    await caller.call({
      schemaName: 'short-answer',
      schema: z.object({ answer: z.string().max(40) }),
      messages: [{ role: 'user', content: 'Summarise.' }],
      retrieved: [REQS, DESIGN].map((p) => ({
        path: p,
        commit: null,
        sha256: sha256Hex(text(p)),
        section: null,
      })),
    });
    expect(saved[0]!.retrieved.map((c) => [c.path, c.commit])).toEqual([
      [REQS, head],
      [DESIGN, null],
    ]);
  });
});
