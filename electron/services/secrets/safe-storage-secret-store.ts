// Secrets encrypted with Electron's safeStorage (macOS Keychain, Windows DPAPI, a Linux keyring
// through libsecret or KWallet), kept base64 in a 0600 file in the data folder. Only the
// ciphertext is written; the plain value exists in memory between decrypt and use.
//
// This module never imports 'electron' (services run in Node tests and in the CLI): the
// Electron main process passes `safeStorage` in as a SafeStorageLike, after app 'ready'.
//
// Three situations, told apart when the store is opened (openSafeStorageSecretStore):
// - a real keyring (macOS, Windows, Linux with gnome_libsecret / kwallet*): kind 'keychain', no
//   warning;
// - Linux without a keyring, where Electron's backend is 'basic_text': values are encrypted with
//   a key built into Chromium, which is obfuscation, not protection. kind 'file', and the
//   warning says so and how to get a keyring;
// - encryption not available at all (safeStorage refuses): we fall back to the FileSecretStore
//   (the plain 0600 secrets.json the CLI and web host use) with a warning that says so. The
//   issue allows a user-only file with a clear warning where there is no keychain, and refusing
//   would leave the app unable to hold any token; the warning is shown wherever tokens are
//   entered, so the user decides.
//
// Only Electron can decrypt these values, so this file is separate from the CLI's secrets.json:
// a key entered in the app is not seen by `cairn` on the command line, and the reverse.
//
// Error messages name the file and the entry (a key name such as `provider-key:openai`, never a
// secret), never a value or ciphertext.
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../files/atomic-write.ts';
import { FILE_STORE_WARNING, FileSecretStore } from './file-secret-store.ts';
import type { SecretStore } from './secret-store.ts';

/** The part of Electron's `safeStorage` this store uses (a test double implements the same). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: the password store Electron chose ('basic_text' when there is no keyring). */
  getSelectedStorageBackend?(): string;
}

export const SAFE_STORAGE_FILE = 'secrets.safe-storage.json';

/** Linux backends that keep the encryption key in a real keyring. */
const KEYRING_BACKENDS = new Set(['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6']);

export const OBFUSCATED_WARNING =
  'No system keyring was found (Electron safeStorage backend "basic_text"), so tokens and API ' +
  'keys are only obfuscated, not encrypted with a keyring: anyone who can read your files can ' +
  'recover them. Install and unlock a keyring such as GNOME Keyring (gnome-keyring, with ' +
  'libsecret) or KWallet, then restart Cairn; if Cairn does not pick it up, start it with ' +
  '--password-store=gnome-libsecret (or kwallet5 / kwallet6).';

export const UNKNOWN_BACKEND_WARNING =
  'Cairn could not tell which password store Electron uses (safeStorage backend "unknown"), ' +
  'so treat tokens and API keys as only obfuscated, not encrypted with a keyring. Install and ' +
  'unlock a keyring such as GNOME Keyring or KWallet, then restart Cairn.';

export const SAFE_STORAGE_UNAVAILABLE_WARNING =
  'Encryption through the system keychain (Electron safeStorage) is not available, so tokens ' +
  'and API keys are stored unencrypted. ' +
  FILE_STORE_WARNING;

/** One entry: the ciphertext and the password store that made it. */
interface StoredSecret {
  /** 'os' (macOS Keychain, Windows DPAPI) or the Linux backend: 'basic_text', 'kwallet5', ... */
  backend: string;
  /** base64 of safeStorage.encryptString(value). */
  data: string;
}

interface SafeStorageFile {
  /** Shown to whoever opens the file. */
  note: string;
  secrets: Record<string, StoredSecret>;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The backend recorded with each value, and used to choose kind and warning. */
function backendOf(safeStorage: SafeStorageLike, platform: NodeJS.Platform): string {
  if (platform !== 'linux' || typeof safeStorage.getSelectedStorageBackend !== 'function') {
    return 'os';
  }
  return safeStorage.getSelectedStorageBackend();
}

function isKeyring(backend: string): boolean {
  return backend === 'os' || KEYRING_BACKENDS.has(backend);
}

export class SafeStorageSecretStore implements SecretStore {
  readonly kind: SecretStore['kind'];
  readonly warning: string | null;
  readonly file: string;
  /** The password store that encrypts new values: 'os', 'basic_text', 'gnome_libsecret', ... */
  readonly backend: string;

  /** Throws when safeStorage cannot encrypt; openSafeStorageSecretStore falls back instead. */
  constructor(
    dataDir: string,
    private readonly safeStorage: SafeStorageLike,
    platform: NodeJS.Platform = process.platform,
  ) {
    if (!safeStorage.isEncryptionAvailable()) {
      throw new Error(
        'Electron safeStorage cannot encrypt on this system (or the app is not ready yet).',
      );
    }
    this.file = path.join(dataDir, SAFE_STORAGE_FILE);
    this.backend = backendOf(safeStorage, platform);
    this.kind = isKeyring(this.backend) ? 'keychain' : 'file';
    this.warning =
      this.kind === 'keychain'
        ? null
        : this.backend === 'basic_text'
          ? OBFUSCATED_WARNING
          : UNKNOWN_BACKEND_WARNING;
  }

