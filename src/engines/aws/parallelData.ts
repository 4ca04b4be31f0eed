/**
 * Keeps an Active Custom Translation parallel-data resource in step with a local CSV: created when
 * missing, updated when the content hash recorded in its Description differs, left alone otherwise.
 * Translate runs one create/update per resource at a time, so conflicts are waited out.
 */
import {
  CreateParallelDataCommand,
  GetParallelDataCommand,
  UpdateParallelDataCommand,
  type GetParallelDataResponse,
  type ParallelDataDataLocation,
  type ParallelDataProperties,
} from '@aws-sdk/client-translate';
import { readCsvLanguageHeader } from './csvLanguages.js';
import { backoffDelay, describeError, errorName, isConflictError, pollUntil, sleep, withRetry } from './retry.js';
import { contentHashFromDescription, deadlineIn, describeContentHash, sha256Hex, type AwsRuntime } from './runtime.js';
import { putText, s3Uri } from './s3io.js';

export interface ParallelDataOutcome {
  readonly name: string;
  readonly action: 'created' | 'updated' | 'unchanged';
  readonly importedRecordCount: number;
  readonly failedRecordCount: number;
  readonly skippedRecordCount: number;
  /** Header languages of the CSV: the pairs this resource can customise. */
  readonly languages: readonly string[];
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

async function waitWhileBusy(runtime: AwsRuntime, name: string, deadline: number): Promise<Snapshot> {
  const outcome = await pollUntil(
    () => fetchParallelData(runtime, name),
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
): ParallelDataOutcome {
  const properties = snapshot?.ParallelDataProperties;
  return {
    name,
    action,
    importedRecordCount: properties?.ImportedRecordCount ?? 0,
    failedRecordCount: properties?.FailedRecordCount ?? 0,
    skippedRecordCount: properties?.SkippedRecordCount ?? 0,
    languages,
  };
}

async function requestImport(runtime: AwsRuntime, name: string, hash: string, isUpdate: boolean, csvUri: string) {
  const request = {
    Name: name,
    Description: describeContentHash(hash),
    ParallelDataConfig: { S3Uri: csvUri, Format: 'CSV' as const },
    ClientToken: `amts-${isUpdate ? 'u' : 'c'}-${hash.slice(0, 48)}`,
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
 * Makes parallel data `name` hold `csv` (CSV with a header row of language codes) and reports the
 * record counts. Throws `ParallelDataImportError` with a summary of Translate's error file when
 * the import fails, or when the resource stays busy past `deadlineSeconds`.
 */
export async function ensureParallelData(
  runtime: AwsRuntime,
  name: string,
  csv: string,
  source = `parallel data "${name}"`,
  deadlineSeconds = runtime.settings.jobDeadlineSeconds,
): Promise<ParallelDataOutcome> {
  const languages = readCsvLanguageHeader(csv, source);
  const hash = sha256Hex(csv);
  const deadline = deadlineIn(deadlineSeconds);
  const key = `${runtime.settings.prefix}parallel-data/${name}/${hash.slice(0, 16)}.csv`;
  let uploaded = false;
  for (let conflicts = 0; ; conflicts++) {
    let snapshot = await fetchParallelData(runtime, name);
    if (isBusy(snapshot)) snapshot = await waitWhileBusy(runtime, name, deadline);
    if (isCurrent(snapshot?.ParallelDataProperties, hash)) return outcomeOf(name, 'unchanged', snapshot, languages);
    if (!uploaded) {
      await putText(runtime.store, { bucket: runtime.settings.bucket, key }, csv, 'text/csv; charset=utf-8');
      uploaded = true;
    }
    const isUpdate = snapshot !== undefined;
    try {
      await requestImport(runtime, name, hash, isUpdate, s3Uri(runtime.settings.bucket, key));
    } catch (error) {
      if (!isConflictError(error) || Date.now() >= deadline) throw error;
      runtime.log(`parallel data "${name}": another import is running (${errorName(error)}); waiting`);
      await sleep(Math.min(backoffDelay(conflicts, runtime.retry), Math.max(0, deadline - Date.now())));
      continue;
    }
    runtime.log(`parallel data "${name}": ${isUpdate ? 'update' : 'creation'} started`);
    const outcome = await pollUntil(
      () => fetchParallelData(runtime, name),
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
    if (status === 'FAILED') throw await importFailure(name, outcome.value, isUpdate);
    const result = outcomeOf(name, isUpdate ? 'updated' : 'created', outcome.value, languages);
    runtime.log(`parallel data "${name}": ${result.action}, ${counts(outcome.value?.ParallelDataProperties)}`);
    return result;
  }
}
