// One remote model provider as the user configures it (<dataDir>/providers.yaml): where it is,
// which SDK speaks to it, which tier it counts as, the models it may be asked for, and how it
// gives structured output. Plain data, validated here; the file itself is read in
// electron/services/providers/provider-file.ts. Keys are never part of it (provider-keys.ts).
import { z } from 'zod';

export const ProviderKindSchema = z.enum(['openai-compatible', 'anthropic']);
export type ProviderKind = z.infer<typeof ProviderKindSchema>;

/**
 * How the provider is asked for JSON that follows a schema:
 * - `json_schema`: OpenAI's `response_format: { type: 'json_schema' }` (OpenAI, vLLM,
 *   llama.cpp server, Ollama, OpenRouter for most models);
 * - `json_object`: `response_format: { type: 'json_object' }`, the schema described in the
 *   system message (older servers);
 * - `tool`: one forced tool call whose input is the answer (Anthropic; also OpenAI-compatible);
 * - `none`: the schema described in the system message only, the text parsed as JSON.
 */
export const StructuredOutputSchema = z.enum(['json_schema', 'json_object', 'tool', 'none']);
export type StructuredOutput = z.infer<typeof StructuredOutputSchema>;

export const DEFAULT_STRUCTURED_OUTPUT: Record<ProviderKind, StructuredOutput> = {
  'openai-compatible': 'json_schema',
  anthropic: 'tool',
};

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * https anywhere; plain http only to this machine (a llama.cpp or Ollama server on loopback),
 * since prompts and keys would otherwise cross the network in clear text. Trailing slashes
 * are dropped so destinations join the same way everywhere.
 */
export const BaseUrlSchema = z
  .string()
  .superRefine((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: `'${value}' is not a URL` });
      return;
    }
    if (url.protocol === 'https:') return;
    if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return;
    ctx.addIssue({
      code: 'custom',
      message:
        url.protocol === 'http:'
          ? `plain http is allowed only to 127.0.0.1 or localhost; use https for ${url.host}`
          : `must be an https URL (or http to 127.0.0.1), got ${url.protocol}`,
    });
  })
  .refine((value) => !/[?#]/.test(value), 'must not have a query or fragment')
  .transform((value) => value.replace(/\/+$/, ''));

/** A provider id is also the provider part of price keys (`openai/gpt-4.1`) and key names. */
export const ProviderIdSchema = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9._-]{0,62}$/,
    'must be lower-case letters, digits, dots, dashes or underscores (such as openai or team-vllm)',
  );

export const ProviderConfigSchema = z
  .strictObject({
    id: ProviderIdSchema,
    kind: ProviderKindSchema,
    /** `hosted`: a server the team runs; `cloud`: a frontier API billed per token. */
    tier: z.enum(['hosted', 'cloud']),
    /**
     * What the SDK is given as its base URL: for OpenAI-compatible servers it ends with the API
     * version (`https://api.openai.com/v1`, `http://127.0.0.1:11434/v1`); for Anthropic it is
     * the host (`https://api.anthropic.com`).
     */
    baseUrl: BaseUrlSchema,
    models: z
      .array(z.string().min(1, 'a model name cannot be empty'))
      .min(1, 'list at least one model'),
    structuredOutput: StructuredOutputSchema.optional(),
  })
  .superRefine((p, ctx) => {
    if (
      p.kind === 'anthropic' &&
      (p.structuredOutput === 'json_schema' || p.structuredOutput === 'json_object')
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['structuredOutput'],
        message: `${p.structuredOutput} is an OpenAI response format; Anthropic takes tool or none`,
      });
    }
  })
  .transform((p) => ({
    ...p,
    structuredOutput: p.structuredOutput ?? DEFAULT_STRUCTURED_OUTPUT[p.kind],
  }));
export type ProviderConfig = z.output<typeof ProviderConfigSchema>;
export type ProviderConfigInput = z.input<typeof ProviderConfigSchema>;

export const ProvidersFileSchema = z
  .strictObject({
    providers: z.array(ProviderConfigSchema).default([]),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.providers.forEach((p, index) => {
      if (seen.has(p.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['providers', index, 'id'],
          message: `the provider id '${p.id}' is used twice`,
        });
      }
      seen.add(p.id);
    });
  });
export type ProvidersFile = z.output<typeof ProvidersFileSchema>;

/** The provider `id`, or an error that lists the configured ones. */
export function findProvider(providers: readonly ProviderConfig[], id: string): ProviderConfig {
  const found = providers.find((p) => p.id === id);
  if (found) return found;
  const known = providers.map((p) => p.id).join(', ') || 'none';
  throw new Error(
    `No provider '${id}' is configured (configured: ${known}). Add it with \`cairn providers add\`.`,
  );
}
