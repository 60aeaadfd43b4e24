// requestAnimationFrame where there is a page, a 16 ms timer where there is none: slices are
// also loaded by tests in Node, which has neither the function nor its DOM types.
type FrameRequest = (callback: () => void) => unknown;

const requestFrame = (globalThis as { requestAnimationFrame?: FrameRequest }).requestAnimationFrame;

/** Runs `callback` before the next paint (batching many updates into one render). */
export function nextFrame(callback: () => void): void {
  if (requestFrame) requestFrame(callback);
  else setTimeout(callback, 16);
}
