// Redaction fails closed: a pattern that throws, oversized input or a malformed request is a
// RedactionError, safeRedact turns every failure into "not ok", and nothing is then sent.
import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../../workflows/records/envelope.ts';
import {
  MAX_REDACTION_CHARS,
  REDACTION_PATTERNS,
  RedactionError,
  redactMessages,
  redactText,
  safeRedact,
  type RedactionPattern,
} from '../../../native-models/routing/redaction/index.ts';

const throwing: RedactionPattern = {
  id: 'broken',
  category: 'secret',
  description: 'A pattern with a bug',
  find: () => {
    throw new Error('boom');
  },
};
const withBroken = [...REDACTION_PATTERNS, throwing];

/** A stand-in for the egress gate: sends only what safeRedact let through. */
function gate(messages: ChatMessage[], patterns = REDACTION_PATTERNS) {
  const sent: ChatMessage[][] = [];
  const result = safeRedact(messages, { patterns });
  if (result.ok) sent.push(result.redaction.messages);
  return { result, sent };
}

describe('redaction fails closed', () => {
  it('throws a RedactionError when a pattern throws, and the gate sends nothing', () => {
    expect(() => redactText('token AKIAIOSFODNN7EXAMPLE', { patterns: withBroken })).toThrow(
      RedactionError,
    );
    const { result, sent } = gate([{ role: 'user', content: 'hello' }], withBroken);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.problem).toBe('pattern_failed');
    expect(sent).toEqual([]);
  });

  it('refuses a pattern that returns spans outside the text', () => {
    const bad: RedactionPattern = { ...throwing, find: (t) => [{ start: 0, end: t.length + 1 }] };
    expect(() => redactText('abc', { patterns: [bad] })).toThrow(/invalid span/);
  });

  it('refuses input over the documented bound', () => {
    const big = 'a'.repeat(MAX_REDACTION_CHARS / 2 + 1);
    const messages: ChatMessage[] = [
      { role: 'system', content: big },
      { role: 'user', content: big },
    ];
    expect(() => redactMessages(messages)).toThrow(
      expect.objectContaining({ problem: 'too_large' }),
    );
    expect(gate(messages).sent).toEqual([]);
  });

  it('refuses what is not a list of messages', () => {
    expect(() => redactMessages('text' as never)).toThrow(RedactionError);
    expect(() => redactMessages([{ role: 'user' }] as never)).toThrow(/no text content/);
    expect(() => redactText(42 as never)).toThrow(RedactionError);
    const result = safeRedact([null] as never);
    expect(result.ok).toBe(false);
  });

  it('turns a non-RedactionError failure into one', () => {
    const messages = [{ role: 'user', content: 'x' }];
    const hostile = new Proxy(messages, {
      get(target, key, receiver) {
        if (key === 'map') throw new TypeError('not today');
        return Reflect.get(target, key, receiver);
      },
    });
    const result = safeRedact(hostile as ChatMessage[]);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toBeInstanceOf(RedactionError);
  });

  it('escapes text that already looks like a placeholder, so a response cannot forge one', () => {
    const text = 'Mail [[REDACTED:email:1]] or maya@example.com; [[\\REDACTED:x]]';
    const r = redactText(text);
    expect(r.text).toBe('Mail [[\\REDACTED:email:1]] or [[REDACTED:email:1]]; [[\\\\REDACTED:x]]');
    expect(r.restore(r.text)).toBe(text);
    expect(r.restore('Reply to [[REDACTED:email:1]], not [[REDACTED:email:2]].')).toBe(
      'Reply to maya@example.com, not [[REDACTED:email:2]].',
    );
  });
});
