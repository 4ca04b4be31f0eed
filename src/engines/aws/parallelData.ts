/**
 * Keeps an Active Custom Translation parallel-data resource in step with a local file (CSV, TSV or TMX): created
 * when missing, updated when the content hash recorded in its Description differs, left alone otherwise.
 * Translate runs one create/update at a time, so conflicts (ConflictException, ConcurrentModificationException)
 * are waited out. An update that fails leaves the previous version in use: the outcome says so instead of
 * stopping the run, since the job can still translate with what the resource holds.
 */
import {
  CreateParallelDataCommand,
  GetParallelDataCommand,
  UpdateParallelDataCommand,
  type GetParallelDataResponse,
  type ParallelDataDataLocation,
  type ParallelDataProperties,
} from '@aws-sdk/client-translate';
import { parallelDataFormatOf, readParallelDataLanguages, type ParallelDataFileFormat } from './dataLanguages.js';
import { backoffDelay, describeError, errorName, isConflictError, pollUntil, sleep, withRetry } from './retry.js';
import { contentHashFromDescription, deadlineIn, describeContentHash, sha256Hex, type AwsRuntime } from './runtime.js';
import { putText, s3Uri } from './s3io.js';

export interface ParallelDataOutcome {
  readonly name: string;
  /** `update-failed`: the new file was refused and the previous version stays in use. */
  readonly action: 'created' | 'updated' | 'unchanged' | 'update-failed';
  readonly importedRecordCount: number;
  readonly failedRecordCount: number;
  readonly skippedRecordCount: number;
  /** Languages of the file: the pairs this resource can customise. */
  readonly languages: readonly string[];
  /** Why the update failed (Translate's message and the first lines of its error file). */
  readonly warning?: string;
}

export class ParallelDataImportError extends Error {
  constructor(
    readonly parallelDataName: string,
    message: string,
    readonly errorFileSummary: string | undefined,
  ) {
    super(message);
    this.name = 'ParallelDataImportError';
  }
}

const BUSY = new Set(['CREATING', 'UPDATING', 'DELETING']);
const ERROR_SUMMARY_LINES = 8;
const ERROR_SUMMARY_CHARACTERS = 1200;

type Snapshot = GetParallelDataResponse | undefined;

async function fetchParallelData(runtime: AwsRuntime, name: string): Promise<Snapshot> {
  try {
    return await withRetry(
      () => runtime.clients.translate.send(new GetParallelDataCommand({ Name: name })),
      runtime.retry,
    );
  } catch (error) {
    if (errorName(error) === 'ResourceNotFoundException') return undefined;
    throw error;
  }
}

function isBusy(snapshot: Snapshot): boolean {
  const properties = snapshot?.ParallelDataProperties;
  return BUSY.has(properties?.Status ?? '') || properties?.LatestUpdateAttemptStatus === 'UPDATING';
}

function isCurrent(properties: ParallelDataProperties | undefined, hash: string): boolean {
  return (
    properties?.Status === 'ACTIVE' &&
    contentHashFromDescription(properties.Description) === hash &&
    properties.LatestUpdateAttemptStatus !== 'FAILED'
  );
}

function pollOptions(runtime: AwsRuntime, deadline: number) {
  return {
    initialDelayMs: runtime.settings.pollIntervalSeconds * 1000,
    maxDelayMs: runtime.maxPollIntervalMs,
    deadline,
  };
}

/** Fetches the resource and says in the log how its status moves, once per status and at most once a minute. */
function withProgress(runtime: AwsRuntime, name: string, what: string): () => Promise<Snapshot> {
  const started = Date.now();
  let shown = '';
  let shownAt = 0;
  return async () => {
    const snapshot = await fetchParallelData(runtime, name);
    const properties = snapshot?.ParallelDataProperties;
    const status = `${properties?.Status ?? 'missing'}${properties?.LatestUpdateAttemptStatus ? `, latest update ${properties.LatestUpdateAttemptStatus}` : ''}`;
    if (status !== shown || Date.now() - shownAt >= 60_000) {
      runtime.log(`parallel data "${name}": ${what}: ${status} after ${Math.round((Date.now() - started) / 1000)} s`);
      shown = status;
      shownAt = Date.now();
    }
    return snapshot;
  };
}

