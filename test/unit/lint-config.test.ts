// Proves that the project's real ESLint configuration (the one `npm run lint` uses) fails on
// a deliberate layering violation, through the API and through the eslint command itself.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const exec = promisify(execFile);

describe('npm run lint and the layering', () => {
  const eslint = new ESLint({ cwd: process.cwd() });

  async function layeringMessages(filePath: string, code: string): Promise<string[]> {
    const [result] = await eslint.lintText(code, { filePath });
    return (result?.messages ?? [])
      .filter((m) => m.ruleId === 'cairn/layering')
      .map((m) => m.message);
  }

  it('fails a renderer file that imports Node', async () => {
    expect(
      await layeringMessages(
        'renderer/src/violation.ts',
        "import fs from 'node:fs';\nexport const x = fs;\n",
      ),
    ).toEqual([expect.stringMatching(/renderer may not import the Node module 'node:fs'/)]);
  });

  it('fails a workflows file that imports Electron or the store', async () => {
    const messages = await layeringMessages(
      'workflows/violation.ts',
      "import { app } from 'electron';\nimport Db from 'better-sqlite3';\nexport const x = [app, Db];\n",
    );
    expect(messages).toHaveLength(2);
  });

  it('fails network access outside native-models/routing/', async () => {
    expect(
      await layeringMessages(
        'electron/services/leak.ts',
        "export const leak = () => fetch('https://api.example.com');\n",
      ),
    ).toEqual([expect.stringMatching(/'fetch' opens network connections/)]);
  });

  it('passes the same import where the design allows it', async () => {
    expect(
      await layeringMessages(
        'electron/services/ok.ts',
        "import fs from 'node:fs';\nexport const x = fs;\n",
      ),
    ).toEqual([]);
  });

  it('makes the eslint command exit non-zero on a violation', async () => {
    const child = exec(
      'npx',
      ['eslint', '--stdin', '--stdin-filename', 'renderer/src/violation.ts'],
      {
        cwd: process.cwd(),
      },
    );
    child.child.stdin?.end(
      "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n",
    );
    const failure = await child.then(
      () => null,
      (error: { code: number; stdout: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stdout).toMatch(/cairn\/layering/);
  });
});
