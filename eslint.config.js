import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const OUTER_LAYERS = ['**/db', '**/db/**', '**/features/**', '**/ui/**', '**/app/**', '**/store/**', '**/workers/**', '**/cli/**', '**/i18n/**'];
const PLATFORM_PACKAGES = ['react', 'react-*', '@mui/*', 'dexie', 'dexie-*', 'zustand', '@xyflow/*', 'i18next', 'node:*', 'fs', 'path'];

/** A layer that runs in browsers, Web Workers and Node alike: it imports no outer layer and no platform package. */
function innerLayer({ files, ignores = [], forbidden, layerMessage, platformMessage }) {
  return {
    files,
    ignores,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: [...OUTER_LAYERS, ...forbidden], message: layerMessage },
            { group: PLATFORM_PACKAGES, message: platformMessage },
          ],
        },
      ],
    },
  };
}

/** The domain core must stay pure: no UI, storage, workers, use cases or Node/browser-only packages. */
const domainBoundary = innerLayer({
  files: ['src/domain/**/*.ts'],
  forbidden: ['**/engine', '**/engine/**'],
  layerMessage: 'src/domain must be independent: it may import only from src/domain.',
  platformMessage: 'src/domain runs in browsers, workers and Node: no UI, storage or Node-only packages.',
});

/** The use cases: pure but for the port they are given; the app's storage and UI stay outside. */
const engineBoundary = innerLayer({
  files: ['src/engine/**/*.ts'],
  ignores: ['src/engine/**/*.test.ts'],
  forbidden: [],
  layerMessage: 'src/engine may import only src/domain and itself: storage and I/O come in through the port (engine/port.ts).',
  platformMessage: 'src/engine runs in Web Workers and Node: no UI, storage or Node-only packages.',
});

const FOCUSED_TESTS = { selector: 'CallExpression[callee.object.name=/^(it|test|describe)$/][callee.property.name="only"]', message: 'Focused tests skip the rest of the suite.' };

/**
 * Screens reach the database only through src/db: its repository functions and `useLiveQuery`
 * from src/db/react.ts. No Dexie import, and no table, transaction or other member of the
 * database object touched directly (the database is only ever passed to a repository function).
 */
const storageBoundary = {
  files: ['src/features/**/*.{ts,tsx}', 'src/app/**/*.{ts,tsx}'],
  ignores: ['**/*.test.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { group: ['dexie', 'dexie-*'], message: 'Reach storage through src/db: its repository functions, and useLiveQuery from src/db/react.' },
          { group: ['**/db/schema', '**/db/repositories/blockStore'], message: 'Use the repository functions of src/db, not the tables.' },
        ],
      },
    ],
    'no-restricted-syntax': [
      'error',
      FOCUSED_TESTS,
      { selector: 'MemberExpression[object.type="CallExpression"][object.callee.name="getDatabase"]', message: 'Pass getDatabase() to a src/db repository function; do not touch its tables or transactions here.' },
      { selector: 'MemberExpression[object.name=/^(db|database)$/]', message: 'Pass the database to a src/db repository function; do not touch its tables or transactions here.' },
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
      'no-restricted-syntax': ['error', FOCUSED_TESTS],
    },
  },
  domainBoundary,
  engineBoundary,
  storageBoundary,
  { files: ['bin/**/*.mjs', 'scripts/**/*.mjs'], languageOptions: { globals: globals.node } },
  // Playwright fixtures call their `use` callback, which is not React's use().
  { files: ['e2e/**/*.ts'], rules: { 'react-hooks/rules-of-hooks': 'off' } },
);
