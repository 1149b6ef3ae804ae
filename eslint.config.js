// One lint setup for the whole repository. The domain package must stay pure: no I/O imports.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const ioModules = [
  'fs',
  'fs/promises',
  'net',
  'http',
  'https',
  'http2',
  'dgram',
  'child_process',
  'cluster',
  'worker_threads',
  'tls',
  'dns',
  'readline',
  'process',
  'better-sqlite3',
  'pg',
  'kysely',
  'fastify',
  'undici',
  'node-fetch',
  'axios',
];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/dist-ssr/**', 'data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['packages/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['packages/domain/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ioModules.flatMap((m) => [
            {
              name: m,
              message: 'packages/domain is pure: no I/O imports (fs, net, http, database drivers).',
            },
            {
              name: `node:${m}`,
              message: 'packages/domain is pure: no I/O imports (fs, net, http, database drivers).',
            },
          ]),
          patterns: [
            {
              group: ['@benpao/server', '@benpao/web', '**/server/**', '**/web/**'],
              message: 'domain imports nothing of server or web.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'packages/domain is pure: no network I/O.' },
        { name: 'process', message: 'packages/domain is pure: pass values in.' },
      ],
    },
  },
);
