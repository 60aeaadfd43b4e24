// README.md's two quick-start commands are what a newcomer types; CI must run the same test
// command (see .ci/run). This keeps the three from drifting apart.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';

const readme = fs.readFileSync('README.md', 'utf8');
const ci = fs.readFileSync('.ci/run', 'utf8');

function quickStartCommands(): string[] {
  const block = /```(?:sh|bash)\n([\s\S]*?)```/.exec(readme);
  return (block?.[1] ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

describe('README quick start', () => {
  it('opens with a run command and a test command', () => {
    const [run, test] = quickStartCommands();
    expect(run).toBe('npm ci && npm start');
    expect(test).toBe('npm ci && npm test');
  });

  it('is what .ci/run runs', () => {
    const [, test] = quickStartCommands();
    expect(ci).toContain(test);
  });
});
