// The remote (origin), its token, and the authenticated transfers: fetch and push. Tokens come
// from the secret store and reach isomorphic-git only through onAuth; every failure is
// reported with them removed.
import type { HttpClient } from 'isomorphic-git';
import { CairnFailure } from '../../ipc/failure.ts';
import { gitTokenKey, type SecretStore } from '../secrets/secret-store.ts';
import { toRepoFailure } from './errors.ts';
import { createHttpClient } from './http-client.ts';
import { parseRemoteUrl, type RemoteUrl } from './remote-url.ts';
import { fs, git, type Repo } from './repository.ts';

export const REMOTE = 'origin';
export const DEFAULT_USERNAME = 'x-access-token';

export interface Credential {
  username: string;
  token: string;
}

export interface RemoteDeps {
  secrets: SecretStore;
  http?: HttpClient;
}

export function readCredential(secrets: SecretStore, origin: string): Credential | null {
  const raw = secrets.get(gitTokenKey(origin));
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<Credential>;
    if (typeof parsed.token === 'string' && parsed.token) {
      return { token: parsed.token, username: parsed.username || DEFAULT_USERNAME };
    }
  } catch {
    // A bare token string.
  }
  return { token: raw, username: DEFAULT_USERNAME };
}

export function storeCredential(
  secrets: SecretStore,
  origin: string,
  credential: Credential | null,
): void {
  if (credential) secrets.set(gitTokenKey(origin), JSON.stringify(credential));
  else secrets.delete(gitTokenKey(origin));
}

export async function remoteUrl(repo: Repo): Promise<RemoteUrl | null> {
  const url = (await git.getConfig({ fs, gitdir: repo.gitdir, path: `remote.${REMOTE}.url` })) as
    string | undefined;
  if (!url) return null;
  return parseRemoteUrl(url);
}

export async function requireRemote(repo: Repo): Promise<RemoteUrl> {
  const remote = await remoteUrl(repo);
  if (!remote) {
    throw new CairnFailure(
      'invalid_input',
      `The repository at ${repo.dir} has no remote to sync with. Add one (its HTTPS address and a token) first; until then your commits stay on this machine.`,
    );
  }
  return remote;
}

export async function setRemote(
  repo: Repo,
  secrets: SecretStore,
  rawUrl: string,
  token?: string,
  username?: string,
): Promise<{ url: RemoteUrl; hasToken: boolean }> {
  const url = parseRemoteUrl(rawUrl);
  await git.addRemote({ fs, gitdir: repo.gitdir, remote: REMOTE, url: url.url, force: true });
  await git.setConfig({
    fs,
    gitdir: repo.gitdir,
    path: `remote.${REMOTE}.fetch`,
    value: `+refs/heads/*:refs/remotes/${REMOTE}/*`,
  });
  if (token)
    storeCredential(secrets, url.origin, { token, username: username ?? DEFAULT_USERNAME });
  return { url, hasToken: readCredential(secrets, url.origin) !== null };
}

/** The onAuth / onAuthFailure pair for one transfer, and what it learned. */
export function authFor(credential: Credential | null) {
  const seen = { offered: false, refused: false };
  return {
    seen,
    onAuth: () => {
      if (!credential) return { cancel: true };
      seen.offered = true;
      return { username: credential.username, password: credential.token };
    },
    onAuthFailure: () => {
      seen.refused = true;
      return { cancel: true };
    },
  };
}

/** Runs one authenticated transfer and maps its failure (auth, network, server) cleanly. */
export async function withRemote<T>(
  repo: Repo,
  deps: RemoteDeps,
  action: string,
  run: (ctx: { url: RemoteUrl; http: HttpClient; auth: ReturnType<typeof authFor> }) => Promise<T>,
  url?: RemoteUrl,
): Promise<T> {
  const remote = url ?? (await requireRemote(repo));
  const credential = readCredential(deps.secrets, remote.origin);
  const auth = authFor(credential);
  const context = {
    action,
    dir: repo.dir,
    host: remote.host,
    secrets: credential ? [credential.token] : [],
    usernames: credential ? [credential.username] : [],
  };
  try {
    return await run({ url: remote, http: deps.http ?? createHttpClient(), auth });
  } catch (error) {
    if (auth.seen.refused) {
      throw new CairnFailure(
        'auth_failed',
        `The server (${remote.host}) refused the stored token when Cairn tried to ${action}. ` +
          'It may have expired or lack access to this repository: enter a new token for this remote.',
      );
    }
    throw toRepoFailure(error, context);
  }
}

