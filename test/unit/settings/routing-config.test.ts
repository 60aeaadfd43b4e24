// The workspace routing policy written back into .cairn/config.yaml: only the routing section
// changes, comments and every other key survive, and what is written is what the engine reads.
import fs from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  checkRouting,
  readRoutingConfig,
  RoutingConfigError,
  saveRouting,
  withRouting,
} from '../../../electron/services/egress/routing-config.ts';
import { ProviderConfigSchema } from '../../../native-models/remote/provider-config.ts';
import {
  DEFAULT_ROUTING,
  readWorkspaceRouting,
  type WorkspaceRouting,
} from '../../../workflows/engine/routing-policy.ts';
import { tempDir } from '../../support/temp-dir.ts';

const CONFIG = `# Team settings for Lantern; they sync through git.
version: 1
workspace:
  name: Lantern # the product
specs:
  roots: [specs]
routing:
  # Local unless a pass says otherwise.
  default: local
  cloud: forbidden # legal asked for this
  passes:
    # summaries are cheap
    review-summary: hosted
lint:
  rules: {EARS-001: warning}
`;

const ASK: WorkspaceRouting = {
  default: 'local',
  cloud: 'ask',
  passes: { 'review-summary': 'hosted', plan: 'cloud' },
  hosted_model: { provider: 'team-vllm', model: 'qwen2.5-32b' },
  cloud_model: { provider: 'openai', model: 'gpt-4.1' },
};

function workspace(config: string | null): string {
  const root = tempDir('cairn-routing-');
  if (config !== null) {
    fs.mkdirSync(path.join(root, '.cairn'));
    fs.writeFileSync(path.join(root, '.cairn', 'config.yaml'), config);
  }
  return root;
}

const provider = (id: string, tier: 'hosted' | 'cloud', models: string[]) =>
  ProviderConfigSchema.parse({
    id,
    kind: 'openai-compatible',
    tier,
    baseUrl: 'https://example.test/v1',
    models,
  });

