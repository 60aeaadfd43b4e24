// The workspace's routing policy as a file the team shares: the `routing:` section of
// `.cairn/config.yaml`, read for the Settings and Consent views and written back by changing
// only that section (the yaml Document API keeps the comments, the order and every other key).
// Writes are atomic, refuse a file that changed since it was read, and are checked by reading
// them back: a policy Cairn writes is one the engine will apply.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { isMap, parseDocument, type Document, type YAMLMap } from 'yaml';
import type { ProviderConfig } from '../../../native-models/remote/provider-config.ts';
import {
  readWorkspaceRouting,
  type WorkspaceRouting,
} from '../../../workflows/engine/routing-policy.ts';
import { CONFIG_PATH } from '../../../workflows/specs/workspace-config.ts';
import { writeFileAtomic } from '../files/atomic-write.ts';

export interface RoutingConfig {
  /** The file, relative to the workspace (`.cairn/config.yaml`). */
  file: string;
  exists: boolean;
  /** What the file holds now, to refuse saving over a change made since (`absent` if none). */
  version: string;
  /** The policy in force: the safe default (local only) when the section is missing or broken. */
  routing: WorkspaceRouting;
  /** Why the section as written is not applied, each naming its field. */
  problems: string[];
}

/** A policy that cannot be saved; every issue names its field (`routing.cloud: …`). */
export class RoutingConfigError extends Error {
  override name = 'RoutingConfigError';
  constructor(
    message: string,
    readonly issues: string[] = [],
    readonly kind: 'invalid' | 'conflict' = 'invalid',
  ) {
    super(message);
  }
}

const NEW_FILE_HEADER =
  '# Team settings for this workspace; they sync through git with the specs.\n';

function configFile(root: string): string {
  return path.join(root, CONFIG_PATH);
}

