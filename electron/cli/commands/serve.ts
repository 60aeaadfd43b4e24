import fs from 'node:fs';
import path from 'node:path';
import { createDispatcher } from '../../ipc/dispatch.ts';
import { createHandlers } from '../../ipc/handlers.ts';
import { Core } from '../../services/core.ts';
import { resolveDataDir } from '../../services/store/data-dir.ts';
import { startWebHost } from '../../web/server.ts';
import { parseCommandArgs, UsageError, type Command } from '../command.ts';
import { EXIT } from '../exit-codes.ts';
import { packageRoot, packageVersion } from '../package-info.ts';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Serve the Cairn UI to a browser on 127.0.0.1, guarded by a per-start token',
  help: `Usage: cairn serve [workspace] [--port N] [--data-dir DIR]

Serves the Cairn UI and its API on http://127.0.0.1 only. A new random token is made at
every start; open the printed URL (it carries the token). Other machines, other web
origins and requests without the token are refused.

  workspace        the folder of specs to open (default: the current folder)
  --port N         port to listen on (default: a free one)
  --data-dir DIR   where Cairn keeps its database (default: $CAIRN_DATA_DIR, then the
                   user data folder)

Stop with Ctrl-C.`,
  async run(args, io) {
    const parsed = parseCommandArgs(args, {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
    });
    const { values, positionals } = parsed;
    if (positionals.length > 1)
      throw new UsageError(`serve takes one workspace folder, got ${positionals.length}`);
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new UsageError(`--port must be a whole number from 0 to 65535, got '${values.port}'`);
    }
    const staticDir = path.join(packageRoot(), 'dist', 'renderer');
    if (!fs.existsSync(path.join(staticDir, 'index.html'))) {
      io.err(
        `The UI is not built (no ${path.join(staticDir, 'index.html')}). Run \`npm run build:renderer\` first.`,
      );
      return EXIT.failure;
    }
    const workspace = path.resolve(io.cwd, positionals[0] ?? '.');
    const core = new Core({
      dataDir: resolveDataDir(values['data-dir'], io.env),
      host: 'web',
      version: packageVersion(),
      workspace,
    });
    try {
      const host = await startWebHost({
        dispatcher: createDispatcher(createHandlers(core), io.err),
        staticDir,
        port,
        log: io.err,
      });
      io.out(`Cairn ${packageVersion()} is serving ${workspace}`);
      io.out(`Open ${host.url}`);
      io.out('Press Ctrl-C to stop.');
      await io.stopped;
      await host.close();
      return EXIT.ok;
    } finally {
      core.close();
    }
  },
};
