import { describe, expect, it } from 'vitest';
import { classifyEars } from '../../../workflows/lint/ears/classify.ts';

function slice(text: string, span: { from: number; to: number } | null): string | null {
  return span ? text.slice(span.from, span.to) : null;
}

describe('EARS classification', () => {
  it.each([
    ['The app shall delete cached notes.', 'ubiquitous', 'The app'],
    ['When a note is shared, the app shall cache it.', 'event-driven', 'the app'],
    ['While the device is offline, the app shall queue comments.', 'state-driven', 'the app'],
    ['If the upload fails, then the app shall retry it.', 'unwanted-behaviour', 'the app'],
    [
      'Where dark mode is enabled, the app shall use the dark palette.',
      'optional-feature',
      'the app',
    ],
    ['While offline, when the user posts, the app shall queue the comment.', 'complex', 'the app'],
    ['Users can export notes.', 'unclassified', null],
  ] as const)('%s → %s', (text, pattern, subject) => {
    const reading = classifyEars(text);
    expect(reading.pattern).toBe(pattern);
    expect(slice(text, reading.subject)).toBe(subject);
  });

  it('reads Kiro upper case with THEN as the separator', () => {
    const text = 'WHEN a user submits the form THEN the system SHALL save it';
    const reading = classifyEars(text);
    expect(reading.pattern).toBe('event-driven');
    expect(slice(text, reading.subject)).toBe('the system');
    expect(reading.modals.map((m) => m.word)).toEqual(['SHALL']);
    expect(slice(text, reading.clauses[0] ?? null)).toBe('WHEN a user submits the form ');
  });

  it('finds the system after a clause with no comma (Kiro WHILE/WHERE)', () => {
    const text = 'WHILE a session is active THE SYSTEM SHALL refresh its token';
    expect(slice(text, classifyEars(text).subject)).toBe('THE SYSTEM');
  });

  it('reports no subject when nothing names the system', () => {
    expect(classifyEars('When a note is shared, shall cache it.').subject).toBeNull();
  });

  it('counts every modal and notices a trigger written after the response', () => {
    const text = 'The app shall send the note and shall delete it when the user signs out.';
    const reading = classifyEars(text);
    expect(reading.modals).toHaveLength(2);
    expect(reading.trailingTrigger?.keyword).toBe('when');
    expect(text.slice(reading.trailingTrigger?.from, reading.trailingTrigger?.to)).toBe('when');
  });

  it('accepts must as a modal and records "then" after If', () => {
    const reading = classifyEars('If the disk is full, then the app must stop syncing.');
    expect(reading.modals[0]?.word).toBe('must');
    expect(reading.hasThen).toBe(true);
    expect(classifyEars('If the disk is full, the app must stop.').hasThen).toBe(false);
  });

  it('keeps the clause order as written', () => {
    const reading = classifyEars('When the user posts, while offline, the app shall queue it.');
    expect(reading.clauses.map((c) => c.keyword)).toEqual(['when', 'while']);
  });

  it('keeps commas inside a clause in the clause', () => {
    const text = 'When a note, a file, or a folder is shared, the app shall cache it.';
    const reading = classifyEars(text);
    expect(reading.clauses).toHaveLength(1);
    expect(slice(text, reading.subject)).toBe('the app');
  });
});
