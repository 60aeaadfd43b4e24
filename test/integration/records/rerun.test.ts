// A re-run whose model fails still leaves its call on record, marked as a re-run, with the reason.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ModelsService } from '../../../electron/services/models/models-service.ts';
import { LocalModelPort } from '../../../electron/services/records/local-model-port.ts';
import { RecordStore } from '../../../electron/services/records/record-store.ts';
import { RerunFailedError, rerunCall } from '../../../electron/services/records/rerun.ts';
import { openDatabase } from '../../../electron/services/store/database.ts';
import { ModelRegistryStore } from '../../../electron/services/store/model-registry-store.ts';
import { sampleEnvelope } from '../../support/envelopes.ts';
import { writeTinyGguf } from '../../support/tiny-gguf.ts';
import { tempDir } from '../../support/temp-dir.ts';

const dir = tempDir('cairn-rerun-');
const db = openDatabase(path.join(dir, 'data'));
const models = new ModelsService({
  registry: new ModelRegistryStore(db),
  dataDir: path.join(dir, 'data'),
  gpu: false,
  contextSize: 2048,
});
afterAll(() => {
  models.close();
  db.close();
});

describe('rerunCall', () => {
  it('records a failed re-run with its reason and says which record holds it', async () => {
    const records = new RecordStore(db);
    const source = sampleEnvelope({ id: 'src-0001' });
    records.save(source);
    const file = writeTinyGguf({ seed: 9 }, dir);
    const { record } = await models.importFile(file);
    const port = new LocalModelPort(models, record.id, { threads: 1 });
    fs.appendFileSync(file, Buffer.alloc(32));

    const error = await rerunCall(source, port, records, {
      prices: null,
      newId: () => 'rerun-0001',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RerunFailedError);
    expect((error as Error).message).toMatch(
      /^The re-run of src-0001 failed: .*changed.* \(recorded as rerun-0001\)\.$/,
    );
    expect(records.get('rerun-0001')).toMatchObject({
      rerunOf: 'src-0001',
      runId: null,
      passId: 'clarify',
      messages: source.messages,
      params: source.params,
      model: { sha256: record.sha256 },
      output: { text: '', json: null },
      error: expect.stringMatching(/changed/),
      tokens: { input: 0, output: 0 },
    });
  });
});
