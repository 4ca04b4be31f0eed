/**
 * The `aws` engine: one Amazon Translate batch job per request (one target language), with Active
 * Custom Translation when parallel data is configured. Units are packed into HTML documents under a
 * fresh run prefix, the job is polled to a deadline, outputs are read back by unit id, and the
 * run's objects are removed. A job that outlives the deadline keeps its objects, and
 * `collectJob(jobId)` finishes it in a later run.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import {
  DescribeTextTranslationJobCommand,
  StartTextTranslationJobCommand,
  type TextTranslationJobProperties,
} from '@aws-sdk/client-translate';
import type { HtmlUnit, TranslationEngine, TranslationRequest, TranslationResponse } from '../engine.js';
import type { AwsClients } from './clients.js';
import {
  acceptTranslations,
  failAll,
  packByBudget,
  readTranslatedUnits,
  renderHtmlDocument,
  totalTranslatableCharacters,
  translatableTextBytes,
  type AcceptedTranslations,
} from './htmlUnits.js';
import { ensureParallelData, type ParallelDataOutcome } from './parallelData.js';
import { describeError, errorName, isTransientError, mapWithConcurrency, pollUntil, withRetry } from './retry.js';
import { createAwsRuntime, deadlineIn, sha256Hex, type AwsEngineOptions, type AwsRuntime } from './runtime.js';
import { deletePrefix, getTextIfExists, listKeys, parseS3Uri, putText, s3Uri } from './s3io.js';
import { enforceCostGuard, type AwsEngineSettings } from './settings.js';
import { inStep } from './step.js';
import { ensureTerminology, type TerminologyOutcome } from './terminology.js';

/** Translate's limit is 1 MB of translatable text per document; the margin absorbs counting drift. */
export const MAX_DOCUMENT_TEXT_BYTES = 1_000_000 - 4096;

const TERMINAL_STATUSES = new Set(['COMPLETED', 'COMPLETED_WITH_ERROR', 'FAILED', 'STOPPED']);

export class AwsJobError extends Error {
  constructor(
    readonly jobId: string,
    readonly status: string,
    message: string,
  ) {
    super(message);
    this.name = 'AwsJobError';
  }
}

/** The job is still running at the deadline; its objects are kept so `collectJob` can finish it. */
export class AwsJobDeadlineError extends AwsJobError {
  constructor(jobId: string, status: string, deadlineSeconds: number) {
    super(
      jobId,
      status,
      `Amazon Translate job ${jobId} is still ${status} after ${deadlineSeconds}s; it keeps running. ` +
        `Collect its result later with collectJob("${jobId}").`,
    );
    this.name = 'AwsJobDeadlineError';
  }
}

export interface PreparedResources {
  readonly parallelData?: ParallelDataOutcome;
  readonly terminology?: TerminologyOutcome;
}

export interface AwsBatchEngine extends TranslationEngine {
  /** Creates/updates parallel data and terminology from the configured files (once per engine). */
  prepareResources(): Promise<PreparedResources>;
  /** Reads the result of an earlier job (e.g. one that outlived its run's deadline) and cleans up. */
  collectJob(jobId: string): Promise<TranslationResponse>;
}

interface PackedDocument {
  readonly name: string;
  readonly units: readonly HtmlUnit[];
}

interface RunLayout {
  readonly root: string;
  readonly input: string;
  readonly output: string;
}

function newRunLayout(settings: AwsEngineSettings): RunLayout {
  const stamp = new Date().toISOString().replace(/[-:]/gu, '').replace(/\..*$/u, '');
  const root = `${settings.prefix}runs/${stamp}-${randomBytes(4).toString('hex')}/`;
  return { root, input: `${root}input/`, output: `${root}output/` };
}

async function readConfiguredFile(path: string, setting: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`${setting} "${path}" cannot be read: ${describeError(error)}`, { cause: error });
  }
}

