import { DownloadError } from '../../../native-models/routing/model-download.ts';
import { ModelsService } from '../../services/models/models-service.ts';
import { resolveDataDir } from '../../services/store/data-dir.ts';
import { openDatabase } from '../../services/store/database.ts';
import { ModelRegistryStore } from '../../services/store/model-registry-store.ts';
import { parseCommandArgs, parseFormat, UsageError, type CliIo, type Command } from '../command.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';

const HELP = `Usage: cairn models <subcommand> [options]

On-device models: a registry of GGUF files, a catalog of recommended ones, and the
measurements that tune them to this machine.

Subcommands:
  list                    the registered models: id, name, quantization, size, file
  import <file.gguf>      check a GGUF file, compute its SHA-256 once, register it where it is
  remove <model-id>       unregister a model; its file is deleted only if it is in Cairn's
                          models folder (a download), an imported file stays where it is
  catalog                 recommended models, each with an estimate of whether it fits here
  download <catalog-id>   show the fit estimate, download, check the SHA-256, register
  hardware                CPU, memory and GPU as the model runtime sees them
  bench <model-id>        measure thread counts for a model on this machine (prefill and
                          decode tokens/s); keep the fastest for later generation

Options:
  --format text|json      output format (default: text)
  --data-dir DIR          where Cairn keeps its database and downloaded models
                          (default: $CAIRN_DATA_DIR, then the user data folder)
  --cpu                   do not use a GPU (hardware, bench)
  --force                 download even when the estimate says the model will not fit
  --threads N,N,…         thread counts to measure (bench; default: chosen from the cores)
  --repeats N             runs per thread count (bench; default: 3)

Exit codes: 0 ok; 2 usage error; 3 failure (not a GGUF file, unknown model, download or
checksum failure, model too large without --force); 130 interrupted (Ctrl-C: a download
keeps its partial file and resumes when run again).`;

const SUBCOMMANDS = [
  'list',
  'import',
  'remove',
  'catalog',
  'download',
  'hardware',
  'bench',
] as const;
type Subcommand = (typeof SUBCOMMANDS)[number];
/** The one argument a subcommand takes; the others take none. */
const ARGUMENT_OF: Partial<Record<Subcommand, string>> = {
  import: 'a .gguf file',
  remove: 'a model id',
  download: 'a catalog id',
  bench: 'a model id',
};

