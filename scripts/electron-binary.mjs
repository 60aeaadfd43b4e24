// Finds the Electron binary WITHOUT triggering its download: `require('electron')` would try
// to fetch it on first use, which hangs or fails on a machine without internet access.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** @returns {{ path: string } | { missing: string }} */
export function findElectronBinary() {
  const pkgDir = path.join(root, 'node_modules', 'electron');
  if (!fs.existsSync(pkgDir))
    return { missing: 'the electron package is not installed (run npm ci)' };
  const pathFile = path.join(pkgDir, 'path.txt');
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(pkgDir, 'dist');
  if (!fs.existsSync(pathFile)) {
    return {
      missing:
        'the Electron binary has not been downloaded (node_modules/electron/path.txt is absent); ' +
        'run `npx install-electron` on a machine with internet access',
    };
  }
  const binary = path.join(distDir, fs.readFileSync(pathFile, 'utf8').trim());
  if (!fs.existsSync(binary)) return { missing: `the Electron binary is missing at ${binary}` };
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { missing: 'there is no display (set DISPLAY, or run under xvfb-run)', binary };
  }
  return { path: binary };
}
