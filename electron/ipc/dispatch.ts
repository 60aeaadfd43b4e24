// The single entry point through which every host (Electron IPC, WebSocket) reaches a handler.
// Input is validated before the handler runs; whatever goes wrong comes back as a typed error
// reply, never as an exception in the host process.
import type { z } from 'zod';
import {
  contract,
  isChannel,
  isSubscription,
  type CairnError,
  type ChannelName,
  type EventOf,
  type OutputOf,
  type Result,
  type SubscriptionName,
} from './contract.ts';
import { CairnFailure } from './failure.ts';

type CallHandler<K extends ChannelName> = (
  input: z.output<(typeof contract)[K]['input']>,
) => Promise<OutputOf<K>> | OutputOf<K>;

type SubscriptionHandler<K extends SubscriptionName> = (
  input: z.output<(typeof contract)[K]['input']>,
  emit: (event: EventOf<K>) => void,
  signal: AbortSignal,
) => Promise<void> | void;

export type Handlers = { [K in ChannelName]: CallHandler<K> } & {
  [K in SubscriptionName]: SubscriptionHandler<K>;
};

export interface Dispatcher {
  invoke(channel: string, input: unknown): Promise<Result<unknown>>;
  /** Starts a subscription; returns a function that stops it. Errors arrive as events or a result. */
  subscribe(
    channel: string,
    input: unknown,
    emit: (event: unknown) => void,
  ): Result<{ stop: () => void }>;
}

export function toCairnError(error: unknown): CairnError {
  if (error instanceof CairnFailure) return error.toJSON();
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: `Unexpected error: ${message}` };
}

function invalidInput(channel: string, error: z.ZodError): CairnError {
  const issues = error.issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`);
  return {
    code: 'invalid_input',
    message: `Invalid input for '${channel}': ${issues.join('; ')}`,
    issues,
  };
}

export function createDispatcher(
  handlers: Handlers,
  log: (line: string) => void = () => {},
): Dispatcher {
  return {
    async invoke(channel, rawInput) {
      if (!isChannel(channel)) {
        return {
          ok: false,
          error: { code: 'unknown_channel', message: `Unknown channel '${String(channel)}'` },
        };
      }
      const spec = contract[channel];
      const parsed = spec.input.safeParse(rawInput ?? {});
      if (!parsed.success) return { ok: false, error: invalidInput(channel, parsed.error) };
      try {
        const handler = handlers[channel] as (input: unknown) => unknown;
        const value = await handler(parsed.data);
        const checked = spec.output.safeParse(value);
        if (!checked.success) {
          log(
            `[contract] '${channel}' returned output that does not match its schema: ${checked.error.message}`,
          );
          return {
            ok: false,
            error: { code: 'internal', message: `'${channel}' produced an invalid reply` },
          };
        }
        return { ok: true, value: checked.data };
      } catch (error) {
        const cairnError = toCairnError(error);
        if (cairnError.code === 'internal') log(`[contract] '${channel}' failed: ${String(error)}`);
        return { ok: false, error: cairnError };
      }
    },

    subscribe(channel, rawInput, emit) {
      if (!isSubscription(channel)) {
        return {
          ok: false,
          error: { code: 'unknown_channel', message: `Unknown subscription '${String(channel)}'` },
        };
      }
      const spec = contract[channel];
      const parsed = spec.input.safeParse(rawInput ?? {});
      if (!parsed.success) return { ok: false, error: invalidInput(channel, parsed.error) };
      const controller = new AbortController();
      const safeEmit = (event: unknown) => {
        if (controller.signal.aborted) return;
        const checked = spec.event.safeParse(event);
        if (checked.success) emit(checked.data);
        else log(`[contract] '${channel}' emitted an invalid event: ${checked.error.message}`);
      };
      const handler = handlers[channel] as (
        input: unknown,
        emit: (e: unknown) => void,
        signal: AbortSignal,
      ) => Promise<void> | void;
      Promise.resolve()
        .then(() => handler(parsed.data, safeEmit, controller.signal))
        .catch((error: unknown) => safeEmit({ type: 'error', error: toCairnError(error) }));
      return { ok: true, value: { stop: () => controller.abort() } };
    },
  };
}