async function prepareResources(runtime: AwsRuntime): Promise<PreparedResources> {
  const { settings } = runtime;
  const terminology = await ensureFromFile(
    settings.terminologyName,
    settings.terminologyFile,
    'terminologyFile',
    (name, csv, file) => ensureTerminology(runtime, name, csv, file),
  );
  const parallelData = await ensureFromFile(
    settings.parallelDataName,
    settings.parallelDataFile,
    'parallelDataFile',
    (name, csv, file) => ensureParallelData(runtime, name, csv, file),
  );
  return { ...(terminology ? { terminology } : {}), ...(parallelData ? { parallelData } : {}) };
}

/** A resource named in the settings is brought up to date from its file only when both are given. */
async function ensureFromFile<T>(
  name: string | undefined,
  file: string | undefined,
  setting: string,
  ensure: (name: string, csv: string, file: string) => Promise<T>,
): Promise<T | undefined> {
  if (!name || !file) return undefined;
  return ensure(name, await readConfiguredFile(file, setting), file);
}

function checkParallelDataLanguages(resources: PreparedResources, request: TranslationRequest): void {
  const outcome = resources.parallelData;
  if (!outcome) return;
  for (const language of [request.sourceLanguage, request.targetLanguage])
    if (!outcome.languages.includes(language))
      throw new Error(
        `parallel data "${outcome.name}" covers ${outcome.languages.join(', ')} but the request needs ${language}`,
      );
}

async function uploadDocuments(runtime: AwsRuntime, run: RunLayout, documents: readonly PackedDocument[]) {
  await mapWithConcurrency(documents, runtime.store.concurrency, (document) =>
    putText(
      runtime.store,
      { bucket: runtime.settings.bucket, key: `${run.input}${document.name}` },
      renderHtmlDocument(document.units),
      'text/html; charset=utf-8',
    ),
  );
}

/** Same inputs and run → same token, so a start retried after a lost response reuses the job. */
function clientToken(request: TranslationRequest, run: RunLayout, documents: readonly PackedDocument[]): string {
  const fingerprint = JSON.stringify({
    run: run.root,
    source: request.sourceLanguage,
    target: request.targetLanguage,
    documents: documents.map((document) => [document.name, document.units.map((unit) => [unit.id, unit.html])]),
  });
  return sha256Hex(fingerprint).slice(0, 64);
}

async function startJob(
  runtime: AwsRuntime,
  request: TranslationRequest,
  run: RunLayout,
  documents: readonly PackedDocument[],
): Promise<string> {
  const { settings } = runtime;
  const translationSettings = {
    ...(settings.formality ? { Formality: settings.formality } : {}),
    ...(settings.profanity ? { Profanity: settings.profanity } : {}),
  };
  const command = new StartTextTranslationJobCommand({
    JobName: `amts-${run.root.split('/').at(-2) ?? 'run'}`,
    InputDataConfig: { S3Uri: s3Uri(settings.bucket, run.input), ContentType: 'text/html' },
    OutputDataConfig: {
      S3Uri: s3Uri(settings.bucket, run.output),
      ...(settings.kmsKeyId ? { EncryptionKey: { Type: 'KMS', Id: settings.kmsKeyId } } : {}),
    },
    DataAccessRoleArn: settings.dataAccessRoleArn,
    SourceLanguageCode: request.sourceLanguage,
    TargetLanguageCodes: [request.targetLanguage],
    ...(settings.parallelDataName ? { ParallelDataNames: [settings.parallelDataName] } : {}),
    ...(settings.terminologyName ? { TerminologyNames: [settings.terminologyName] } : {}),
    ...(Object.keys(translationSettings).length > 0 ? { Settings: translationSettings } : {}),
    ClientToken: clientToken(request, run, documents),
  });
  // LimitExceededException here means ten jobs already run; one of them will finish.
  const response = await withRetry(
    () => runtime.clients.translate.send(command),
    runtime.retry,
    (error) => isTransientError(error) || errorName(error) === 'LimitExceededException',
  );
  if (!response.JobId) throw new Error('StartTextTranslationJob returned no JobId');
  runtime.log(`Amazon Translate job ${response.JobId} started (${documents.length} documents)`);
  return response.JobId;
}

