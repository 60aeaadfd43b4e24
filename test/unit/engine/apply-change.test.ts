import { describe, expect, it } from 'vitest';
import { applyChange } from '../../../workflows/engine/apply-change.ts';

const PATH = 'specs/offline-review/requirements.md';
const text = (...ls: string[]) => ls.join('\n') + '\n';
const BEFORE = text('# Title', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight');
/** The pass's edit: line 3. */
const AFTER = text(
  '# Title',
  'one',
  'TWO (pass)',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
);

describe('applyChange', () => {
  it('writes the proposed text over a file that has not moved on', () => {
    expect(applyChange(BEFORE, { path: PATH, before: BEFORE, after: AFTER })).toEqual({
      ok: true,
      text: AFTER,
      merged: false,
    });
  });

  it('creates a file the pass proposed when it is still absent', () => {
    expect(applyChange(null, { path: PATH, before: null, after: AFTER })).toEqual({
      ok: true,
      text: AFTER,
      merged: false,
    });
  });

  it('is idempotent: a file that already reads as proposed stays as it is', () => {
    expect(applyChange(AFTER, { path: PATH, before: BEFORE, after: AFTER })).toEqual({
      ok: true,
      text: AFTER,
      merged: false,
    });
    expect(applyChange(AFTER, { path: PATH, before: null, after: AFTER })).toMatchObject({
      ok: true,
      text: AFTER,
    });
  });

  it('merges when the user edited another part of the file: both edits are kept', () => {
    const current = text(
      '# Title',
      'one',
      'two',
      'three',
      'four',
      'five',
      'six',
      'SEVEN (user)',
      'eight',
    );
    expect(applyChange(current, { path: PATH, before: BEFORE, after: AFTER })).toEqual({
      ok: true,
      text: text(
        '# Title',
        'one',
        'TWO (pass)',
        'three',
        'four',
        'five',
        'six',
        'SEVEN (user)',
        'eight',
      ),
      merged: true,
    });
  });

  it('keeps the file’s own line endings when merging', () => {
    const current = BEFORE.replace('seven', 'SEVEN (user)').replaceAll('\n', '\r\n');
    const outcome = applyChange(current, { path: PATH, before: BEFORE, after: AFTER });
    expect(outcome).toMatchObject({ ok: true, merged: true });
    expect(outcome.ok && outcome.text).toBe(
      text(
        '# Title',
        'one',
        'TWO (pass)',
        'three',
        'four',
        'five',
        'six',
        'SEVEN (user)',
        'eight',
      ).replaceAll('\n', '\r\n'),
    );
  });

  it('is stale, never forced, when the user edited the same lines', () => {
    const current = BEFORE.replace('two', 'two, as the user wrote it');
    expect(applyChange(current, { path: PATH, before: BEFORE, after: AFTER })).toEqual({
      ok: false,
      reason: `${PATH} changed since the pass read it, in the same lines this change edits; re-run the pass or edit by hand`,
    });
  });

  it('is stale when someone else created the file the pass meant to create', () => {
    expect(applyChange('# Theirs\n', { path: PATH, before: null, after: AFTER })).toEqual({
      ok: false,
      reason: `${PATH} was created by someone else since the pass proposed creating it; re-run the pass`,
    });
  });

  it('is stale when the file was deleted since the pass read it', () => {
    expect(applyChange(null, { path: PATH, before: BEFORE, after: AFTER })).toEqual({
      ok: false,
      reason: `${PATH} was deleted since the pass read it`,
    });
  });
});
