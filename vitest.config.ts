import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The suite starts its own Neo4j on a free port and stops it at the end (test/global-setup.ts).
    globalSetup: ['test/global-setup.ts'],
    // Native addons (better-sqlite3, onnxruntime, hnswlib) are safest in child processes.
    pool: 'forks',
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Suites against the one local Neo4j server must not interleave.
    fileParallelism: false,
  },
});