async function describeJob(runtime: AwsRuntime, jobId: string): Promise<TextTranslationJobProperties> {
  const response = await withRetry(
    () => runtime.clients.translate.send(new DescribeTextTranslationJobCommand({ JobId: jobId })),
    runtime.retry,
  );
  if (!response.TextTranslationJobProperties) throw new Error(`DescribeTextTranslationJob(${jobId}) returned nothing`);
  return response.TextTranslationJobProperties;
}

async function waitForJob(runtime: AwsRuntime, jobId: string): Promise<TextTranslationJobProperties> {
  const { settings } = runtime;
  const outcome = await pollUntil(
    () => describeJob(runtime, jobId),
    (job) => TERMINAL_STATUSES.has(job.JobStatus ?? ''),
    {
      initialDelayMs: settings.pollIntervalSeconds * 1000,
      maxDelayMs: runtime.maxPollIntervalMs,
      deadline: deadlineIn(settings.jobDeadlineSeconds),
    },
  );
  if (!outcome.done)
    throw new AwsJobDeadlineError(jobId, outcome.last.JobStatus ?? 'UNKNOWN', settings.jobDeadlineSeconds);
  return outcome.value;
}

interface TranslationDetail {
  readonly sourceFile?: string;
  readonly targetFile?: string;
  readonly auxiliaryData?: { readonly error?: { readonly errorCode?: string; readonly errorMessage?: string } };
  readonly errorCode?: string;
  readonly errorMessage?: string;
}

interface AuxiliaryDetails {
  readonly charactersTranslated?: string | number;
  readonly documentCountWithCustomerError?: string | number;
  readonly documentCountWithServerError?: string | number;
  readonly details?: readonly TranslationDetail[];
}

function parseAuxiliaryDetails(text: string | undefined, key: string): AuxiliaryDetails | undefined {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as AuxiliaryDetails;
  } catch (error) {
    throw new Error(`${key}: not JSON (${describeError(error)})`, { cause: error });
  }
}

function baseName(path: string): string {
  return path.split('/').at(-1) ?? path;
}

/** Translate's reason for a document without output, from the auxiliary details file. */
function documentErrorReason(details: AuxiliaryDetails | undefined, documentName: string): string | undefined {
  const detail = details?.details?.find((entry) => entry.sourceFile && baseName(entry.sourceFile) === documentName);
  const error = detail?.auxiliaryData?.error;
  const code = error?.errorCode ?? detail?.errorCode;
  const message = error?.errorMessage ?? detail?.errorMessage;
  if (!code && !message) return undefined;
  return [code, message].filter(Boolean).join(': ');
}

/** `<output S3Uri><account>-TranslateText-<jobId>/`, found by listing since the account is unknown. */
async function findOutputFolder(runtime: AwsRuntime, job: TextTranslationJobProperties, jobId: string) {
  const output = parseS3Uri(job.OutputDataConfig?.S3Uri ?? '');
  const marker = `-TranslateText-${jobId}/`;
  const keys = await listKeys(runtime.store, output.bucket, output.key);
  const key = keys.find((candidate) => candidate.includes(marker));
  if (key === undefined) return undefined;
  return { bucket: output.bucket, folder: key.slice(0, key.indexOf(marker) + marker.length) };
}

function numberOf(value: string | number | undefined): number | undefined {
  const parsed = typeof value === 'number' ? value : value === undefined ? NaN : Number(value);
  return Number.isFinite(parsed) ? parsed : undefined;
}

