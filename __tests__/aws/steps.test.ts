/**
 * A failure of the network or the service names the step that failed and what it was reaching, not only the
 * socket's error: the bucket is unreachable here (nothing listens on its port), Translate is the test service.
 */
import { createServer } from 'node:net';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AwsJobError, createAwsBatchEngine } from '../../src/engines/aws/batchEngine.js';
import { createAwsClients, destroyAwsClients } from '../../src/engines/aws/clients.js';
import { createAwsRealtimeEngine } from '../../src/engines/aws/realtimeEngine.js';
import { AwsStepError } from '../../src/engines/aws/step.js';
import { TEST_CREDENTIALS } from '../servers/s3Server.js';
import { corpusUnits, FAST_OPTIONS, startAwsHarness, type AwsHarness, type CorpusUnit } from './harness.js';

/** A local port nothing listens on: taken, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('aws batch engine names the failed step', () => {
  let harness: AwsHarness;
  let units: CorpusUnit[];

  beforeAll(async () => {
    units = await corpusUnits('d2l-zh/chapter_convolutional-modern/batch-norm_origin.md', 5);
  });
  beforeEach(async () => {
    harness = await startAwsHarness();
  });
  afterEach(async () => harness.stop());

  it('says it was uploading the batch input to s3://… when the bucket cannot be reached, and starts no job', async () => {
    const settings = harness.settings({ s3Endpoint: `http://127.0.0.1:${await closedPort()}` });
    const clients = createAwsClients(settings, { credentials: TEST_CREDENTIALS, maxAttempts: 1 });
    const logged: string[] = [];
    try {
      const failure = await createAwsBatchEngine(settings, clients, {
        ...FAST_OPTIONS,
        retry: { baseDelayMs: 1, maxDelayMs: 2, maxAttempts: 2 },
        log: (line) => logged.push(line),
      })
        .translate({ sourceLanguage: 'en', targetLanguage: 'zh', units })
        .catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(AwsStepError);
      expect((failure as Error).message).toMatch(
        /^uploading batch input to s3:\/\/amts-test\/amts\/runs\/[\w-]+\/input\/: .*ECONNREFUSED/u,
      );
      expect(harness.translate.state.jobs.size).toBe(0);
      // Cleaning up could not reach the bucket either; that is logged, and the upload stays the reported failure.
      expect(logged.some((line) => line.startsWith("removing the run's objects under s3://amts-test/"))).toBe(true);
    } finally {
      destroyAwsClients(clients);
    }
  });

  it('says it was calling TranslateText, in which region, when Translate cannot be reached', async () => {
    const settings = harness.settings({ translateEndpoint: `http://127.0.0.1:${await closedPort()}` });
    const clients = createAwsClients(settings, { credentials: TEST_CREDENTIALS, maxAttempts: 1 });
    try {
      const failure = await createAwsRealtimeEngine(settings, clients, {
        ...FAST_OPTIONS,
        retry: { baseDelayMs: 1, maxDelayMs: 2, maxAttempts: 2 },
      })
        .translate({ sourceLanguage: 'en', targetLanguage: 'zh', units })
        .catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(AwsStepError);
      expect((failure as Error).message).toMatch(
        /^translating \d+ units with TranslateText in us-east-1: .*ECONNREFUSED/u,
      );
    } finally {
      destroyAwsClients(clients);
    }
  });

  it("passes the engine's own errors through unchanged", async () => {
    harness.translate.faults.failJobsWith = 'Access denied';
    const failure = await createAwsBatchEngine(harness.settings(), harness.clients, FAST_OPTIONS)
      .translate({ sourceLanguage: 'en', targetLanguage: 'zh', units })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AwsJobError);
    expect(failure).not.toBeInstanceOf(AwsStepError);
  });
});
