import { describe, expect, it } from 'vitest';
import { chunkBatcher } from '../../../native-models/local/chunk-batcher.ts';

describe('chunkBatcher', () => {
  it('sends the first chunk at once, then one message per interval, and flushes the rest', () => {
    let clock = 0;
    const sent: string[] = [];
    const batcher = chunkBatcher(
      (t) => sent.push(t),
      16,
      () => clock,
    );
    batcher.push('Hel');
    expect(sent).toEqual(['Hel']);
    clock = 5;
    batcher.push('lo');
    clock = 10;
    batcher.push(', ');
    expect(sent).toEqual(['Hel']);
    clock = 17;
    batcher.push('wor');
    expect(sent).toEqual(['Hel', 'lo, wor']);
    clock = 18;
    batcher.push('ld');
    batcher.flush();
    batcher.flush();
    expect(sent).toEqual(['Hel', 'lo, wor', 'ld']);
    expect(sent.join('')).toBe('Hello, world');
  });

  it('sums the tokens of the text it batches, so the app can show a live rate', () => {
    let clock = 0;
    const sent: [string, number][] = [];
    const batcher = chunkBatcher(
      (t, tokens) => sent.push([t, tokens]),
      16,
      () => clock,
    );
    batcher.push('Hel', 1);
    clock = 5;
    batcher.push('lo', 1);
    batcher.push('', 2);
    batcher.push(', ', 1);
    batcher.flush();
    expect(sent).toEqual([
      ['Hel', 1],
      ['lo, ', 4],
    ]);
  });
});
