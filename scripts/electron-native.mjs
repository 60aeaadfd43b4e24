// Builds better-sqlite3 for Electron's ABI into .cache/electron-native/, leaving the Node
// build in node_modules for the CLI, the web host and the tests. The desktop app loads this
// copy through better-sqlite3's `nativeBinding` option (CAIRN_SQLITE_BINDING).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const out = path.join(root, '.cache', 'electron-native');
const target = path.join(out, 'better_sqlite3.node');
const electronVersion = require('electron/package.json').version;
const stamp = path.join(out, 'electron-version.txt');

if (
  fs.existsSync(target) &&
  fs.existsSync(stamp) &&
  fs.readFileSync(stamp, 'utf8') === electronVersion
) {
  process.exit(0);
}
const work = path.join(out, 'build');
fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(path.join(work, 'node_modules'), { recursive: true });
fs.writeFileSync(
  path.join(work, 'package.json'),
  JSON.stringify({ name: 'electron-native', version: '0.0.0' }),
);
fs.cpSync(
  path.join(root, 'node_modules', 'better-sqlite3'),
  path.join(work, 'node_modules', 'better-sqlite3'),
  {
    recursive: true,
    filter: (src) => !src.includes(`${path.sep}build${path.sep}`),
  },
);
const { rebuild } = await import('@electron/rebuild');
console.log(`Building better-sqlite3 for Electron ${electronVersion}…`);
await rebuild({ buildPath: work, electronVersion, onlyModules: ['better-sqlite3'], force: true });
fs.copyFileSync(
  path.join(work, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'),
  target,
);
fs.writeFileSync(stamp, electronVersion);
console.log(`Wrote ${target}`);