function readText(root: string): string | null {
  try {
    return fs.readFileSync(configFile(root), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function versionOf(text: string | null): string {
  return text === null ? 'absent' : createHash('sha256').update(text).digest('hex').slice(0, 16);
}

export function readRoutingConfig(root: string): RoutingConfig {
  const text = readText(root);
  const { routing, problems } = readWorkspaceRouting(text);
  return { file: CONFIG_PATH, exists: text !== null, version: versionOf(text), routing, problems };
}

/** The section as it is written: defaults explicit, empty or unset parts left out. */
function plainRouting(routing: WorkspaceRouting): Record<string, unknown> {
  return {
    default: routing.default,
    cloud: routing.cloud,
    passes: Object.keys(routing.passes).length > 0 ? { ...routing.passes } : undefined,
    hosted_model: routing.hosted_model ? { ...routing.hosted_model } : undefined,
    cloud_model: routing.cloud_model ? { ...routing.cloud_model } : undefined,
  };
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Sets `values` into `map` key by key, so a scalar that stays keeps its node and comments;
 * `undefined` removes a key. With `prune`, keys of the map that `values` lacks go too.
 */
function mergeInto(
  doc: Document,
  map: YAMLMap,
  values: Record<string, unknown>,
  prune: boolean,
): void {
  for (const [key, value] of Object.entries(values)) {
    const current = map.get(key, true);
    if (value === undefined) map.delete(key);
    else if (isRecord(value) && isMap(current)) mergeInto(doc, current, value, true);
    else map.set(key, isRecord(value) ? doc.createNode(value) : value);
  }
  if (!prune) return;
  for (const pair of [...map.items]) {
    const key = (pair.key as { value?: unknown } | null)?.value ?? pair.key;
    if (typeof key === 'string' && !(key in values)) map.delete(key);
  }
}

/** Whether the file writes `[ a, b ]` rather than `[a, b]`, so unchanged lines print as they were. */
function padsFlowCollections(text: string): boolean {
  const padded = text.match(/[[{] [^\s\]}]/g)?.length ?? 0;
  const tight = text.match(/[[{][^\s\]}]/g)?.length ?? 0;
  return padded >= tight;
}

/** The config text with its routing section replaced by `routing`; nothing else changes. */
export function withRouting(text: string | null, routing: WorkspaceRouting): string {
  const source = text ?? `${NEW_FILE_HEADER}version: 1\n`;
  const doc = parseDocument(source, { uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!;
    throw new RoutingConfigError(
      `${CONFIG_PATH} is not valid YAML (${first.message.split('\n')[0]}); fix the file first. Nothing was changed.`,
    );
  }
  if (doc.contents === null) doc.contents = doc.createNode({}) as unknown as typeof doc.contents;
  if (!isMap(doc.contents)) {
    throw new RoutingConfigError(
      `${CONFIG_PATH} does not hold a map of settings at its top level; fix the file first. Nothing was changed.`,
    );
  }
  const values = plainRouting(routing);
  const section = doc.get('routing', true);
  if (isMap(section)) mergeInto(doc, section, values, false);
  else
    doc.set(
      'routing',
      doc.createNode(Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined))),
    );
  const out = doc.toString({ lineWidth: 0, flowCollectionPadding: padsFlowCollections(source) });
  return source.includes('\r\n') ? out.replace(/\r?\n/g, '\r\n') : out;
}

/**
 * Writes the policy into the workspace's config, atomically. `expectedVersion` (from
 * readRoutingConfig) refuses to overwrite a change made since, by a person or a git pull.
 */
export function saveRouting(
  root: string,
  routing: WorkspaceRouting,
  expectedVersion?: string,
): RoutingConfig {
  const before = readText(root);
  if (expectedVersion !== undefined && expectedVersion !== versionOf(before)) {
    throw new RoutingConfigError(
      `${CONFIG_PATH} changed on disk since the routing policy was loaded; reload it, check the change, and save again. Nothing was changed.`,
      [],
      'conflict',
    );
  }
  const text = withRouting(before, routing);
  // Read back before writing: the section must be valid as a whole (a key the form does not
  // know, written by hand, makes it invalid and would switch the policy off).
  const readBack = readWorkspaceRouting(text);
  if (readBack.problems.length > 0) {
    throw new RoutingConfigError(
      `The routing section of ${CONFIG_PATH} would not be valid; fix it by hand or remove the keys named. Nothing was changed.`,
      readBack.problems,
    );
  }
  writeFileAtomic(configFile(root), text);
  return readRoutingConfig(root);
}

/** What is wrong (refused) or worth knowing (saved anyway) about a policy on this machine. */
export function checkRouting(
  routing: WorkspaceRouting,
  providers: readonly ProviderConfig[],
): { errors: string[]; warnings: string[] } {
  const errors: string[] = [];
  const warnings: string[] = [];
  const tiers = new Map<string, string[]>();
  const use = (tier: string, what: string) => tiers.set(tier, [...(tiers.get(tier) ?? []), what]);
  use(routing.default, 'the default');
  for (const [pass, tier] of Object.entries(routing.passes)) use(tier, `'${pass}'`);
  if (routing.cloud === 'forbidden') {
    if (routing.default === 'cloud') {
      errors.push(
        'routing.default: cloud is forbidden for this workspace (routing.cloud), so the default cannot be cloud',
      );
    }
    for (const [pass, tier] of Object.entries(routing.passes)) {
      if (tier === 'cloud')
        errors.push(
          `routing.passes.${pass}: routes to cloud, which this workspace forbids (routing.cloud)`,
        );
    }
  }
  for (const tier of ['hosted', 'cloud'] as const) {
    const field = `routing.${tier}_model`;
    const choice = tier === 'hosted' ? routing.hosted_model : routing.cloud_model;
    const users = tiers.get(tier);
    if (!choice) {
      if (users && !(tier === 'cloud' && routing.cloud === 'forbidden')) {
        warnings.push(
          `${field}: ${users.join(', ')} ${users.length === 1 ? 'goes' : 'go'} to ${tier}, but no ${tier} model is chosen; such passes cannot run until one is.`,
        );
      }
      continue;
    }
    const provider = providers.find((p) => p.id === choice.provider);
    if (!provider) {
      warnings.push(
        `${field}.provider: no provider '${choice.provider}' is configured on this machine; ${tier} passes fail here until it is added under Providers and keys.`,
      );
      continue;
    }
    if (provider.tier !== tier) {
      errors.push(
        `${field}.provider: '${provider.id}' is set up as a ${provider.tier} provider; choose a ${tier} one`,
      );
    } else if (!provider.models.includes(choice.model)) {
      errors.push(
        `${field}.model: '${provider.id}' does not list the model '${choice.model}' (it lists ${provider.models.join(', ')})`,
      );
    }
  }
  return { errors, warnings };
}
