// One git operation at a time per repository within this process: two syncs started at once
// from the UI would otherwise race on refs and the index.
const tails = new Map<string, Promise<unknown>>();

export function exclusive<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const previous = tails.get(key) ?? Promise.resolve();
  const run = previous.then(fn, fn);
  const tail = run.catch(() => {});
  tails.set(key, tail);
  void tail.then(() => {
    if (tails.get(key) === tail) tails.delete(key);
  });
  return run;
}
