// The user's remote model providers: <dataDir>/providers.yaml, personal (never in the repo,
// since endpoints and tiers are the user's business) and free of keys (provider-keys.ts). A
// broken file is an error naming the file, line and field; it is never skipped, since that
// would quietly route passes elsewhere. Writes are atomic.
import fs from 'node:fs';
import path from 'node:path';
import { isMap, isSeq, parseDocument, stringify, type Document } from 'yaml';
import {
  ProvidersFileSchema,
  type ProviderConfig,
} from '../../../native-models/remote/provider-config.ts';
import { positionMapper } from '../../../workflows/specs/source-text.ts';
import { writeFileAtomic } from '../files/atomic-write.ts';

export const PROVIDERS_FILE = 'providers.yaml';

const HEADER = `# Remote model providers for Cairn (cairn providers --help). API keys are not kept here:
# \`cairn providers set-key <id>\` stores them in the key store.
# kind: openai-compatible | anthropic; tier: hosted (a server your team runs) | cloud;
# baseUrl: https, or http to 127.0.0.1 / localhost only;
# structuredOutput: json_schema | json_object | tool | none (default: json_schema, or tool for anthropic).
`;

export class ProviderFileError extends Error {
  override name = 'ProviderFileError';
}

export function providersFile(dataDir: string): string {
  return path.join(dataDir, PROVIDERS_FILE);
}

/** The configured providers; none when the file does not exist. */
export function loadProviders(dataDir: string): ProviderConfig[] {
  const file = providersFile(dataDir);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new ProviderFileError(`Cannot read ${file}: ${(error as Error).message}`);
  }
  return parseProviders(text, file);
}

/** Parses and validates providers.yaml; every problem is a `file:line: field: message` line. */
export function parseProviders(text: string, file: string): ProviderConfig[] {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  const lineOf = (offset: number) => positionMapper(text)(offset).line;
  if (doc.errors.length > 0) {
    throw new ProviderFileError(
      doc.errors
        .map((e) => `${file}:${lineOf(e.pos[0])}: not valid YAML: ${e.message.split('\n')[0]}`)
        .join('\n'),
    );
  }
  const parsed = ProvidersFileSchema.safeParse(doc.toJS() ?? {});
  if (parsed.success) return parsed.data.providers;
  throw new ProviderFileError(
    parsed.error.issues
      .map((issue) => {
        const field = issue.path.length > 0 ? issue.path.join('.') : '(top level)';
        return `${file}:${lineOf(nodeOffset(doc, issue.path))}: ${field}: ${issue.message}`;
      })
      .join('\n'),
  );
}

/** Where the value at `at` is written, or the nearest written ancestor (a missing field). */
function nodeOffset(doc: Document, at: readonly PropertyKey[]): number {
  for (let n = at.length; n > 0; n--) {
    const parent = n === 1 ? doc.contents : doc.getIn(at.slice(0, n - 1) as unknown[], true);
    const key = at[n - 1];
    if (isMap(parent)) {
      const pair = parent.items.find((p) => (p.key as { value?: unknown })?.value === key);
      const range = (pair?.key as { range?: number[] } | undefined)?.range;
      if (range) return range[0]!;
    } else if (isSeq(parent) && typeof key === 'number') {
      const range = (parent.items[key] as { range?: number[] } | undefined)?.range;
      if (range) return range[0]!;
    }
  }
  return (doc.contents as { range?: number[] } | null)?.range?.[0] ?? 0;
}

/** Writes the providers, atomically; the file's comments are replaced by the standard header. */
export function saveProviders(dataDir: string, providers: readonly ProviderConfig[]): void {
  const plain = providers.map((p) => ({
    id: p.id,
    kind: p.kind,
    tier: p.tier,
    baseUrl: p.baseUrl,
    models: [...p.models],
    structuredOutput: p.structuredOutput,
  }));
  const text = HEADER + stringify({ providers: plain });
  // Checked before writing: a file Cairn writes must be one it can read back.
  parseProviders(text, providersFile(dataDir));
  writeFileAtomic(providersFile(dataDir), text, { mode: 0o600 });
}
