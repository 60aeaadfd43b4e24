import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../electron/cli/command.ts';
import { EXIT } from '../../electron/cli/exit-codes.ts';
import { runCli } from '../../electron/cli/main.ts';

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
  ])('refuses bad flags %j with exit 2', async (args, message) => {
    const x = io();
    expect(await runCli(args, x)).toBe(EXIT.usage);
    expect(x.stderr.join('\n')).toMatch(message);
  });
});
