// The user's remote providers and their keys, as `cairn providers` and the Settings view both
// manage them: providers.yaml (provider-file.ts) for where they are, the key store
// (provider-keys.ts) for their API keys. Keys go in and are never handed back out.
import {
  ProviderConfigSchema,
  type ProviderConfig,
} from '../../../native-models/remote/provider-config.ts';
import type { SecretStore } from '../secrets/secret-store.ts';
import { loadProviders, providersFile, saveProviders } from './provider-file.ts';
import { ProviderKeys } from './provider-keys.ts';

export type ProviderSummary = ProviderConfig & { keyStored: boolean };

/** One problem of a provider entry: the field (id, kind, tier, baseUrl, models, …) and why. */
export interface ProviderIssue {
  field: string;
  message: string;
}

export type AddOutcome =
  | { ok: true; provider: ProviderConfig; replaced: boolean }
  | { ok: false; issues: ProviderIssue[] };

export class ProviderNotFoundError extends Error {
  override name = 'ProviderNotFoundError';
  constructor(readonly providerId: string) {
    super(`No provider '${providerId}' is configured.`);
  }
}

export class ProviderExistsError extends Error {
  override name = 'ProviderExistsError';
  constructor(readonly providerId: string) {
    super(`A provider '${providerId}' exists already.`);
  }
}

export class ProvidersService {
  readonly keys: ProviderKeys;

  constructor(
    private readonly dataDir: string,
    secrets: SecretStore,
  ) {
    this.keys = new ProviderKeys(secrets);
  }

  /** providers.yaml in the data folder. */
  get file(): string {
    return providersFile(this.dataDir);
  }

  list(): ProviderSummary[] {
    return loadProviders(this.dataDir).map((p) => ({ ...p, keyStored: this.keys.has(p.id) }));
  }

  find(id: string): ProviderConfig | null {
    return loadProviders(this.dataDir).find((p) => p.id === id) ?? null;
  }

  /** Validates the entry and adds it; an existing id needs `replace`. */
  add(entry: unknown, options: { replace?: boolean } = {}): AddOutcome {
    const parsed = ProviderConfigSchema.safeParse(entry);
    if (!parsed.success) {
      return {
        ok: false,
        issues: parsed.error.issues.map((i) => ({
          field: String(i.path[0] ?? ''),
          message: i.message,
        })),
      };
    }
    const providers = loadProviders(this.dataDir);
    const existing = providers.findIndex((x) => x.id === parsed.data.id);
    if (existing >= 0 && !options.replace) throw new ProviderExistsError(parsed.data.id);
    const next =
      existing >= 0
        ? providers.map((x, i) => (i === existing ? parsed.data : x))
        : [...providers, parsed.data];
    saveProviders(this.dataDir, next);
    return { ok: true, provider: parsed.data, replaced: existing >= 0 };
  }

  /** Stores (or replaces) the key of a configured provider. */
  setKey(id: string, key: string): void {
    if (!this.find(id)) throw new ProviderNotFoundError(id);
    this.keys.set(id, key);
  }

  /** Removes the provider and its stored key; either may be all that is left of it. */
  remove(id: string): { hadKey: boolean } {
    const providers = loadProviders(this.dataDir);
    const hadKey = this.keys.has(id);
    if (!providers.some((x) => x.id === id) && !hadKey) throw new ProviderNotFoundError(id);
    saveProviders(
      this.dataDir,
      providers.filter((x) => x.id !== id),
    );
    this.keys.delete(id);
    return { hadKey };
  }
}
