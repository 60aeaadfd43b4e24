// A workspace in a real git repository with drift in it, made with native git as the drift
// integration tests do: the sample workspace plus a second spec (sync), then commits that change
// code both specs cover, and a test citing a requirement no spec defines (REQ-GH0ST1).
import fs from 'node:fs';
import { commitAll, git, writeFiles } from './native-git.ts';
import { SAMPLE_WORKSPACE } from './temp-dir.ts';

export const SYNC_SPEC = 'specs/sync/requirements.md';
export const REVIEW_SPEC = 'specs/offline-review/requirements.md';

const syncSpec = `---
id: SPEC-sync
title: Sync — requirements
type: requirements
status: draft
owners: [lee.park]
covers:
  - src/sync/**
---

# Sync — requirements

## Requirements

### REQ-5YNC01: Batch uploads

When more than ten comments wait, the app shall send them in one request.

#### Scenario: Eleven comments

- WHEN eleven comments wait in the outbox
- THEN the app sends them in one request

### REQ-5YNC02: Back off when the server is busy

When the server answers 503, the app shall wait before it sends again.
`;

export interface DriftRepo {
  dir: string;
  /** Commit IDs by what they did. */
  commits: { first: string; retry: string; batch: string; engine: string };
}

export function makeDriftRepo(dir: string): DriftRepo {
  fs.cpSync(SAMPLE_WORKSPACE, dir, { recursive: true });
  writeFiles(dir, {
    [SYNC_SPEC]: syncSpec,
    'src/sync/engine.ts': '// Sends queued comments. Implements REQ-5YNC01.\n',
    // REQ-GH0ST1 is defined nowhere: a finding tied to no spec.
    'test/sync.test.ts': '// Covers REQ-5YNC01 and REQ-GH0ST1.\n',
  });
  git(dir, 'init', '--quiet', '--initial-branch=main');
  const first = commitAll(dir, 'Specs and first code', 'Maya');
  writeFiles(dir, {
    'src/review/outbox.ts': '// Retries with backoff. Implements REQ-9F3TXA.\n',
  });
  const retry = commitAll(dir, 'Retry with backoff', 'Ravi');
  writeFiles(dir, { 'src/sync/engine.ts': '// Sends in batches of ten. Implements REQ-5YNC01.\n' });
  const batch = commitAll(dir, 'Send comments in batches', 'Lee');
  writeFiles(dir, {
    'src/sync/engine.ts': '// Sends in batches of ten; waits on 503. Implements REQ-5YNC01.\n',
  });
  const engine = commitAll(dir, 'Wait when the server is busy', 'Lee');
  return { dir, commits: { first, retry, batch, engine } };
}
