// One lint stack for the whole workspace. Besides the usual TypeScript rules it
// holds Koubei's fences: core stays framework-free, and shipped code has no
// HTML or code-evaluation sinks (reviews are strangers' text on strangers' pages).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const htmlAndEvalSinks = [
  {
    selector: 'MemberExpression[property.name=/^(innerHTML|outerHTML)$/]',
    message: 'User content renders as text only: no innerHTML/outerHTML.',
  },
  {
    selector: 'CallExpression[callee.property.name="insertAdjacentHTML"]',
    message: 'User content renders as text only: no insertAdjacentHTML.',
  },
  {
    selector: 'JSXAttribute[name.name="dangerouslySetInnerHTML"]',
    message: 'User content renders as text only: no dangerouslySetInnerHTML.',
  },
  {
    selector: 'Property[key.name="dangerouslySetInnerHTML"]',
    message: 'User content renders as text only: no dangerouslySetInnerHTML.',
  },
  {
    selector:
      'CallExpression[callee.name="eval"], NewExpression[callee.name="Function"], CallExpression[callee.name="Function"]',
    message: 'Koubei runs under a strict CSP: no eval or new Function.',
  },
  {
    selector:
      'CallExpression[callee.object.name="document"][callee.property.name=/^(write|writeln)$/]',
    message: 'No document.write.',
  },
  {
    selector: 'CallExpression[callee.property.name="setAttribute"][arguments.0.value="style"]',
    message: "setAttribute('style') is blocked by strict CSPs; use element.style.setProperty.",
  },
  {
    selector: 'JSXOpeningElement[name.name=/^[a-z]/] > JSXSpreadAttribute',
    message: 'Never spread objects into DOM props: map each field explicitly.',
  },
];

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', '**/coverage/**', '**/storybook-static/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      // `h` is used by JSX in the few files compiled with the classic runtime
      // (the script tag's first-paint path; see packages/widget/src/cdn/runtime.tsx).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^h$' },
      ],
      'no-implied-eval': 'error',
    },
  },
  {
    // Tests poke at loosely typed JSON (OpenAPI documents, hostile payloads).
    files: ['**/test/**/*.{ts,tsx}', '**/*.test.{ts,tsx}'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['packages/*/src/**/*.{ts,tsx}', 'packages/server/console/src/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}', '**/*.stories.{ts,tsx}'],
    rules: { 'no-restricted-syntax': ['error', ...htmlAndEvalSinks] },
  },
  {
    files: ['packages/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['preact', 'preact/*', '@preact/*'],
              message: 'packages/core is framework-free: views live in packages/widget.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/core/src/**/*.ts'],
    rules: {
      // Core runs in browsers, Node and workers: what it needs from the
      // environment (fetch, storage, clock, beacon) is passed in.
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'Core is environment-free: inject what you need.' },
        { name: 'document', message: 'Core is environment-free: inject what you need.' },
        { name: 'localStorage', message: 'Core is environment-free: inject storage.' },
        { name: 'sessionStorage', message: 'Core is environment-free: inject storage.' },
      ],
    },
  },
);
