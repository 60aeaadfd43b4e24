// How many commits each side has that the other lacks (ahead / behind), found by walking both
// histories newest first and stopping once only shared commits remain (git's own method).
import { fs, git, type Repo } from './repository.ts';

const OURS = 1;
const THEIRS = 2;

export async function countDivergence(
  repo: Repo,
  ours: string | null,
  theirs: string | null,
  limit = 100_000,
): Promise<{ ahead: number; behind: number }> {
  if (ours === theirs) return { ahead: 0, behind: 0 };
  const flags = new Map<string, number>();
  const times = new Map<string, number>();
  const queue: string[] = [];
  const parentsOf = new Map<string, string[]>();
  const load = async (oid: string) => {
    if (times.has(oid)) return;
    const { commit } = await git.readCommit({ fs, gitdir: repo.gitdir, oid, cache: repo.cache });
    times.set(oid, commit.committer.timestamp);
    parentsOf.set(oid, commit.parent);
  };
  const push = async (oid: string, flag: number) => {
    const had = flags.get(oid) ?? 0;
    if ((had | flag) === had) return;
    flags.set(oid, had | flag);
    await load(oid);
    if (!queue.includes(oid)) queue.push(oid);
  };
  if (ours) await push(ours, OURS);
  if (theirs) await push(theirs, THEIRS);
  let steps = 0;
  while (queue.length > 0 && steps++ < limit) {
    // Stop when nothing left can be reached from one side only.
    if (queue.every((oid) => flags.get(oid) === (OURS | THEIRS))) break;
    queue.sort((a, b) => (times.get(a) as number) - (times.get(b) as number));
    const oid = queue.pop() as string;
    const flag = flags.get(oid) as number;
    for (const parent of parentsOf.get(oid) ?? []) {
      try {
        await push(parent, flag);
      } catch {
        // A shallow history ends here.
      }
    }
  }
  // Commits left in the queue are shared; so is everything already seen below them (equal
  // timestamps can make the walk visit a shared commit from one side first).
  const shared = queue.filter((oid) => flags.get(oid) === (OURS | THEIRS));
  while (shared.length > 0) {
    const oid = shared.pop() as string;
    for (const parent of parentsOf.get(oid) ?? []) {
      const flag = flags.get(parent);
      if (flag !== undefined && flag !== (OURS | THEIRS)) {
        flags.set(parent, OURS | THEIRS);
        shared.push(parent);
      }
    }
  }
  let ahead = 0;
  let behind = 0;
  for (const flag of flags.values()) {
    if (flag === OURS) ahead++;
    else if (flag === THEIRS) behind++;
  }
  return { ahead, behind };
}
