import { describe, expect, it } from 'vitest';
import {
  findProvider,
  ProviderConfigSchema,
  ProvidersFileSchema,
} from '../../../native-models/remote/provider-config.ts';

const base = {
  id: 'openai',
  kind: 'openai-compatible',
  tier: 'cloud',
  baseUrl: 'https://api.openai.com/v1/',
  models: ['gpt-4.1'],
};

function problems(input: unknown): string[] {
  const result = ProviderConfigSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('provider entries', () => {
  it('defaults structured output per kind and drops trailing slashes from the base URL', () => {
    expect(ProviderConfigSchema.parse(base)).toEqual({
      ...base,
      baseUrl: 'https://api.openai.com/v1',
      structuredOutput: 'json_schema',
    });
    const anthropic = ProviderConfigSchema.parse({
      ...base,
      id: 'anthropic',
      kind: 'anthropic',
      baseUrl: 'https://api.anthropic.com',
    });
    expect(anthropic.structuredOutput).toBe('tool');
  });

  it('allows plain http only to this machine', () => {
    expect(problems({ ...base, baseUrl: 'http://127.0.0.1:11434/v1' })).toEqual([]);
    expect(problems({ ...base, baseUrl: 'http://localhost:8080/v1' })).toEqual([]);
    expect(problems({ ...base, baseUrl: 'http://gpu-box.lan:8000/v1' })).toEqual([
      'baseUrl: plain http is allowed only to 127.0.0.1 or localhost; use https for gpu-box.lan:8000',
    ]);
    expect(problems({ ...base, baseUrl: 'ftp://x/' })[0]).toMatch(/^baseUrl: must be an https URL/);
    expect(problems({ ...base, baseUrl: 'not a url' })[0]).toMatch(
      /^baseUrl: 'not a url' is not a URL/,
    );
  });

  it('names the field of every problem', () => {
    expect(
      problems({ id: 'Open AI', kind: 'azure', tier: 'local', baseUrl: 'https://x', models: [] }),
    ).toEqual([
      expect.stringMatching(/^id: must be lower-case/),
      expect.stringMatching(/^kind: /),
      expect.stringMatching(/^tier: /),
      'models: list at least one model',
    ]);
    expect(problems({ ...base, extra: 1 })[0]).toMatch(/extra/);
    expect(problems({ ...base, kind: 'anthropic', structuredOutput: 'json_schema' })).toEqual([
      'structuredOutput: json_schema is an OpenAI response format; Anthropic takes tool or none',
    ]);
  });

  it('refuses two providers with the same id, and finds one by id', () => {
    const file = ProvidersFileSchema.safeParse({ providers: [base, base] });
    expect(file.success).toBe(false);
    expect(file.error?.issues[0]?.path).toEqual(['providers', 1, 'id']);
    const { providers } = ProvidersFileSchema.parse({ providers: [base] });
    expect(findProvider(providers, 'openai').id).toBe('openai');
    expect(() => findProvider(providers, 'nope')).toThrow(
      "No provider 'nope' is configured (configured: openai)",
    );
  });
});