async function collectResults(
  runtime: AwsRuntime,
  job: TextTranslationJobProperties,
  documents: readonly PackedDocument[],
  accepted: AcceptedTranslations,
): Promise<number> {
  const jobId = job.JobId ?? '';
  const language = job.TargetLanguageCodes?.[0] ?? '';
  const location = await findOutputFolder(runtime, job, jobId);
  if (!location)
    throw new AwsJobError(jobId, job.JobStatus ?? '', `job ${jobId} is ${job.JobStatus} but wrote no output files`);
  const detailsKey = `${location.folder}details/${language}.auxiliary-translation-details.json`;
  const details = parseAuxiliaryDetails(
    await getTextIfExists(runtime.store, { bucket: location.bucket, key: detailsKey }),
    detailsKey,
  );
  const outputs = await mapWithConcurrency(documents, runtime.store.concurrency, (document) =>
    getTextIfExists(runtime.store, { bucket: location.bucket, key: `${location.folder}${language}.${document.name}` }),
  );
  documents.forEach((document, index) => {
    const output = outputs[index];
    if (output === undefined) {
      const reason = documentErrorReason(details, document.name) ?? 'no output document';
      failAll(
        document.units,
        `Amazon Translate job ${jobId} could not translate ${document.name}: ${reason}`,
        accepted,
      );
    } else acceptTranslations(document.units, readTranslatedUnits(output), accepted);
  });
  const translatedDocuments = documents.filter((_, index) => outputs[index] !== undefined);
  return (
    numberOf(details?.charactersTranslated) ??
    totalTranslatableCharacters(translatedDocuments.flatMap((document) => document.units))
  );
}

/**
 * Removes a run's objects; when the run already failed, a failure to clean up is logged instead of thrown, so the
 * error that stopped the run is the one reported.
 */
async function cleanUp(runtime: AwsRuntime, root: string, failure: unknown): Promise<void> {
  const step = `removing the run's objects under ${s3Uri(runtime.settings.bucket, root)}`;
  try {
    await inStep(step, () => removeRun(runtime, root));
  } catch (error) {
    if (failure === undefined) throw error;
    runtime.log(`${step} failed too: ${describeError(error)}`);
  }
}

async function removeRun(runtime: AwsRuntime, root: string): Promise<void> {
  if (runtime.settings.keepS3Objects) return;
  const removed = await deletePrefix(runtime.store, runtime.settings.bucket, root);
  runtime.log(`removed ${removed} objects under ${s3Uri(runtime.settings.bucket, root)}`);
}

function failureOf(job: TextTranslationJobProperties): AwsJobError | undefined {
  const status = job.JobStatus ?? 'UNKNOWN';
  if (status !== 'FAILED' && status !== 'STOPPED') return undefined;
  return new AwsJobError(
    job.JobId ?? '',
    status,
    `Amazon Translate job ${job.JobId} ${status}: ${job.Message ?? 'no message from the service'}`,
  );
}

async function finishJob(
  runtime: AwsRuntime,
  job: TextTranslationJobProperties,
  documents: readonly PackedDocument[],
  accepted: AcceptedTranslations,
  sentCharacters: number,
): Promise<TranslationResponse> {
  const failure = failureOf(job);
  if (failure) throw failure;
  const billedCharacters = await collectResults(runtime, job, documents, accepted);
  runtime.log(
    `job ${job.JobId} ${job.JobStatus}: ${accepted.units.size} units translated, ${accepted.failed.length} failed`,
  );
  return {
    units: accepted.units,
    failed: accepted.failed,
    billedCharacters,
    sentCharacters,
    jobIds: [job.JobId ?? ''],
  };
}

async function readSubmittedDocuments(runtime: AwsRuntime, job: TextTranslationJobProperties) {
  const input = parseS3Uri(job.InputDataConfig?.S3Uri ?? '');
  const keys = (await listKeys(runtime.store, input.bucket, input.key)).filter((key) => key.endsWith('.html'));
  return mapWithConcurrency(keys, runtime.store.concurrency, async (key): Promise<PackedDocument> => {
    const html = (await getTextIfExists(runtime.store, { bucket: input.bucket, key })) ?? '';
    const units = [...readTranslatedUnits(html)].map(([id, unitHtml]) => ({ id, html: unitHtml }));
    return { name: key.slice(input.key.length), units };
  });
}