async function waitWhileBusy(runtime: AwsRuntime, name: string, deadline: number): Promise<Snapshot> {
  const outcome = await pollUntil(
    withProgress(runtime, name, 'waiting for the import in progress'),
    (snapshot) => !isBusy(snapshot),
    pollOptions(runtime, deadline),
  );
  if (outcome.done) return outcome.value;
  const properties = outcome.last?.ParallelDataProperties;
  throw new ParallelDataImportError(
    name,
    `Parallel data "${name}" is still ${properties?.LatestUpdateAttemptStatus ?? properties?.Status} at the deadline`,
    undefined,
  );
}

/** The first lines of the error file Translate wrote; presigned URLs expire after 30 minutes. */
async function summarizeErrorFile(location: ParallelDataDataLocation | undefined): Promise<string | undefined> {
  if (!location?.Location) return undefined;
  try {
    const response = await fetch(location.Location);
    if (!response.ok) return `error file unavailable (HTTP ${response.status})`;
    const lines = (await response.text()).split(/\r?\n/u).filter((line) => line.trim() !== '');
    const shown = lines.slice(0, ERROR_SUMMARY_LINES).join('\n').slice(0, ERROR_SUMMARY_CHARACTERS);
    return lines.length > ERROR_SUMMARY_LINES ? `${shown}\n… (${lines.length} lines in all)` : shown;
  } catch (error) {
    return `error file unavailable (${describeError(error)})`;
  }
}

function counts(properties: ParallelDataProperties | undefined): string {
  return (
    `imported ${properties?.ImportedRecordCount ?? 0}, failed ${properties?.FailedRecordCount ?? 0}, ` +
    `skipped ${properties?.SkippedRecordCount ?? 0} records`
  );
}

async function importFailure(name: string, snapshot: Snapshot, isUpdate: boolean) {
  const properties = snapshot?.ParallelDataProperties;
  const summary = await summarizeErrorFile(
    isUpdate ? snapshot?.LatestUpdateAttemptAuxiliaryDataLocation : snapshot?.AuxiliaryDataLocation,
  );
  const message =
    `Parallel data "${name}" ${isUpdate ? 'update' : 'creation'} FAILED: ${properties?.Message ?? 'no message'} ` +
    `(${counts(properties)}).` +
    (summary ? `\nError file:\n${summary}` : '');
  return new ParallelDataImportError(name, message, summary);
}

function outcomeOf(
  name: string,
  action: ParallelDataOutcome['action'],
  snapshot: Snapshot,
  languages: readonly string[],
  warning?: string,
): ParallelDataOutcome {
  const properties = snapshot?.ParallelDataProperties;
  return {
    name,
    action,
    importedRecordCount: properties?.ImportedRecordCount ?? 0,
    failedRecordCount: properties?.FailedRecordCount ?? 0,
    skippedRecordCount: properties?.SkippedRecordCount ?? 0,
    languages,
    ...(warning === undefined ? {} : { warning }),
  };
}

const FORMATS = { csv: 'CSV', tsv: 'TSV', tmx: 'TMX' } as const;
const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  tsv: 'text/tab-separated-values; charset=utf-8',
  tmx: 'application/xml; charset=utf-8',
} as const;

async function requestImport(
  runtime: AwsRuntime,
  name: string,
  hash: string,
  isUpdate: boolean,
  file: { readonly uri: string; readonly format: ParallelDataFileFormat },
  previousAttempt: Date | undefined,
) {
  // The token repeats across retries of this request, but not after a failed attempt with the same file: Translate
  // would take that retry for the failed request and not import again.
  const attempt = sha256Hex(`${hash}:${previousAttempt?.toISOString() ?? ''}`).slice(0, 48);
  const request = {
    Name: name,
    Description: describeContentHash(hash),
    ParallelDataConfig: { S3Uri: file.uri, Format: FORMATS[file.format] },
    ClientToken: `amts-${isUpdate ? 'u' : 'c'}-${attempt}`,
  };
  const { kmsKeyId } = runtime.settings;
  const encryption = kmsKeyId ? { EncryptionKey: { Type: 'KMS' as const, Id: kmsKeyId } } : {};
  const { translate } = runtime.clients;
  await withRetry(
    () =>
      isUpdate
        ? translate.send(new UpdateParallelDataCommand(request))
        : translate.send(new CreateParallelDataCommand({ ...request, ...encryption })),
    runtime.retry,
  );
}