  private read(): Record<string, StoredSecret> {
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
    const damaged = (why: string) =>
      new Error(
        `The token file ${this.file} is damaged (${why}). Delete it and enter your tokens again.`,
      );
    let parsed: Partial<SafeStorageFile> | null;
    try {
      parsed = JSON.parse(text) as Partial<SafeStorageFile> | null;
    } catch {
      // Never echo the content.
      throw damaged('not JSON');
    }
    const secrets = parsed?.secrets;
    if (typeof secrets !== 'object' || secrets === null || Array.isArray(secrets)) {
      throw damaged('no "secrets" object');
    }
    for (const [key, entry] of Object.entries(secrets)) {
      const ok =
        typeof entry === 'object' &&
        entry !== null &&
        typeof entry.backend === 'string' &&
        typeof entry.data === 'string' &&
        BASE64.test(entry.data);
      if (!ok) throw damaged(`the entry "${key}" is not an encrypted value`);
    }
    return secrets;
  }

  private write(secrets: Record<string, StoredSecret>): void {
    const body: SafeStorageFile = {
      note:
        'Values are encrypted with Electron safeStorage and can be read only by Cairn for ' +
        'this user on this machine.' +
        (this.warning ? ' ' + this.warning : ''),
      secrets,
    };
    writeFileAtomic(this.file, JSON.stringify(body, null, 2) + '\n', { mode: 0o600 });
  }

  private decrypt(key: string, entry: StoredSecret): string {
    try {
      return this.safeStorage.decryptString(Buffer.from(entry.data, 'base64'));
    } catch {
      // The cause is not passed on: a decrypter's message is not ours to vouch for.
      const was =
        entry.backend === this.backend
          ? ''
          : ` It was encrypted with the "${entry.backend}" password store; Electron now uses "${this.backend}".`;
      throw new Error(
        `Cannot decrypt the entry "${key}" in the token file ${this.file}.${was} Unlock the ` +
          'system keyring that was in use when the token was entered and restart Cairn, or ' +
          'enter the token again (which replaces the entry).',
      );
    }
  }

  private encrypt(key: string, value: string): StoredSecret {
    let data: Buffer;
    try {
      data = this.safeStorage.encryptString(value);
    } catch {
      throw new Error(
        `Cannot encrypt the entry "${key}" for the token file ${this.file}: Electron ` +
          'safeStorage refused (is the system keyring locked?). Nothing was stored.',
      );
    }
    return { backend: this.backend, data: data.toString('base64') };
  }

  /**
   * The file's entries, with those written while there was no keyring (basic_text) encrypted
   * again once a keyring is there: Chromium can still decrypt them, and they should not stay
   * merely obfuscated. Entries that cannot be decrypted now are left as they are.
   */
  private load(): Record<string, StoredSecret> {
    const secrets = this.read();
    if (this.kind !== 'keychain') return secrets;
    let changed = false;
    for (const [key, entry] of Object.entries(secrets)) {
      if (isKeyring(entry.backend)) continue;
      let value: string;
      try {
        value = this.decrypt(key, entry);
      } catch {
        continue;
      }
      secrets[key] = this.encrypt(key, value);
      changed = true;
    }
    if (changed) this.write(secrets);
    return secrets;
  }

  get(key: string): string | null {
    const secrets = this.load();
    const entry = Object.hasOwn(secrets, key) ? secrets[key] : undefined;
    return entry ? this.decrypt(key, entry) : null;
  }

  set(key: string, value: string): void {
    this.write({ ...this.load(), [key]: this.encrypt(key, value) });
  }

  delete(key: string): void {
    const secrets = this.load();
    if (!Object.hasOwn(secrets, key)) return;
    delete secrets[key];
    this.write(secrets);
  }
}

/** The FileSecretStore under a warning that says safeStorage could not encrypt. */
class UnencryptedFallbackStore implements SecretStore {
  readonly kind = 'file' as const;
  readonly warning = SAFE_STORAGE_UNAVAILABLE_WARNING;
  private readonly inner: FileSecretStore;

  constructor(dataDir: string) {
    this.inner = new FileSecretStore(dataDir);
  }

  get file(): string {
    return this.inner.file;
  }

  get(key: string): string | null {
    return this.inner.get(key);
  }

  set(key: string, value: string): void {
    this.inner.set(key, value);
  }

  delete(key: string): void {
    this.inner.delete(key);
  }
}

/**
 * The Electron host's secret store: safeStorage when it can encrypt (with the basic_text
 * warning on Linux without a keyring), otherwise the plain 0600 file with a warning. Call it
 * after app 'ready': before that, safeStorage reports no encryption on Linux and Windows.
 */
export function openSafeStorageSecretStore(
  dataDir: string,
  safeStorage: SafeStorageLike,
  platform: NodeJS.Platform = process.platform,
): SecretStore & { readonly file: string } {
  if (!safeStorage.isEncryptionAvailable()) return new UnencryptedFallbackStore(dataDir);
  return new SafeStorageSecretStore(dataDir, safeStorage, platform);
}
