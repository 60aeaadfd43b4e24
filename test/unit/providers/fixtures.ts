// Shared inputs of the provider unit tests.
import type { ModelGenerateRequest } from '../../../workflows/engine/ports.ts';
import {
  ProviderConfigSchema,
  type ProviderConfig,
  type ProviderConfigInput,
} from '../../../native-models/remote/provider-config.ts';

export function provider(input: Partial<ProviderConfigInput> = {}): ProviderConfig {
  return ProviderConfigSchema.parse({
    id: 'team-vllm',
    kind: 'openai-compatible',
    tier: 'hosted',
    baseUrl: 'http://127.0.0.1:8000/v1',
    models: ['qwen3-32b'],
    ...input,
  });
}

export const ANSWER_SCHEMA = {
  type: 'object',
  properties: {
    questions: { type: 'array', items: { type: 'string' }, minItems: 1 },
    confident: { type: 'boolean' },
  },
  required: ['questions', 'confident'],
  additionalProperties: false,
};

export function request(overrides: Partial<ModelGenerateRequest> = {}): ModelGenerateRequest {
  return {
    messages: [
      { role: 'system', content: 'You review specs.' },
      { role: 'user', content: 'Review REQ-1.' },
    ],
    jsonSchema: null,
    maxTokens: 512,
    temperature: 0,
    topP: null,
    seed: 42,
    ...overrides,
  };
}
