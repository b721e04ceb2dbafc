// The lint gate: typescript-eslint's type-checked rules, and the layering as an import rule.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Each layer may use the layers inside it, never one outside: events ← projections ← commands ← src. */
const layer = (files, outer) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex: `(^|/)(${outer.join('|')})(/|$)`,
            message: `${files[0].split('/')[0]}/ is an inner layer: it must not import ${outer.map((o) => `${o}/`).join(', ')} (events ← projections ← commands ← src).`,
          },
        ],
      },
    ],
  },
});

export default tseslint.config(
  { ignores: ['node_modules/', 'coverage/', 'artifacts/', 'data/', 'dist/', 'openapi/schema.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // Express 5 awaits handlers that return promises, so async handlers are safe to pass.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      // Adapters implement a promise-returning port: `async` makes a throw a rejection, as callers expect.
      '@typescript-eslint/require-await': 'off',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  layer(['events/**'], ['projections', 'commands', 'src', 'web', 'client']),
  layer(['projections/**'], ['commands', 'src', 'web', 'client']),
  layer(['commands/**'], ['src', 'web', 'client']),
  layer(['src/**'], ['web', 'tests', 'bench']),
  layer(['web/**'], ['src', 'commands', 'projections', 'events']),
  {
    // supertest types every response body as any; the test helpers validate each body against the spec instead.
    files: ['tests/**'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  // Plain JavaScript (configs, the bin shim) is outside the TypeScript projects.
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly' },
    },
  },
);
