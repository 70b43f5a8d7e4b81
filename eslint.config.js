// ESLint for the whole repository. Formatting is Prettier's job (eslint-config-prettier comes last
// and switches off every rule it would fight); the import table of ARCHITECTURE.md is
// dependency-cruiser's (.dependency-cruiser.cjs). Here: language mistakes, the React hooks rules for
// web/, and two bans ARCHITECTURE.md states in words: domain code never reads the clock, and src/
// writes to the terminal through the CLI's `out`, never `console`.
//
// Not type-aware: the type-checked rule sets cost about four times the time of this whole run on two
// cores, and `tsc` already runs in `npm test`.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * An `eslint-disable` comment must say why: after " -- " in the directive itself, or in a plain
 * comment on the line just above it. Otherwise it is an error of its own.
 */
const disableNeedsReason = {
  meta: { type: 'suggestion', schema: [], messages: { why: 'Say why after " -- " in this {{kind}} comment, or in a comment on the line above.' } },
  create(context) {
    return {
      Program() {
        const comments = context.sourceCode.getAllComments();
        comments.forEach((comment, i) => {
          const m = /^\s*(eslint-disable(?:-next-line|-line)?)\b(.*)$/s.exec(comment.value);
          if (!m || /\s--\s*\S/.test(m[2])) return;
          const above = comments[i - 1];
          const explained = above && above.loc.end.line === comment.loc.start.line - 1 && !/^\s*eslint/.test(above.value) && above.value.trim() !== '';
          if (!explained) context.report({ loc: comment.loc, messageId: 'why', data: { kind: m[1] } });
        });
      },
    };
  },
};

/** Reading the clock in pure code: `Date.now()`, `new Date()` and `Date()` with no argument. */
const clockBan = [
  {
    selector: "CallExpression[callee.type='MemberExpression'][callee.object.name='Date'][callee.property.name='now']",
    message: 'Domain code must not read the clock: take `today` (or `now`) as a parameter.',
  },
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: 'Domain code must not read the clock: take `today` (or `now`) as a parameter.',
  },
  { selector: "CallExpression[callee.name='Date']", message: 'Domain code must not read the clock: take `today` (or `now`) as a parameter.' },
];

export default tseslint.config(
  { ignores: ['dist/', 'coverage/', 'bench/out/', 'e2e/screenshots/'] },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { steve: { rules: { 'disable-needs-reason': disableNeedsReason } } },
    rules: {
      'steve/disable-needs-reason': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // A migration takes `Kysely<any>` (it sees the database as it was then, not today's schema). The
    // files are frozen (checksummed, or copies of a former release), so the reason for their disable
    // comments is written here.
    files: ['src/db/migrations/*.ts', 'test/db/former-migrations/*.ts'],
    rules: { 'steve/disable-needs-reason': 'off' },
  },
  {
    files: ['src/**/*.ts'],
    rules: { 'no-console': 'error' },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', ...clockBan] },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  prettier,
);
