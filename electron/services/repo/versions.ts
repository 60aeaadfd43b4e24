// The versions a reviewer can pick from: branches, tags and the recent commits of the current
// branch, each with the commit it points at.
import { listBranches } from './branches.ts';
import { fs, git, headState, type Repo } from './repository.ts';

export interface CommitSummary {
  oid: string;
  summary: string;
  author: string;
  /** Seconds since the epoch (the author's time). */
  time: number;
}

export interface Versions {
  branch: string | null;
  head: string | null;
  branches: { name: string; oid: string }[];
  tags: { name: string; oid: string }[];
  commits: CommitSummary[];
}

export async function listVersions(repo: Repo, depth = 50): Promise<Versions> {
  const head = await headState(repo);
  const branchList = await listBranches(repo);
  const branches = [
    ...branchList.local.map((b) => ({ name: b.name, oid: b.head })),
    ...branchList.remote.map((b) => ({ name: b.name, oid: b.head })),
  ];
  const tags: Versions['tags'] = [];
  for (const name of await git.listTags({ fs, gitdir: repo.gitdir })) {
    const oid = await git.resolveRef({ fs, gitdir: repo.gitdir, ref: `refs/tags/${name}` });
    // An annotated tag points at a tag object; the reviewer wants the commit it names.
    const commit = await git
      .readTag({ fs, gitdir: repo.gitdir, oid, cache: repo.cache })
      .then((t) => t.tag.object)
      .catch(() => oid);
    tags.push({ name, oid: commit });
  }
  const commits: CommitSummary[] = [];
  if (head.oid) {
    for (const entry of await git.log({
      fs,
      gitdir: repo.gitdir,
      ref: 'HEAD',
      depth,
      cache: repo.cache,
    })) {
      commits.push({
        oid: entry.oid,
        summary: entry.commit.message.split('\n')[0] ?? '',
        author: entry.commit.author.name,
        time: entry.commit.author.timestamp,
      });
    }
  }
  return { branch: head.branch, head: head.oid, branches, tags, commits };
}
