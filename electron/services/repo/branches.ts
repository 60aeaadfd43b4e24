// Branches: list, create, switch. Switching uses isomorphic-git's checkout, which refuses to
// overwrite local changes (reported with the files).
import type { Database } from 'better-sqlite3';
import { CairnFailure } from '../../ipc/failure.ts';
import { guard } from './errors.ts';
import { requireReadyToMerge } from './merge-branch.ts';
import { REMOTE, upstreamRef } from './remote.ts';
import { fs, git, headState, type Repo } from './repository.ts';

export async function listBranches(repo: Repo) {
  const head = await headState(repo);
  const local = [];
  for (const name of await git.listBranches({ fs, gitdir: repo.gitdir })) {
    const oid = await git.resolveRef({ fs, gitdir: repo.gitdir, ref: `refs/heads/${name}` });
    const hasUpstream = await git.getConfig({
      fs,
      gitdir: repo.gitdir,
      path: `branch.${name}.remote`,
    });
    local.push({
      name,
      head: oid,
      upstream: hasUpstream ? (await upstreamRef(repo, name)).replace('refs/remotes/', '') : null,
    });
  }
  const remote = [];
  for (const name of await git.listBranches({ fs, gitdir: repo.gitdir, remote: REMOTE })) {
    if (name === 'HEAD') continue;
    remote.push({
      name: `${REMOTE}/${name}`,
      head: await git.resolveRef({
        fs,
        gitdir: repo.gitdir,
        ref: `refs/remotes/${REMOTE}/${name}`,
      }),
    });
  }
  return { current: head.branch, local, remote };
}

export async function createBranch(repo: Repo, db: Database, name: string, switchTo = false) {
  const head = await headState(repo);
  if (!head.oid) {
    throw new CairnFailure('invalid_input', 'Make a first commit before creating branches.');
  }
  if ((await git.listBranches({ fs, gitdir: repo.gitdir })).includes(name)) {
    throw new CairnFailure('invalid_input', `A branch named '${name}' already exists.`);
  }
  await git.branch({ fs, gitdir: repo.gitdir, ref: name, object: head.oid });
  if (switchTo) await switchBranch(repo, db, name);
  return { name, head: head.oid };
}

export async function switchBranch(repo: Repo, db: Database, name: string) {
  await requireReadyToMerge(repo, db, `switch to ${name}`).catch((error: unknown) => {
    // Local edits are fine if checkout can carry them; only a pending merge blocks a switch.
    if (error instanceof CairnFailure && /merge is waiting|not committed yet/.test(error.message))
      throw error;
  });
  const local = await git.listBranches({ fs, gitdir: repo.gitdir });
  const remote = await git.listBranches({ fs, gitdir: repo.gitdir, remote: REMOTE });
  if (!local.includes(name) && !remote.includes(name)) {
    throw new CairnFailure('not_found', `No branch '${name}' here or on ${REMOTE}.`);
  }
  await guard({ action: `switch to ${name}`, dir: repo.dir }, () =>
    git.checkout({
      fs,
      dir: repo.dir,
      gitdir: repo.gitdir,
      ref: name,
      remote: REMOTE,
      cache: repo.cache,
    }),
  );
  const oid = await git.resolveRef({ fs, gitdir: repo.gitdir, ref: 'HEAD' });
  return { branch: name, head: oid };
}
