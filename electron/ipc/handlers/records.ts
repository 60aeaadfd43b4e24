// Handlers of the records.* channels (contract/records.ts), on the record store the engine writes
// to, the consent queue and egress log, and on-device models for re-runs (the same localRerun
// as `cairn rerun`).
import { compareOutputs } from '../../../workflows/records/compare-outputs.ts';
import type { Envelope } from '../../../workflows/records/envelope.ts';
import type { Core } from '../../services/core.ts';
import { SqliteEgressStore } from '../../services/egress/egress-store.ts';
import { LOCAL_PROVIDER } from '../../services/records/local-model-port.ts';
import { PriceTableError } from '../../services/records/price-table-file.ts';
import { AmbiguousRecordError, RecordNotFoundError } from '../../services/records/record-store.ts';
import { InvalidCursorError, RecordQuery } from '../../services/records/record-query.ts';
import { localRerun, RerunFailedError } from '../../services/records/rerun.ts';
import type { RecordComparison, RecordDetail, recordChannels } from '../contract/records.ts';
import type { Handlers } from '../dispatch.ts';
import { CairnFailure } from '../failure.ts';
import { modelsFailure } from './models.ts';

type RecordHandlers = Pick<Handlers, keyof typeof recordChannels>;

export const DEFAULT_PAGE_SIZE = 50;
/** How often streamed text of a re-run goes to the UI: a few times a second is enough to read. */
const TEXT_FLUSH_MS = 100;

function recordsFailure(error: unknown): unknown {
  if (error instanceof RecordNotFoundError) return new CairnFailure('not_found', error.message);
  if (error instanceof AmbiguousRecordError || error instanceof InvalidCursorError)
    return new CairnFailure('invalid_input', error.message);
  if (error instanceof PriceTableError) return new CairnFailure('corrupt', error.message);
  return modelsFailure(error);
}

function mapped<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw recordsFailure(error);
  }
}

/** Collects streamed text and hands it on at most every TEXT_FLUSH_MS. */
function textBatcher(send: (text: string) => void) {
  let pending = '';
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (pending) send(pending);
    pending = '';
  };
  return {
    push(text: string) {
      pending += text;
      timer ??= setTimeout(flush, TEXT_FLUSH_MS);
    },
    flush,
  };
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function createRecordHandlers(core: Core): RecordHandlers {
  const query = new RecordQuery(core.db);
  const egress = new SqliteEgressStore(core.db);
  const records = () => core.workflows.records;

  /** Registered names of on-device models, by the `provider/name` the records hold. */
  const localNames = (): Map<string, string> =>
    new Map(core.models.list().map((m) => [`${LOCAL_PROVIDER}/${m.id}`, m.summary.name]));

  const detail = (envelope: Envelope, names = localNames()): RecordDetail => {
    const request = envelope.model.tier === 'local' ? null : egress.findByCallId(envelope.id);
    return {
      envelope,
      modelName: names.get(`${envelope.model.provider}/${envelope.model.name}`) ?? null,
      egress: request && {
        requestId: request.id,
        consentId: request.consentId,
        providerId: request.providerId,
        destination: request.destination,
        status: request.status,
        sentAt: request.sentAt,
        reason: request.reason,
      },
    };
  };

  const compare = (source: Envelope, other: Envelope): RecordComparison => {
    const names = localNames();
    return {
      source: detail(source, names),
      other: detail(other, names),
      sameMessages: sameJson(source.messages, other.messages),
      sameParams: sameJson(source.params, other.params),
      comparison: compareOutputs(source.output, other.output),
    };
  };

  return {
    'records.list': ({ after, limit, ...filter }) =>
      mapped(() => {
        const page = query.page(filter, { after, limit: limit ?? DEFAULT_PAGE_SIZE });
        const names = localNames();
        return {
          ...page,
          records: page.records.map((r) => ({ ...r, modelName: names.get(r.model) ?? null })),
        };
      }),
    'records.facets': () =>
      mapped(() => {
        const facets = query.facets();
        const names = localNames();
        return {
          ...facets,
          models: facets.models.map((m) => ({
            ...m,
            name:
              names.get(m.model) ??
              (m.tier === 'local'
                ? `${m.model.slice(LOCAL_PROVIDER.length + 1)} (no longer installed)`
                : m.model),
          })),
        };
      }),
    'records.get': ({ id }) => mapped(() => detail(records().get(id))),
    'records.compare': ({ sourceId, otherId }) =>
      mapped(() => compare(records().get(sourceId), records().get(otherId))),
    'records.rerun': async ({ id, modelId }, emit, signal) => {
      const rerun = mapped(() =>
        localRerun({
          records: records(),
          models: core.models,
          dataDir: core.dataDir,
          sourceId: id,
          modelId,
        }),
      );
      emit({
        type: 'started',
        sourceId: rerun.source.id,
        model: { id: rerun.model.id, name: rerun.model.summary.name },
      });
      const text = textBatcher((chunk) => emit({ type: 'text', text: chunk }));
      try {
        const outcome = await rerun.run({ signal, onText: text.push });
        text.flush();
        emit({ type: 'done', result: compare(outcome.source, outcome.envelope) });
      } catch (error) {
        text.flush();
        if (!(error instanceof RerunFailedError)) throw recordsFailure(error);
        emit({
          type: 'error',
          error: { code: 'internal', message: error.message },
          recordId: error.envelope.id,
        });
      }
    },
  };
}
