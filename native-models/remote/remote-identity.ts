// The ModelIdentity of a remote model: the provider id (the provider part of price keys), the
// model asked for and, once it answered, the model the provider says answered.
import type { ModelIdentity } from '../../workflows/records/envelope.ts';
import type { ProviderConfig } from './provider-config.ts';

export function remoteIdentity(
  provider: ProviderConfig,
  model: string,
  resolvedModel: string | null,
): ModelIdentity {
  return {
    tier: provider.tier,
    provider: provider.id,
    name: model,
    sha256: null,
    quantization: null,
    backend: null,
    gpuLayers: null,
    threads: null,
    contextSize: null,
    runtimeVersion: null,
    resolvedModel,
  };
}