export async function fetchRemote(
  repo: Repo,
  deps: RemoteDeps,
): Promise<{ remote: string; updated: string[] }> {
  return withRemote(repo, deps, `fetch from ${REMOTE}`, async ({ http, auth }) => {
    const before = await remoteHeads(repo);
    try {
      await git.fetch({
        fs,
        http,
        dir: repo.dir,
        gitdir: repo.gitdir,
        remote: REMOTE,
        singleBranch: false,
        tags: false,
        prune: true,
        cache: repo.cache,
        onAuth: auth.onAuth,
        onAuthFailure: auth.onAuthFailure,
      });
    } catch (error) {
      // isomorphic-git moves the remote-tracking refs before the pack has arrived; when the
      // transfer then fails they would point at commits this repository does not have.
      await restoreRemoteHeads(repo, before);
      throw error;
    }
    const after = await remoteHeads(repo);
    const updated = [...after].filter(([name, oid]) => before.get(name) !== oid).map(([n]) => n);
    return { remote: REMOTE, updated };
  });
}

export async function remoteHeads(repo: Repo): Promise<Map<string, string>> {
  const heads = new Map<string, string>();
  const names = await git.listBranches({ fs, gitdir: repo.gitdir, remote: REMOTE });
  for (const name of names) {
    if (name === 'HEAD') continue;
    heads.set(
      name,
      await git.resolveRef({ fs, gitdir: repo.gitdir, ref: `refs/remotes/${REMOTE}/${name}` }),
    );
  }
  return heads;
}

async function restoreRemoteHeads(repo: Repo, before: Map<string, string>): Promise<void> {
  const now = await remoteHeads(repo);
  for (const [name, oid] of now) {
    const ref = `refs/remotes/${REMOTE}/${name}`;
    const old = before.get(name);
    if (old === undefined) await git.deleteRef({ fs, gitdir: repo.gitdir, ref });
    else if (old !== oid)
      await git.writeRef({ fs, gitdir: repo.gitdir, ref, value: old, force: true });
  }
  for (const [name, oid] of before) {
    if (!now.has(name)) {
      await git.writeRef({
        fs,
        gitdir: repo.gitdir,
        ref: `refs/remotes/${REMOTE}/${name}`,
        value: oid,
        force: true,
      });
    }
  }
}

export async function pushBranch(repo: Repo, deps: RemoteDeps, branch: string): Promise<void> {
  await withRemote(repo, deps, `push ${branch} to ${REMOTE}`, async ({ http, auth }) => {
    const result = await git.push({
      fs,
      http,
      dir: repo.dir,
      gitdir: repo.gitdir,
      remote: REMOTE,
      ref: branch,
      remoteRef: branch,
      cache: repo.cache,
      onAuth: auth.onAuth,
      onAuthFailure: auth.onAuthFailure,
    });
    if (!result.ok) {
      const detail = Object.entries(result.refs ?? {})
        .filter(([, r]) => !r.ok)
        .map(([ref, r]) => `${ref}: ${r.error}`)
        .join('; ');
      throw new CairnFailure(
        'conflict',
        `The server refused the push of ${branch} (${detail || result.error || 'no reason given'}). Sync first, then push again; your commits stay local.`,
      );
    }
    await setUpstream(repo, branch);
  });
}

export async function setUpstream(repo: Repo, branch: string): Promise<void> {
  const path = `branch.${branch}.remote`;
  if (await git.getConfig({ fs, gitdir: repo.gitdir, path })) return;
  await git.setConfig({ fs, gitdir: repo.gitdir, path, value: REMOTE });
  await git.setConfig({
    fs,
    gitdir: repo.gitdir,
    path: `branch.${branch}.merge`,
    value: `refs/heads/${branch}`,
  });
}

/** The remote-tracking ref a branch follows: its configured upstream, else origin/<branch>. */
export async function upstreamRef(repo: Repo, branch: string): Promise<string> {
  const merge = (await git.getConfig({
    fs,
    gitdir: repo.gitdir,
    path: `branch.${branch}.merge`,
  })) as string | undefined;
  const name = merge?.replace(/^refs\/heads\//, '') ?? branch;
  return `refs/remotes/${REMOTE}/${name}`;
}

export async function resolveOrNull(repo: Repo, ref: string): Promise<string | null> {
  try {
    return await git.resolveRef({ fs, gitdir: repo.gitdir, ref });
  } catch {
    return null;
  }
}
