import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  FILE_STORE_WARNING,
  FileSecretStore,
  SECRETS_FILE,
} from '../../electron/services/secrets/file-secret-store.ts';
import { tempDir } from '../support/temp-dir.ts';

describe('the file secret store (CLI and web host)', () => {
  it('keeps secrets in a file only the user can read, and says it is not a keychain', () => {
    const dir = tempDir('cairn-secrets-');
    const store = new FileSecretStore(dir);
    expect(store.get('k')).toBeNull();
    store.set('k', 'tok-1');
    store.set('j', 'tok-2');
    const file = path.join(dir, SECRETS_FILE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(store.get('k')).toBe('tok-1');
    store.delete('k');
    expect(store.get('k')).toBeNull();
    expect(store.get('j')).toBe('tok-2');
    expect(store.warning).toBe(FILE_STORE_WARNING);
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).warning).toMatch(/not in the system keychain/);
    expect(fs.readdirSync(dir)).toEqual([SECRETS_FILE]);
  });

  it('tightens loosened permissions, and reports a damaged file without showing its content', () => {
    const dir = tempDir('cairn-secrets-');
    const store = new FileSecretStore(dir);
    store.set('k', 'tok-1');
    const file = path.join(dir, SECRETS_FILE);
    fs.chmodSync(file, 0o644);
    expect(store.get('k')).toBe('tok-1');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    fs.writeFileSync(file, '{"secrets": {"k": "ghp_secretvalue"');
    expect(() => store.get('k')).toThrow(/is damaged \(not JSON\)\. Delete it/);
    try {
      store.get('k');
    } catch (error) {
      expect((error as Error).message).not.toContain('ghp_secretvalue');
    }
  });
});
