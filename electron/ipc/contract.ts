// The one typed contract between the UI and the core. Every channel names a zod schema for its
// input and its output; every subscription names one for its input and its events. Hosts
// (Electron IPC, the web host's WebSocket) validate with these schemas before a handler runs.
// This file is loaded by the renderer too: zod and workflows/ only.
import { z } from 'zod';
import { call, stream } from './contract/channel-kinds.ts';
import { modelChannels } from './contract/models.ts';
import { specChannels } from './contract/specs.ts';
import { driftChannels } from './contract/drift.ts';
import { repoChannels } from './contract/repo.ts';
import { consentChannels } from './contract/consent.ts';
import { reviewChannels } from './contract/review.ts';
import { costChannels } from './contract/costs.ts';
import { providerChannels } from './contract/providers.ts';
import { routingChannels } from './contract/routing.ts';
import { settingsChannels } from './contract/settings.ts';
import { recordChannels } from './contract/records.ts';
import { runChannels } from './contract/runs.ts';
import { workspaceChannels } from './contract/workspace.ts';
import { WorkspacePathSchema } from './contract/workspace-path.ts';

export { WorkspacePathSchema };
import { assistChannels } from './contract/assist.ts';

export const ERROR_CODES = [
  'invalid_input',
  'unknown_channel',
  'not_found',
  'not_a_workspace',
  'no_workspace',
  'forbidden',
  'internal',
  'transport',
  // git sync and drift (electron/ipc/contract/repo.ts)
  'not_a_repository',
  'auth_failed',
  'network',
  'conflict',
  'unsupported',
  'corrupt',
] as const;

export const CairnErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  /** Field-level problems, as `path: message`, for invalid input. */
  issues: z.array(z.string()).optional(),
});
export type CairnError = z.infer<typeof CairnErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: CairnError };

export const SpecFileSchema = z.object({
  path: z.string(),
  title: z.string(),
  type: z.string().nullable(),
  status: z.string().nullable(),
  id: z.string().nullable(),
  bytes: z.number().int().nonnegative(),
  modifiedAt: z.string(),
  /** Set when the file's frontmatter could not be read; the file is still listed. */
  problem: z.string().nullable(),
});
export type SpecFile = z.infer<typeof SpecFileSchema>;

export const WorkspaceSummarySchema = z.object({
  root: z.string(),
  name: z.string(),
});
export type WorkspaceSummary = z.infer<typeof WorkspaceSummarySchema>;

export const AppInfoSchema = z.object({
  name: z.literal('Cairn'),
  version: z.string(),
  host: z.enum(['electron', 'web']),
  dataDir: z.string(),
  databasePath: z.string(),
  schemaVersion: z.number().int(),
  workspace: WorkspaceSummarySchema.nullable(),
  recentWorkspaces: z.array(z.object({ root: z.string(), openedAt: z.string() })),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

export const ScanEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), scanned: z.number().int(), found: z.number().int() }),
  z.object({ type: z.literal('done'), files: z.array(SpecFileSchema), elapsedMs: z.number() }),
  z.object({ type: z.literal('error'), error: CairnErrorSchema }),
]);
export type ScanEvent = z.infer<typeof ScanEventSchema>;

const Empty = z.object({}).strict();

export const contract = {
  'app.info': call(Empty, AppInfoSchema),
  'workspace.open': call(
    z.object({ root: z.string().min(1).max(4096) }).strict(),
    WorkspaceSummarySchema,
  ),
  'workspace.listSpecs': call(
    Empty,
    z.object({ root: z.string(), files: z.array(SpecFileSchema) }),
  ),
  'workspace.readFile': call(
    z.object({ path: WorkspacePathSchema }).strict(),
    /** `version` identifies the text read; workspace.writeFile refuses to save over another. */
    z.object({ path: z.string(), text: z.string(), version: z.string() }),
  ),
  /** Lists spec files with progress events; large workspaces take a while. */
  'workspace.scan': stream(Empty, ScanEventSchema),
  ...modelChannels,
  ...specChannels,
  ...repoChannels,
  ...driftChannels,
  ...consentChannels,
  ...reviewChannels,
  ...costChannels,
  ...providerChannels,
  ...routingChannels,
  ...settingsChannels,
  ...recordChannels,
  ...runChannels,
  ...workspaceChannels,
  ...assistChannels,
} as const;

export type Contract = typeof contract;
export type ChannelName = {
  [K in keyof Contract]: Contract[K]['kind'] extends 'call' ? K : never;
}[keyof Contract];
export type SubscriptionName = {
  [K in keyof Contract]: Contract[K]['kind'] extends 'subscription' ? K : never;
}[keyof Contract];

export type InputOf<K extends keyof Contract> = z.input<Contract[K]['input']>;
export type OutputOf<K extends ChannelName> = z.output<Contract[K]['output']>;
export type EventOf<K extends SubscriptionName> = z.output<Contract[K]['event']>;

/** What the preload exposes as `window.cairn` and what the web transport implements. */
export interface CairnApi {
  invoke<K extends ChannelName>(channel: K, input: InputOf<K>): Promise<Result<OutputOf<K>>>;
  subscribe<K extends SubscriptionName>(
    channel: K,
    input: InputOf<K>,
    onEvent: (event: EventOf<K>) => void,
  ): () => void;
}

/** Wire messages of the web host's WebSocket (Electron IPC carries the same payloads). */
export const ClientMessageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('invoke'),
    id: z.number().int(),
    channel: z.string(),
    input: z.unknown(),
  }),
  z.object({
    type: z.literal('subscribe'),
    id: z.number().int(),
    channel: z.string(),
    input: z.unknown(),
  }),
  z.object({ type: z.literal('unsubscribe'), id: z.number().int() }),
]);
export type ClientMessage = z.infer<typeof ClientMessageSchema>;

export type ServerMessage =
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'event'; id: number; event: unknown }
  | { type: 'error'; error: CairnError };

export const IPC_CHANNELS = {
  invoke: 'cairn:invoke',
  subscribe: 'cairn:subscribe',
  unsubscribe: 'cairn:unsubscribe',
  event: 'cairn:event',
} as const;

export function isChannel(name: string): name is ChannelName {
  return Object.hasOwn(contract, name) && contract[name as keyof Contract].kind === 'call';
}
export function isSubscription(name: string): name is SubscriptionName {
  return Object.hasOwn(contract, name) && contract[name as keyof Contract].kind === 'subscription';
}
