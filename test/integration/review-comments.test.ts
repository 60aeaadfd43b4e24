// Review comments in a real repository, shared through a real git server: two reviewers comment
// on the same requirement while offline, then sync; both comments arrive on both sides with no
// conflict. A broken comment file is listed with its path and line and hides no other comment.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloneRepository } from '../../electron/services/repo/clone.ts';
import { commentSharing, shareComments } from '../../electron/services/review/comment-sharing.ts';
import {
  addComment,
  listComments,
  setResolved,
} from '../../electron/services/review/comment-store.ts';
import { cairnSide, type CairnSide } from '../support/cairn-repo.ts';
import { startGitServer, type GitServer } from '../support/git-http-server.ts';
import { fsck, git, seedRepo } from '../support/native-git.ts';
import { tempDir } from '../support/temp-dir.ts';

const TOKEN = 'ghp_review0comments0token00000000000000';
const SPEC = 'specs/a.md';
const base = tempDir('cairn-comments-');
let server: GitServer;
let ann: CairnSide;
let bob: CairnSide;
const annDir = path.join(base, 'ann');
const bobDir = path.join(base, 'bob');

beforeAll(async () => {
  server = await startGitServer(path.join(base, 'server'), TOKEN);
  const seed = seedRepo(path.join(base, 'seed'), {
    [SPEC]: '---\nid: A\n---\n\n# A\n\n### REQ-AAAA01: One\n\nThe system shall one.\n',
  });
  server.createRepo('specs', { from: seed });
  ann = cairnSide(base, 'Ann');
  bob = cairnSide(base, 'Bob');
  await cloneRepository({ url: server.url('specs'), into: annDir, token: TOKEN }, ann);
  await cloneRepository({ url: server.url('specs'), into: bobDir, token: TOKEN }, bob);
});
afterAll(async () => {
  await server.close();
  ann.close();
  bob.close();
});

describe('review comments shared through git', () => {
  it('two reviewers comment offline on the same requirement; both comments survive the sync', async () => {
    const a = addComment(annDir, {
      spec: SPEC,
      requirement: 'REQ-AAAA01',
      text: 'Ann: one what?',
      author: 'Ann <ann@example.com>',
    });
    const b = addComment(bobDir, {
      spec: SPEC,
      requirement: 'REQ-AAAA01',
      text: 'Bob: needs a scenario.',
      author: 'Bob <bob@example.com>',
    });
    expect(a.file).not.toBe(b.file);

    const annRepo = await ann.repo(annDir);
    const bobRepo = await bob.repo(bobDir);
    const annOffline = await shareComments(annRepo, annDir, ann, { online: false });
    expect(annOffline).toMatchObject({ outcome: 'offline', pending: 1, remoteReachable: null });
    expect(annOffline.committed).toMatch(/^[0-9a-f]{40}$/);
    expect(annOffline.message).toMatch(
      /1 comment waits and will be shared when you are back online/,
    );
    expect(git(annDir, 'log', '-1', '--format=%s%n%an')).toBe(
      'Review comments: 1 new comment\nAnn\n',
    );

    // Bob's remote is down: the commit is made, the comment waits, nothing hangs.
    const closed = pointAtClosedPort(bobDir);
    const bobDown = await shareComments(bobRepo, bobDir, bob, { online: true });
    expect(bobDown).toMatchObject({ outcome: 'offline', pending: 1, remoteReachable: false });
    restoreRemote(bobDir, closed);

    expect(await shareComments(annRepo, annDir, ann, { online: true })).toMatchObject({
      outcome: 'shared',
      committed: null,
      pending: 0,
    });
    expect(await shareComments(bobRepo, bobDir, bob, { online: true })).toMatchObject({
      outcome: 'shared',
      pending: 0,
    });
    await shareComments(annRepo, annDir, ann, { online: true });

    for (const dir of [annDir, bobDir]) {
      const listing = listComments(dir);
      expect(listing.problems).toEqual([]);
      expect(listing.comments.map((c) => c.text).sort()).toEqual([
        'Ann: one what?',
        'Bob: needs a scenario.',
      ]);
      fsck(dir);
    }
  });

  it('resolving is a change that waits until shared', async () => {
    const annRepo = await ann.repo(annDir);
    const [first] = listComments(annDir).comments;
    const resolved = setResolved(annDir, first!.id, true, 'Ann <ann@example.com>');
    expect(resolved).toMatchObject({ resolved: true, resolvedBy: 'Ann <ann@example.com>' });
    expect((await commentSharing(annRepo, annDir)).pending).toBe(1);
    const shared = await shareComments(annRepo, annDir, ann, { online: true });
    expect(shared).toMatchObject({ outcome: 'shared', pending: 0 });
    expect(git(annDir, 'log', '-1', '--format=%s')).toBe('Review comments: 1 update\n');
  });

  it('lists a broken comment file with its path and line, and still shows the others', () => {
    const [good] = listComments(annDir).comments;
    const folder = path.dirname(good!.file);
    const broken = path.join(annDir, folder, 'CMT-0000000000.yaml');
    const text = fs
      .readFileSync(path.join(annDir, good!.file), 'utf8')
      .replace(good!.id, 'CMT-0000000000')
      .replace(/^resolved: \w+$/m, 'resolved: nope');
    fs.writeFileSync(broken, text);
    const listing = listComments(annDir);
    expect(listing.comments).toHaveLength(2);
    expect(listing.problems).toEqual([
      {
        file: `${folder}/CMT-0000000000.yaml`,
        line: text.split('\n').indexOf('resolved: nope') + 1,
        message: expect.stringMatching(/^'resolved' /),
      },
    ]);
    fs.rmSync(broken);
  });
});

/** Points origin at a port where nothing listens; returns the real URL. */
function pointAtClosedPort(dir: string): string {
  const url = git(dir, 'config', 'remote.origin.url').trim();
  git(dir, 'config', 'remote.origin.url', 'http://127.0.0.1:9/specs.git');
  return url;
}

function restoreRemote(dir: string, url: string): void {
  git(dir, 'config', 'remote.origin.url', url);
}
