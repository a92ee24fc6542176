import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import sellerDesk from './scripts/eslint-public-surface.mjs';

const nodeBuiltins = ['fs', 'path', 'os', 'http', 'https', 'net', 'crypto', 'child_process', 'worker_threads', 'stream', 'url', 'util', 'events'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'release/**', '.electron-native/**', '.stryker-tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mjs,js}'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'max-lines': ['error', { max: 400, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // electron-builder's hooks are CommonJS scripts it requires
    files: ['scripts/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // One shape for every capability: from outside a folder, only its index.ts (README: Layout).
    files: ['electron/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    plugins: { 'seller-desk': sellerDesk },
    rules: { 'seller-desk/public-surface': 'error' },
  },
  {
    // The core is plain Node: it runs in Electron's utility process, in browser mode and in tests.
    files: ['electron/sandbox/**/*.ts', 'electron/web-host/**/*.ts', 'electron/http-boundary/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'The core never imports electron: pass what it needs through core/platform.' }] },
      ],
    },
  },
  {
    // ... and never starts the sandbox itself: hosts inject how (CoreOptions.sandbox).
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The core never imports electron: pass what it needs through core/platform.' }],
          patterns: [{ regex: '^(\\.\\./)+sandbox(/|$)', message: 'The core never imports the sandbox: hosts pass how to start it (CoreOptions.sandbox).' }],
        },
      ],
    },
  },
  { files: ['renderer/**/*.{ts,tsx}'], ...reactHooks.configs.flat['recommended-latest'] },
  {
    // The renderer reaches the core only through the contract; no Node, no electron.
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', ...nodeBuiltins.flatMap((m) => [m, `node:${m}`])],
          patterns: [
            {
              regex: '^(\\.\\./)+electron/(?!core/(contract|conventions)$)',
              message: 'The renderer may import only electron/core/contract (the shared declarations) and electron/core/conventions (the shared rules).',
            },
          ],
        },
      ],
    },
  },
);
