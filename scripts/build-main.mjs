// Bundles the Electron main process and the preload (CommonJS: a sandboxed preload cannot be
// an ES module). Native and large runtime packages stay external and ship in node_modules.
import { build } from 'esbuild';

const external = ['electron', 'better-sqlite3', 'node-llama-cpp', '@node-llama-cpp/*'];

await Promise.all([
  build({
    entryPoints: ['electron/main/main.ts'],
    outfile: 'dist/main/main.cjs',
    bundle: true,
    platform: 'node',
    format: 'cjs',
    // CommonJS has no import.meta; code that needs it takes another path when it is undefined
    // (the inference worker gets Electron's launcher instead of locating itself).
    define: { 'import.meta.url': 'undefined' },
    target: 'node20',
    sourcemap: true,
    external,
    logLevel: 'warning',
  }),
  build({
    entryPoints: ['electron/preload/preload.ts'],
    outfile: 'dist/preload/preload.cjs',
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: true,
    external: ['electron'],
    logLevel: 'warning',
  }),
  // The inference worker runs in a utility process; node-llama-cpp is an ES module, so is this.
  build({
    entryPoints: ['native-models/local/worker.ts'],
    outfile: 'dist/main/inference-worker.mjs',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    external,
    logLevel: 'warning',
  }),
  // The command line, bundled so it starts fast, with its own copy of the worker beside it.
  build({
    entryPoints: {
      cairn: 'electron/cli/entry.ts',
      'inference-worker': 'native-models/local/worker.ts',
    },
    outdir: 'dist/cli',
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    // Bundled CommonJS dependencies still call require(); give them one.
    banner: {
      js: "import { createRequire as __cairnRequire } from 'node:module'; const require = __cairnRequire(import.meta.url);",
    },
    external: [...external, 'tsx', 'tsx/*'],
    logLevel: 'warning',
  }),
]);
console.log('Built dist/main, dist/preload and dist/cli (the cairn command)');
