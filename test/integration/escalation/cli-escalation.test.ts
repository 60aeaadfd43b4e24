// The escalation journey on the real CLI: a provider and its key, a workspace that routes the
// review summary to the team's server, a run that stops to ask, the exact request shown,
// approved, sent to a fake OpenAI-compatible server on 127.0.0.1, and the egress log after.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../../support/fake-openai-server.ts';
import { runProcess } from '../../support/run-process.ts';
import { tempDir } from '../../support/temp-dir.ts';
import { openHarness, REPO, type Harness } from '../../support/workflow-harness.ts';

const KEY = 'sk-test-cli-escalation-abcdef0123456789';
const dir = tempDir('cairn-cli-escalation-');
let h: Harness;
let server: FakeOpenAiServer;

beforeAll(async () => {
  h = await openHarness(dir);
  h.close();
  server = await startFakeOpenAiServer({ apiKey: KEY });
  fs.writeFileSync(
    path.join(h.workspace, '.cairn', 'config.yaml'),
    [
      'version: 1',
      'routing:',
      '  cloud: forbidden',
      '  passes:',
      '    summary: hosted',
      '  hosted_model:',
      '    provider: org-vllm',
      '    model: qwen2.5-7b-instruct',
      '',
    ].join('\n'),
  );
});
afterAll(() => server.close());

function cairn(...args: string[]) {
  return runProcess(
    process.execPath,
    [path.join(REPO, 'bin/cairn.mjs'), ...args, '--data-dir', h.dataDir],
    REPO,
  );
}

describe('escalating a pass from the command line', () => {
  it('asks before sending, sends exactly what it showed, and logs it', async () => {
    const added = await cairn(
      'providers',
      'add',
      'org-vllm',
      '--kind',
      'openai-compatible',
      '--tier',
      'hosted',
      '--base-url',
      server.baseUrl,
      '--model',
      'qwen2.5-7b-instruct',
    );
    expect(added.code).toBe(0);
    const setKey = await runProcess(
      'bash',
      [
        '-c',
        `printf %s '${KEY}' | '${process.execPath}' '${path.join(REPO, 'bin/cairn.mjs')}' providers set-key org-vllm --data-dir '${h.dataDir}'`,
      ],
      REPO,
    );
    expect(setKey.code).toBe(0);

    const run = await cairn('run', 'spec-review', '--model', h.modelId, '--workspace', h.workspace);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/: deferred/);
    expect(run.stdout).toContain('waits for your consent');
    expect(server.requests).toHaveLength(0);
    const runId = /Run (RUN-[0-9A-Z]{8})/.exec(run.stdout)![1]!;

    const list = await cairn('consent', 'list', '--format', 'json');
    const [request] = JSON.parse(list.stdout) as {
      id: string;
      destination: string;
      body: unknown;
    }[];
    expect(request!.destination).toBe(`${server.baseUrl}/chat/completions`);
    const shown = await cairn('consent', 'show', request!.id);
    expect(shown.stdout).toContain('body (exactly as it will be sent):');
    expect(shown.stdout).toContain('"model": "qwen2.5-7b-instruct"');

    expect((await cairn('consent', 'approve', request!.id)).code).toBe(0);
    const resumed = await cairn('run', '--resume', runId);
    expect(resumed.stdout).toContain(`Run ${runId} (spec-review): waiting`);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.body).toEqual(request!.body);
    expect(server.requests[0]!.rawBody).not.toContain(KEY);

    const log = await cairn('consent', 'log');
    expect(log.stdout).toMatch(new RegExp(`sent  org-vllm qwen2.5-7b-instruct  ${server.baseUrl}`));
    expect(log.stdout).toMatch(
      /request EGR-[0-9A-Z]+, consent CNS-[0-9A-Z]+, record CALL-[0-9A-Z]+/,
    );
  });
});
