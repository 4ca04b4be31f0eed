import { WHOLE_CORPUS_FILES } from './wholeCorpusFiles.js';
import type { Reporter, TestModule, Vitest } from 'vitest/node';
import { CORPUS_TAG } from './corpusTag.js';
import { missingSharedMaterial } from './missingSharedMaterial.js';

/** Says once, after the summary, how many `corpus` tests were left out because the shared material is missing. */
export default class CorpusReporter implements Reporter {
  private vitest: Vitest | undefined;

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const missing = missingSharedMaterial();
    if (!missing) return;
    let skipped = 0;
    for (const testModule of testModules) {
      for (const test of testModule.children.allTests('skipped')) if (test.tags.includes(CORPUS_TAG)) skipped += 1;
    }
    const files = WHOLE_CORPUS_FILES.length;
    this.vitest?.logger.log(
      `${missing}: ${skipped} corpus test${skipped === 1 ? '' : 's'} skipped, ${files} whole-corpus test files left out`,
    );
  }
}
