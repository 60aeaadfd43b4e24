// Coalesces streamed text into one message per frame. Sending each token across the process
// boundary (and validating it on the other side) cost more than decoding it on small models;
// a person reading the stream cannot tell 16 ms batches from single tokens.
export const CHUNK_INTERVAL_MS = 16;

export interface ChunkBatcher {
  /** `tokens`: how many tokens the text took, summed into the batch. */
  push(text: string, tokens?: number): void;
  /** Sends whatever is pending now; call before the final result goes out. */
  flush(): void;
}

export function chunkBatcher(
  send: (text: string, tokens: number) => void,
  intervalMs = CHUNK_INTERVAL_MS,
  now: () => number = () => performance.now(),
): ChunkBatcher {
  let pending = '';
  let pendingTokens = 0;
  let lastSent = -Infinity;
  const flush = () => {
    if (pending === '') return;
    const text = pending;
    const tokens = pendingTokens;
    pending = '';
    pendingTokens = 0;
    lastSent = now();
    send(text, tokens);
  };
  return {
    push(text, tokens = 0) {
      pending += text;
      pendingTokens += tokens;
      // The first chunk goes at once: time to first token is what people notice.
      if (now() - lastSent >= intervalMs) flush();
    },
    flush,
  };
}
