// Redaction of one request: every message is scanned with the pattern table, the same value
// gets the same placeholder in every message, and restore() maps placeholders in a response
// back to the originals on this machine. Pure: no I/O, no clock, no randomness.
import type { ChatMessage } from '../../../workflows/records/envelope.ts';
import { MAX_REDACTION_CHARS, RedactionError } from './errors.ts';
import { REDACTION_PATTERNS, type RedactionPattern } from './patterns.ts';
import { findAllNeedles } from './multi-search.ts';
import { escapeText, placeholderFor, restoreText } from './placeholders.ts';
import { buildReport, type RedactionReport } from './report.ts';

export interface Finding {
  patternId: string;
  placeholder: string;
  /** UTF-16 offsets in the original text. */
  start: number;
  end: number;
}

export interface MessageFinding extends Finding {
  /** Index of the message in the request. */
  message: number;
}

export interface RedactOptions {
  /** The pattern table; REDACTION_PATTERNS unless a test swaps it. */
  patterns?: readonly RedactionPattern[];
}

export interface RedactedText {
  text: string;
  findings: Finding[];
  restore: (text: string) => string;
}

export interface RedactedMessages {
  messages: ChatMessage[];
  findings: MessageFinding[];
  report: RedactionReport;
  restore: (text: string) => string;
}

const MAX_NEEDLE = 512;

interface Cluster {
  start: number;
  end: number;
  /** Index of the pattern in the table: the earliest wins where spans overlap. */
  pattern: number;
}

function failure(problem: 'pattern_failed' | 'internal', message: string, cause?: unknown) {
  return new RedactionError(problem, message, { cause });
}

function runPattern(pattern: RedactionPattern, index: number, text: string, out: Cluster[]) {
  let spans;
  try {
    spans = pattern.find(text);
  } catch (error) {
    throw failure(
      'pattern_failed',
      `Redaction pattern ${pattern.id} failed: ${error instanceof Error ? error.message : String(error)}`,
      error,
    );
  }
  if (!Array.isArray(spans))
    throw failure('pattern_failed', `Pattern ${pattern.id} returned no list`);
  for (const s of spans) {
    const ok =
      Number.isInteger(s?.start) &&
      Number.isInteger(s?.end) &&
      s.start >= 0 &&
      s.end <= text.length;
    if (!ok || s.start >= s.end) {
      throw failure('pattern_failed', `Pattern ${pattern.id} returned an invalid span`);
    }
    out.push({ start: s.start, end: s.end, pattern: index });
  }
}

/** Overlapping spans become one: their union, under the earliest pattern among them. */
function mergeOverlaps(spans: Cluster[]): Cluster[] {
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Cluster[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.start < last.end) {
      last.end = Math.max(last.end, span.end);
      last.pattern = Math.min(last.pattern, span.pattern);
    } else {
      merged.push({ ...span });
    }
  }
  return merged;
}

function checkInput(messages: unknown): asserts messages is ChatMessage[] {
  if (!Array.isArray(messages))
    throw new RedactionError('invalid_input', 'Messages must be a list');
  let total = 0;
  for (const [i, m] of messages.entries()) {
    if (typeof m !== 'object' || m === null || typeof (m as ChatMessage).content !== 'string') {
      throw new RedactionError('invalid_input', `Message ${i} has no text content`);
    }
    total += (m as ChatMessage).content.length;
  }
  if (total > MAX_REDACTION_CHARS) {
    throw new RedactionError(
      'too_large',
      `The request has ${total} characters; redaction accepts at most ${MAX_REDACTION_CHARS}`,
    );
  }
}

/**
 * The spans to redact in each text. A secret found anywhere (a password after `password =`, a
 * key with clean edges) is then redacted wherever else it appears in the request, even where
 * its pattern would not match (in prose, glued to other text).
 */
export function detect(
  texts: readonly string[],
  patterns: readonly RedactionPattern[],
): Cluster[][] {
  const perText = texts.map((text) => {
    const spans: Cluster[] = [];
    patterns.forEach((pattern, index) => runPattern(pattern, index, text, spans));
    return spans;
  });
  const secrets = new Map<string, number>();
  perText.forEach((spans, t) => {
    for (const s of spans) {
      if (patterns[s.pattern]?.category !== 'secret') continue;
      const value = texts[t]!.slice(s.start, s.end);
      // Key blocks are found by their BEGIN line wherever they are, and as needles they
      // would slow the search down many times over.
      if (value.length > MAX_NEEDLE || value.includes('\n')) continue;
      const known = secrets.get(value);
      if (known === undefined || s.pattern < known) secrets.set(value, s.pattern);
    }
  });
  return perText.map((spans, t) => {
    for (const o of findAllNeedles(texts[t]!, secrets.keys())) {
      spans.push({ start: o.start, end: o.end, pattern: secrets.get(o.needle)! });
    }
    return mergeOverlaps(spans);
  });
}

/**
 * Redacts a request. Throws RedactionError on any problem; the caller must then send nothing
 * (see safeRedact). Offsets in `findings` are UTF-16 code units in the original messages.
 */
export function redactMessages(
  messages: readonly ChatMessage[],
  options: RedactOptions = {},
): RedactedMessages {
  checkInput(messages);
  const patterns = options.patterns ?? REDACTION_PATTERNS;
  const texts = messages.map((m) => m.content);
  let clusters: Cluster[][];
  try {
    clusters = detect(texts, patterns);
  } catch (error) {
    if (error instanceof RedactionError) throw error;
    throw failure('internal', 'Redaction failed', error);
  }

  const placeholders = new Map<string, string>();
  const originals = new Map<string, string>();
  const counters = new Map<string, number>();
  const findings: MessageFinding[] = [];
  const out = messages.map((message, index) => {
    const text = texts[index]!;
    let result = '';
    let at = 0;
    for (const c of clusters[index]!) {
      const patternId = patterns[c.pattern]!.id;
      const value = text.slice(c.start, c.end);
      const key = `${patternId}\u0000${value}`;
      let placeholder = placeholders.get(key);
      if (placeholder === undefined) {
        const n = (counters.get(patternId) ?? 0) + 1;
        counters.set(patternId, n);
        placeholder = placeholderFor(patternId, n);
        placeholders.set(key, placeholder);
        originals.set(placeholder, value);
      }
      result += escapeText(text.slice(at, c.start)) + placeholder;
      at = c.end;
      findings.push({ patternId, placeholder, start: c.start, end: c.end, message: index });
    }
    result += escapeText(text.slice(at));
    return { ...message, content: result };
  });

  return {
    messages: out,
    findings,
    report: buildReport(texts, findings, patterns),
    restore: (text: string) => restoreText(text, originals),
  };
}

/** Redacts one text as a request of one message. Throws RedactionError like redactMessages. */
export function redactText(text: string, options: RedactOptions = {}): RedactedText {
  if (typeof text !== 'string') throw new RedactionError('invalid_input', 'Text must be a string');
  const r = redactMessages([{ role: 'user', content: text }], options);
  return {
    text: r.messages[0]!.content,
    findings: r.findings.map(({ message: _message, ...finding }) => finding),
    restore: r.restore,
  };
}
