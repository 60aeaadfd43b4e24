// Contract channels for the user's hosted and cloud providers and their API keys (Settings).
// A key goes in through providers.setKey and never comes back out: no output here has a field
// that could hold one. The full check of an entry (plain http only to loopback, Anthropic's
// structured output) is the core's; these schemas are what a form can check as the user types.
import { z } from 'zod';
import { call } from './channel-kinds.ts';

export const PROVIDER_KINDS = ['openai-compatible', 'anthropic'] as const;
export const PROVIDER_TIERS = ['hosted', 'cloud'] as const;
export const STRUCTURED_OUTPUTS = ['json_schema', 'json_object', 'tool', 'none'] as const;

export const ProviderIdSchema = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9._-]{0,62}$/,
    'use lower-case letters, digits, dots, dashes or underscores (such as openai or team-vllm)',
  );

export const ProviderUrlSchema = z
  .string()
  .max(2048)
  .refine((value) => {
    try {
      return ['http:', 'https:'].includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, 'must be an http or https URL, such as https://api.openai.com/v1');

export const ProviderDraftSchema = z.strictObject({
  id: ProviderIdSchema,
  kind: z.enum(PROVIDER_KINDS),
  tier: z.enum(PROVIDER_TIERS),
  baseUrl: ProviderUrlSchema,
  models: z
    .array(z.string().trim().min(1, 'a model name cannot be empty').max(200))
    .min(1, 'list at least one model')
    .max(50),
  structuredOutput: z.enum(STRUCTURED_OUTPUTS).optional(),
  /** Replace a provider with the same id instead of refusing. */
  replace: z.boolean().optional(),
});
export type ProviderDraft = z.input<typeof ProviderDraftSchema>;

export const ProviderViewSchema = z.strictObject({
  id: z.string(),
  kind: z.enum(PROVIDER_KINDS),
  tier: z.enum(PROVIDER_TIERS),
  baseUrl: z.string(),
  models: z.array(z.string()),
  structuredOutput: z.enum(STRUCTURED_OUTPUTS),
  /** Whether a key is stored; the key itself never leaves the core. */
  keyStored: z.boolean(),
});
export type ProviderView = z.infer<typeof ProviderViewSchema>;

/** Where keys are kept on this host, in words, with the store's own warning. */
export const KeyStoreSchema = z.strictObject({
  kind: z.enum(['keychain', 'file']),
  description: z.string(),
  warning: z.string().nullable(),
});

/** A key is write-only: it goes in here and is never returned. */
const KeySchema = z.string().min(1, 'the key is empty').max(4096, 'the key is too long');

export const providerChannels = {
  /** The providers in providers.yaml, whether each has a key, and where keys are kept. */
  'providers.list': call(
    z.strictObject({}),
    z.strictObject({
      providers: z.array(ProviderViewSchema),
      file: z.string(),
      keyStore: KeyStoreSchema,
    }),
  ),
  'providers.add': call(
    ProviderDraftSchema,
    z.strictObject({ provider: ProviderViewSchema, replaced: z.boolean() }),
  ),
  /** Stores or replaces the key of a configured provider; `key: null` deletes it. */
  'providers.setKey': call(
    z.strictObject({ id: ProviderIdSchema, key: KeySchema.nullable() }),
    z.strictObject({ provider: ProviderViewSchema, keyStore: KeyStoreSchema }),
  ),
  /** Removes the provider from providers.yaml and its key from the key store. */
  'providers.remove': call(
    z.strictObject({ id: ProviderIdSchema }),
    z.strictObject({ id: z.string(), hadKey: z.boolean() }),
  ),
} as const;
