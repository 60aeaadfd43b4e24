// Rows damaged in the database (a hand edit, a disk fault) are reported for what they are.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqliteEgressStore } from '../../../electron/services/egress/egress-store.ts';
import { openDatabase, StoreError } from '../../../electron/services/store/database.ts';
import { RunStore } from '../../../electron/services/workflows/run-store.ts';
import { tempDir } from '../../support/temp-dir.ts';

describe('damaged rows', () => {
  it('name the run or the request and what in it is damaged', () => {
    const db = openDatabase(path.join(tempDir('cairn-stored-rows-'), 'data'));
    const stamp = new Date().toISOString();
    db.prepare(
      `INSERT INTO runs (id, workflow_id, definition, workspace_root, status, created_at, updated_at)
       VALUES ('RUN-DAMAGED1', 'x', '{"id": "x"}', '/w', 'running', ?, ?)`,
    ).run(stamp, stamp);
    const runs = new RunStore(db);
    expect(() => runs.getRun('RUN-DAMAGED1')).toThrow(StoreError);
    expect(() => runs.getRun('RUN-DAMAGED1')).toThrow(
      /The stored workflow of run RUN-DAMAGED1 is damaged/,
    );

    db.prepare(
      `INSERT INTO egress_requests (id, created_at, workspace_root, provider_id, tier, model,
         destination, body, payload_hash, redaction, estimate, reason, status)
       VALUES ('EGR-DAMAGED1', ?, '/w', 'p', 'hosted', 'm', 'http://127.0.0.1/v1', '{}', 'h',
         '{"counts": {}}', '{}', 'test', 'pending')`,
    ).run(stamp);
    expect(() => new SqliteEgressStore(db).getRequest('EGR-DAMAGED1')).toThrow(
      /The stored redaction report of EGR-DAMAGED1 is damaged/,
    );
    db.close();
  });
});
