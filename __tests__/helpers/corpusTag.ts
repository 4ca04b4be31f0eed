import type { TestTagDefinition } from 'vitest/config';
import { missingSharedMaterial } from './missingSharedMaterial.js';

export const CORPUS_TAG = 'corpus';

/**
 * The `corpus` tag, decided once for the run in vitest.config.ts: its tests are skipped when the shared material is
 * missing (corpusReporter.ts says so in one line), unless AMTS_REQUIRE_CORPUS=1 (CI), where a missing corpus stops the
 * run before any test instead of passing it with those tests left out.
 */
export function corpusTag(env: NodeJS.ProcessEnv = process.env): TestTagDefinition {
  const missing = missingSharedMaterial();
  if (missing && env.AMTS_REQUIRE_CORPUS === '1') {
    throw new Error(`AMTS_REQUIRE_CORPUS=1: ${missing}; the corpus tests must run here, not be skipped`);
  }
  return {
    name: CORPUS_TAG,
    description: 'needs the whole shared corpus (AMTS_CORPUS, else ../shared/corpus)',
    skip: missing !== undefined,
  };
}
