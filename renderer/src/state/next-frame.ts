// Streamed text is shown at most once per animation frame, so a fast model never floods React.
// requestAnimationFrame where there is a page, a 16 ms timer where there is none: slices are
// also loaded by tests in Node, which has neither the function nor its DOM types.
type FrameRequest = (callback: () => void) => unknown;

const requestFrame = (globalThis as { requestAnimationFrame?: FrameRequest }).requestAnimationFrame;

function nextFrame(callback: () => void): void {
  if (requestFrame) requestFrame(callback);
  else setTimeout(callback, 16);
}

/** `schedule` runs `flush` once before the next paint, however often it is called until then. */
export function frameBatch(flush: () => void): { schedule(): void; cancel(): void } {
  let pending = false;
  return {
    schedule() {
      if (pending) return;
      pending = true;
      nextFrame(() => {
        if (!pending) return;
        pending = false;
        flush();
      });
    },
    /** Forgets a scheduled flush (the caller flushed already). */
    cancel() {
      pending = false;
    },
  };
}
