import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** The domain core must stay pure: no UI, storage, workers or Node/browser-only packages. */
const domainBoundary = {
  files: ['src/domain/**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: ['**/db', '**/db/**', '**/features/**', '**/ui/**', '**/app/**', '**/store/**', '**/workers/**', '**/cli/**', '**/i18n/**'],
            message: 'src/domain must be independent: it may import only from src/domain.',
          },
          {
            group: ['react', 'react-*', '@mui/*', 'dexie', 'dexie-*', 'zustand', '@xyflow/*', 'i18next', 'node:*', 'fs', 'path'],
            message: 'src/domain runs in browsers, workers and Node: no UI, storage or Node-only packages.',
          },
        ],
      },
    ],
  },
};

export default tseslint.config(
  { ignores: ['dist/**', 'dist-*/**', 'node_modules/**', 'test-results*/**', 'playwright-report*/**', 'bench/tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', { selector: 'CallExpression[callee.object.name=/^(it|test|describe)$/][callee.property.name="only"]', message: 'Focused tests skip the rest of the suite.' }],
    },
  },
  domainBoundary,
  { files: ['bin/**/*.mjs', 'scripts/**/*.mjs'], languageOptions: { globals: globals.node } },
  // Playwright fixtures call their `use` callback, which is not React's use().
  { files: ['e2e/**/*.ts'], rules: { 'react-hooks/rules-of-hooks': 'off' } },
);
