// Secrets in a JSON file in the data folder, readable and writable by the user only (0600).
// This is NOT a keychain: anyone who can read the user's files (another process running as the
// user, a backup) can read the tokens. The warning says so wherever tokens are entered.
// The CLI and the web host use it because Node has no keychain API without a native package
// (keytar and the like) that Cairn does not ship; the Electron app uses safeStorage instead
// (safe-storage-secret-store.ts) and falls back to this file only when safeStorage cannot
// encrypt at all.
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../files/atomic-write.ts';
import type { SecretStore } from './secret-store.ts';

export const SECRETS_FILE = 'secrets.json';

export const FILE_STORE_WARNING =
  'Tokens are kept in a file only your user account can read (mode 0600), not in the system ' +
  'keychain. Anyone with access to your account or its backups can read them.';

interface SecretsFile {
  warning: string;
  secrets: Record<string, string>;
}

export class FileSecretStore implements SecretStore {
  readonly kind = 'file' as const;
  readonly warning = FILE_STORE_WARNING;
  readonly file: string;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, SECRETS_FILE);
  }

  private read(): Record<string, string> {
    let text: string;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw new Error(`Cannot read the token file ${this.file}: ${(error as Error).message}`);
    }
    // Tighten permissions that someone loosened (a copy, an archive restore).
    if (process.platform !== 'win32' && (fs.statSync(this.file).mode & 0o077) !== 0) {
      fs.chmodSync(this.file, 0o600);
    }
    try {
      const parsed = JSON.parse(text) as Partial<SecretsFile>;
      return typeof parsed.secrets === 'object' && parsed.secrets !== null ? parsed.secrets : {};
    } catch {
      // Never echo the content: it holds secrets.
      throw new Error(
        `The token file ${this.file} is damaged (not JSON). Delete it and enter your tokens again.`,
      );
    }
  }

  private write(secrets: Record<string, string>): void {
    const body: SecretsFile = { warning: FILE_STORE_WARNING, secrets };
    writeFileAtomic(this.file, JSON.stringify(body, null, 2) + '\n', { mode: 0o600 });
  }

  get(key: string): string | null {
    return this.read()[key] ?? null;
  }

  set(key: string, value: string): void {
    this.write({ ...this.read(), [key]: value });
  }

  delete(key: string): void {
    const secrets = this.read();
    if (!(key in secrets)) return;
    delete secrets[key];
    this.write(secrets);
  }
}
