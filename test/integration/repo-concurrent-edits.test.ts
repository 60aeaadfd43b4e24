// Two clones edit the same spec at the same time, in 100 seeded random scenarios, through a
// real git server: Ann pushes first, Bob syncs (merge, conflicts resolved keeping both sides),
// Ann syncs again. After every scenario no line either of them added is missing, and both
// clones and the server agree; at the end `git fsck` passes on every repository. The 100
// scenarios run as 4 teams of 25 (each team its own server repository and pair of clones),
// side by side, so the git server's processes and the client share the two cores.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloneRepository } from '../../electron/services/repo/clone.ts';
import { commitChanges } from '../../electron/services/repo/commit.ts';
import { listConflicts, resolveConflict } from '../../electron/services/repo/conflicts.ts';
import { repoStatus } from '../../electron/services/repo/status.ts';
import { pull, push, sync } from '../../electron/services/repo/sync.ts';
import type { Repo } from '../../electron/services/repo/repository.ts';
import { cairnSide, type CairnSide } from '../support/cairn-repo.ts';
import { startGitServer, type GitServer } from '../support/git-http-server.ts';
import { fsck, git, seedRepo } from '../support/native-git.ts';
import { lostLines, randomEdit, randomSpec, seeded } from '../support/spec-edits.ts';
import { tempDir } from '../support/temp-dir.ts';

const TOKEN = 'concurrent-edit-token-0123456789';
const TEAMS = 4;
const PER_TEAM = 25;
const SPECS = 2;
const base = tempDir('cairn-concurrent-');
let server: GitServer;
const sides: CairnSide[] = [];

beforeAll(async () => {
  server = await startGitServer(path.join(base, 'server'), TOKEN);
});
afterAll(async () => {
  await server.close();
  for (const side of sides) side.close();
});

interface Outcomes {
  merged: number;
  conflicts: number;
  other: number;
}

interface Person {
  who: string;
  side: CairnSide;
  dir: string;
  repo: Repo;
}

async function team(t: number, outcomes: Outcomes): Promise<void> {
  const rnd0 = seeded(1 + t);
  const files: Record<string, string> = {};
  for (let i = 0; i < SPECS; i++) files[`specs/s${i}.md`] = randomSpec(rnd0, `t${t}s${i}`);
  const name = `team${t}`;
  const bare = server.createRepo(name, { from: seedRepo(path.join(base, `seed${t}`), files) });
  const people: Person[] = await Promise.all(
    ['Ann', 'Bob'].map(async (who) => {
      const side = cairnSide(base, `${who}${t}`);
      sides.push(side);
      const dir = path.join(base, `${who.toLowerCase()}${t}`);
      await cloneRepository({ url: server.url(name), into: dir, token: TOKEN }, side);
      return { who, side, dir, repo: await side.repo(dir) };
    }),
  );
  for (let k = 0; k < PER_TEAM; k++) {
    const scenario = t * PER_TEAM + k;
    const rnd = seeded(1000 + scenario);
    const rel = `specs/s${k % SPECS}.md`;
    // Roles alternate: whoever merged last scenario is up to date and pushes first; the
    // other edits on top of what it last had, and its sync merges.
    const [a, b] = people as [Person, Person];
    const [first, second] = k % 2 === 0 ? [a, b] : [b, a];
    const read = (p: { dir: string }) => fs.readFileSync(path.join(p.dir, rel), 'utf8');
    const context = `scenario ${scenario} (seed ${1000 + scenario}, ${name} ${rel}, ${first.who} first)`;
    const before = read(first);
    let theirs = before;
    let ours = read(second);
    const mergeBase = ours;
    for (let i = 0, n = 1 + Math.floor(rnd() * 4); i < n; i++)
      theirs = randomEdit(rnd, theirs, `${first.who}${scenario}`);
    for (let i = 0, n = 1 + Math.floor(rnd() * 4); i < n; i++)
      ours = randomEdit(rnd, ours, `${second.who}${scenario}`);
    // The first pushes.
    fs.writeFileSync(path.join(first.dir, rel), theirs);
    if (theirs !== before) {
      await commitChanges(first.repo, first.side.db, {
        message: `${first.who} ${scenario}`,
        env: first.side.env,
      });
      await push(first.repo, first.side);
    }
    // The second edited the same spec meanwhile; its sync merges.
    fs.writeFileSync(path.join(second.dir, rel), ours);
    if (ours !== mergeBase) {
      await commitChanges(second.repo, second.side.db, {
        message: `${second.who} ${scenario}`,
        env: second.side.env,
      });
    }
    const result = await sync(second.repo, second.side);
    // Lines the first added since the second's version, and lines the second added.
    const theirsSince = theirs;
    if (result.outcome === 'conflicts') {
      outcomes.conflicts++;
      // The conflicted file in the folder already holds every line of both sides.
      expect(lostLines(mergeBase, ours, theirsSince, read(second)), context).toEqual([]);
      const status = await repoStatus(second.dir, second.side.db, second.side.secrets);
      expect(
        status.merge?.conflicts.map((c) => c.path),
        context,
      ).toEqual([rel]);
      const [detail] = await listConflicts(second.repo, second.side.db);
      expect(detail?.ours, context).toBe(ours);
      expect(detail?.theirs, context).toBe(theirs);
      await resolveConflict(second.repo, second.side.db, rel, 'both');
      await commitChanges(second.repo, second.side.db, {
        message: `merge ${scenario}`,
        env: second.side.env,
      });
      await push(second.repo, second.side);
    } else if (result.pull?.outcome === 'merged') outcomes.merged++;
    else outcomes.other++;
    const merged = read(second);
    expect(lostLines(mergeBase, ours, theirsSince, merged), context).toEqual([]);
    expect(merged, context).not.toMatch(/^(<<<<<<<|>>>>>>>) /m);
    expect(git(bare, 'rev-parse', 'main').trim(), context).toBe(
      git(second.dir, 'rev-parse', 'HEAD').trim(),
    );
  }
  // Both catch up: the clones and the server hold the same commit and the same files.
  for (const p of people) await pull(p.repo, p.side);
  const heads = people.map((p) => git(p.dir, 'rev-parse', 'HEAD').trim());
  expect(heads[0]).toBe(heads[1]);
  expect(git(bare, 'rev-parse', 'main').trim()).toBe(heads[0]);
  for (let i = 0; i < SPECS; i++) {
    const rel = `specs/s${i}.md`;
    const [a, b] = people as [Person, Person];
    expect(fs.readFileSync(path.join(a.dir, rel), 'utf8')).toBe(
      fs.readFileSync(path.join(b.dir, rel), 'utf8'),
    );
  }
  for (const d of [...people.map((p) => p.dir), bare]) fsck(d);
}

describe('two clones editing the same spec concurrently', () => {
  it(`never loses a line from either side in ${TEAMS * PER_TEAM} randomized scenarios`, async () => {
    const outcomes: Outcomes = { merged: 0, conflicts: 0, other: 0 };
    await Promise.all(Array.from({ length: TEAMS }, (_, t) => team(t, outcomes)));
    expect(outcomes.merged + outcomes.conflicts + outcomes.other).toBe(TEAMS * PER_TEAM);
    // The scenarios exercise both paths: clean merges and conflicts kept for resolution.
    expect(outcomes.merged).toBeGreaterThan(10);
    expect(outcomes.conflicts).toBeGreaterThan(10);
  }, 180_000);
});
