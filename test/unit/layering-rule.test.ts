import { RuleTester } from 'eslint';
import { describe, expect, it } from 'vitest';
import tseslint from 'typescript-eslint';
import { checkImport, layeringRule } from '../../tools/eslint-plugin-cairn/layering.js';

describe('checkImport', () => {
  it.each([
    ['renderer/src/App.tsx', 'node:fs', /renderer may not import the Node module 'node:fs'/],
    ['renderer/src/App.tsx', 'fs/promises', /Node module/],
    ['renderer/src/App.tsx', 'electron', /renderer may not import 'electron'/],
    ['renderer/src/App.tsx', '../../electron/services/core.ts', /renderer may not import electron/],
    [
      'renderer/src/App.tsx',
      '../../native-models/local/engine.ts',
      /renderer may not import native-models/,
    ],
    ['renderer/src/App.tsx', 'better-sqlite3', /may not import the package 'better-sqlite3'/],
    ['workflows/specs/parse.ts', 'node:path', /workflows may not import the Node module/],
    [
      'workflows/specs/parse.ts',
      '../../electron/ipc/contract.ts',
      /workflows may not import contract/,
    ],
    ['workflows/specs/parse.ts', 'isomorphic-git', /may not import the package 'isomorphic-git'/],
    ['electron/ipc/contract.ts', 'node:fs', /contract may not import the Node module/],
    ['electron/ipc/contract.ts', '../services/core.ts', /contract may not import electron/],
    [
      'native-models/local/engine.ts',
      '../../electron/services/core.ts',
      /native-models may not import electron/,
    ],
    ['native-models/local/engine.ts', 'electron', /native-models may not import 'electron'/],
    ['electron/services/core.ts', '../../renderer/src/App.tsx', /electron may not import renderer/],
    ['electron/services/sync.ts', 'node:https', /opens network connections/],
    ['native-models/local/engine.ts', 'openai', /opens network connections/],
    // Provider adapters build requests; only the egress gate in routing/ may create SDK clients.
    ['native-models/remote/anthropic.ts', '@anthropic-ai/sdk', /opens network connections/],
    ['electron/services/workflows/workflows-service.ts', 'openai', /opens network connections/],
    ['workflows/engine/engine.ts', 'node:net', /opens network connections|may not import/],
    ['electron/web/server.ts', 'node:net', /opens network connections/],
    ['workflows/x.ts', '../../../etc/passwd', /outside the repository/],
  ])('%s importing %s is refused', (file, specifier, message) => {
    expect(checkImport(file, specifier)).toMatch(message);
  });

  it.each([
    ['renderer/src/App.tsx', 'react'],
    ['renderer/src/App.tsx', 'zustand'],
    ['renderer/src/App.tsx', '../../electron/ipc/contract.ts'],
    ['renderer/src/App.tsx', '../../workflows/specs/frontmatter.ts'],
    ['workflows/specs/parse.ts', 'remark-parse'],
    ['workflows/specs/parse.ts', 'zod'],
    ['electron/services/core.ts', 'node:fs'],
    ['electron/services/core.ts', 'better-sqlite3'],
    ['electron/services/core.ts', '../../native-models/local/engine.ts'],
    ['electron/web/server.ts', 'node:http'],
    ['electron/web/server.ts', 'ws'],
    ['native-models/routing/egress.ts', 'node:https'],
    ['native-models/routing/egress.ts', 'openai'],
    ['test/unit/x.test.ts', 'node:http'],
  ])('%s importing %s is allowed', (file, specifier) => {
    expect(checkImport(file, specifier)).toBeNull();
  });

  it('lets a type-only import of a network module through (it opens nothing)', () => {
    expect(checkImport('electron/web/server.ts', 'node:net', true)).toBeNull();
    expect(checkImport('renderer/src/App.tsx', 'node:net', true)).toMatch(/Node module/);
  });
});

describe('cairn/layering as an ESLint rule', () => {
  const tester = new RuleTester({ languageOptions: { parser: tseslint.parser } });
  const cwd = process.cwd();
  const at = (rel: string) => `${cwd}/${rel}`;

  it('reports imports, re-exports, dynamic imports, require and network globals', () => {
    tester.run('layering', layeringRule, {
      valid: [
        { filename: at('renderer/src/a.ts'), code: "import { create } from 'zustand';" },
        {
          filename: at('native-models/routing/egress.ts'),
          code: "await fetch('http://127.0.0.1');",
        },
        {
          filename: at('renderer/src/transport/ws.ts'),
          code: "new WebSocket('ws://127.0.0.1/ws');",
        },
        {
          filename: at('electron/services/a.ts'),
          code: "const fetch = (x: string) => x; fetch('a');",
        },
      ],
      invalid: [
        { filename: at('renderer/src/a.ts'), code: "import fs from 'node:fs';", errors: 1 },
        { filename: at('renderer/src/a.ts'), code: "export * from 'node:path';", errors: 1 },
        {
          filename: at('renderer/src/a.ts'),
          code: "export { x } from '../../electron/main/main.ts';",
          errors: 1,
        },
        { filename: at('workflows/a.ts'), code: "const m = await import('node:fs');", errors: 1 },
        { filename: at('workflows/a.ts'), code: "const m = require('electron');", errors: 1 },
        {
          filename: at('electron/services/a.ts'),
          code: "await fetch('https://api.openai.com');",
          errors: 1,
        },
        {
          filename: at('renderer/src/views/a.ts'),
          code: "new WebSocket('wss://evil.example');",
          errors: 1,
        },
        {
          filename: at('native-models/local/a.ts'),
          code: 'const r = new XMLHttpRequest();',
          errors: 1,
        },
      ],
    });
  });
});
