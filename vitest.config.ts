import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    // Generous: the CLI tests start node processes one after another, and on a loaded 2-core
    // machine (CI beside other work) a child process alone can take seconds. A hang still fails.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'threads',
  },
});
