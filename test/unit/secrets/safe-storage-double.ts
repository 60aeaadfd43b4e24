// A stand-in for Electron's safeStorage that really encrypts (AES-256-GCM from node:crypto),
// shaped like Chromium's OSCrypt on Linux: values encrypted without a keyring carry the prefix
// 'v10' and a key everyone knows; values encrypted with a keyring carry 'v11' and a key that
// only the keyring holds, so they cannot be decrypted while the keyring is gone.
import crypto from 'node:crypto';
import type { SafeStorageLike } from '../../../electron/services/secrets/safe-storage-secret-store.ts';

const BASIC_KEY = crypto.createHash('sha256').update('peanuts').digest();
const KEYRING_KEY = crypto.randomBytes(32);

export class SafeStorageDouble implements SafeStorageLike {
  /** Present on Linux only, as in Electron. */
  readonly getSelectedStorageBackend?: () => string;

  /** backend: a Linux backend, or undefined for macOS / Windows. */
  constructor(
    public backend: string | undefined = undefined,
    public available = true,
  ) {
    if (backend !== undefined) this.getSelectedStorageBackend = () => this.backend ?? 'unknown';
  }

  private get withKeyring(): boolean {
    return this.backend !== 'basic_text' && this.backend !== 'unknown';
  }

  isEncryptionAvailable(): boolean {
    return this.available;
  }

  encryptString(plainText: string): Buffer {
    if (!this.available) throw new Error('Encryption is not available.');
    const [prefix, key] = this.withKeyring ? ['v11', KEYRING_KEY] : ['v10', BASIC_KEY];
    const iv = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
    const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from(prefix), iv, cipher.getAuthTag(), body]);
  }

  decryptString(encrypted: Buffer): string {
    const prefix = encrypted.subarray(0, 3).toString();
    if (prefix === 'v11' && !this.withKeyring) throw new Error('v11 needs the keyring');
    if (prefix !== 'v10' && prefix !== 'v11') throw new Error('unknown prefix');
    const key = prefix === 'v11' ? KEYRING_KEY : BASIC_KEY;
    const iv = encrypted.subarray(3, 15);
    const tag = encrypted.subarray(15, 31);
    const decipher = crypto.createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(encrypted.subarray(31)), decipher.final()]).toString();
  }
}
