import os from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Tests live in test/, or as *.test.ts beside the code they test.
    include: ['test/{unit,db,pdf,team}/**/*.test.ts', '{main,renderer,shared}/**/*.test.ts'],
    environment: 'node',
    // PDF tests run poppler and qpdf on real files; a cold font load takes a moment.
    testTimeout: 30_000,
    pool: 'forks',
    // One file per core: vitest's default leaves one core idle, and most files wait on child processes (poppler, qpdf,
    // PostgreSQL, the kill tests' desks) much of the time. On a two-core machine this takes a third off the run.
    maxWorkers: os.availableParallelism(),
    // Keys of test stores go to a temp folder, never the user's config folder (main/core/store-key.ts).
    setupFiles: ['test/support/key-folder.ts'],
    // The JSON report feeds the one summary line of .ci/run.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
