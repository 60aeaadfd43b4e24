// `cairn providers`: the user's hosted and cloud model providers (<dataDir>/providers.yaml) and
// their API keys (the key store). Keys are read from standard input only, never from the
// command line, where they would land in shell history and process lists.
import { keyStoreDescription } from '../../services/providers/provider-keys.ts';
import {
  ProviderExistsError,
  ProviderNotFoundError,
  ProvidersService,
  type AddOutcome,
  type ProviderSummary,
} from '../../services/providers/providers-service.ts';
import { FileSecretStore } from '../../services/secrets/file-secret-store.ts';
import type { SecretStore } from '../../services/secrets/secret-store.ts';
import { resolveDataDir } from '../../services/store/data-dir.ts';
import { parseCommandArgs, parseFormat, UsageError, type CliIo, type Command } from '../command.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import { readSecretFromStdin } from '../read-secret.ts';

const HELP = `Usage: cairn providers <subcommand> [options]

Hosted and cloud model providers that flagged passes may escalate to (always after your
consent). Kept in providers.yaml in the Cairn data folder; API keys are kept apart, in the
key store.

Subcommands:
  list                    the providers: id, kind, tier, base URL, models, key stored or not
  add <id>                add a provider (replaces one with the same id when --replace is given)
      --kind openai-compatible|anthropic
      --tier hosted|cloud   hosted: a server your team runs; cloud: a frontier API
      --base-url URL        https (or http to 127.0.0.1/localhost); OpenAI-compatible URLs end
                            with the API version (https://api.openai.com/v1,
                            http://127.0.0.1:11434/v1), Anthropic's is https://api.anthropic.com
      --model NAME          a model it may be asked for (repeat for more)
      --structured-output json_schema|json_object|tool|none   (default per kind)
  set-key <id>            store the provider's API key, read from standard input
                          (echo off at a terminal; or: cairn providers set-key openai < key.txt)
  remove <id>             remove the provider and its stored key

Options:
  --format text|json      output format of list (default: text)
  --data-dir DIR          where Cairn keeps its data (default: $CAIRN_DATA_DIR, then the user
                          data folder)

The provider id is also the provider part of price keys in prices.yaml (openai/gpt-4.1).

Exit codes: 0 ok; 2 usage error; 3 failure (unknown provider, invalid entry, empty key).`;

const SUBCOMMANDS = ['list', 'add', 'set-key', 'remove'] as const;
type Subcommand = (typeof SUBCOMMANDS)[number];

export interface ProvidersCommandDeps {
  /** Reads the key for set-key (default: standard input, echo off at a terminal). */
  readKey?: (prompt: string, io: CliIo) => Promise<string>;
  /** The key store for a data folder (default: the file store the CLI uses). */
  secrets?: (dataDir: string) => SecretStore;
}

function parse(argv: string[]) {
  const { values, positionals } = parseCommandArgs(argv, {
    format: { type: 'string' },
    'data-dir': { type: 'string' },
    kind: { type: 'string' },
    tier: { type: 'string' },
    'base-url': { type: 'string' },
    model: { type: 'string', multiple: true },
    'structured-output': { type: 'string' },
    replace: { type: 'boolean' },
  });
  const [sub, ...args] = positionals;
  if (sub === undefined) throw new UsageError(`say what to do: ${SUBCOMMANDS.join(', ')}`);
  if (!(SUBCOMMANDS as readonly string[]).includes(sub)) {
    throw new UsageError(`unknown subcommand '${sub}' (expected ${SUBCOMMANDS.join(', ')})`);
  }
  const expected = sub === 'list' ? 0 : 1;
  if (args.length !== expected) {
    throw new UsageError(
      expected === 0
        ? `providers list takes no arguments, got '${args.join(' ')}'`
        : sub === 'set-key' && args.length > 1
          ? 'providers set-key takes the provider id only; the key is read from standard input, never from the command line'
          : `providers ${sub} takes a provider id, got ${args.length} arguments`,
    );
  }
  parseFormat(values.format);
  const addOnly = ['kind', 'tier', 'base-url', 'model', 'structured-output', 'replace'] as const;
  if (sub !== 'add') {
    const given = addOnly.filter((flag) => values[flag] !== undefined);
    if (given.length > 0) throw new UsageError(`--${given[0]} belongs to providers add`);
  }
  return { sub: sub as Subcommand, id: args[0] ?? '', values };
}

type Parsed = ReturnType<typeof parse>;

