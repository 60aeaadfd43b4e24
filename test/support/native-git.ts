// Debian's git, used by tests only: to build fixtures quickly, to check repositories with
// `git fsck`, and as the server. Cairn itself never runs it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', args, {
    cwd,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: process.env.TEST_AUTHOR ?? 'Test Author',
      GIT_AUTHOR_EMAIL: 'author@example.com',
      GIT_COMMITTER_NAME: 'Test Author',
      GIT_COMMITTER_EMAIL: 'author@example.com',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
    },
  });
  if (result.status !== 0) {
    throw new Error(`git ${args.join(' ')} failed in ${cwd}: ${result.stderr}`);
  }
  return result.stdout;
}

/** Writes files (path -> text) under `dir`. */
export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
}

/** A new repository at `dir` (branch main) with one commit of `files`. */
export function seedRepo(dir: string, files: Record<string, string>): string {
  fs.mkdirSync(dir, { recursive: true });
  git(dir, 'init', '--quiet', '--initial-branch=main');
  writeFiles(dir, files);
  git(dir, 'add', '-A');
  git(dir, 'commit', '--quiet', '-m', 'Initial specs');
  return dir;
}

/** Commits everything in `dir` with native git, as `author`. */
export function commitAll(dir: string, message: string, author = 'Test Author'): string {
  git(dir, 'add', '-A');
  spawnSync('git', ['commit', '--quiet', '-m', message], {
    cwd: dir,
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: author,
      GIT_AUTHOR_EMAIL: `${author.toLowerCase().replace(/\W+/g, '.')}@example.com`,
      GIT_COMMITTER_NAME: author,
      GIT_COMMITTER_EMAIL: 'committer@example.com',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
    },
  });
  return git(dir, 'rev-parse', 'HEAD').trim();
}

/** `git fsck --full` passes (throws with git's complaint otherwise). */
export function fsck(dir: string): void {
  git(dir, 'fsck', '--full', '--strict', '--no-dangling');
}
