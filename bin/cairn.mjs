#!/usr/bin/env node
// `cairn`. Runs the bundle that `npm run build` writes (dist/cli/) when none of the sources it
// was built from changed after the build began; otherwise the TypeScript sources through tsx,
// so a checkout works with no build step and an edit is never hidden behind a stale bundle.
// The bundle starts several times faster: scripts and CI gates call cairn often.
//
// The build lists those sources in dist/cli/sources.json (every file esbuild read outside
// node_modules) with the time it began: one stat per listed file, no walk of the source tree.
// A file added to the tree matters only once a listed file imports it, which changes that file.
import fs from 'node:fs';
import module from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'dist', 'cli', 'cairn.mjs');
const manifest = path.join(root, 'dist', 'cli', 'sources.json');

function bundleIsCurrent() {
  if (process.env.CAIRN_FROM_SOURCE) return false;
  let built;
  try {
    built = JSON.parse(fs.readFileSync(manifest, 'utf8'));
  } catch {
    return false;
  }
  if (typeof built?.startedAt !== 'number' || !Array.isArray(built.sources)) return false;
  if (!fs.existsSync(bundle)) return false;
  try {
    return built.sources.every(
      (source) => fs.statSync(path.join(root, source)).mtimeMs <= built.startedAt,
    );
  } catch {
    return false; // a source was removed or renamed
  }
}

if (bundleIsCurrent()) {
  // Node 22.1+ can keep V8's compiled code between runs (in the OS temp folder); Node 20 has no
  // such API, and there this does nothing.
  module.enableCompileCache?.();
  await import(pathToFileURL(bundle).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../electron/cli/entry.ts');
}
