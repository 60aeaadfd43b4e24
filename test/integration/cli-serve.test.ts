// The real `cairn` command, as a user runs it.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SAMPLE_WORKSPACE, tempDir } from '../support/temp-dir.ts';
import { get } from '../support/web-host.ts';

const CAIRN = ['bin/cairn.mjs'];

describe('cairn (the command)', () => {
  it('prints help and version with exit 0, and exits 2 on a usage error', () => {
    const help = spawnSync('node', [...CAIRN, '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/Usage: cairn <command>/);
    const version = spawnSync('node', [...CAIRN, '--version'], { encoding: 'utf8' });
    expect(version.stdout.trim()).toBe(JSON.parse(fs.readFileSync('package.json', 'utf8')).version);
    const bad = spawnSync('node', [...CAIRN, 'serve', '--port', 'x'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--port must be a whole number/);
  });

  it('runs from the TypeScript sources when asked (or when the bundle is stale)', () => {
    const fromSource = spawnSync('node', [...CAIRN, '--version'], {
      encoding: 'utf8',
      env: { ...process.env, CAIRN_FROM_SOURCE: '1' },
    });
    expect(fromSource.status).toBe(0);
    expect(fromSource.stdout.trim()).toBe(
      JSON.parse(fs.readFileSync('package.json', 'utf8')).version,
    );
  });

  it('exits 3 with a clear message when the workspace does not exist', () => {
    const missing = spawnSync(
      'node',
      [...CAIRN, 'serve', '/no/such/folder', '--data-dir', tempDir()],
      {
        encoding: 'utf8',
      },
    );
    if (!fs.existsSync('dist/renderer/index.html')) {
      expect(missing.stderr).toMatch(/The UI is not built/);
    } else {
      expect(missing.stderr).toMatch(/No folder at \/no\/such\/folder/);
    }
    expect(missing.status).toBe(3);
  });

  it.runIf(fs.existsSync('dist/renderer/index.html'))(
    'serve prints a tokened 127.0.0.1 URL, serves it, and stops cleanly on Ctrl-C',
    async () => {
      const dataDir = tempDir();
      const child = spawn('node', [...CAIRN, 'serve', SAMPLE_WORKSPACE, '--data-dir', dataDir], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const match = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out);
          if (match?.[1]) resolve(match[1]);
        });
        child.once('exit', (code) => reject(new Error(`exited early with ${code}`)));
      });
      const { port, pathname, search } = new URL(url);
      expect((await get(Number(port), '/')).status).toBe(401);
      expect((await get(Number(port), pathname + search)).status).toBe(302);
      expect(fs.existsSync(`${dataDir}/cairn.db`)).toBe(true);
      const exit = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGINT');
      expect(await exit).toBe(0);
    },
  );
});
