import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readStaticFile } from '../../electron/web/static-files.ts';

describe('readStaticFile', () => {
  let root: string;
  beforeAll(() => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-static-'));
    root = path.join(base, 'renderer');
    fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(root, 'index.html'), '<html></html>');
    fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
    fs.writeFileSync(path.join(base, 'secret.txt'), 'secret');
  });

  it('serves files with their content type', () => {
    expect(readStaticFile(root, '/assets/app.js')?.contentType).toMatch(/javascript/);
    expect(readStaticFile(root, '/')?.body.toString()).toBe('<html></html>');
  });

  it('falls back to index.html for client views, not for missing assets', () => {
    expect(readStaticFile(root, '/settings')?.body.toString()).toBe('<html></html>');
    expect(readStaticFile(root, '/assets/missing.js')).toBeNull();
  });

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/%00',
    '/%E0%A4%A',
  ])('refuses %s', (url) => {
    const file = readStaticFile(root, url);
    expect(file?.body.toString() ?? null).not.toBe('secret');
  });
});
