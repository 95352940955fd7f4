// ESLint: type-aware TypeScript rules for server, CLI, page and tests, plus the import
// boundaries of DESIGN §8 (who may import whom), so a wrong import fails CI, not review.
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

/** An import rule that names the boundary it protects. */
const forbid = (groups, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: groups, message }] }],
});

export default ts.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'test/vectors/**/*.json'] },
  js.configs.recommended,
  ...ts.configs.recommendedTypeChecked,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Fastify plugins are async functions by contract, with or without an await inside.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/only-throw-error': 'error',
      eqeqeq: ['error', 'always'],
      // Refusing and escaping control characters is what several of our regexes are for.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser } },
  },
  {
    // ESLint sees another component's instance as any (it has no svelte2tsx); svelte-check,
    // in `npm run check`, types those calls.
    files: ['**/*.svelte'],
    rules: { '@typescript-eslint/no-unsafe-call': 'off', '@typescript-eslint/no-unsafe-member-access': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...ts.configs.disableTypeChecked,
  },
  {
    // Test code reads JSON replies (typed any) field by field; the assertions check them.
    files: ['test/**', 'bench/**'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
    },
  },
  // The boundaries.
  {
    files: ['server/**'],
    rules: forbid(
      ['**/web/**', '**/cli/**'],
      'The server never handles plaintext or keys: it imports nothing of web/ or cli/.',
    ),
  },
  {
    files: ['server/store/**'],
    rules: forbid(
      ['fastify', 'fastify-plugin', '@fastify/*', '../routes/*', '../plugins/*'],
      'The store knows no HTTP.',
    ),
  },
  {
    files: ['cli/**'],
    rules: forbid(
      ['**/server/**', '**/test/**', '**/bench/**', '**/web/src/*', '!**/web/src/lib', '**/web/src/!(lib)/**'],
      'The CLI reaches the server over HTTP and shares only web/src/lib with the page.',
    ),
  },
  {
    files: ['web/src/lib/**'],
    rules: forbid(
      ['svelte', 'svelte/*', 'node:*', '../*', '!./*', '**/server/**'],
      'The shared client library imports only itself (no UI, no Node, no server): the page and the CLI import it unchanged.',
    ),
  },
  {
    files: ['web/src/**'],
    ignores: ['web/src/lib/**'],
    rules: forbid(['**/server/**', '**/cli/**'], 'The page reaches the server only over HTTP.'),
  },
);
