// The workflow service's view of on-device models: a recorded ModelPort per model, its
// tokenizer for estimates, its measured speed on this machine, and its price (none).
import { LocalModelPort } from '../records/local-model-port.ts';
import type { ModelsService } from '../models/models-service.ts';
import type { ModelProvider } from './workflows-service.ts';

export function localModelProvider(models: ModelsService): ModelProvider {
  return {
    port: (modelId) => new LocalModelPort(models, modelId),
    async countTokens(modelId, text) {
      try {
        return await models.countTokens(modelId, text);
      } catch {
        // An estimate must not stop a run; the character rule of thumb stands in.
        return null;
      }
    },
    speed: (modelId) => models.measuredSpeed(modelId),
    price: () => ({ input: 0, output: 0, currency: 'USD' }),
  };
}
