/**
 * ESLint (flat config) for the server, scripts, tests and browser code: typescript-eslint's
 * recommended rules, tuned so that every report is worth fixing. `npm run lint` runs this and the
 * boundary check (.dependency-cruiser.cjs); an error fails it, and there are no warning-level rules.
 */
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'web/dist/', 'data/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      // A leading underscore marks a parameter or binding kept on purpose (a port's signature, a
      // destructured field left out); a caught error that is not used needs no name of its own.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // `import type` keeps type-only imports out of the emitted JS and out of the browser bundles.
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      // Every control character in a pattern here is deliberate: input cleaning strips them.
      'no-control-regex': 'off',
    },
  },
  {
    // All SQL lives in store/ (ARCHITECTURE.md): a Kysely query builder or a `sql` template anywhere
    // else in shipped code is an error. Tests, fixtures and scripts may look at the database directly.
    files: ['**/*.ts'],
    ignores: ['store/**', '**/*.test.ts', '**/*.fixture.ts', 'test/**', 'web/test/**', 'scripts/**', 'handoff/queue/test-helpers.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name=/^(selectFrom|updateTable|insertInto|deleteFrom|replaceInto|mergeInto|selectNoFrom)$/]",
          message: 'SQL belongs in store/: call a store function (ARCHITECTURE.md, Layers).',
        },
        { selector: "TaggedTemplateExpression[tag.name='sql']", message: 'SQL belongs in store/: call a store function (ARCHITECTURE.md, Layers).' },
      ],
    },
  },
  {
    // The policy decides and returns (ARCHITECTURE.md, One turn): from store/ it may import only what
    // reads; what a turn changes is an effect (bot/effects.ts) the pipeline applies.
    files: ['bot/policy.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/store/index.js'],
              allowImportNames: [
                'caseHistory', 'fromJson', 'findCaseByReference', 'freeCaseReference', 'openHandoffFor', 'transcript',
                'findContactClaim', 'contactIdForIdentity', 'latestClaimCode', 'claimCodeMatches', 'PHONE_IDENTITY', 'toE164',
                'ConversationRow', 'Db', 'NewCase',
              ],
              message: 'policy.ts reads and decides; a change is a TurnEffect (bot/effects.ts) for the pipeline to apply.',
            },
            {
              group: ['**/cases/index.js'],
              allowImportNames: ['addWorkingDays', 'findLikelyDuplicate', 'isOpenStatus', 'statusLabel'],
              message: 'policy.ts reads and decides; a change is a TurnEffect (bot/effects.ts) for the pipeline to apply.',
            },
          ],
        },
      ],
    },
  },
  {
    // A migration describes the schema as it was then, so it takes `Kysely<any>` (Kysely's advice),
    // never the current `Database` type.
    files: ['store/migrations/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['web/**/*.ts'],
    ignores: ['web/test/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Tests stub and poke at internals: a non-null assertion or an `any` in a test is a shortcut,
    // not a risk.
    files: ['**/*.test.ts', '**/*.fixture.ts', 'test/**', 'web/test/**'],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
