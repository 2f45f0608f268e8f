import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.ts', 'tests/unit/**/*.test.ts', 'cli/**/*.test.ts'],
    exclude: ['node_modules/**', 'out/**', 'tests/e2e/**'],
    // sharp and tesseract work is CPU-bound; two cores is all CI has.
    maxWorkers: 2,
    testTimeout: 30_000,
  },
});
