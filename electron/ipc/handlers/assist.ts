// Handlers of the assist.* channels (contract/assist.ts): thin wrappers over AssistService.
// A stream emits `started`, the model's text as it comes, then one result event (or why there
// is none); stopping the subscription aborts the model call and cancels the run.
import type { Core } from '../../services/core.ts';
import {
  AssistService,
  type AssistRequest,
  type RunOutcome,
} from '../../services/assist/assist-service.ts';
import type { AssistAction } from '../../services/assist/assist-workflows.ts';
import type { Handlers } from '../dispatch.ts';
import { modelsFailure } from './models.ts';

type AssistChannel =
  | 'assist.sections'
  | 'assist.draftSection'
  | 'assist.clarify'
  | 'assist.earsRewrite'
  | 'assist.decide'
  | 'assist.answer';

/** The events every assist stream has besides its result. */
type CommonEvent =
  | { type: 'started'; runId: string }
  | { type: 'text'; chunk: string }
  | { type: 'waiting'; runId: string; message: string }
  | { type: 'error'; error: { code: string; message: string } };

type Done = Extract<RunOutcome, { kind: 'done' }>;

export function createAssistHandlers(core: Core): Pick<Handlers, AssistChannel> {
  const service = () => new AssistService(core.workflows.workflows);

  /** Runs the pass and returns its finished run, or emits why there is none and returns null. */
  const run = async (
    assist: AssistService,
    action: AssistAction,
    input: Omit<AssistRequest, 'root'>,
    emit: (event: CommonEvent) => void,
    signal: AbortSignal,
  ): Promise<Done | null> => {
    let outcome: RunOutcome;
    const text = coalesced((chunk) => emit({ type: 'text', chunk }));
    try {
      outcome = await assist.run(
        action,
        { root: core.requireWorkspace().root, ...input },
        { signal, onStarted: (runId) => emit({ type: 'started', runId }), onText: text.add },
      );
    } catch (error) {
      throw modelsFailure(error);
    } finally {
      text.flush();
    }
    if (outcome.kind === 'waiting') {
      emit({ type: 'waiting', runId: outcome.runId, message: outcome.message });
    } else if (outcome.kind === 'failed') {
      emit({ type: 'error', error: { code: 'internal', message: outcome.message } });
    }
    return outcome.kind === 'done' ? outcome : null;
  };

  /** A stream handler: the run's common events, then `result` of a finished run. */
  const stream =
    <R>(action: AssistAction, result: (done: Done, assist: AssistService, path: string) => R) =>
    async (
      input: Omit<AssistRequest, 'root'>,
      emit: (event: CommonEvent | R) => void,
      signal: AbortSignal,
    ) => {
      const assist = service();
      const done = await run(assist, action, input, emit, signal);
      if (done) emit(result(done, assist, input.path));
    };

  return {
    'assist.sections': ({ path }) => ({
      path,
      ...service().sections(core.requireWorkspace().root, path),
    }),
    'assist.draftSection': stream('draft', (done, assist, path) => ({
      type: 'draft' as const,
      runId: done.runId,
      path,
      ...assist.draftProposal(done),
    })),
    'assist.clarify': stream('clarify', (done, assist, path) => ({
      type: 'questions' as const,
      runId: done.runId,
      path,
      questions: assist.questions(done),
    })),
    'assist.earsRewrite': stream('ears', (done, assist, path) => ({
      type: 'rewrites' as const,
      runId: done.runId,
      path,
      ...assist.earsProposals(done),
    })),
    'assist.decide': async ({ changeId, accept }) => ({
      changeId,
      ...(await service().decide(changeId, accept)),
    }),
    'assist.answer': ({ runId, answers }) => service().answer(runId, answers),
  };
}

/** Text is sent at most every this many ms: a fast model must not flood the UI with messages. */
const TEXT_EVERY_MS = 25;

/** Joins the chunks that arrive within TEXT_EVERY_MS into one; `flush` sends what waits. */
function coalesced(send: (chunk: string) => void) {
  let waiting = '';
  let timer: NodeJS.Timeout | null = null;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (waiting === '') return;
    const chunk = waiting;
    waiting = '';
    send(chunk);
  };
  return {
    add(chunk: string) {
      waiting += chunk;
      timer ??= setTimeout(flush, TEXT_EVERY_MS);
    },
    flush,
  };
}
