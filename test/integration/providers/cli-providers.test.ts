// `cairn providers set-key` as a user runs it: the key piped on standard input, the warning
// about file storage on stderr, the key in the key store and nowhere else in the data folder.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileSecretStore } from '../../../electron/services/secrets/file-secret-store.ts';
import { tempDir } from '../../support/temp-dir.ts';

const REPO = path.resolve(import.meta.dirname, '../../..');
const KEY = 'sk-piped-0123456789abcdef';

function cairn(
  args: string[],
  stdin = '',
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(REPO, 'bin/cairn.mjs'), ...args], {
      cwd: REPO,
      env: { ...process.env, CAIRN_DATA_DIR: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

describe('cairn providers from a shell', () => {
  it('stores a key piped on stdin, warns about the file store, keeps it out of everything else', async () => {
    const dir = tempDir('cairn-cli-keys-');
    const d = ['--data-dir', dir];
    const added = await cairn([
      'providers',
      'add',
      'anthropic',
      '--kind',
      'anthropic',
      '--tier',
      'cloud',
      '--base-url',
      'https://api.anthropic.com',
      '--model',
      'claude-opus-4-5',
      ...d,
    ]);
    expect(added.code).toBe(0);
    const stored = await cairn(['providers', 'set-key', 'anthropic', ...d], `${KEY}\n`);
    expect(stored.code, stored.stderr).toBe(0);
    expect(stored.stderr).toContain(
      'Warning: Tokens are kept in a file only your user account can read',
    );
    expect(stored.stdout).toContain('Stored the API key for anthropic');
    expect(new FileSecretStore(dir).get('provider-key:anthropic')).toBe(KEY);
    const listed = await cairn(['providers', 'list', ...d]);
    expect(listed.stdout).toContain(
      'anthropic  anthropic  cloud  https://api.anthropic.com  key: stored',
    );
    for (const out of [added, stored, listed]) expect(out.stdout + out.stderr).not.toContain(KEY);
    for (const file of fs.readdirSync(dir).filter((f) => f !== 'secrets.json')) {
      expect(fs.readFileSync(path.join(dir, file), 'utf8')).not.toContain(KEY);
    }
    const empty = await cairn(['providers', 'set-key', 'anthropic', ...d], '\n');
    expect(empty.code).toBe(3);
    expect(empty.stderr).toContain('The API key for anthropic is empty; nothing was stored.');
  });
});
