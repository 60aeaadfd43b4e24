// Re-run: send a recorded call's exact messages and parameters (schema, seed, temperature,
// token limit) to another model, record that call with `rerunOf`, and compare the two outputs
// field by field. This is how a user evaluates a model on their own specs.
import { randomUUID } from 'node:crypto';
import type {
  ModelGenerateResult,
  ModelPort,
  RecordPort,
} from '../../../workflows/engine/ports.ts';
import { buildEnvelope } from '../../../workflows/records/build-envelope.ts';
import { cacheKey } from '../../../workflows/records/cache-key.ts';
import {
  compareOutputs,
  type OutputComparison,
} from '../../../workflows/records/compare-outputs.ts';
import type { Envelope } from '../../../workflows/records/envelope.ts';
import { costOf, zeroCost, type PriceTable } from '../../../workflows/records/price-table.ts';
import type { ModelRecord } from '../../../native-models/registry/registry-port.ts';
import type { ModelsService } from '../models/models-service.ts';
import { LocalModelPort } from './local-model-port.ts';
import { loadPriceTable } from './price-table-file.ts';
import type { RecordStore } from './record-store.ts';

export interface RerunOptions {
  prices: PriceTable | null;
  newId?: () => string;
  now?: () => Date;
  onText?: (chunk: string) => void;
  signal?: AbortSignal;
}

export interface RerunOutcome {
  source: Envelope;
  /** The new call, as recorded. */
  envelope: Envelope;
  comparison: OutputComparison;
}

export class RerunFailedError extends Error {
  override name = 'RerunFailedError';
  constructor(
    message: string,
    readonly envelope: Envelope,
  ) {
    super(message);
  }
}

/**
 * The new call keeps the source's pass and work item (so their totals show what evaluating
 * cost) but belongs to no run: a run's record stays what the run did.
 */
export async function rerunCall(
  source: Envelope,
  model: ModelPort,
  records: RecordPort,
  options: RerunOptions,
): Promise<RerunOutcome> {
  const now = options.now ?? (() => new Date());
  const request = {
    messages: source.messages,
    jsonSchema: source.params.jsonSchema,
    maxTokens: source.params.maxTokens,
    temperature: source.params.temperature,
    topP: source.params.topP,
    seed: source.params.seed,
  };
  const identity = await model.describe();
  // An unpriced cloud model fails here, before anything is spent.
  costOf(
    identity,
    { input: 0, cachedInput: 0, cacheWrite: 0, output: 0, reasoning: 0 },
    options.prices,
  );
  const started = Date.now();
  let result: ModelGenerateResult | null = null;
  let error: string | null = null;
  try {
    result = await model.generate({ ...request, onText: options.onText, signal: options.signal });
  } catch (e) {
    error = (e as Error).message;
  }
  const envelope = buildEnvelope({
    id: (options.newId ?? randomUUID)(),
    createdAt: now().toISOString(),
    runId: null,
    passId: source.passId,
    workItemId: source.workItemId,
    request,
    schemaName: source.params.schemaName,
    identity,
    result,
    error,
    elapsedMs: Date.now() - started,
    cost: result
      ? costOf(result.identity, result.tokens, options.prices)
      : zeroCost(options.prices),
    cacheKey: cacheKey(request, identity),
    retrieved: source.retrieved,
    rerunOf: source.id,
  });
  records.save(envelope);
  if (!result) {
    throw new RerunFailedError(
      `The re-run of ${source.id} failed: ${error} (recorded as ${envelope.id}).`,
      envelope,
    );
  }
  return { source, envelope, comparison: compareOutputs(source.output, envelope.output) };
}

export interface LocalRerun {
  source: Envelope;
  /** The registered on-device model the call will be re-run on. */
  model: ModelRecord;
  run(options?: Pick<RerunOptions, 'onText' | 'signal'>): Promise<RerunOutcome>;
}

/**
 * A re-run of a recorded call on a registered on-device model, as `cairn rerun` and the Records
 * view make it: the source is looked up (an id or a unique prefix), then the price table of the
 * data folder, then the model, so each failure names what is wrong before anything runs.
 */
export function localRerun(options: {
  records: RecordStore;
  models: ModelsService;
  dataDir: string;
  sourceId: string;
  modelId: string;
}): LocalRerun {
  const source = options.records.get(options.sourceId);
  const { table } = loadPriceTable(options.dataDir);
  const port = new LocalModelPort(options.models, options.modelId);
  return {
    source,
    model: port.record,
    run: (run = {}) => rerunCall(source, port, options.records, { prices: table, ...run }),
  };
}
