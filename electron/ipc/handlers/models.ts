// Handlers of the models.* channels (contract/models.ts). Failures become CairnFailures with a
// code the UI can act on and the service's own message, which says what to do.
import { GrammarSchemaError } from '../../../native-models/local/json-schema-grammar.ts';
import { WorkerRequestError } from '../../../native-models/local/inference-client.ts';
import { GgufFormatError } from '../../../native-models/registry/gguf-header.ts';
import type { ModelRecord } from '../../../native-models/registry/registry-port.ts';
import { DownloadError } from '../../../native-models/routing/model-download.ts';
import type { Core } from '../../services/core.ts';
import { ModelFileChangedError, ModelNotFoundError } from '../../services/models/models-service.ts';
import type { LocalModel } from '../contract/models.ts';
import type { CairnError } from '../contract.ts';
import type { Handlers } from '../dispatch.ts';
import { CairnFailure } from '../failure.ts';

type ModelChannel =
  | 'models.hardware'
  | 'models.list'
  | 'models.import'
  | 'models.remove'
  | 'models.catalog'
  | 'models.calibrate'
  | 'models.download'
  | 'models.generate';

export function toLocalModel(record: ModelRecord): LocalModel {
  return {
    id: record.id,
    sha256: record.sha256,
    name: record.summary.name,
    path: record.path,
    sizeBytes: record.sizeBytes,
    source: record.source,
    catalogId: record.catalogId,
    architecture: record.summary.architecture,
    quantization: record.summary.quantization,
    parameterCount: record.summary.parameterCount,
    contextLength: record.summary.contextLength,
    addedAt: record.addedAt,
  };
}

function codeFor(error: unknown): CairnError['code'] {
  if (error instanceof ModelNotFoundError || error instanceof ModelFileChangedError)
    return 'not_found';
  if (error instanceof GgufFormatError || error instanceof GrammarSchemaError)
    return 'invalid_input';
  if (error instanceof WorkerRequestError) {
    return error.kind === 'grammar' || error.kind === 'invalid_request'
      ? 'invalid_input'
      : 'internal';
  }
  if (error instanceof DownloadError) {
    if (error.problem === 'insecure_url') return 'forbidden';
    return error.problem === 'disk' ? 'internal' : 'transport';
  }
  // WorkerCrashError and the rest: their messages already say what happened and what to do.
  return 'internal';
}

/** Wraps a model failure so that its message reaches the UI as it is. */
export function modelsFailure(error: unknown): unknown {
  if (error instanceof CairnFailure || !(error instanceof Error)) return error;
  return new CairnFailure(codeFor(error), error.message);
}

async function mapped<T>(work: () => Promise<T> | T): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw modelsFailure(error);
  }
}

export function createModelHandlers(core: Core): Pick<Handlers, ModelChannel> {
  return {
    'models.hardware': ({ refresh }) => mapped(() => core.models.hardware(refresh ?? false)),
    'models.list': () => mapped(() => ({ models: core.models.list().map(toLocalModel) })),
    'models.import': ({ path }) =>
      mapped(async () => {
        const { record, alreadyKnown } = await core.models.importFile(path);
        return { model: toLocalModel(record), alreadyPresent: alreadyKnown };
      }),
    'models.remove': ({ modelId }) =>
      mapped(async () => {
        const { record, file } = await core.models.remove(modelId);
        return { model: toLocalModel(record), file };
      }),
    'models.catalog': () =>
      mapped(async () => ({
        models: (await core.models.catalogWithFit()).map(({ entry, fit, model }) => ({
          id: entry.id,
          name: entry.name,
          publisher: entry.publisher,
          parameters: entry.parameters,
          quantization: entry.quantization,
          sizeBytes: entry.sizeBytes,
          sizeIsExact: entry.sizeIsExact,
          url: entry.url,
          sha256: entry.sha256,
          hashSource: entry.hashSource,
          license: entry.license,
          notes: entry.notes,
          fit,
          downloadedModelId: model?.id ?? null,
        })),
      })),
    'models.calibrate': ({ modelId }) => mapped(() => core.models.calibrate(modelId)),
    'models.download': ({ catalogId }, emit, signal) =>
      mapped(async () => {
        const entry = core.models.findCatalogEntry(catalogId);
        emit({ type: 'fit', fit: await core.models.fitFor(entry) });
        const { record, download } = await core.models.download(catalogId, {
          signal,
          onProgress: (progress) => emit({ type: 'progress', ...progress }),
        });
        emit({ type: 'done', model: toLocalModel(record), alreadyPresent: download === null });
      }),
    'models.generate': ({ modelId, ...params }, emit, signal) =>
      mapped(async () => {
        const result = await core.models.generate(modelId, params, {
          signal,
          onChunk: (text) => emit({ type: 'token', text }),
        });
        emit({ type: 'done', result });
      }),
  };
}
