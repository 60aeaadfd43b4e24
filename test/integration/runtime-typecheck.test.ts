// Each runtime type-checks on its own: renderer code cannot even compile against Node, and
// the pure domain compiles against neither Node nor the DOM.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const probes: string[] = [];
afterAll(() => probes.forEach((p) => fs.rmSync(p, { recursive: true, force: true })));

/** Type-checks one probe file under the given project's compiler options. */
function typecheck(project: 'renderer' | 'workflows', code: string): string {
  const dir = fs.mkdtempSync(path.join(project, '.typecheck-probe-'));
  probes.push(dir);
  fs.writeFileSync(path.join(dir, 'probe.ts'), code);
  fs.writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({ extends: '../tsconfig.json', include: ['probe.ts'] }),
  );
  const tsc = 'node_modules/typescript/bin/tsc';
  const result = spawnSync(process.execPath, [tsc, '-p', dir], { encoding: 'utf8' });
  return result.stdout + result.stderr;
}

describe('per-runtime type-checking', () => {
  it('rejects Node in the renderer', () => {
    expect(typecheck('renderer', 'export const cwd = process.cwd();\n')).toMatch(
      /Cannot find name 'process'/,
    );
  });

  it('accepts the DOM in the renderer', () => {
    expect(typecheck('renderer', 'export const el = document.createElement("div");\n')).toBe('');
  });

  it('rejects the DOM and Node in workflows/', () => {
    const out = typecheck(
      'workflows',
      'export const a = document.title;\nexport const b = Buffer.from("x");\n',
    );
    expect(out).toMatch(/Cannot find name 'document'/);
    expect(out).toMatch(/Cannot find name 'Buffer'/);
  });
});
