// Lint: type-aware rules everywhere, and the dependency direction of
// DESIGN.md §4 held by import restrictions:
//   apps → storage → protocol / domain / crypto / safety / i18n
// The pure ("std") packages reach for no Node, DOM or storage; only crypto
// touches ts-mls or libsodium; the server never imports decryption
// (@lamplight/crypto) or crisis detection (@lamplight/safety's root).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const PURE = ['protocol', 'domain', 'crypto', 'safety', 'i18n'];
const deepImport = { group: ['@lamplight/*/src', '@lamplight/*/src/*', '@lamplight/*/dist/*'], message: 'Import a package through its public surface (@lamplight/<name>).' };
const onlyCrypto = [
  { group: ['ts-mls', 'ts-mls/*'], message: 'Only packages/crypto may use ts-mls.' },
  { group: ['libsodium-wrappers-sumo', 'libsodium-wrappers'], message: 'Only packages/crypto may use libsodium.' },
];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/dev-dist/**', 'data/**', 'packages/*/test-vectors/**', 'bench/results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.tests.json', './packages/*/tsconfig.json', './apps/server/tsconfig.json', './apps/web/tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
      'no-restricted-imports': ['error', { patterns: [deepImport, ...onlyCrypto] }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-console': 'off' },
  },
  {
    files: PURE.filter((p) => p !== 'crypto').map((p) => `packages/${p}/src/**/*.ts`),
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            deepImport,
            ...onlyCrypto,
            { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto'], message: 'Pure packages touch no Node API: take it as a parameter.' },
            { group: ['@lamplight/storage', '@lamplight/server', '@lamplight/web', 'react', 'react-dom'], message: 'Pure packages may not depend on storage or apps.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'process', 'window', 'document', 'navigator', 'localStorage', 'Buffer'],
    },
  },
  {
    files: ['packages/crypto/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            deepImport,
            { group: ['node:*', 'fs', 'path', 'os', 'child_process'], message: 'Pure packages touch no Node API.' },
            { group: ['@lamplight/storage', '@lamplight/server', '@lamplight/web', 'react', 'react-dom'], message: 'Pure packages may not depend on storage or apps.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'process', 'window', 'document', 'navigator', 'localStorage', 'Buffer'],
    },
  },
  {
    files: ['packages/crypto/**/*.test.ts', 'packages/crypto/bin/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [deepImport] }] },
  },
  {
    files: ['packages/storage/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [deepImport, ...onlyCrypto, { group: ['@lamplight/server', '@lamplight/web'], message: 'Storage may not depend on apps.' }] },
      ],
    },
  },
  {
    files: ['apps/server/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@lamplight/crypto', message: 'The server cannot decrypt and must not pretend to: only @lamplight/crypto/peek (public MLS framing).' },
            { name: '@lamplight/safety', message: 'The server never runs crisis detection: import only @lamplight/safety/directory or /pii.' },
          ],
          patterns: [deepImport, ...onlyCrypto, { group: ['@lamplight/web'], message: 'The server does not import the web app.' }],
        },
      ],
    },
  },
  {
    files: ['apps/server/src/**/*.ts'],
    ignores: ['apps/server/src/config/env.ts', '**/*.test.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Only config/env.ts reads process.env.' }],
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    ignores: ['apps/web/e2e/**', 'apps/web/vite.config.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [deepImport, ...onlyCrypto, { group: ['@lamplight/storage', '@lamplight/server', 'node:*'], message: 'The web app runs in the browser.' }] },
      ],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', '**/test/**/*.ts', '**/e2e/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-console': 'off',
    },
  },
);
