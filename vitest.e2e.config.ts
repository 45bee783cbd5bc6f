import { defineConfig } from 'vitest/config';

// End-to-end tests drive the built extension in one Chromium at a time: two cores, no parallelism.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
