import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../../electron/cli/command.ts';
import { providersCommandWith } from '../../../electron/cli/commands/providers.ts';
import { EXIT } from '../../../electron/cli/exit-codes.ts';
import { runCli } from '../../../electron/cli/main.ts';
import {
  FileSecretStore,
  FILE_STORE_WARNING,
} from '../../../electron/services/secrets/file-secret-store.ts';
import { tempDir } from '../../support/temp-dir.ts';

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

const KEY = 'sk-cli-test-0123456789';

describe('cairn providers', () => {
  it('adds, lists, stores a key read from stdin, and removes', async () => {
    const dir = tempDir('cairn-cli-providers-');
    const prompts: string[] = [];
    const command = providersCommandWith({
      readKey: (prompt) => {
        prompts.push(prompt);
        return Promise.resolve(`${KEY}\n`);
      },
    });
    const d = ['--data-dir', dir];
    const x = io();
    expect(
      await command.run(
        [
          'add',
          'openai',
          '--kind',
          'openai-compatible',
          '--tier',
          'cloud',
          '--base-url',
          'https://api.openai.com/v1',
          '--model',
          'gpt-4.1',
          '--model',
          'gpt-4.1-mini',
          ...d,
        ],
        x,
      ),
    ).toBe(EXIT.ok);
    expect(x.stdout).toEqual([
      `Added openai in ${path.join(dir, 'providers.yaml')}.`,
      'openai  openai-compatible  cloud  https://api.openai.com/v1  key: not stored',
      '  models: gpt-4.1, gpt-4.1-mini; structured output: json_schema',
      'Store its API key with: cairn providers set-key openai',
    ]);

    const k = io();
    expect(await command.run(['set-key', 'openai', ...d], k)).toBe(EXIT.ok);
    expect(prompts).toEqual(['API key for openai (https://api.openai.com/v1): ']);
    expect(k.stderr).toEqual([`Warning: ${FILE_STORE_WARNING}`]);
    expect(k.stdout).toEqual([
      'Stored the API key for openai (in a file only your user account can read).',
    ]);
    expect(new FileSecretStore(dir).get('provider-key:openai')).toBe(KEY);

    const l = io();
    expect(await command.run(['list', '--format', 'json', ...d], l)).toBe(EXIT.ok);
    expect(JSON.parse(l.stdout.join('\n'))).toEqual([
      expect.objectContaining({
        id: 'openai',
        keyStored: true,
        models: ['gpt-4.1', 'gpt-4.1-mini'],
      }),
    ]);
    expect(l.stdout.join('\n')).not.toContain(KEY);
    for (const file of fs.readdirSync(dir).filter((f) => f !== 'secrets.json')) {
      expect(fs.readFileSync(path.join(dir, file), 'utf8')).not.toContain(KEY);
    }

    const r = io();
    expect(await command.run(['remove', 'openai', ...d], r)).toBe(EXIT.ok);
    expect(r.stdout).toEqual(['Removed openai and its stored API key.']);
    expect(new FileSecretStore(dir).get('provider-key:openai')).toBeNull();
    const e = io();
    expect(await command.run(['list', ...d], e)).toBe(EXIT.ok);
    expect(e.stdout[0]).toMatch(/^No providers configured/);
  });

  it('names the flag of an invalid entry, and refuses a duplicate without --replace', async () => {
    const dir = tempDir('cairn-cli-providers-');
    const command = providersCommandWith();
    const x = io();
    const args = [
      'add',
      'box',
      '--kind',
      'openai-compatible',
      '--tier',
      'hosted',
      '--model',
      'q',
      '--data-dir',
      dir,
    ];
    expect(await command.run([...args, '--base-url', 'http://gpu-box:8000/v1'], x)).toBe(
      EXIT.failure,
    );
    expect(x.stderr).toEqual([
      '--base-url: plain http is allowed only to 127.0.0.1 or localhost; use https for gpu-box:8000',
    ]);
    expect(await command.run([...args, '--base-url', 'http://127.0.0.1:8000/v1'], io())).toBe(
      EXIT.ok,
    );
    const again = io();
    expect(await command.run([...args, '--base-url', 'http://127.0.0.1:9000/v1'], again)).toBe(
      EXIT.failure,
    );
    expect(again.stderr).toEqual([
      "A provider 'box' exists already; give --replace to replace it.",
    ]);
    expect(
      await command.run([...args, '--base-url', 'http://127.0.0.1:9000/v1', '--replace'], io()),
    ).toBe(EXIT.ok);
  });

  it('never takes a key from the command line, and needs a configured provider', async () => {
    const dir = tempDir('cairn-cli-providers-');
    const x = io();
    expect(await runCli(['providers', 'set-key', 'openai', 'sk-oops', '--data-dir', dir], x)).toBe(
      EXIT.usage,
    );
    expect(x.stderr[0]).toContain(
      'the key is read from standard input, never from the command line',
    );
    const y = io();
    const command = providersCommandWith({ readKey: () => Promise.resolve(KEY) });
    expect(await command.run(['set-key', 'nope', '--data-dir', dir], y)).toBe(EXIT.failure);
    expect(y.stderr).toEqual([
      "No provider 'nope' is configured; add it first with `cairn providers add nope …`.",
    ]);
    const z = io();
    expect(await runCli(['providers', 'add', 'x', '--data-dir', dir], z)).toBe(EXIT.usage);
    expect(z.stderr[0]).toContain('providers add needs --kind, --tier, --base-url, --model');
    expect(await runCli(['providers', '--help'], io())).toBe(EXIT.ok);
  });
});
