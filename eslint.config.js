import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const layer = (files, patterns, message) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }] },
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'test-results/**', 'playwright-report/**', 'src/web/static/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Only src/config.ts reads the environment.' },
      ],
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', document: 'readonly' } },
  },
  {
    files: ['src/config.ts', 'test/**', 'e2e/**', 'bench/**', 'playwright.config.ts', 'scripts/**'],
    rules: { 'no-restricted-properties': 'off' },
  },
  layer(['src/stats/*.ts'], ['../*'], 'stats/ is pure maths and imports nothing outside stats/.'),
  layer(['src/stats/json/*.ts'], ['../../*'], 'stats/ is pure maths and imports nothing outside stats/.'),
  layer(['src/db/**'], ['**/features/**'], 'db/ never imports features.'),
  layer(
    ['src/web/**', 'src/cli/**'],
    ['kysely', 'better-sqlite3', 'pg', '@duckdb/*', '**/*.repository.ts'],
    'web/ and cli/ go through services, never the database directly.',
  ),
  {
    files: ['src/web/**/*.test.ts', 'src/cli/**/*.test.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
