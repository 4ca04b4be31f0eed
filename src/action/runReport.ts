/**
 * The run's JSON report, for later workflow steps (upload it as an artifact, read it with jq): the outcome and the
 * whole sync report, parallel data included. Written to the runner's scratch folder, one file per target language
 * so two AMTS steps in one job keep their own.
 */
import path from 'node:path';
import type { PublishOutcome } from '../github/publish.js';
import { writeFileAtomic } from '../io/writeFileAtomic.js';

export async function writeRunReport(directory: string, language: string, outcome: PublishOutcome): Promise<string> {
  const file = path.join(directory, `amts-report-${language}.json`);
  const record = {
    operation: outcome.operation,
    ...(outcome.pullRequest ? { pullRequest: outcome.pullRequest } : {}),
    ...(outcome.jobId ? { jobId: outcome.jobId } : {}),
    ...(outcome.report ? { report: outcome.report } : {}),
  };
  await writeFileAtomic(file, `${JSON.stringify(record, null, 2)}\n`);
  return file;
}
