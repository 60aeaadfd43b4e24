// The layering of ../../DESIGN.md (shared design), as data. The rule in layering.js reads
// only this table, so a change to the architecture is a change here and nowhere else.

/** Packages that do nothing on import and run in any JavaScript runtime. */
export const PURE_PACKAGES = [
  'zod',
  'yaml',
  'unified',
  'picomatch',
  // SHA-256 in plain JavaScript, synchronous in Node and the browser (cache keys in workflows/).
  '@noble/hashes',
  // Type-only packages (@types/mdast, @types/unist): the node types of the Markdown tree.
  'mdast',
  'unist',
  /^remark-/,
  /^mdast-/,
  /^micromark/,
  /^unist-/,
  /^vfile/,
];

/** Packages the browser renderer may use besides the pure ones. */
export const RENDERER_PACKAGES = [
  ...PURE_PACKAGES,
  'react',
  'react-dom',
  'react/jsx-runtime',
  'zustand',
  /^@codemirror\//,
  /^@lezer\//,
  'codemirror',
  /^@tanstack\//,
  'recharts',
  'chart.js',
];

/**
 * Layers, most specific first (a file belongs to the first layer whose `files` matches).
 * `imports`: layers whose files it may import. `packages`: 'any' or an allow-list.
 * `node` / `electron`: whether Node built-ins / the electron module may be imported.
 */
export const LAYERS = [
  {
    name: 'contract',
    files: ['electron/ipc/contract.ts', 'electron/ipc/contract/'],
    why: 'the IPC contract is loaded by the renderer too, so it must stay free of Node and Electron',
    imports: ['contract', 'workflows'],
    packages: PURE_PACKAGES,
    node: false,
    electron: false,
  },
  {
    name: 'workflows',
    files: ['workflows/'],
    why: 'workflows/ is the pure domain and also runs in the renderer',
    imports: ['workflows'],
    packages: PURE_PACKAGES,
    node: false,
    electron: false,
  },
  {
    name: 'renderer',
    files: ['renderer/src/'],
    why: 'the renderer is a sandboxed web page; it reaches the core only through the contract',
    imports: ['renderer', 'workflows', 'contract'],
    packages: RENDERER_PACKAGES,
    node: false,
    electron: false,
  },
  {
    name: 'native-models',
    files: ['native-models/'],
    why: 'native-models/ is the model runtime and must not depend on the app around it',
    imports: ['native-models', 'workflows'],
    packages: 'any',
    node: true,
    electron: false,
  },
  {
    name: 'electron',
    files: ['electron/'],
    why: 'the Node side of the app may not reach into the renderer',
    imports: ['electron', 'contract', 'native-models', 'workflows'],
    packages: 'any',
    node: true,
    electron: true,
  },
];

/** Modules and globals that open network connections. */
export const NETWORK_MODULES = [
  'http',
  'https',
  'http2',
  'net',
  'tls',
  'dgram',
  'undici',
  'ws',
  'openai',
  '@anthropic-ai/sdk',
  'node-fetch',
  'axios',
  'got',
  'isomorphic-git/http/node',
  'isomorphic-git/http/web',
];
export const NETWORK_GLOBALS = ['fetch', 'WebSocket', 'XMLHttpRequest', 'EventSource'];

/**
 * Where network access is allowed, and which of it. Everything else is forbidden: only the
 * routing layer (the egress gate) may talk to model providers.
 */
export const NETWORK_ALLOWED = [
  { files: 'native-models/routing/', allow: 'all', why: 'the single egress gate' },
  {
    files: 'electron/web/',
    allow: ['http', 'ws'],
    why: 'the web host listens on 127.0.0.1; it never calls out',
  },
  {
    files: 'renderer/src/transport/',
    allow: ['WebSocket'],
    why: "the browser transport talks to the web host's own socket",
  },
  {
    files: 'electron/services/repo/',
    allow: ['isomorphic-git/http/node'],
    why: 'git remotes for sync (not a model provider)',
  },
];
