import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SECRETS_FILE } from '../../../electron/services/secrets/file-secret-store.ts';
import {
  OBFUSCATED_WARNING,
  SAFE_STORAGE_FILE,
  SAFE_STORAGE_UNAVAILABLE_WARNING,
  SafeStorageSecretStore,
  openSafeStorageSecretStore,
} from '../../../electron/services/secrets/safe-storage-secret-store.ts';
import { tempDir } from '../../support/temp-dir.ts';
import { SafeStorageDouble } from './safe-storage-double.ts';

const KEY = 'sk-ant-api03-THISISAPLAINVALUE0123456789';
const TOKEN = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789';

/** Everything an error could leak: the value, its base64, its hex. */
function expectNoValue(text: string, value: string): void {
  expect(text).not.toContain(value);
  expect(text).not.toContain(Buffer.from(value).toString('base64'));
  expect(text).not.toContain(Buffer.from(value).toString('hex'));
}

function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

describe('the safeStorage secret store (Electron host)', () => {
  it('round-trips values through the OS keychain and writes only ciphertext, 0600', () => {
    const dir = tempDir('cairn-safe-');
    const store = openSafeStorageSecretStore(dir, new SafeStorageDouble(), 'darwin');
    expect(store).toBeInstanceOf(SafeStorageSecretStore);
    expect(store.kind).toBe('keychain');
    expect(store.warning).toBeNull();
    expect(store.get('provider-key:anthropic')).toBeNull();
    store.set('provider-key:anthropic', KEY);
    store.set('git-token:https://github.com', TOKEN);
    expect(store.get('provider-key:anthropic')).toBe(KEY);
    expect(store.get('git-token:https://github.com')).toBe(TOKEN);

    const file = path.join(dir, SAFE_STORAGE_FILE);
    expect(store.file).toBe(file);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const text = fs.readFileSync(file, 'utf8');
    expectNoValue(text, KEY);
    expectNoValue(text, TOKEN);
    const body = JSON.parse(text);
    expect(body.secrets['provider-key:anthropic'].backend).toBe('os');
    expect(body.secrets['provider-key:anthropic'].data).toMatch(/^[A-Za-z0-9+/]+=*$/);
    // Atomic writes leave no temporary files, and nothing goes to the plain secrets.json.
    expect(fs.readdirSync(dir)).toEqual([SAFE_STORAGE_FILE]);

    // A fresh store (the next start) reads the same values.
    const again = openSafeStorageSecretStore(dir, new SafeStorageDouble(), 'win32');
    expect(again.get('provider-key:anthropic')).toBe(KEY);
  });

  it('overwrites and deletes entries, keeping the others', () => {
    const dir = tempDir('cairn-safe-');
    const store = new SafeStorageSecretStore(dir, new SafeStorageDouble(), 'darwin');
    store.set('a', 'one');
    store.set('b', 'two');
    store.set('a', 'three');
    expect(store.get('a')).toBe('three');
    store.delete('a');
    store.delete('never-there');
    expect(store.get('a')).toBeNull();
    expect(store.get('b')).toBe('two');
    expect(Object.keys(JSON.parse(fs.readFileSync(store.file, 'utf8')).secrets)).toEqual(['b']);
  });

  it('counts a Linux keyring (libsecret, KWallet) as a keychain', () => {
    for (const backend of ['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6']) {
      const store = new SafeStorageSecretStore(
        tempDir('cairn-safe-'),
        new SafeStorageDouble(backend),
        'linux',
      );
      expect(store.kind).toBe('keychain');
      expect(store.warning).toBeNull();
    }
  });

  it('on Linux without a keyring (basic_text) says keys are only obfuscated, and what to do', () => {
    const dir = tempDir('cairn-safe-');
    const store = openSafeStorageSecretStore(dir, new SafeStorageDouble('basic_text'), 'linux');
    expect(store.kind).toBe('file');
    expect(store.warning).toBe(OBFUSCATED_WARNING);
    expect(store.warning).toMatch(/only obfuscated/);
    expect(store.warning).toMatch(/not encrypted with a keyring/);
    expect(store.warning).toMatch(/gnome-keyring/);
    expect(store.warning).toMatch(/KWallet/);
    store.set('provider-key:openai', KEY);
    expect(store.get('provider-key:openai')).toBe(KEY);
    const text = fs.readFileSync(store.file, 'utf8');
    expectNoValue(text, KEY);
    // Whoever opens the file reads the same warning.
    expect(JSON.parse(text).note).toContain('only obfuscated');
  });

  it('treats an unknown Linux backend as obfuscated too', () => {
    const store = new SafeStorageSecretStore(
      tempDir('cairn-safe-'),
      new SafeStorageDouble('unknown'),
      'linux',
    );
    expect(store.kind).toBe('file');
    expect(store.warning).toMatch(/only obfuscated/);
  });

  it('re-encrypts obfuscated values with the keyring once there is one', () => {
    const dir = tempDir('cairn-safe-');
    new SafeStorageSecretStore(dir, new SafeStorageDouble('basic_text'), 'linux').set('k', KEY);
    const file = path.join(dir, SAFE_STORAGE_FILE);
    const before = JSON.parse(fs.readFileSync(file, 'utf8')).secrets.k;
    expect(before.backend).toBe('basic_text');
    expect(Buffer.from(before.data, 'base64').subarray(0, 3).toString()).toBe('v10');

    const store = new SafeStorageSecretStore(dir, new SafeStorageDouble('kwallet5'), 'linux');
    expect(store.get('k')).toBe(KEY);
    const after = JSON.parse(fs.readFileSync(file, 'utf8')).secrets.k;
    expect(after.backend).toBe('kwallet5');
    expect(Buffer.from(after.data, 'base64').subarray(0, 3).toString()).toBe('v11');
  });

  it('without safeStorage encryption falls back to the user-only file, and says so', () => {
    const dir = tempDir('cairn-safe-');
    const safeStorage = new SafeStorageDouble('basic_text', false);
    expect(() => new SafeStorageSecretStore(dir, safeStorage, 'linux')).toThrow(/cannot encrypt/);
    const store = openSafeStorageSecretStore(dir, safeStorage, 'linux');
    expect(store.kind).toBe('file');
    expect(store.warning).toBe(SAFE_STORAGE_UNAVAILABLE_WARNING);
    expect(store.warning).toMatch(/not available/);
    expect(store.warning).toMatch(/unencrypted/);
    store.set('k', TOKEN);
    expect(store.get('k')).toBe(TOKEN);
    expect(store.file).toBe(path.join(dir, SECRETS_FILE));
    expect(fs.statSync(store.file).mode & 0o777).toBe(0o600);
    store.delete('k');
    expect(store.get('k')).toBeNull();
  });

  it('reports a damaged file by name without showing its content', () => {
    const dir = tempDir('cairn-safe-');
    const store = new SafeStorageSecretStore(dir, new SafeStorageDouble(), 'darwin');
    store.set('k', KEY);
    const file = store.file;

    fs.writeFileSync(file, `{"secrets": {"k": "${KEY}"`);
    let error = errorOf(() => store.get('k'));
    expect(error.message).toContain(file);
    expect(error.message).toMatch(/is damaged \(not JSON\)\. Delete it/);
    expectNoValue(error.message, KEY);
    // set and delete refuse too, rather than overwrite what could still be recovered.
    expect(() => store.set('j', 'x')).toThrow(/is damaged/);
    expect(() => store.delete('k')).toThrow(/is damaged/);

    fs.writeFileSync(file, JSON.stringify({ secrets: { k: { backend: 'os', data: KEY + '!' } } }));
    error = errorOf(() => store.get('k'));
    expect(error.message).toContain(file);
    expect(error.message).toMatch(/the entry "k" is not an encrypted value/);
    expectNoValue(error.message, KEY);

    fs.writeFileSync(file, JSON.stringify([KEY]));
    error = errorOf(() => store.get('k'));
    expect(error.message).toMatch(/no "secrets" object/);
    expectNoValue(error.message, KEY);

    // Valid base64 that is not a ciphertext.
    fs.writeFileSync(
      file,
      JSON.stringify({
        secrets: { k: { backend: 'os', data: Buffer.from('v11' + KEY).toString('base64') } },
      }),
    );
    error = errorOf(() => store.get('k'));
    expect(error.message).toContain(file);
    expect(error.message).toMatch(/Cannot decrypt the entry "k"/);
    expectNoValue(error.message, KEY);
  });

  it('says which keyring is missing when a value cannot be decrypted without it', () => {
    const dir = tempDir('cairn-safe-');
    new SafeStorageSecretStore(dir, new SafeStorageDouble('gnome_libsecret'), 'linux').set(
      'k',
      KEY,
    );
    // The next start finds no keyring: Electron falls back to basic_text.
    const store = new SafeStorageSecretStore(dir, new SafeStorageDouble('basic_text'), 'linux');
    const error = errorOf(() => store.get('k'));
    expect(error.message).toContain(store.file);
    expect(error.message).toMatch(
      /"gnome_libsecret" password store; Electron now uses "basic_text"/,
    );
    expect(error.message).toMatch(/Unlock the system keyring/);
    expectNoValue(error.message, KEY);
    // Other entries still work, and the unreadable one stays for when the keyring is back.
    store.set('j', TOKEN);
    expect(store.get('j')).toBe(TOKEN);
    const back = new SafeStorageSecretStore(dir, new SafeStorageDouble('gnome_libsecret'), 'linux');
    expect(back.get('k')).toBe(KEY);
    expect(back.get('j')).toBe(TOKEN);
  });

  it('never puts a value in an error, whatever safeStorage says', () => {
    const dir = tempDir('cairn-safe-');
    const leaky = new SafeStorageDouble();
    leaky.encryptString = (plain: string) => {
      throw new Error(`could not encrypt ${plain}`);
    };
    const store = new SafeStorageSecretStore(dir, leaky, 'darwin');
    const error = errorOf(() => store.set('k', KEY));
    expect(error.message).toMatch(/Cannot encrypt the entry "k".*Nothing was stored/);
    expectNoValue(error.message, KEY);
    expect(error.cause).toBeUndefined();
    expect(fs.existsSync(store.file)).toBe(false);
  });

  it('tightens loosened permissions', () => {
    const dir = tempDir('cairn-safe-');
    const store = new SafeStorageSecretStore(dir, new SafeStorageDouble(), 'darwin');
    store.set('k', KEY);
    fs.chmodSync(store.file, 0o644);
    expect(store.get('k')).toBe(KEY);
    expect(fs.statSync(store.file).mode & 0o777).toBe(0o600);
  });
});
