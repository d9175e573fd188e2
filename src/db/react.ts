/**
 * Live queries for the screens: a component re-renders when the data a repository function read
 * changes (in this tab or another). Screens reach the database only through src/db — this hook
 * and the repository functions — never through Dexie or a table directly (enforced by ESLint).
 * Not exported from src/db/index.ts: the Web Workers import that, and they need no React.
 */
export { useLiveQuery } from 'dexie-react-hooks';
