/**
 * Where Cairn keeps secrets (git tokens, provider API keys). Hosts choose the implementation:
 * Electron uses the OS keychain through safeStorage (safe-storage-secret-store.ts, with a
 * warning on Linux without a keyring, where values are only obfuscated); the CLI and the web
 * host use a file only the user can read (file-secret-store.ts), because reaching the OS
 * keychain from Node needs a native package (keytar and the like) that Cairn does not ship.
 * Callers never log or return what they read here.
 */
export interface SecretStore {
  /** What kind of storage this is, shown to the user. */
  readonly kind: 'keychain' | 'file';
  /** Set when the storage is weaker than a keychain; the UI shows it next to token fields. */
  readonly warning: string | null;
  get(key: string): string | null;
  set(key: string, value: string): void;
  delete(key: string): void;
}

/** The key under which the token for a git remote's origin (scheme://host[:port]) is kept. */
export function gitTokenKey(origin: string): string {
  return `git-token:${origin}`;
}
