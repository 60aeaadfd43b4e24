// Redaction before anything leaves the machine (REFERENCE.md): the public surface.
export { MAX_REDACTION_CHARS, RedactionError, type RedactionProblem } from './errors.ts';
export { REDACTION_PATTERNS, regexFinder, type RedactionPattern, type Span } from './patterns.ts';
export {
  redactMessages,
  redactText,
  type Finding,
  type MessageFinding,
  type RedactedMessages,
  type RedactedText,
  type RedactOptions,
} from './redact.ts';
export {
  formatReport,
  maskValue,
  type RedactionReport,
  type ReportEntry,
  type ReportOccurrence,
} from './report.ts';
export { safeRedact, type SafeRedaction } from './safe.ts';
