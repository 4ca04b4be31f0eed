import { defineConfig } from 'vitest/config';
import { corpusTag } from './__tests__/helpers/corpusTag.js';

export default defineConfig({
  test: {
    include: ['__tests__/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    tags: [corpusTag()],
    reporters: ['default', './__tests__/helpers/corpusReporter.ts'],
  },
});