function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} B`;
}

function parsePositiveList(value: string, flag: string): number[] {
  const numbers = value.split(',').map((part) => Number(part.trim()));
  if (numbers.length === 0 || numbers.some((n) => !Number.isInteger(n) || n < 1 || n > 512)) {
    throw new UsageError(
      `${flag} takes whole numbers from 1 to 512 separated by commas, got '${value}'`,
    );
  }
  return numbers;
}

interface Parsed {
  sub: Subcommand;
  args: string[];
  json: boolean;
  dataDir: string | undefined;
  cpu: boolean;
  force: boolean;
  threads: number[] | undefined;
  repeats: number | undefined;
}

function parse(argv: string[]): Parsed {
  const parsed = parseCommandArgs(argv, {
    format: { type: 'string' },
    'data-dir': { type: 'string' },
    cpu: { type: 'boolean' },
    force: { type: 'boolean' },
    threads: { type: 'string' },
    repeats: { type: 'string' },
  });
  const { values, positionals } = parsed;
  const [sub, ...args] = positionals;
  if (sub === undefined) throw new UsageError(`say what to do: ${SUBCOMMANDS.join(', ')}`);
  if (!(SUBCOMMANDS as readonly string[]).includes(sub)) {
    throw new UsageError(`unknown subcommand '${sub}' (expected ${SUBCOMMANDS.join(', ')})`);
  }
  const what = ARGUMENT_OF[sub as Subcommand];
  const expected = what === undefined ? 0 : 1;
  if (args.length !== expected) {
    throw new UsageError(
      expected === 1
        ? `models ${sub} takes ${what}, got ${args.length} arguments`
        : `models ${sub} takes no arguments, got '${args.join(' ')}'`,
    );
  }
  let repeats: number | undefined;
  if (values.repeats !== undefined) {
    repeats = Number(values.repeats);
    if (!Number.isInteger(repeats) || repeats < 1 || repeats > 10) {
      throw new UsageError(
        `--repeats must be a whole number from 1 to 10, got '${values.repeats}'`,
      );
    }
  }
  return {
    sub: sub as Subcommand,
    args,
    json: parseFormat(values.format) === 'json',
    dataDir: values['data-dir'],
    cpu: values.cpu ?? false,
    force: values.force ?? false,
    threads:
      values.threads === undefined ? undefined : parsePositiveList(values.threads, '--threads'),
    repeats,
  };
}

async function run(p: Parsed, models: ModelsService, io: CliIo): Promise<ExitCode> {
  const print = (value: unknown, text: () => string[]) => {
    if (p.json) io.out(JSON.stringify(value, null, 2));
    else for (const line of text()) io.out(line);
  };
  switch (p.sub) {
    case 'list': {
      const list = models.list();
      print(list, () =>
        list.length === 0
          ? [
              'No models registered yet. Import a .gguf file (`cairn models import <file>`) or download one (`cairn models catalog`).',
            ]
          : list.map(
              (m) =>
                `${m.id}  ${m.summary.name}  ${m.summary.quantization}  ${formatBytes(m.sizeBytes)}  ${m.path}`,
            ),
      );
      return EXIT.ok;
    }
    case 'import': {
      const file = p.args[0] as string;
      const { record, alreadyKnown } = await models.importFile(file);
      print(record, () => [
        `${alreadyKnown ? 'Already registered' : 'Registered'} ${record.summary.name} as ${record.id}`,
        `  ${record.summary.architecture}, ${record.summary.quantization}, ${formatBytes(record.sizeBytes)}, ${record.summary.parameterCount.toLocaleString('en')} parameters`,
        `  SHA-256 ${record.sha256}`,
        `  ${record.path}`,
      ]);
      return EXIT.ok;
    }
    case 'remove': {
      const { record, file } = await models.remove(p.args[0] as string);
      const name = `${record.summary.name} (${record.id})`;
      print({ model: record, file }, () => [
        file === 'deleted'
          ? `Removed ${name} and deleted its file ${record.path}.`
          : file === 'already-gone'
            ? `Removed ${name}; its file ${record.path} was already gone.`
            : file === 'shared'
              ? `Removed ${name} from the list. Its file ${record.path} stays: another registered model uses it.`
              : `Removed ${name} from the list. Its file was not deleted: ${record.path} is outside Cairn's models folder (${models.modelsDir}); delete it yourself if you no longer need it.`,
      ]);
      return EXIT.ok;
    }
    case 'catalog': {
      const items = await models.catalogWithFit();
      print(items, () =>
        items.flatMap(({ entry, fit, model }) => [
          `${entry.id}  ${entry.name} (${entry.parameters}, ${entry.quantization}, ${entry.sizeIsExact ? '' : '~'}${formatBytes(entry.sizeBytes)}, ${entry.license})${model ? `  [downloaded: ${model.id}]` : ''}`,
          `  fit: ${fit.verdict}. ${fit.message}`,
          `  SHA-256: ${entry.sha256 ?? entry.hashSource}`,
        ]),
      );
      return EXIT.ok;
    }
    case 'download': {
      const entry = models.findCatalogEntry(p.args[0] as string);
      const fit = await models.fitFor(entry);
      io.err(`${entry.name}: ${fit.verdict}. ${fit.message}`);
      if (fit.verdict === 'too-large' && !p.force) {
        io.err(
          'Not downloading: the estimate says it cannot run here. Use --force to download anyway.',
        );
        return EXIT.failure;
      }
      const controller = new AbortController();
      void io.stopped.then(() => controller.abort());
      let lastShown = 0;
      try {
        const { record, download } = await models.download(entry.id, {
          signal: controller.signal,
          onProgress: ({ receivedBytes, totalBytes, resumedFromBytes }) => {
            if (p.json || Date.now() - lastShown < 1000) return;
            lastShown = Date.now();
            const of = totalBytes
              ? ` of ${formatBytes(totalBytes)} (${Math.floor((receivedBytes / totalBytes) * 100)}%)`
              : '';
            const resumed =
              resumedFromBytes > 0 ? `, resumed at ${formatBytes(resumedFromBytes)}` : '';
            io.err(`  ${formatBytes(receivedBytes)}${of}${resumed}`);
          },
        });
        print({ model: record, alreadyPresent: download === null, download }, () => [
          download === null
            ? `${entry.name} is already downloaded as ${record.id} (${record.path}).`
            : `Downloaded and verified ${entry.name} as ${record.id}: SHA-256 ${record.sha256}${entry.sha256 ? ' matches the catalog' : ' (pinned: later downloads must match it)'}.`,
        ]);
        return EXIT.ok;
      } catch (error) {
        if (error instanceof DownloadError && error.problem === 'cancelled') {
          io.err(error.message);
          return EXIT.interrupted;
        }
        throw error;
      }
    }
    case 'hardware': {
      const report = await models.hardware();
      print(report, () => [
        `CPU: ${report.cpu.model}, ${report.cpu.physicalCores} physical / ${report.cpu.logicalCores} logical cores${report.cpu.mathCores !== null ? ` (llama.cpp math cores: ${report.cpu.mathCores})` : ''}`,
        `Memory: ${formatBytes(report.memory.freeBytes)} free of ${formatBytes(report.memory.totalBytes)}`,
        report.gpu.backend
          ? `GPU: ${report.gpu.backend}: ${report.gpu.devices.join(', ') || 'unnamed device'}, ${formatBytes(report.gpu.vramFreeBytes)} free of ${formatBytes(report.gpu.vramTotalBytes)} VRAM`
          : `GPU: none used${p.cpu ? ' (--cpu)' : ' (node-llama-cpp found no CUDA, Vulkan or Metal device; models run on the CPU)'}`,
        `Runtime: node-llama-cpp ${report.runtime.nodeLlamaCpp}, llama.cpp ${report.runtime.llamaCppRelease ?? 'not loaded'} (${report.runtime.binary ?? 'no binary'})`,
        ...report.problems.map((problem) => `Problem: ${problem}`),
      ]);
      return EXIT.ok;
    }
    case 'bench': {
      const record = models.require(p.args[0] as string);
      io.err(`Measuring thread counts for ${record.summary.name} (${record.id})…`);
      const controller = new AbortController();
      void io.stopped.then(() => controller.abort());
      const calibration = await models.calibrate(
        record.id,
        {
          ...(p.threads ? { candidates: p.threads } : {}),
          promptTokens: 128,
          generateTokens: 32,
          repeats: p.repeats ?? 3,
        },
        { signal: controller.signal },
      );
      const best = calibration.bestThreads;
      print(calibration, () => [
        'threads  prefill tok/s  decode tok/s  workload ms',
        ...calibration.measurements.map(
          (m) =>
            `${String(m.threads).padStart(7)}  ${m.promptTokensPerSecond.toFixed(1).padStart(13)}  ${m.generationTokensPerSecond.toFixed(1).padStart(12)}  ${m.totalMs.toFixed(1).padStart(11)}`,
        ),
        `Chosen: ${best} thread${best === 1 ? '' : 's'} (the fastest workload); saved for this model on this machine.`,
      ]);
      return EXIT.ok;
    }
  }
}

export const modelsCommand: Command = {
  name: 'models',
  summary: 'List, import, download and benchmark on-device GGUF models',
  help: HELP,
  async run(argv, io) {
    const p = parse(argv);
    const dataDir = resolveDataDir(p.dataDir, io.env);
    const db = openDatabase(dataDir);
    const models = new ModelsService({
      registry: new ModelRegistryStore(db),
      dataDir,
      gpu: p.cpu ? false : 'auto',
    });
    try {
      return await run(p, models, io);
    } finally {
      models.close();
      db.close();
    }
  },
};
