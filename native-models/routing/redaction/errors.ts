// Redaction fails closed: every problem is a RedactionError, and a caller that gets one (or any
// other exception) from redaction sends nothing, records nothing and hashes nothing.

export type RedactionProblem =
  /** A pattern's finder or validator threw. */
  | 'pattern_failed'
  /** The text is over MAX_REDACTION_CHARS. */
  | 'too_large'
  /** Not a string, or not a list of chat messages. */
  | 'invalid_input'
  /** The redacted text still matched a pattern, or an original value survived in it. */
  | 'residual'
  /** Anything else that went wrong inside redaction. */
  | 'internal';

export class RedactionError extends Error {
  override name = 'RedactionError';
  constructor(
    readonly problem: RedactionProblem,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * The most UTF-16 code units one request may hold, all messages together (8 Mi: a large spec
 * set is well under 1 Mi). Over it redaction refuses rather than slowing down unpredictably.
 */
export const MAX_REDACTION_CHARS = 8 * 1024 * 1024;
