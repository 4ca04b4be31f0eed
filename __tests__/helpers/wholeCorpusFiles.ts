/**
 * Test files that read the whole shared corpus as they load (they build their cases from every chapter). Where the
 * corpus is missing, vitest.config.ts leaves them out whole instead of letting them fail on a missing folder; with
 * AMTS_REQUIRE_CORPUS=1 (CI) a missing corpus stops the run before any test, as for the `corpus` tag.
 */
export const WHOLE_CORPUS_FILES: readonly string[] = [
  '__tests__/markdown/roleLines.test.ts',
  '__tests__/markdown/escapedDollars.test.ts',
  '__tests__/pairs/roleLinePairs.test.ts',
  '__tests__/cli/refusals.test.ts',
  '__tests__/github/renderedReports.test.ts',
  '__tests__/sync/structure.test.ts',
];
