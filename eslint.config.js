import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.build/', 'coverage/', '__fixtures__/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', 'scripts/*.mjs', 'src/start-path/*.cjs', 'src/start-path/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/explicit-function-return-type': [
        'error',
        { allowExpressions: true, allowTypedFunctionExpressions: true },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Plain JavaScript build scripts carry no type annotations.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    rules: { '@typescript-eslint/explicit-function-return-type': 'off' },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // No knot of a file: a module past 300 lines is split along its seams (issue 22).
    files: ['src/**/*.ts'],
    rules: { 'max-lines': ['error', { max: 300, skipBlankLines: false, skipComments: false }] },
  },
  {
    // One door for lazy loading (docs/development.md, "The build and the start path"): zod, yaml and a
    // provider's schemas.ts stay off the start path, so outside the modules only ever loaded on demand
    // they are imported as types. The build's "zod on demand" check (src/start-path/seam.mjs) is the backstop.
    files: ['src/**/*.ts'],
    ignores: [
      'src/providers/*/schemas.ts', // the schema modules themselves, behind each adapter's loadSchemas
      'src/providers/handle-schema.ts', // imported only by the schema modules and saved-state.ts
      'src/providers/feldera/report.ts', // loaded on demand (onDemand in provider.ts and start.ts)
      'src/saved-state.ts', // the post step's, imported by post.ts, loaded by index.ts in that phase only
      'src/cli/manifest.ts', // the CLI's, loaded by index.ts in that phase only
    ],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: ['zod', 'yaml'].map((name) => ({
            name,
            allowTypeImports: true,
            message: `${name} loads on demand: import its types only here (docs/development.md, "The build and the start path").`,
          })),
          patterns: [
            {
              regex: '(^|/)(schemas|models|handle)\\.ts$',
              allowTypeImports: true,
              message: "A provider's schemas load through its loadSchemas(): import their types only here.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['__tests__/**/*.ts'],
    rules: { '@typescript-eslint/explicit-function-return-type': 'off', '@typescript-eslint/unbound-method': 'off' },
  },
);
