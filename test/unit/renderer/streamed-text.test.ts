import { describe, expect, it } from 'vitest';
import { streamedValues } from '../../../renderer/src/components/assist/streamed-text.ts';

describe('streamedValues', () => {
  const full = JSON.stringify(
    {
      sections: [
        { heading: 'Problem', body: 'Teams lose "steps".\nEvery week.' },
        { heading: 'Users', body: '- Release managers' },
      ],
    },
    null,
    1,
  );

  it('reads the string values of complete JSON, unescaped, without the keys', () => {
    expect(streamedValues(full)).toEqual([
      'Problem',
      'Teams lose "steps".\nEvery week.',
      'Users',
      '- Release managers',
    ]);
  });

  it('reads a JSON prefix as far as it goes, the last value unfinished', () => {
    const cut = full.slice(0, full.indexOf('Every') + 3);
    expect(streamedValues(cut)).toEqual(['Problem', 'Teams lose "steps".\nEve']);
    expect(streamedValues(full.slice(0, full.indexOf('"heading"') + 4))).toEqual([]);
    expect(streamedValues('{"body": "a\\')).toEqual(['a']);
    expect(streamedValues('{"body": "caf\\u00e9 \\u00')).toEqual(['café ']);
  });

  it('keeps values of arrays of strings (clarify options)', () => {
    expect(streamedValues('{"options":["30 days","One yea')).toEqual(['30 days', 'One yea']);
  });
});
