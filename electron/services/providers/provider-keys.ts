// API keys of remote providers, in the host's SecretStore (the OS keychain through Electron's
// safeStorage, or a file only the user can read in the CLI and web host) under
// `provider-key:<providerId>`. Never in the database, the logs, the records or providers.yaml;
// the egress gate reads a key right before it creates a client.
import type { SecretStore } from '../secrets/secret-store.ts';

export function providerKeyName(providerId: string): string {
  return `provider-key:${providerId}`;
}

/** Where keys of this kind of store are kept, in words ("Stored the key …"). */
export function keyStoreDescription(kind: SecretStore['kind']): string {
  return kind === 'file' ? 'in a file only your user account can read' : 'in the system keychain';
}

/** A key that cannot be right (empty, or with spaces); the message never holds the value. */
export class InvalidKeyError extends Error {
  override name = 'InvalidKeyError';
}

export class ProviderKeys {
  constructor(private readonly store: SecretStore) {}

  /** Shown where keys are entered when the store is weaker than a keychain; null otherwise. */
  get warning(): string | null {
    return this.store.warning;
  }

  get storeKind(): SecretStore['kind'] {
    return this.store.kind;
  }

  get(providerId: string): string | null {
    return this.store.get(providerKeyName(providerId));
  }

  has(providerId: string): boolean {
    return this.get(providerId) !== null;
  }

  /** Stores a key; surrounding whitespace (a pasted newline) is dropped. */
  set(providerId: string, key: string): void {
    const trimmed = key.trim();
    if (trimmed === '')
      throw new InvalidKeyError(`The API key for ${providerId} is empty; nothing was stored.`);
    if (/\s/.test(trimmed)) {
      // Never echo the value: it may be a real key pasted with something else.
      throw new InvalidKeyError(
        `The API key for ${providerId} contains spaces or line breaks; paste the key alone.`,
      );
    }
    this.store.set(providerKeyName(providerId), trimmed);
  }

  delete(providerId: string): void {
    this.store.delete(providerKeyName(providerId));
  }
}
