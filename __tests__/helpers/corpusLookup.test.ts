/**
 * The suite's corpus lookup where there is no corpus: vitest itself, run on a corpus test file with AMTS_CORPUS and
 * AMTS_SHARED pointing to an empty folder, as on a fresh clone without ../shared.
 */
import { WHOLE_CORPUS_FILES } from './wholeCorpusFiles.js';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repository = fileURLToPath(new URL('../../', import.meta.url));
const vitest = join(repository, 'node_modules/vitest/vitest.mjs');
const CORPUS_TEST = '__tests__/align/heldoutChapters.test.ts';

interface Run {
  readonly code: number;
  readonly output: string;
}

/** Runs vitest on one corpus test with the project's config; the parent run's own VITEST_* state is left behind. */
function runVitest(overrides: Record<string, string>): Promise<Run> {
  const env: NodeJS.ProcessEnv = { NO_COLOR: '1' };
  for (const [name, value] of Object.entries(process.env)) {
    if (!/^(VITEST|AMTS_|FORCE_COLOR$|NODE_ENV$|TEST$)/u.test(name)) env[name] = value;
  }
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [vitest, 'run', CORPUS_TEST],
      { cwd: repository, env: { ...env, ...overrides }, timeout: 100_000 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
        resolve({ code, output: `${stdout}${stderr}` });
      },
    );
  });
}

describe('the corpus lookup with no corpus present', () => {
  let empty: string;
  let skipped: Run;
  let required: Run;

  beforeAll(async () => {
    empty = await mkdtemp(join(tmpdir(), 'amts-no-corpus-'));
    const missing = { AMTS_CORPUS: empty, AMTS_SHARED: empty };
    [skipped, required] = await Promise.all([runVitest(missing), runVitest({ ...missing, AMTS_REQUIRE_CORPUS: '1' })]);
  }, 120_000);
  afterAll(async () => rm(empty, { recursive: true, force: true }));

  it('skips the corpus tests and says so once, in one line naming the folder and the variable', () => {
    expect(skipped.code, skipped.output).toBe(0);
    const lines = skipped.output.split('\n').filter((line) => line.includes('corpus test'));
    expect(lines).toEqual([
      `corpus not found at ${join(empty, 'd2l-zh')} (set AMTS_CORPUS): 1 corpus test skipped, ${WHOLE_CORPUS_FILES.length} whole-corpus test files left out`,
    ]);
    expect(skipped.output).not.toContain('ENOENT');
  });

  it('fails before any test with AMTS_REQUIRE_CORPUS=1, naming what is missing', () => {
    expect(required.code).not.toBe(0);
    expect(required.output).toContain(
      `AMTS_REQUIRE_CORPUS=1: corpus not found at ${join(empty, 'd2l-zh')} (set AMTS_CORPUS)`,
    );
    expect(required.output).not.toContain('corpus test skipped');
  });
});
