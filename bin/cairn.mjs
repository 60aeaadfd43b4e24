#!/usr/bin/env node
// `cairn`. Runs the bundle that `npm run build` writes (dist/cli/cairn.mjs) when it is newer
// than every source file; otherwise the TypeScript sources through tsx, so a checkout works
// with no build step and an edit is never hidden behind a stale bundle. The bundle starts
// several times faster: scripts and CI gates call cairn often.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'dist', 'cli', 'cairn.mjs');
const SOURCES = ['electron', 'native-models', 'workflows'];

function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

function bundleIsCurrent() {
  if (process.env.CAIRN_FROM_SOURCE) return false;
  let built;
  try {
    built = fs.statSync(bundle).mtimeMs;
  } catch {
    return false;
  }
  return SOURCES.every((dir) => newestSource(path.join(root, dir)) <= built);
}

if (bundleIsCurrent()) {
  await import(pathToFileURL(bundle).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../electron/cli/entry.ts');
}
