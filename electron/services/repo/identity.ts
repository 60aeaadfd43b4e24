// Who commits: the repository's own user.name / user.email, else the identity set in Cairn,
// else the user's global git configuration (~/.gitconfig or $XDG_CONFIG_HOME/git/config).
import os from 'node:os';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { CairnFailure } from '../../ipc/failure.ts';
import { fs, git, type Repo } from './repository.ts';

export interface Identity {
  name: string;
  email: string;
}

const SETTING_KEY = 'git.identity';

export function savedIdentity(db: Database): Identity | null {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(SETTING_KEY) as
    { value: string } | undefined;
  if (!row) return null;
  const value = JSON.parse(row.value) as Partial<Identity>;
  return value.name && value.email ? { name: value.name, email: value.email } : null;
}

export function saveIdentity(db: Database, identity: Identity): void {
  db.prepare(
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ).run(SETTING_KEY, JSON.stringify(identity), new Date().toISOString());
}

/** Reads user.name and user.email from a git config file (the plain subset of its syntax). */
export function readGitConfigIdentity(file: string): Partial<Identity> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return {};
  }
  const out: Partial<Identity> = {};
  let section = '';
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith('#') || line.startsWith(';') || line === '') continue;
    const header = /^\[\s*([^\]\s"]+)(?:\s+"[^"]*")?\s*\]$/.exec(line);
    if (header) {
      section = (header[1] ?? '').toLowerCase();
      continue;
    }
    const kv = /^([A-Za-z][\w-]*)\s*=\s*(.*)$/.exec(line);
    if (section === 'user' && kv) {
      const value = (kv[2] ?? '').replace(/^"(.*)"$/, '$1').trim();
      if (kv[1]?.toLowerCase() === 'name') out.name = value;
      if (kv[1]?.toLowerCase() === 'email') out.email = value;
    }
  }
  return out;
}

export async function resolveIdentity(
  repo: Repo,
  db: Database,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Identity | null> {
  const name = (await git.getConfig({ fs, gitdir: repo.gitdir, path: 'user.name' })) as
    string | undefined;
  const email = (await git.getConfig({ fs, gitdir: repo.gitdir, path: 'user.email' })) as
    string | undefined;
  if (name && email) return { name, email };
  const saved = savedIdentity(db);
  if (saved) return saved;
  const home = env.HOME ?? os.homedir();
  const xdg = env.XDG_CONFIG_HOME ?? path.join(home, '.config');
  const global = {
    ...readGitConfigIdentity(path.join(xdg, 'git', 'config')),
    ...readGitConfigIdentity(path.join(home, '.gitconfig')),
  };
  if (global.name && global.email) return { name: global.name, email: global.email };
  return null;
}

export async function requireIdentity(repo: Repo, db: Database, env?: NodeJS.ProcessEnv) {
  const identity = await resolveIdentity(repo, db, env);
  if (!identity) {
    throw new CairnFailure(
      'invalid_input',
      'Cairn does not know who you are yet, so it cannot make a commit. Set your name and e-mail ' +
        '(Settings, or the repo.setIdentity call); they are written into every commit you make.',
    );
  }
  return identity;
}
