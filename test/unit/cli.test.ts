import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../electron/cli/command.ts';
import { EXIT } from '../../electron/cli/exit-codes.ts';
import { runCli } from '../../electron/cli/main.ts';
import { tempDir } from '../support/temp-dir.ts';

function io(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (l) => stdout.push(l),
    err: (l) => stderr.push(l),
    env: {},
    cwd: process.cwd(),
    stopped: new Promise(() => {}),
  };
}

describe('cairn command line', () => {
  it('prints help listing the commands and the exit codes', async () => {
    const x = io();
    expect(await runCli(['--help'], x)).toBe(EXIT.ok);
    expect(x.stdout.join('\n')).toMatch(/serve\s+Serve the Cairn UI/);
    expect(x.stdout.join('\n')).toMatch(/Exit codes: 0 ok, 1 findings, 2 usage error, 3 failure/);
  });

  it('prints the package version', async () => {
    const x = io();
    expect(await runCli(['--version'], x)).toBe(EXIT.ok);
    expect(x.stdout[0]).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('exits 2 with a hint on an unknown command or no command', async () => {
    const x = io();
    expect(await runCli(['frobnicate'], x)).toBe(EXIT.usage);
    expect(x.stderr[0]).toBe(
      "cairn: unknown command 'frobnicate'. Run `cairn --help` for the list.",
    );
    expect(await runCli([], io())).toBe(EXIT.usage);
  });

  it('shows a command’s own help', async () => {
    const x = io();
    expect(await runCli(['serve', '--help'], x)).toBe(EXIT.ok);
    expect(x.stdout.join('\n')).toMatch(/Usage: cairn serve \[workspace\]/);
  });

  it.each([
    [['serve', '--port', 'abc'], /--port must be a whole number from 0 to 65535, got 'abc'/],
    [['serve', '--port', '70000'], /--port must be a whole number/],
    [['serve', '--bogus'], /Unknown option '--bogus'/],
    [['serve', 'a', 'b'], /one workspace folder, got 2/],
    // Every command with --format takes text or json, checked before anything is opened.
    ...[['items'], ['consent'], ['budgets'], ['runs'], ['providers', 'list']].map(
      (command): [string[], RegExp] => [
        [...command, '--format', 'xml'],
        /--format must be text or json, got 'xml'/,
      ],
    ),
  ])('refuses bad flags %j with exit 2', async (args, message) => {
    const x = io();
    expect(await runCli(args, x)).toBe(EXIT.usage);
    expect(x.stderr.join('\n')).toMatch(message);
  });
});

describe('bin/cairn.mjs', () => {
  // The launcher, copied into a scratch checkout whose bundle and sources only say which ran.
  const root = tempDir('cairn-bin-');
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  };
  write('bin/cairn.mjs', fs.readFileSync('bin/cairn.mjs', 'utf8'));
  write('electron/cli/entry.ts', "console.log('sources');");
  write('electron/cli/other.ts', 'export {};');
  write('dist/cli/cairn.mjs', "console.log('bundle');");
  fs.symlinkSync(path.resolve('node_modules'), path.join(root, 'node_modules'));
  const beforeBuild = new Date(Date.now() - 60_000);
  for (const file of ['electron/cli/entry.ts', 'electron/cli/other.ts']) {
    fs.utimesSync(path.join(root, file), beforeBuild, beforeBuild);
  }
  const manifest = JSON.stringify({
    startedAt: Date.now() - 30_000,
    sources: ['electron/cli/entry.ts', 'electron/cli/other.ts'],
  });
  const cairn = (env: NodeJS.ProcessEnv = {}) =>
    spawnSync(process.execPath, [path.join(root, 'bin/cairn.mjs')], {
      encoding: 'utf8',
      env: { ...process.env, CAIRN_FROM_SOURCE: '', ...env },
    }).stdout.trim();

  it('runs the bundle only while no source it lists changed since the build began', () => {
    write('dist/cli/sources.json', manifest);
    expect(cairn()).toBe('bundle');
    expect(cairn({ CAIRN_FROM_SOURCE: '1' })).toBe('sources');

    fs.utimesSync(path.join(root, 'electron/cli/other.ts'), new Date(), new Date());
    expect(cairn()).toBe('sources');
    fs.utimesSync(path.join(root, 'electron/cli/other.ts'), beforeBuild, beforeBuild);
    expect(cairn()).toBe('bundle');

    fs.renameSync(path.join(root, 'electron/cli/other.ts'), path.join(root, 'other.ts'));
    expect(cairn()).toBe('sources');
    fs.renameSync(path.join(root, 'other.ts'), path.join(root, 'electron/cli/other.ts'));

    fs.rmSync(path.join(root, 'dist/cli/sources.json'));
    expect(cairn()).toBe('sources');
  }, 30_000);
});