function isSettled(snapshot: Snapshot, isUpdate: boolean): boolean {
  const properties = snapshot?.ParallelDataProperties;
  const status = isUpdate ? properties?.LatestUpdateAttemptStatus : properties?.Status;
  return status === 'ACTIVE' || status === 'FAILED';
}

/**
 * Makes parallel data `name` hold `text` (a CSV, TSV or TMX file, the format read from the name of `source`) and
 * reports the record counts. Throws `ParallelDataImportError` with a summary of Translate's error file when the
 * creation fails, or when the resource stays busy past `deadlineSeconds`; a failed update is the outcome
 * `update-failed`, with the same summary as its warning.
 */
export async function ensureParallelData(
  runtime: AwsRuntime,
  name: string,
  text: string,
  source = `parallel data "${name}"`,
  deadlineSeconds = runtime.settings.jobDeadlineSeconds,
): Promise<ParallelDataOutcome> {
  const format = parallelDataFormatOf(source);
  const languages = readParallelDataLanguages(text, format, source);
  const hash = sha256Hex(text);
  const deadline = deadlineIn(deadlineSeconds);
  const key = `${runtime.settings.prefix}parallel-data/${name}/${hash.slice(0, 16)}.${format}`;
  let uploaded = false;
  for (let conflicts = 0; ; conflicts++) {
    let snapshot = await fetchParallelData(runtime, name);
    if (isBusy(snapshot)) snapshot = await waitWhileBusy(runtime, name, deadline);
    if (isCurrent(snapshot?.ParallelDataProperties, hash)) return outcomeOf(name, 'unchanged', snapshot, languages);
    if (!uploaded) {
      await putText(runtime.store, { bucket: runtime.settings.bucket, key }, text, CONTENT_TYPES[format]);
      uploaded = true;
    }
    const isUpdate = snapshot !== undefined;
    try {
      await requestImport(
        runtime,
        name,
        hash,
        isUpdate,
        { uri: s3Uri(runtime.settings.bucket, key), format },
        snapshot?.ParallelDataProperties?.LatestUpdateAttemptAt,
      );
    } catch (error) {
      if (!isConflictError(error) || Date.now() >= deadline) throw error;
      runtime.log(`parallel data "${name}": another import is running (${errorName(error)}); waiting`);
      await sleep(Math.min(backoffDelay(conflicts, runtime.retry), Math.max(0, deadline - Date.now())));
      continue;
    }
    runtime.log(`parallel data "${name}": ${isUpdate ? 'update' : 'creation'} started`);
    const outcome = await pollUntil(
      withProgress(runtime, name, isUpdate ? 'update' : 'creation'),
      (current) => isSettled(current, isUpdate),
      pollOptions(runtime, deadline),
    );
    if (!outcome.done)
      throw new ParallelDataImportError(
        name,
        `Parallel data "${name}" import did not finish by the deadline`,
        undefined,
      );
    const status = isUpdate
      ? outcome.value?.ParallelDataProperties?.LatestUpdateAttemptStatus
      : outcome.value?.ParallelDataProperties?.Status;
    if (status === 'FAILED') {
      const failure = await importFailure(name, outcome.value, isUpdate);
      if (!isUpdate) throw failure;
      const warning = `${failure.message}\nThe previous version of "${name}" stays in use.`;
      runtime.log(warning);
      return outcomeOf(name, 'update-failed', outcome.value, languages, warning);
    }
    const result = outcomeOf(name, isUpdate ? 'updated' : 'created', outcome.value, languages);
    runtime.log(`parallel data "${name}": ${result.action}, ${counts(outcome.value?.ParallelDataProperties)}`);
    return result;
  }
}
