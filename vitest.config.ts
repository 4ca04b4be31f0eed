import { configDefaults, defineConfig } from 'vitest/config';
import { corpusTag } from './__tests__/helpers/corpusTag.js';
import { missingSharedMaterial } from './__tests__/helpers/missingSharedMaterial.js';
import { WHOLE_CORPUS_FILES } from './__tests__/helpers/wholeCorpusFiles.js';

const tag = corpusTag();

export default defineConfig({
  test: {
    include: ['__tests__/**/*.test.ts'],
    exclude: [...configDefaults.exclude, ...(missingSharedMaterial() ? WHOLE_CORPUS_FILES : [])],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    tags: [tag],
    reporters: ['default', './__tests__/helpers/corpusReporter.ts'],
  },
});
