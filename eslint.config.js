import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import cairn from './tools/eslint-plugin-cairn/layering.js';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'release/',
      '.cache/',
      'test-results/',
      'coverage/',
      // User content: a workspace's own code is not Cairn's.
      'resources/sample-workspace/',
      'test/fixtures/',
      '**/.typecheck-probe-*/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { cairn },
    rules: {
      'cairn/layering': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: [
      'electron/**',
      'native-models/**',
      'test/**',
      'tools/**',
      'scripts/**',
      'bin/**',
      '*.config.*',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['renderer/src/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // The pure domain: no Node globals either (the type-check enforces the same).
    files: ['workflows/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['process', 'Buffer', 'require', '__dirname', '__filename', 'window', 'document'].map(
          (name) => ({
            name,
            message: `workflows/ is pure and runs anywhere; '${name}' is not available`,
          }),
        ),
      ],
    },
  },
);
