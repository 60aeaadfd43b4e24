// Bundles the Electron main process and the preload (CommonJS: a sandboxed preload cannot be
// an ES module). Native and large runtime packages stay external and ship in node_modules.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

// bin/cairn.mjs runs dist/cli/ only while no source it was built from changed since the build
// began; this manifest says which files those are. It is removed first and written last, so a
// failed or interrupted build leaves none and cairn runs the sources instead.
const CLI_DIR = 'dist/cli';
const MANIFEST = path.join(CLI_DIR, 'sources.json');
fs.rmSync(MANIFEST, { force: true });
const startedAt = Date.now();

// zod re-exports its ~50 message locales as `z.locales` (a third of its size); Cairn uses only
// English, which zod imports and installs by itself. The CLI bundle carries that one, so
// `cairn lint` does not parse the rest at every start.
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/](core|classic)$/.test(args.resolveDir)
        ? { path: path.join(args.resolveDir, '../locales'), namespace: 'zod-locales' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(path.join(args.path, 'en.js'))};`,
      resolveDir: args.path,
    }));
  },
};

const external = ['electron', 'better-sqlite3', 'node-llama-cpp', '@node-llama-cpp/*'];

const [, , , cliManifest] = await Promise.all([
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
  // Split into chunks along the commands' dynamic imports (commands/index.ts): a command loads
  // only its own code. Chunks stay beside the entries, where code that finds files relative
  // to import.meta.url (the worker, package.json) expects to be.
  build({
    entryPoints: {
      cairn: 'electron/cli/entry.ts',
      'inference-worker': 'native-models/local/worker.ts',
    },
    outdir: CLI_DIR,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    chunkNames: 'chunk-[hash]',
    metafile: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    // Bundled CommonJS dependencies still call require(); give them one (in every chunk).
    banner: {
      js: "import { createRequire as __cairnRequire } from 'node:module'; const require = __cairnRequire(import.meta.url);",
    },
    external: [...external, 'tsx', 'tsx/*'],
    plugins: [zodEnglishOnly],
    logLevel: 'warning',
  }).then(({ metafile }) => {
    const outputs = new Set(Object.keys(metafile.outputs).map((f) => path.basename(f)));
    // Chunks of earlier builds: their names carry a content hash, so none is overwritten.
    for (const file of fs.readdirSync(CLI_DIR)) {
      if (file.startsWith('chunk-') && !outputs.has(file)) fs.rmSync(path.join(CLI_DIR, file));
    }
    const sources = Object.keys(metafile.inputs)
      .filter((f) => !f.split('/').includes('node_modules') && !f.includes(':'))
      .sort();
    return { startedAt, sources };
  }),
]);
fs.writeFileSync(MANIFEST, JSON.stringify(cliManifest, null, 1) + '\n');
console.log('Built dist/main, dist/preload and dist/cli (the cairn command)');
