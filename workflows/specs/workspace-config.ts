// `.cairn/config.yaml`: team settings that sync through git. This module reads the parts the
// spec tools use (`specs.roots`, `lint.rules`) and lets other sections pass through for their
// own owners to check.
import { isMap, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import type { Range } from './model.ts';
import { normalizeSource, positionMapper } from './source-text.ts';

export const CONFIG_PATH = '.cairn/config.yaml';

export const LINT_LEVELS = ['off', 'error', 'warning', 'info'] as const;
export type LintLevel = (typeof LINT_LEVELS)[number];

const RelativePath = z
  .string()
  .min(1)
  .refine((p) => !p.startsWith('/') && !p.split('/').includes('..'), {
    message: 'must be a folder inside the workspace (no leading "/", no "..")',
  });

const ConfigSchema = z.looseObject({
  version: z.literal(1, { message: 'version must be 1' }).optional(),
  specs: z.looseObject({ roots: z.array(RelativePath).optional() }).nullish(),
  lint: z
    .strictObject({
      rules: z
        .record(
          z.string(),
          z.enum(LINT_LEVELS, { message: `must be one of ${LINT_LEVELS.join(', ')}` }),
        )
        .nullish(),
    })
    .nullish(),
});

export interface WorkspaceConfig {
  /** Folders that hold Cairn specs; null means anywhere in the workspace. */
  roots: string[] | null;
  /** Severity overrides by rule ID, as written. */
  rules: Record<string, LintLevel>;
  /** Where each rule ID is written, for messages about unknown rules. */
  ruleRanges: Record<string, Range>;
}

export const DEFAULT_CONFIG: WorkspaceConfig = { roots: null, rules: {}, ruleRanges: {} };

export interface ParsedConfig {
  config: WorkspaceConfig;
  diagnostics: { message: string; range: Range }[];
}

/**
 * Reads the config file; every problem comes back as a diagnostic with its line, and the
 * parts that are valid still apply (one bad rule level does not switch the others off).
 */
export function parseWorkspaceConfig(raw: string): ParsedConfig {
  const text = normalizeSource(raw);
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  const position = positionMapper(text);
  const span = (r: readonly number[] | null | undefined): Range => ({
    start: position(r?.[0] ?? 0),
    end: position(r?.[1] ?? r?.[0] ?? 0),
  });
  if (doc.errors.length > 0) {
    return {
      config: DEFAULT_CONFIG,
      diagnostics: doc.errors.map((e) => ({
        message: `not valid YAML: ${e.message.split('\n')[0]}`,
        range: span(e.pos),
      })),
    };
  }
  let data: unknown;
  try {
    data = doc.toJS() ?? {};
  } catch (error) {
    return {
      config: DEFAULT_CONFIG,
      diagnostics: [{ message: (error as Error).message, range: span([0, 0]) }],
    };
  }
  const parsed = ConfigSchema.safeParse(data);
  const diagnostics = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({
        message: `${issue.path.length > 0 ? issue.path.join('.') + ': ' : ''}${issue.message}`,
        range: span(nodeRange(doc, issue.path)),
      }));
  const value = (parsed.success ? parsed.data : data) as z.infer<typeof ConfigSchema>;
  const rules: Record<string, LintLevel> = {};
  const ruleRanges: Record<string, Range> = {};
  const rawRules = isRecord(value?.lint) && isRecord(value.lint.rules) ? value.lint.rules : {};
  for (const [id, level] of Object.entries(rawRules)) {
    if (!(LINT_LEVELS as readonly unknown[]).includes(level)) continue;
    rules[id] = level as LintLevel;
    ruleRanges[id] = span(keyRange(doc, ['lint', 'rules', id]));
  }
  const roots =
    parsed.success && parsed.data.specs?.roots ? parsed.data.specs.roots.map(trimSlashes) : null;
  return { config: { roots, rules, ruleRanges }, diagnostics };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function trimSlashes(path: string): string {
  return path.replace(/^\.\//, '').replace(/\/+$/, '');
}

/** The YAML node at `path`, or the nearest ancestor that exists. */
function nodeRange(doc: Document, path: readonly PropertyKey[]): readonly number[] | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n) as unknown[], true) as { range?: number[] } | undefined;
    if (node?.range) return node.range;
    if (n > 0) {
      const key = keyRange(doc, path.slice(0, n));
      if (key) return key;
    }
  }
  return undefined;
}

/** The range of the key at the end of `path` in a mapping. */
function keyRange(doc: Document, path: readonly PropertyKey[]): number[] | undefined {
  const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1) as unknown[], true);
  if (!isMap(parent)) return undefined;
  const last = path[path.length - 1];
  const pair = parent.items.find((p) => (p.key as { value?: unknown } | null)?.value === last);
  return (pair?.key as { range?: number[] } | undefined)?.range;
}
