// The engine's ModelPort for one remote model. It builds the request and hands it to
// `dispatch`, which the egress gate (native-models/routing/) provides: consent, redaction,
// budget, client creation and sendRemoteRequest happen there. This port cannot send anything
// by itself.
import type {
  ModelGenerateRequest,
  ModelGenerateResult,
  ModelPort,
} from '../../workflows/engine/ports.ts';
import type { ModelIdentity } from '../../workflows/records/envelope.ts';
import type { ProviderConfig } from './provider-config.ts';
import { remoteIdentity } from './remote-identity.ts';
import { buildRemoteRequest, type BuiltRemoteRequest } from './remote-request.ts';

export type RemoteDispatch = (
  built: BuiltRemoteRequest,
  request: ModelGenerateRequest,
) => Promise<ModelGenerateResult>;

export class RemoteModelPort implements ModelPort {
  constructor(
    readonly provider: ProviderConfig,
    readonly model: string,
    private readonly dispatch: RemoteDispatch,
  ) {
    if (!provider.models.includes(model)) {
      throw new Error(
        `The provider ${provider.id} is not configured for the model ${model} (configured: ${provider.models.join(', ')}).`,
      );
    }
  }

  /** The identity before any call; `resolvedModel` is known only from an answer. */
  describe(): Promise<ModelIdentity> {
    return Promise.resolve(remoteIdentity(this.provider, this.model, null));
  }

  generate(request: ModelGenerateRequest): Promise<ModelGenerateResult> {
    return this.dispatch(buildRemoteRequest(this.provider, this.model, request), request);
  }
}
