import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsExperimentEngines } from '../../src/experiment/engineFactories.js';
import { loadBook, selectChapters } from '../../src/experiment/book.js';
import { runExperiment } from '../../src/experiment/runExperiment.js';
import { FAST_OPTIONS, startAwsHarness, type AwsHarness } from '../aws/harness.js';
import { FIXTURE_CORPUS } from '../helpers/corpus.js';

let harness: AwsHarness;
let workDirectory = '';

beforeAll(async () => {
  harness = await startAwsHarness();
  workDirectory = await mkdtemp(join(tmpdir(), 'amts-experiment-aws-'));
});

afterAll(async () => {
  await harness.stop();
  await rm(workDirectory, { recursive: true, force: true });
});

describe('awsExperimentEngines against the local Translate and S3 servers', () => {
  it('imports one parallel-data resource per configuration and runs each batch job with its own', async () => {
    const book = await loadBook(join(FIXTURE_CORPUS, 'd2l-zh/chapter_recurrent-modern'), {
      originLanguage: 'en',
      translationLanguage: 'zh',
    });
    const chapters = selectChapters(book, ['machine-translation-and-dataset']);
    const run = await runExperiment(
      book,
      { chapters },
      awsExperimentEngines({
        settings: harness.settings(),
        clients: harness.clients,
        engineOptions: FAST_OPTIONS,
        workDirectory,
        parallelDataPrefix: 'amts-test',
      }),
    );
    const { parallelData, jobs } = harness.translate.state;
    const [direction] = run.results.directions;
    for (const data of direction?.parallelData ?? []) {
      const resource = parallelData.get(`amts-test-en-zh-${data.granularity}`);
      expect(resource?.status).toBe('ACTIVE');
      expect(resource?.recordCount).toBe(data.written);
    }
    const usedNames = [...jobs.values()].map((job) => JSON.stringify(job.request['ParallelDataNames'] ?? []));
    expect(usedNames.sort()).toEqual(['["amts-test-en-zh-paragraph"]', '["amts-test-en-zh-sentence"]', '[]']);
    for (const result of direction?.configurations ?? []) {
      expect(result.jobIds).toHaveLength(1);
      expect(result.chapters[0]?.untranslatedUnits).toBe(0);
      expect(result.chapters[0]?.bleu).toBeLessThan(10);
    }
  });
});
