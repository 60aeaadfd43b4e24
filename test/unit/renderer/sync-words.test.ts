import { describe, expect, it } from 'vitest';
import { commitMessage, describeShare } from '../../../renderer/src/components/sync/sync-words.ts';

describe('describeShare', () => {
  it('says what was saved and shared, in plain words', () => {
    expect(describeShare({ kind: 'shared', saved: 3, pushed: true, broughtIn: false })).toBe(
      'Saved 3 documents and shared them with the team',
    );
    expect(describeShare({ kind: 'shared', saved: 1, pushed: true, broughtIn: true })).toBe(
      "Saved 1 document and shared it with the team, and brought in the team's latest changes",
    );
    expect(describeShare({ kind: 'shared', saved: 0, pushed: false, broughtIn: false })).toBe(
      'Nothing new to save; everything is shared with the team',
    );
  });

  it('says offline work is safe and will be shared later', () => {
    expect(describeShare({ kind: 'offline', saved: 2, waiting: 2 })).toBe(
      'Saved on this computer; will share when you are back online (2 changes waiting)',
    );
    expect(describeShare({ kind: 'offline', saved: 0, waiting: 1 })).toBe(
      'You are offline; will share when you are back online (1 change waiting)',
    );
  });

  it('says where a conflict is and that the user chooses', () => {
    expect(describeShare({ kind: 'conflicts', documents: 1 })).toBe(
      'You and a teammate changed the same lines in 1 document. Choose what to keep.',
    );
  });
});

describe('commitMessage', () => {
  it('names the documents', () => {
    expect(commitMessage(['specs/a/prd.md'])).toBe('Update prd.md');
    expect(commitMessage(['specs/a/prd.md', 'specs/a/requirements.md'])).toBe(
      'Update prd.md and requirements.md',
    );
    expect(commitMessage(['a.md', 'b.md', 'c.md', 'd.md', 'e.md'])).toBe(
      'Update a.md, b.md and 3 more documents',
    );
  });
});
