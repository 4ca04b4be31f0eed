/**
 * Translates every prose unit of the d2l-en book through the `aws` batch engine and the
 * `aws-realtime` engine against the local S3 and Translate protocol servers, and prints the
 * requests made, bytes moved and wall time. Measures the engines' own overhead (packing, S3
 * transfers, parsing), not Amazon Translate's.
 */
import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createAwsBatchEngine } from '../src/engines/aws/batchEngine.js';
import { createAwsClients, destroyAwsClients } from '../src/engines/aws/clients.js';
import { createAwsRealtimeEngine } from '../src/engines/aws/realtimeEngine.js';
import { validateAwsSettings } from '../src/engines/aws/settings.js';
import type { HtmlUnit } from '../src/engines/engine.js';
import { parseMarkdown } from '../src/markdown/parseMarkdown.js';
import { readMarkdownFile } from '../src/markdown/readMarkdownFile.js';
import { renderUnitHtml } from '../src/markdown/renderUnitHtml.js';
import { startS3Server, TEST_CREDENTIALS, TEST_REGION } from '../__tests__/servers/s3Server.js';
import { startTranslateServer } from '../__tests__/servers/translateServer.js';

const corpusRoot = fileURLToPath(new URL('../../shared/corpus/d2l-en/', import.meta.url));

async function bookUnits(): Promise<HtmlUnit[]> {
  const files = (await readdir(corpusRoot, { recursive: true })).filter((entry) => entry.endsWith('.md')).sort();
  const units: HtmlUnit[] = [];
  for (const file of files) {
    const document = parseMarkdown(await readMarkdownFile(`${corpusRoot}${file}`), file);
    document.blocks.forEach((block, index) => {
      if (block.kind === 'prose' && block.tokens)
        units.push({ id: `${file}#${index}`, html: renderUnitHtml(block.tokens) });
    });
  }
  return units;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(2)} MB`;
}

export async function run(): Promise<void> {
  const units = await bookUnits();
  const s3 = await startS3Server();
  const translate = await startTranslateServer({ s3Endpoint: s3.directEndpoint });
  const base = {
    region: TEST_REGION,
    bucket: s3.bucket,
    dataAccessRoleArn: 'arn:aws:iam::123456789012:role/AmtsBench',
    s3Endpoint: s3.endpoint,
    translateEndpoint: translate.endpoint,
    pollIntervalSeconds: 0.01,
    jobDeadlineSeconds: 600,
  };
  const clients = createAwsClients(base, { credentials: TEST_CREDENTIALS });
  const options = { maxPollIntervalMs: 50 };
  try {
    const batchStart = performance.now();
    const batch = await createAwsBatchEngine(validateAwsSettings(base, 'batch'), clients, options).translate({
      sourceLanguage: 'en',
      targetLanguage: 'zh',
      units,
    });
    const batchSeconds = (performance.now() - batchStart) / 1000;
    const job = [...translate.state.jobs.values()][0];
    console.log(
      `aws batch: ${units.length} units, ${batch.sentCharacters} characters, ${job?.details?.input ?? 0} documents, ` +
        `${batch.units.size} translated, ${batch.failed.length} failed`,
    );
    console.log(
      `  S3 requests ${s3.stats.requests}, up ${megabytes(s3.stats.bytesIn)}, down ${megabytes(s3.stats.bytesOut)}; ` +
        `Translate requests ${Object.values(translate.state.calls).reduce((total = 0, calls = 0) => total + calls, 0)} ` +
        `(${translate.state.calls.DescribeTextTranslationJob ?? 0} polls); wall ${batchSeconds.toFixed(2)} s`,
    );

    const realtimeUnits = units.slice(0, 2000);
    const realtimeStart = performance.now();
    const realtime = await createAwsRealtimeEngine(validateAwsSettings(base, 'realtime'), clients, options).translate({
      sourceLanguage: 'en',
      targetLanguage: 'zh',
      units: realtimeUnits,
    });
    const realtimeSeconds = (performance.now() - realtimeStart) / 1000;
    const sizes = translate.state.translateTextBytes;
    console.log(
      `aws-realtime: ${realtimeUnits.length} units in ${sizes.length} TranslateText requests ` +
        `(mean ${Math.round(sizes.reduce((total, size) => total + size, 0) / Math.max(1, sizes.length))} bytes, ` +
        `max ${Math.max(0, ...sizes)}), ${realtime.failed.length} failed; wall ${realtimeSeconds.toFixed(2)} s`,
    );
  } finally {
    destroyAwsClients(clients);
    await translate.stop();
    await s3.stop();
  }
}
