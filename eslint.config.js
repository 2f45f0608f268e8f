// @ts-check
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  {
    ignores: ['node_modules/**', 'out/**', 'dist/**', 'test-results/**', 'playwright-report/**', 'resources/**', 'bench-results/**'],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // shared/ is pure TypeScript that both runtimes load: no platform APIs may leak in.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'shared/ must stay pure: no electron.' },
            { name: 'react', message: 'shared/ must stay pure: no react.' },
            { name: 'dexie', message: 'shared/ must stay pure: no dexie.' },
          ],
          patterns: [
            { group: ['node:*'], message: 'shared/ must stay pure: no node:* modules.' },
            { group: ['fs', 'fs/*', 'path', 'os', 'child_process', 'crypto'], message: 'shared/ must stay pure: no Node built-ins.' },
            { group: ['react/*', 'react-dom', 'react-dom/*', 'electron/*', 'dexie/*'], message: 'shared/ must stay pure.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['**/*.test.ts', 'tests/**/*.ts', 'bench/**/*.ts'],
    rules: { 'max-lines': ['error', { max: 400, skipBlankLines: true, skipComments: true }] },
  },
);
