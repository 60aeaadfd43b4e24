// `repo.clone`: a fresh clone over HTTPS with a token. The folder must be new or empty; when the
// clone fails, what Cairn created is removed again and the token is not kept.
import path from 'node:path';
import { CairnFailure } from '../../ipc/failure.ts';
import {
  DEFAULT_USERNAME,
  REMOTE,
  storeCredential,
  withRemote,
  type RemoteDeps,
} from './remote.ts';
import { parseRemoteUrl } from './remote-url.ts';
import { fs, git, headState, locateRepository } from './repository.ts';

export interface CloneOptions {
  url: string;
  into: string;
  token?: string;
  username?: string;
  branch?: string;
}

export async function cloneRepository(options: CloneOptions, deps: RemoteDeps) {
  const url = parseRemoteUrl(options.url);
  const dir = path.resolve(options.into);
  const existed = fs.existsSync(dir);
  if (existed && (!fs.statSync(dir).isDirectory() || fs.readdirSync(dir).length > 0)) {
    throw new CairnFailure(
      'invalid_input',
      `${dir} already exists and is not an empty folder. Choose a new folder to clone into; Cairn never clones over existing files.`,
    );
  }
  const credential = options.token
    ? { token: options.token, username: options.username ?? DEFAULT_USERNAME }
    : null;
  // The token is offered through a throw-away store until the clone succeeds.
  const trial = new Map<string, string>();
  const trialStore = {
    kind: deps.secrets.kind,
    warning: deps.secrets.warning,
    get: (key: string) => trial.get(key) ?? deps.secrets.get(key),
    set: (key: string, value: string) => void trial.set(key, value),
    delete: (key: string) => void trial.delete(key),
  };
  if (credential) storeCredential(trialStore, url.origin, credential);
  try {
    await withRemote(
      { dir, gitdir: path.join(dir, '.git'), prefix: '', cache: {} },
      { ...deps, secrets: trialStore },
      `clone ${url.url}`,
      async ({ http, auth }) => {
        await git.clone({
          fs,
          http,
          dir,
          url: url.url,
          remote: REMOTE,
          ...(options.branch ? { ref: options.branch } : {}),
          singleBranch: false,
          noTags: true,
          onAuth: auth.onAuth,
          onAuthFailure: auth.onAuthFailure,
        });
      },
      url,
    );
  } catch (error) {
    if (existed)
      for (const entry of fs.readdirSync(dir))
        fs.rmSync(path.join(dir, entry), { recursive: true, force: true });
    else fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  if (credential) storeCredential(deps.secrets, url.origin, credential);
  const repo = await locateRepository(dir);
  const head = repo ? await headState(repo) : { branch: null, oid: null };
  return { root: dir, branch: head.branch, head: head.oid };
}
