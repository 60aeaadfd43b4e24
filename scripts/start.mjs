// `npm start`: the desktop app where Electron is installed, the browser host otherwise, on
// the sample workspace (or the folder given as the first argument).
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './electron-binary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const workspace = path.resolve(process.argv[2] ?? path.join(root, 'resources', 'sample-workspace'));

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const electron = findElectronBinary();
if ('path' in electron) {
  run('npm', ['run', 'build']);
  run(process.execPath, ['scripts/electron-native.mjs']);
  const child = spawn(electron.path, ['.', `--workspace=${workspace}`], {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      CAIRN_SQLITE_BINDING: path.join(root, '.cache', 'electron-native', 'better_sqlite3.node'),
    },
  });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(`Cairn: not starting the desktop app: ${electron.missing}.`);
  console.log('Cairn: starting the browser host instead.\n');
  run('npm', ['run', 'build:renderer', '--silent']);
  const child = spawn(process.execPath, ['bin/cairn.mjs', 'serve', workspace], {
    cwd: root,
    stdio: 'inherit',
  });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code) => process.exit(code ?? 0));
}