function describe(p: ProviderSummary): string[] {
  return [
    `${p.id}  ${p.kind}  ${p.tier}  ${p.baseUrl}  key: ${p.keyStored ? 'stored' : 'not stored'}`,
    `  models: ${p.models.join(', ')}; structured output: ${p.structuredOutput}`,
  ];
}

const FLAG: Record<string, string> = {
  baseUrl: 'base-url',
  models: 'model',
  structuredOutput: 'structured-output',
};

function add(p: Parsed, service: ProvidersService, io: CliIo): ExitCode {
  const v = p.values;
  const missing = (['kind', 'tier', 'base-url', 'model'] as const).filter(
    (f) => v[f] === undefined,
  );
  if (missing.length > 0) {
    throw new UsageError(`providers add needs ${missing.map((f) => `--${f}`).join(', ')}`);
  }
  let outcome: AddOutcome;
  try {
    outcome = service.add(
      {
        id: p.id,
        kind: v.kind,
        tier: v.tier,
        baseUrl: v['base-url'],
        models: v.model,
        ...(v['structured-output'] !== undefined
          ? { structuredOutput: v['structured-output'] }
          : {}),
      },
      { replace: v.replace },
    );
  } catch (error) {
    if (!(error instanceof ProviderExistsError)) throw error;
    io.err(`A provider '${p.id}' exists already; give --replace to replace it.`);
    return EXIT.failure;
  }
  if (!outcome.ok) {
    for (const { field, message } of outcome.issues) {
      io.err(`${field === 'id' ? 'the id' : `--${FLAG[field] ?? field}`}: ${message}`);
    }
    return EXIT.failure;
  }
  const { provider } = outcome;
  const keyStored = service.keys.has(p.id);
  io.out(`${outcome.replaced ? 'Replaced' : 'Added'} ${p.id} in ${service.file}.`);
  for (const line of describe({ ...provider, keyStored })) io.out(line);
  if (!keyStored) {
    io.out(
      provider.kind === 'anthropic' || provider.tier === 'cloud'
        ? `Store its API key with: cairn providers set-key ${p.id}`
        : `If the server needs an API key, store it with: cairn providers set-key ${p.id}`,
    );
  }
  return EXIT.ok;
}

async function run(
  p: Parsed,
  service: ProvidersService,
  io: CliIo,
  deps: ProvidersCommandDeps,
): Promise<ExitCode> {
  const json = p.values.format === 'json';
  const keys = service.keys;
  switch (p.sub) {
    case 'list': {
      const providers = service.list();
      if (json) {
        io.out(JSON.stringify(providers, null, 2));
      } else if (providers.length === 0) {
        io.out(
          'No providers configured. Add one with `cairn providers add <id> --kind … --tier … --base-url … --model …`.',
        );
      } else {
        for (const x of providers) for (const line of describe(x)) io.out(line);
      }
      return EXIT.ok;
    }
    case 'add':
      return add(p, service, io);
    case 'set-key': {
      const provider = service.find(p.id);
      if (!provider) {
        io.err(
          `No provider '${p.id}' is configured; add it first with \`cairn providers add ${p.id} …\`.`,
        );
        return EXIT.failure;
      }
      if (keys.warning) io.err(`Warning: ${keys.warning}`);
      const read = deps.readKey ?? readSecretFromStdin;
      const key = await read(`API key for ${p.id} (${provider.baseUrl}): `, io);
      service.setKey(p.id, key);
      io.out(`Stored the API key for ${p.id} (${keyStoreDescription(keys.storeKind)}).`);
      return EXIT.ok;
    }
    case 'remove': {
      let hadKey: boolean;
      try {
        ({ hadKey } = service.remove(p.id));
      } catch (error) {
        if (!(error instanceof ProviderNotFoundError)) throw error;
        io.err(error.message);
        return EXIT.failure;
      }
      io.out(`Removed ${p.id}${hadKey ? ' and its stored API key' : ''}.`);
      return EXIT.ok;
    }
  }
}

export function providersCommandWith(deps: ProvidersCommandDeps = {}): Command {
  return {
    name: 'providers',
    summary: 'Configure hosted and cloud model providers and their API keys',
    help: HELP,
    async run(argv, io) {
      const p = parse(argv);
      const dataDir = resolveDataDir(p.values['data-dir'], io.env);
      const secrets = deps.secrets ? deps.secrets(dataDir) : new FileSecretStore(dataDir);
      return run(p, new ProvidersService(dataDir, secrets), io, deps);
    },
  };
}

export const providersCommand = providersCommandWith();
