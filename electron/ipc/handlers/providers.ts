// Handlers of the providers.* channels (contract/providers.ts), over the same service as
// `cairn providers`. A key is handed to the core's secret store and never returned or logged.
import { ProviderFileError } from '../../services/providers/provider-file.ts';
import { InvalidKeyError } from '../../services/providers/provider-keys.ts';
import {
  ProviderExistsError,
  ProviderNotFoundError,
  ProvidersService,
  type ProviderSummary,
} from '../../services/providers/providers-service.ts';
import type { SecretStore } from '../../services/secrets/secret-store.ts';
import type { Core } from '../../services/core.ts';
import type { providerChannels, ProviderView } from '../contract/providers.ts';
import type { Handlers } from '../dispatch.ts';
import { CairnFailure } from '../failure.ts';

type ProviderHandlers = Pick<Handlers, keyof typeof providerChannels>;

function view(p: ProviderSummary): ProviderView {
  // Field by field: nothing else a service may add travels.
  return {
    id: p.id,
    kind: p.kind,
    tier: p.tier,
    baseUrl: p.baseUrl,
    models: [...p.models],
    structuredOutput: p.structuredOutput,
    keyStored: p.keyStored,
  };
}

function keyStore(secrets: SecretStore) {
  const where =
    secrets.kind === 'keychain'
      ? 'API keys are encrypted with the system keychain (Electron safeStorage).'
      : 'API keys are kept in a file in the Cairn data folder that only your user account can read.';
  return {
    kind: secrets.kind,
    description: where,
    warning: secrets.warning,
  };
}

function mapped<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof ProviderNotFoundError) {
      throw new CairnFailure('not_found', `${error.message} Add it under Providers first.`);
    }
    if (error instanceof ProviderExistsError) {
      throw new CairnFailure(
        'conflict',
        `${error.message} Tick "Replace the provider with this id" to replace it, or choose another id.`,
      );
    }
    if (error instanceof InvalidKeyError) throw new CairnFailure('invalid_input', error.message);
    if (error instanceof ProviderFileError) {
      throw new CairnFailure(
        'corrupt',
        `${error.message}\nFix providers.yaml by hand (or move it aside) and try again.`,
      );
    }
    throw error;
  }
}

export function createProviderHandlers(core: Core): ProviderHandlers {
  const service = () => new ProvidersService(core.dataDir, core.secrets);
  const summary = (s: ProvidersService, id: string) => {
    const found = s.list().find((p) => p.id === id);
    if (!found) throw new ProviderNotFoundError(id);
    return view(found);
  };
  return {
    'providers.list': () =>
      mapped(() => {
        const s = service();
        return { providers: s.list().map(view), file: s.file, keyStore: keyStore(core.secrets) };
      }),
    'providers.add': ({ replace, ...entry }) =>
      mapped(() => {
        const s = service();
        const outcome = s.add(entry, { replace });
        if (!outcome.ok) {
          const issues = outcome.issues.map((i) => `${i.field}: ${i.message}`);
          throw new CairnFailure(
            'invalid_input',
            `The provider was not added: ${issues.join('; ')}`,
            issues,
          );
        }
        return { provider: summary(s, outcome.provider.id), replaced: outcome.replaced };
      }),
    'providers.setKey': ({ id, key }) =>
      mapped(() => {
        const s = service();
        if (key === null) {
          if (!s.find(id)) throw new ProviderNotFoundError(id);
          s.keys.delete(id);
        } else {
          s.setKey(id, key);
        }
        return { provider: summary(s, id), keyStore: keyStore(core.secrets) };
      }),
    'providers.remove': ({ id }) => mapped(() => ({ id, ...service().remove(id) })),
  };
}
