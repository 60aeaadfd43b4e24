import type { Rule } from '../finding.ts';
import { configRule } from './config-rule.ts';
import { DOCUMENT_RULES } from './document-rules.ts';
import { EARS_RULES } from './ears-rules.ts';
import { OPENSPEC_CHANGE_RULES } from './openspec-change-rules.ts';
import { OPENSPEC_REQUIREMENT_RULES } from './openspec-requirement-rules.ts';
import { OPENSPEC_SPEC_RULES } from './openspec-spec-rules.ts';
import { REFERENCE_RULES } from './reference-rules.ts';
import { REQUIREMENT_RULES } from './requirement-rules.ts';

/** Every lint rule, ordered by ID (resources/lint-rules.md documents each one). */
export const RULES: readonly Rule[] = [
  ...EARS_RULES,
  ...DOCUMENT_RULES,
  ...REQUIREMENT_RULES,
  ...REFERENCE_RULES,
  ...OPENSPEC_SPEC_RULES,
  ...OPENSPEC_REQUIREMENT_RULES,
  ...OPENSPEC_CHANGE_RULES,
  configRule(() => RULE_IDS),
].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

export const RULE_IDS: ReadonlySet<string> = new Set(RULES.map((r) => r.id));
