import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  loadProviders,
  parseProviders,
  PROVIDERS_FILE,
  saveProviders,
} from '../../../electron/services/providers/provider-file.ts';
import {
  ProviderKeys,
  providerKeyName,
} from '../../../electron/services/providers/provider-keys.ts';
import { FileSecretStore } from '../../../electron/services/secrets/file-secret-store.ts';
import { tempDir } from '../../support/temp-dir.ts';
import { provider } from './fixtures.ts';

describe('providers.yaml', () => {
  it('is empty when missing, and reads back what was saved', () => {
    const dir = tempDir('cairn-providers-');
    expect(loadProviders(dir)).toEqual([]);
    const list = [
      provider(),
      provider({
        id: 'anthropic',
        kind: 'anthropic',
        tier: 'cloud',
        baseUrl: 'https://api.anthropic.com',
        models: ['claude-opus-4-5'],
      }),
    ];
    saveProviders(dir, list);
    expect(loadProviders(dir)).toEqual(list);
    const text = fs.readFileSync(path.join(dir, PROVIDERS_FILE), 'utf8');
    expect(text).toMatch(/^# Remote model providers for Cairn/);
    expect(text).not.toMatch(/apiKey/);
    expect(fs.readdirSync(dir)).toEqual([PROVIDERS_FILE]);
  });

  it('reports problems with file, line and field', () => {
    const text = [
      'providers:',
      '  - id: openai',
      '    kind: openai-compatible',
      '    tier: cloud',
      '    baseUrl: http://api.openai.com/v1',
      '    models: [gpt-4.1]',
      '  - id: local',
      '    kind: openai-compatible',
      '    baseUrl: http://127.0.0.1:8080/v1',
      '    models: []',
      '',
    ].join('\n');
    expect(() => parseProviders(text, '/d/providers.yaml')).toThrow(
      [
        '/d/providers.yaml:5: providers.0.baseUrl: plain http is allowed only to 127.0.0.1 or localhost; use https for api.openai.com',
        '/d/providers.yaml:7: providers.1.tier: Invalid option: expected one of "hosted"|"cloud"',
        '/d/providers.yaml:10: providers.1.models: list at least one model',
      ].join('\n'),
    );
    expect(() => parseProviders('providers: [\n', '/d/p.yaml')).toThrow(
      /^\/d\/p\.yaml:\d+: not valid YAML/,
    );
  });
});

describe('provider keys', () => {
  it('live in the secret store under provider-key:<id>, trimmed, and never in providers.yaml', () => {
    const dir = tempDir('cairn-provider-keys-');
    const store = new FileSecretStore(dir);
    const keys = new ProviderKeys(store);
    expect(keys.has('openai')).toBe(false);
    keys.set('openai', '  sk-live-123\n');
    expect(store.get(providerKeyName('openai'))).toBe('sk-live-123');
    expect(keys.get('openai')).toBe('sk-live-123');
    expect(keys.warning).toMatch(/not in the system keychain/);
    expect(() => keys.set('openai', ' \n')).toThrow(
      'The API key for openai is empty; nothing was stored.',
    );
    expect(() => keys.set('openai', 'sk-a sk-b')).toThrow(/contains spaces or line breaks/);
    saveProviders(dir, [provider({ id: 'openai' })]);
    expect(fs.readFileSync(path.join(dir, PROVIDERS_FILE), 'utf8')).not.toContain('sk-live-123');
    keys.delete('openai');
    expect(keys.has('openai')).toBe(false);
  });
});
