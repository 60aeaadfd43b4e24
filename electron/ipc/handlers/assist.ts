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
    try {
      outcome = await assist.run(
        action,
        { root: core.requireWorkspace().root, ...input },
        {
          signal,
          onStarted: (runId) => emit({ type: 'started', runId }),
          onText: (chunk) => emit({ type: 'text', chunk }),
        },
      );
    } catch (error) {
      throw modelsFailure(error);
    }
    if (outcome.kind === 'waiting') {
      emit({ type: 'waiting', runId: outcome.runId, message: outcome.message });
    } else if (outcome.kind === 'failed') {
      emit({ type: 'error', error: { code: 'internal', message: outcome.message } });
    }
    return outcome.kind === 'done' ? outcome : null;
  };

  return {
    'assist.sections': ({ path }) => ({
      path,
      ...service().sections(core.requireWorkspace().root, path),
    }),
    'assist.draftSection': async (input, emit, signal) => {
      const assist = service();
      const done = await run(assist, 'draft', input, emit, signal);
      if (done) {
        emit({ type: 'draft', runId: done.runId, path: input.path, ...assist.draftProposal(done) });
      }
    },
    'assist.clarify': async (input, emit, signal) => {
      const assist = service();
      const done = await run(assist, 'clarify', input, emit, signal);
      if (done) {
        emit({
          type: 'questions',
          runId: done.runId,
          path: input.path,
          questions: assist.questions(done),
        });
      }
    },
    'assist.earsRewrite': async (input, emit, signal) => {
      const assist = service();
      const done = await run(assist, 'ears', input, emit, signal);
      if (done) {
        emit({
          type: 'rewrites',
          runId: done.runId,
          path: input.path,
          ...assist.earsProposals(done),
        });
      }
    },
    'assist.decide': async ({ changeId, accept }) => ({
      changeId,
      ...(await service().decide(changeId, accept)),
    }),
    'assist.answer': ({ runId, answers }) => service().answer(runId, answers),
  };
}