describe('withRouting', () => {
  it('changes the routing section only and keeps every comment and other key', () => {
    const text = withRouting(CONFIG, ASK);
    for (const comment of [
      '# Team settings for Lantern; they sync through git.',
      '# the product',
      '# Local unless a pass says otherwise.',
      '# legal asked for this',
      '# summaries are cheap',
    ]) {
      expect(text).toContain(comment);
    }
    // Lines outside the section print as they were written.
    const outside = (t: string) => [t.split('routing:')[0], t.slice(t.indexOf('lint:'))];
    expect(outside(text)).toEqual(outside(CONFIG));
    const before = parseDocument(CONFIG).toJS() as Record<string, unknown>;
    const after = parseDocument(text).toJS() as Record<string, unknown>;
    expect({ ...after, routing: null }).toEqual({ ...before, routing: null });
    expect(readWorkspaceRouting(text)).toEqual({ routing: ASK, problems: [] });
    // The scalar that changed kept its trailing comment.
    expect(text).toMatch(/cloud: ask # legal asked for this/);
  });

  it('removes what the policy no longer has', () => {
    const text = withRouting(withRouting(CONFIG, ASK), DEFAULT_ROUTING);
    expect(readWorkspaceRouting(text).routing).toEqual(DEFAULT_ROUTING);
    expect(text).not.toContain('passes');
    expect(text).not.toContain('hosted_model');
    expect(text).toContain('# Local unless a pass says otherwise.');
    expect(text).toContain('lint:');
  });

  it('adds a routing section to a config without one, and creates a missing file', () => {
    const added = withRouting('version: 1\n# the end\n', ASK);
    expect(added.startsWith('version: 1\n')).toBe(true);
    expect(readWorkspaceRouting(added).routing).toEqual(ASK);
    const created = withRouting(null, ASK);
    expect(created).toMatch(/^# Team settings/);
    expect(readWorkspaceRouting(created).routing).toEqual(ASK);
  });

  it('keeps Windows line endings', () => {
    const text = withRouting(CONFIG.replace(/\n/g, '\r\n'), ASK);
    expect(
      text.split('\n').every((line, i, all) => i === all.length - 1 || line.endsWith('\r')),
    ).toBe(true);
  });

  it('refuses a config that is not valid YAML, and changes nothing', () => {
    expect(() => withRouting('routing: [unclosed\n', ASK)).toThrow(/not valid YAML/);
  });
});

describe('saveRouting', () => {
  it('writes the file atomically and reads back the same policy', () => {
    const root = workspace(CONFIG);
    const loaded = readRoutingConfig(root);
    expect(loaded.routing.cloud).toBe('forbidden');
    const saved = saveRouting(root, ASK, loaded.version);
    expect(saved.routing).toEqual(ASK);
    expect(saved.version).not.toBe(loaded.version);
    expect(fs.readdirSync(path.join(root, '.cairn'))).toEqual(['config.yaml']);
    expect(fs.readFileSync(path.join(root, '.cairn', 'config.yaml'), 'utf8')).toContain(
      '# legal asked for this',
    );
  });

  it('refuses to overwrite a change made since the policy was read', () => {
    const root = workspace(CONFIG);
    const loaded = readRoutingConfig(root);
    fs.appendFileSync(path.join(root, '.cairn', 'config.yaml'), '# pulled from a teammate\n');
    const attempt = () => saveRouting(root, ASK, loaded.version);
    expect(attempt).toThrow(RoutingConfigError);
    expect(attempt).toThrow(/changed on disk/);
    expect(readRoutingConfig(root).routing.cloud).toBe('forbidden');
  });

  it('refuses a section a hand-written key would make invalid, naming the key', () => {
    const root = workspace(CONFIG.replace('  default: local\n', '  default: local\n  budget: 3\n'));
    try {
      saveRouting(root, ASK);
      expect.unreachable();
    } catch (error) {
      expect((error as RoutingConfigError).issues.join('\n')).toContain('routing');
      expect((error as RoutingConfigError).issues.join('\n')).toContain('budget');
    }
    expect(fs.readFileSync(path.join(root, '.cairn', 'config.yaml'), 'utf8')).toContain(
      'cloud: forbidden',
    );
  });

  it('creates .cairn/config.yaml in a workspace that has none', () => {
    const root = workspace(null);
    expect(readRoutingConfig(root)).toMatchObject({ exists: false, version: 'absent' });
    expect(saveRouting(root, ASK, 'absent')).toMatchObject({ exists: true, routing: ASK });
  });
});

describe('checkRouting', () => {
  const providers = [
    provider('team-vllm', 'hosted', ['qwen2.5-32b']),
    provider('openai', 'cloud', ['gpt-4.1']),
  ];

  it('accepts a policy that the configured providers can serve', () => {
    expect(checkRouting(ASK, providers)).toEqual({ errors: [], warnings: [] });
  });

  it('refuses cloud passes when cloud is forbidden, naming the field', () => {
    const { errors } = checkRouting({ ...ASK, cloud: 'forbidden', default: 'cloud' }, providers);
    expect(errors).toEqual([
      'routing.default: cloud is forbidden for this workspace (routing.cloud), so the default cannot be cloud',
      'routing.passes.plan: routes to cloud, which this workspace forbids (routing.cloud)',
    ]);
  });

  it('refuses a provider of the wrong tier and a model it does not list', () => {
    const { errors } = checkRouting(
      {
        ...ASK,
        hosted_model: { provider: 'openai', model: 'gpt-4.1' },
        cloud_model: { provider: 'openai', model: 'gpt-5' },
      },
      providers,
    );
    expect(errors).toEqual([
      "routing.hosted_model.provider: 'openai' is set up as a cloud provider; choose a hosted one",
      "routing.cloud_model.model: 'openai' does not list the model 'gpt-5' (it lists gpt-4.1)",
    ]);
  });

  it('warns about a tier with no model and a provider not configured here', () => {
    const { errors, warnings } = checkRouting(
      { ...ASK, hosted_model: undefined, cloud_model: { provider: 'anthropic', model: 'x' } },
      providers,
    );
    expect(errors).toEqual([]);
    expect(warnings).toEqual([
      "routing.hosted_model: 'review-summary' goes to hosted, but no hosted model is chosen; such passes cannot run until one is.",
      "routing.cloud_model.provider: no provider 'anthropic' is configured on this machine; cloud passes fail here until it is added under Providers and keys.",
    ]);
  });
});
