// isomorphic-git's Node HTTP client with a watchdog: a request or response that goes quiet for
// `idleMs` is aborted with a clear error, so a server that vanishes mid-transfer never leaves
// Cairn waiting forever.
import type { GitHttpRequest, GitHttpResponse, HttpClient } from 'isomorphic-git';
import http from 'isomorphic-git/http/node';

export class TransferStalledError extends Error {
  override name = 'TransferStalledError';
  readonly code = 'ETIMEDOUT';
}

export const DEFAULT_IDLE_MS = 30_000;

export function createHttpClient(idleMs = DEFAULT_IDLE_MS): HttpClient {
  return {
    async request(request: GitHttpRequest): Promise<GitHttpResponse> {
      const controller = new AbortController();
      let timer: NodeJS.Timeout | undefined;
      let fail: (error: Error) => void = () => {};
      const stalled = new Promise<never>((_, reject) => (fail = reject));
      stalled.catch(() => {});
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          const error = new TransferStalledError(
            `no data for ${Math.round(idleMs / 1000)} s from ${new URL(request.url).host}`,
          );
          fail(error);
          controller.abort(error);
        }, idleMs);
        timer.unref();
      };
      arm();
      let response: GitHttpResponse;
      try {
        response = await Promise.race([
          http.request({ ...request, signal: controller.signal }),
          stalled,
        ]);
      } catch (error) {
        clearTimeout(timer);
        throw error;
      }
      const body = response.body;
      if (!body) {
        clearTimeout(timer);
        return response;
      }
      const iterator = body[Symbol.asyncIterator]();
      const guarded: AsyncIterableIterator<Uint8Array> = {
        async next() {
          arm();
          try {
            const step = await Promise.race([iterator.next(), stalled]);
            if (step.done) clearTimeout(timer);
            return step;
          } catch (error) {
            clearTimeout(timer);
            throw error;
          }
        },
        async return(value?: unknown) {
          clearTimeout(timer);
          await iterator.return?.(value);
          return { done: true, value: undefined };
        },
        [Symbol.asyncIterator]() {
          return this;
        },
      };
      return { ...response, body: guarded };
    },
  };
}
