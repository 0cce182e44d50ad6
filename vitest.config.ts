import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/{unit,db,pdf}/**/*.test.ts'],
    environment: 'node',
    // PDF tests run poppler and qpdf on real files; a cold font load takes a moment.
    testTimeout: 30_000,
    pool: 'forks',
  },
});
