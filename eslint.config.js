import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.cache/**', '.data/**', '**/drizzle/**', 'client/vite.config.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // Express 5 handles promise-returning middleware; the rule cannot know that.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: false } }],
      // process.env is read in one place per package: its config.ts (or the client's env.ts).
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration in config.ts only.' }],
      // A workspace uses another through its package exports (`@paymesh/infra/testing`), never by
      // walking into its folders: the exports are the part the owner keeps stable.
      'no-restricted-imports': ['error', {
        patterns: [
          {
            regex: '^(\\.\\./)+(shared|contract|infra|auth-service|payment-service|analytics-service|gateway|client|bench|chaos)/(src|test|e2e|scripts)/',
            message: 'Import another workspace through its package exports (@paymesh/<workspace>/...), not a relative path.',
          },
          { regex: '^@paymesh/[\\w-]+/(src|test)/', message: 'Import what the workspace exports (see its package.json "exports"), not its src/.' },
        ],
      }],
    },
  },
  {
    files: ['**/config.ts', '**/config/**/*.ts', '**/test/**/*.ts', '**/testing/**/*.ts', 'infra/src/**/*.ts', 'bench/**/*.ts', '**/*.config.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['**/test/**/*.ts', '**/*.test.ts', '**/*.test.tsx'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
