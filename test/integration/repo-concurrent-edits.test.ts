// Two clones edit the same spec at the same time, in 100 seeded random scenarios, through a
// real git server: Ann pushes first, Bob syncs (merge, conflicts resolved keeping both sides),
// Ann syncs again. After every scenario no line either of them added is missing, both clones
// and the server agree, and every 25 scenarios `git fsck` passes on all three repositories.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloneRepository } from '../../electron/services/repo/clone.ts';
import { commitChanges } from '../../electron/services/repo/commit.ts';
import { listConflicts, resolveConflict } from '../../electron/services/repo/conflicts.ts';
import { repoStatus } from '../../electron/services/repo/status.ts';
import { sync } from '../../electron/services/repo/sync.ts';
import { cairnSide, type CairnSide } from '../support/cairn-repo.ts';
import { startGitServer, type GitServer } from '../support/git-http-server.ts';
import { fsck, git, seedRepo } from '../support/native-git.ts';
import { lostLines, randomEdit, randomSpec, seeded } from '../support/spec-edits.ts';
import { tempDir } from '../support/temp-dir.ts';

const TOKEN = 'concurrent-edit-token-0123456789';
const SCENARIOS = 100;
const SPECS = 4;
const base = tempDir('cairn-concurrent-');
let server: GitServer;
let ann: CairnSide;
let bob: CairnSide;
const annDir = path.join(base, 'ann');
const bobDir = path.join(base, 'bob');

beforeAll(async () => {
  server = await startGitServer(path.join(base, 'server'), TOKEN);
  const rnd = seeded(1);
  const files: Record<string, string> = {};
  for (let i = 0; i < SPECS; i++) files[`specs/s${i}.md`] = randomSpec(rnd, `s${i}`);
  server.createRepo('team', { from: seedRepo(path.join(base, 'seed'), files) });
  ann = cairnSide(base, 'Ann');
  bob = cairnSide(base, 'Bob');
  await cloneRepository({ url: server.url('team'), into: annDir, token: TOKEN }, ann);
  await cloneRepository({ url: server.url('team'), into: bobDir, token: TOKEN }, bob);
});
afterAll(async () => {
  await server.close();
  ann.close();
  bob.close();
});

describe('two clones editing the same spec concurrently', () => {
  it(`never loses a line from either side in ${SCENARIOS} randomized scenarios`, async () => {
    const annRepo = await ann.repo(annDir);
    const bobRepo = await bob.repo(bobDir);
    const outcomes = { merged: 0, conflicts: 0, other: 0 };
    for (let scenario = 0; scenario < SCENARIOS; scenario++) {
      const rnd = seeded(1000 + scenario);
      const rel = `specs/s${scenario % SPECS}.md`;
      const baseText = fs.readFileSync(path.join(annDir, rel), 'utf8');
      expect(fs.readFileSync(path.join(bobDir, rel), 'utf8')).toBe(baseText);
      let ours = baseText;
      let theirs = baseText;
      const annEdits = 1 + Math.floor(rnd() * 4);
      const bobEdits = 1 + Math.floor(rnd() * 4);
      for (let i = 0; i < annEdits; i++) theirs = randomEdit(rnd, theirs, `ann${scenario}`);
      for (let i = 0; i < bobEdits; i++) ours = randomEdit(rnd, ours, `bob${scenario}`);
      const context = `scenario ${scenario} (seed ${1000 + scenario}, ${rel})`;
      // Ann commits and pushes first.
      fs.writeFileSync(path.join(annDir, rel), theirs);
      if (theirs !== baseText)
        await commitChanges(annRepo, ann.db, { message: `ann ${scenario}`, env: ann.env });
      await sync(annRepo, ann);
      // Bob edited the same spec meanwhile; his sync merges.
      fs.writeFileSync(path.join(bobDir, rel), ours);
      if (ours !== baseText)
        await commitChanges(bobRepo, bob.db, { message: `bob ${scenario}`, env: bob.env });
      const result = await sync(bobRepo, bob);
      if (result.outcome === 'conflicts') {
        outcomes.conflicts++;
        // The conflicted file in the folder already holds every line of both sides.
        const marked = fs.readFileSync(path.join(bobDir, rel), 'utf8');
        expect(lostLines(baseText, ours, theirs, marked), context).toEqual([]);
        const status = await repoStatus(bobDir, bob.db, bob.secrets);
        expect(
          status.merge?.conflicts.map((c) => c.path),
          context,
        ).toEqual([rel]);
        const [detail] = await listConflicts(bobRepo, bob.db);
        expect(detail?.ours, context).toBe(ours);
        expect(detail?.theirs, context).toBe(theirs);
        await resolveConflict(bobRepo, bob.db, rel, 'both');
        await commitChanges(bobRepo, bob.db, { message: `merge ${scenario}`, env: bob.env });
        expect((await sync(bobRepo, bob)).outcome, context).toBe('synced');
      } else if (result.pull?.outcome === 'merged') outcomes.merged++;
      else outcomes.other++;
      const merged = fs.readFileSync(path.join(bobDir, rel), 'utf8');
      expect(lostLines(baseText, ours, theirs, merged), context).toEqual([]);
      expect(merged, context).not.toMatch(/^(<<<<<<<|>>>>>>>) /m);
      // Ann catches up: both clones and the server hold the same commit and text.
      await sync(annRepo, ann);
      expect(fs.readFileSync(path.join(annDir, rel), 'utf8'), context).toBe(merged);
      const heads = [annDir, bobDir].map((d) => git(d, 'rev-parse', 'HEAD').trim());
      expect(heads[0], context).toBe(heads[1]);
      expect(git(path.join(base, 'server', 'team.git'), 'rev-parse', 'main').trim(), context).toBe(
        heads[0],
      );
      if (scenario % 25 === 24)
        for (const d of [annDir, bobDir, path.join(base, 'server', 'team.git')]) fsck(d);
    }
    // The scenarios exercise both paths: clean merges and conflicts kept for resolution.
    expect(outcomes.merged).toBeGreaterThan(10);
    expect(outcomes.conflicts).toBeGreaterThan(10);
  }, 120_000);
});
