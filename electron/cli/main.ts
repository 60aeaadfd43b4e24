// `cairn`: the command line. Parses the command name, dispatches, and maps failures to the
// documented exit codes (exit-codes.ts). Commands live in commands/, one file each.
import { loadCommand, loadCommands } from './commands/index.ts';
import { UsageError, type CliIo } from './command.ts';
import { EXIT, type ExitCode } from './exit-codes.ts';
import { packageVersion } from './package-info.ts';

async function overview(): Promise<string> {
  const commands = await loadCommands();
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    `Cairn ${packageVersion()}: a local-first workbench for spec-driven teams`,
    '',
    'Usage: cairn <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    '  -h, --help     show help (also: cairn <command> --help)',
    '  -v, --version  print the version',
    '',
    'Exit codes: 0 ok, 1 findings, 2 usage error, 3 failure, 130 interrupted.',
  ].join('\n');
}

export async function runCli(argv: string[], io: CliIo): Promise<ExitCode> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
    const topic = first === 'help' && rest[0] !== undefined ? loadCommand(rest[0]) : undefined;
    io.out(topic ? (await topic).help : await overview());
    return first === undefined ? EXIT.usage : EXIT.ok;
  }
  if (first === '-v' || first === '--version') {
    io.out(packageVersion());
    return EXIT.ok;
  }
  const load = loadCommand(first);
  if (!load) {
    io.err(`cairn: unknown command '${first}'. Run \`cairn --help\` for the list.`);
    return EXIT.usage;
  }
  const command = await load;
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.help);
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`cairn ${command.name}: ${error.message}. Run \`cairn ${command.name} --help\`.`);
      return EXIT.usage;
    }
    io.err(`cairn ${command.name}: ${(error as Error).message}`);
    return EXIT.failure;
  }
}

export function processIo(): CliIo {
  const stopped = new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  return {
    out: (line) => process.stdout.write(line + '\n'),
    err: (line) => process.stderr.write(line + '\n'),
    env: process.env,
    cwd: process.cwd(),
    stopped,
  };
}
