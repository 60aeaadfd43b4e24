// The one way a request should be redacted before it is hashed, recorded or sent. It never
// throws: it answers ok with the redaction, or not ok with the reason, and on not ok the caller
// sends nothing. It also re-checks its own output (no pattern matches it any more, no redacted
// secret appears in it), so a bug in the merge or the escape cannot leak what was found.
//
// Callers that use redactMessages or redactText directly must treat ANY exception from them as
// "send nothing", not only a RedactionError.
import type { ChatMessage } from '../../../workflows/records/envelope.ts';
import { RedactionError } from './errors.ts';
import { REDACTION_PATTERNS } from './patterns.ts';
import { findAllNeedles } from './multi-search.ts';
import { detect, redactMessages, type RedactedMessages, type RedactOptions } from './redact.ts';

const PLACEHOLDER = /\[\[REDACTED:[a-z0-9-]+:\d+\]\]/g;

export type SafeRedaction =
  { ok: true; redaction: RedactedMessages } | { ok: false; error: RedactionError };

export function safeRedact(
  messages: readonly ChatMessage[],
  options: RedactOptions = {},
): SafeRedaction {
  try {
    const redaction = redactMessages(messages, options);
    const patterns = options.patterns ?? REDACTION_PATTERNS;
    const texts = redaction.messages.map((m) => m.content);
    // Placeholders read `…openai-key:1]]`, which is a `key: value` to the generic rule.
    const unmasked = texts.map((t) => t.replace(PLACEHOLDER, ' '));
    const residual = detect(unmasked, patterns).findIndex((spans) => spans.length > 0);
    if (residual !== -1) {
      throw new RedactionError(
        'residual',
        `Message ${residual} still matches a pattern after redaction`,
      );
    }
    const secretIds = new Set(patterns.filter((p) => p.category === 'secret').map((p) => p.id));
    const secrets = redaction.findings
      .filter((f) => secretIds.has(f.patternId))
      .map((f) => messages[f.message]!.content.slice(f.start, f.end));
    if (texts.some((t) => findAllNeedles(t, secrets).length > 0)) {
      throw new RedactionError('residual', 'A redacted secret is still in the request');
    }
    return { ok: true, redaction };
  } catch (error) {
    if (error instanceof RedactionError) return { ok: false, error };
    return {
      ok: false,
      error: new RedactionError('internal', 'Redaction failed', { cause: error }),
    };
  }
}