function runRootOf(job: TextTranslationJobProperties): string {
  return parseS3Uri(job.InputDataConfig?.S3Uri ?? '').key.replace(/input\/$/u, '');
}

function emptyResponse(): TranslationResponse {
  return { units: new Map(), failed: [], billedCharacters: 0, sentCharacters: 0, jobIds: [] };
}

export function createAwsBatchEngine(
  settings: AwsEngineSettings,
  clients: AwsClients,
  options: AwsEngineOptions = {},
): AwsBatchEngine {
  const runtime = createAwsRuntime(settings, clients, options);
  const documentBudget = options.maxDocumentTextBytes ?? MAX_DOCUMENT_TEXT_BYTES;
  let prepared: Promise<PreparedResources> | undefined;
  const prepare = (): Promise<PreparedResources> => {
    prepared ??= inStep('preparing the parallel data and terminology resources', () => prepareResources(runtime)).catch(
      (error: unknown) => {
        prepared = undefined;
        throw error;
      },
    );
    return prepared;
  };

  async function translate(request: TranslationRequest): Promise<TranslationResponse> {
    if (request.units.length === 0) return emptyResponse();
    const sentCharacters = totalTranslatableCharacters(request.units);
    enforceCostGuard(sentCharacters, settings, settings.parallelDataName !== undefined);
    checkParallelDataLanguages(await prepare(), request);
    const accepted: AcceptedTranslations = { units: new Map(), failed: [] };
    const { groups, oversized } = packByBudget(
      request.units,
      (unit) => translatableTextBytes(unit.html),
      documentBudget,
    );
    failAll(oversized, `more than ${documentBudget} bytes of translatable text, over the per-document limit`, accepted);
    if (groups.length === 0) return { ...emptyResponse(), failed: accepted.failed };
    const run = newRunLayout(settings);
    const documents = groups.map((units, index) => ({
      name: `part-${String(index + 1).padStart(4, '0')}.html`,
      units,
    }));
    const { bucket } = settings;
    let keepObjects = false;
    let failure: unknown;
    try {
      await inStep(`uploading batch input to ${s3Uri(bucket, run.input)}`, () =>
        uploadDocuments(runtime, run, documents),
      );
      const jobId = await inStep('starting the Amazon Translate batch job', () =>
        startJob(runtime, request, run, documents),
      );
      const job = await inStep(`waiting for Amazon Translate job ${jobId}`, () => waitForJob(runtime, jobId)).catch(
        (error: unknown) => {
          keepObjects = error instanceof AwsJobDeadlineError;
          throw error;
        },
      );
      return await inStep(`reading the output of job ${jobId} under ${s3Uri(bucket, run.output)}`, () =>
        finishJob(runtime, job, documents, accepted, sentCharacters),
      );
    } catch (error) {
      failure = error;
      throw error;
    } finally {
      if (!keepObjects) await cleanUp(runtime, run.root, failure);
    }
  }

  async function collectJob(jobId: string): Promise<TranslationResponse> {
    const job = await inStep(`looking up Amazon Translate job ${jobId}`, () => describeJob(runtime, jobId));
    if (!TERMINAL_STATUSES.has(job.JobStatus ?? ''))
      throw new AwsJobError(
        jobId,
        job.JobStatus ?? 'UNKNOWN',
        `Amazon Translate job ${jobId} is still ${job.JobStatus}`,
      );
    const documents = await readSubmittedDocuments(runtime, job);
    const sentCharacters = totalTranslatableCharacters(documents.flatMap((document) => document.units));
    try {
      return await finishJob(runtime, job, documents, { units: new Map(), failed: [] }, sentCharacters);
    } finally {
      await removeRun(runtime, runRootOf(job));
    }
  }

  return { name: 'aws', translate, prepareResources: prepare, collectJob };
}
