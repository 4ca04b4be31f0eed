/**
 * Starts the S3 and Translate test servers and builds settings, clients and units from the committed
 * corpus fixtures (English prose from the `_origin.md` files) for the AWS engine tests. SDK retries are off (maxAttempts 1) so the engines' own retry paths
 * are what recovers from injected faults.
 */
import { join } from 'node:path';
import type { HtmlUnit } from '../../src/engines/engine.js';
import { createAwsClients, type AwsClients } from '../../src/engines/aws/clients.js';
import type { AwsEngineOptions } from '../../src/engines/aws/runtime.js';
import { validateAwsSettings, type AwsEngineSettings } from '../../src/engines/aws/settings.js';
import { parseMarkdown } from '../../src/markdown/parseMarkdown.js';
import { readMarkdownFile } from '../../src/markdown/readMarkdownFile.js';
import { renderUnitHtml } from '../../src/markdown/renderUnitHtml.js';
import type { InlineToken } from '../../src/markdown/types.js';
import { FIXTURE_CORPUS } from '../helpers/corpus.js';
import { startS3Server, TEST_CREDENTIALS, TEST_REGION, type S3TestServer } from '../servers/s3Server.js';
import { startTranslateServer, type TranslateTestServer } from '../servers/translateServer.js';

export const FAST_OPTIONS: AwsEngineOptions = {
  retry: { baseDelayMs: 2, maxDelayMs: 20, maxAttempts: 8 },
  maxPollIntervalMs: 30,
  transferConcurrency: 4,
};

export interface AwsHarness {
  readonly s3: S3TestServer;
  readonly translate: TranslateTestServer;
  readonly clients: AwsClients;
  settings(overrides?: Partial<AwsEngineSettings>): AwsEngineSettings;
  stop(): Promise<void>;
}

export async function startAwsHarness(): Promise<AwsHarness> {
  const s3 = await startS3Server();
  const translate = await startTranslateServer({ s3Endpoint: s3.directEndpoint });
  const base = {
    region: TEST_REGION,
    bucket: s3.bucket,
    prefix: 'amts/',
    dataAccessRoleArn: 'arn:aws:iam::123456789012:role/AmtsTranslate',
    s3Endpoint: s3.endpoint,
    translateEndpoint: translate.endpoint,
    pollIntervalSeconds: 0.005,
    jobDeadlineSeconds: 20,
  };
  const clients = createAwsClients(base, { credentials: TEST_CREDENTIALS, maxAttempts: 1 });
  return {
    s3,
    translate,
    clients,
    settings: (overrides = {}) => validateAwsSettings({ ...base, ...overrides }, 'batch'),
    async stop() {
      clients.translate.destroy();
      clients.s3.destroy();
      await translate.stop();
      await s3.stop();
    },
  };
}

export interface CorpusUnit extends HtmlUnit {
  readonly tokens: readonly InlineToken[];
}

/** Prose units of a fixture corpus Markdown file, rendered exactly as the sync pipeline renders them. */
export async function corpusUnits(relativePath: string, limit = Infinity): Promise<CorpusUnit[]> {
  const path = join(FIXTURE_CORPUS, relativePath);
  const document = parseMarkdown(await readMarkdownFile(path), path);
  return document.blocks
    .flatMap((block, index) =>
      block.kind === 'prose' && block.tokens
        ? [{ id: `${relativePath}#${index}`, html: renderUnitHtml(block.tokens), tokens: block.tokens }]
        : [],
    )
    .slice(0, limit);
}
