/**
 * An Amazon Translate stand-in speaking the service's real wire protocol (AWS JSON 1.1,
 * `X-Amz-Target: AWSShineFrontendService_20170701.<Operation>`, errors as `{"__type","Message"}`
 * with the model's HTTP statuses), so the real SDK clients drive it. Batch jobs read their input
 * from the S3 test server and write outputs and the auxiliary details file in Translate's layout;
 * translation is the pseudo engine's, which honours `translate="no"`. Faults are switched on
 * through the mutable `faults` object.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ListObjectsV2Command, PutObjectCommand, GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { DomUtils, parseDocument } from 'htmlparser2';
import Papa from 'papaparse';
import { countTranslatableCharacters, pseudoTranslateHtml } from '../../src/engines/pseudo.js';
import { createTestS3Client } from './s3Server.js';

const TARGET_PREFIX = 'AWSShineFrontendService_20170701.';
const ACCOUNT = '123456789012';
const REGION = 'us-east-1';

export type TranslateOperation =
  | 'CreateParallelData'
  | 'UpdateParallelData'
  | 'GetParallelData'
  | 'ImportTerminology'
  | 'GetTerminology'
  | 'StartTextTranslationJob'
  | 'DescribeTextTranslationJob'
  | 'StopTextTranslationJob'
  | 'TranslateText';

export type TranslateUnitHtml = (html: string, sourceLanguage: string, targetLanguage: string) => string;

export interface TranslateFaults {
  /** The next N calls of each operation get 429 TooManyRequestsException. */
  throttleNext: Partial<Record<TranslateOperation, number>>;
  /** The next N UpdateParallelData calls get 409 ConflictException. */
  conflictNextUpdates: number;
  /** The next N CreateParallelData/UpdateParallelData calls get 409 ConcurrentModificationException (another modification in the account). */
  concurrentModificationNext: number;
  /** The next parallel-data import ends FAILED with this message and error file. */
  parallelDataFailure?: { readonly message: string; readonly errorFile: string };
  /** Jobs end FAILED with this message. */
  failJobsWith?: string;
  /** This input document (name relative to the input prefix) fails; the job ends COMPLETED_WITH_ERROR. */
  failDocument?: string;
  /** Jobs stay IN_PROGRESS forever. */
  neverFinish: boolean;
  /** The first protected span of each output document comes back altered. */
  damageProtectedSpan: boolean;
  /** The next N StartTextTranslationJob calls create the job but answer 500, as if the reply were lost. */
  loseStartResponses: number;
  /** Describe/Get polls before a job or import settles. */
  pollsBeforeDone: number;
}

type ParallelDataFileFormat = 'CSV' | 'TSV' | 'TMX';

interface ParallelDataImport {
  readonly kind: 'create' | 'update';
  /** The file as imported, whatever its format. */
  readonly csv: string;
  readonly format: ParallelDataFileFormat;
  readonly description: string | undefined;
  readonly s3Uri: string;
  readonly failure: TranslateFaults['parallelDataFailure'];
  pollsLeft: number;
}

interface ParallelDataRecord {
  readonly name: string;
  status: string;
  description: string | undefined;
  languages: string[];
  s3Uri: string;
  format: ParallelDataFileFormat;
  recordCount: number;
  failedRecordCount: number;
  message?: string;
  latestUpdateAttemptStatus?: string;
  auxiliaryErrorFile?: string;
  latestUpdateErrorFile?: string;
  readonly createdAt: number;
  lastUpdatedAt: number;
  pending?: ParallelDataImport;
}

interface TerminologyRecord {
  readonly name: string;
  readonly description: string | undefined;
  readonly languages: string[];
  readonly terms: ReadonlyArray<readonly [string, string]>;
  readonly createdAt: number;
}

export interface JobRecord {
  readonly jobId: string;
  readonly request: Record<string, unknown>;
  readonly inputUri: string;
  readonly outputUri: string;
  readonly sourceLanguage: string;
  readonly targetLanguages: readonly string[];
  status: string;
  polls: number;
  message?: string;
  details?: { translated: number; withErrors: number; input: number };
  /** charactersTranslated written to the auxiliary details file(s). */
  charactersTranslated: number;
  readonly submittedAt: number;
  endAt?: number;
}

export interface TranslateServerState {
  readonly calls: Partial<Record<string, number>>;
  readonly jobs: Map<string, JobRecord>;
  readonly parallelData: Map<string, ParallelDataRecord>;
  readonly terminologies: Map<string, TerminologyRecord>;
  readonly translateTextBytes: number[];
}

export interface TranslateTestServer {
  readonly endpoint: string;
  readonly faults: TranslateFaults;
  readonly state: TranslateServerState;
  stop(): Promise<void>;
}

export interface TranslateServerOptions {
  /** S3 endpoint the service itself uses (the direct one, so client-side S3 faults do not hit it). */
  readonly s3Endpoint: string;
  readonly translateUnitHtml?: TranslateUnitHtml;
}

class ServiceError extends Error {
  constructor(
    readonly type: string,
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const notFound = (what: string) => new ServiceError('ResourceNotFoundException', 404, `${what} does not exist`);
const invalid = (message: string) => new ServiceError('InvalidRequestException', 400, message);
/** The model's ConcurrentModificationException: "Another modification is being made", HTTP 409. */
const concurrentModification = (message: string) => new ServiceError('ConcurrentModificationException', 409, message);

function nowSeconds(): number {
  return Date.now() / 1000;
}

function parseS3Uri(uri: string): { bucket: string; key: string } {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/u.exec(uri);
  if (!match?.[1]) throw new ServiceError('InvalidParameterValueException', 400, `bad S3 URI ${uri}`);
  return { bucket: match[1], key: match[2] ?? '' };
}

function requireString(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  if (typeof value !== 'string' || value === '')
    throw new ServiceError('InvalidParameterValueException', 400, `${field} is required`);
  return value;
}

function requireObject(body: Record<string, unknown>, field: string): Record<string, unknown> {
  const value = body[field];
  if (typeof value !== 'object' || value === null)
    throw new ServiceError('InvalidParameterValueException', 400, `${field} is required`);
  return value as Record<string, unknown>;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function csvRows(csv: string): string[][] {
  return Papa.parse<string[]>(csv.replace(/^\uFEFF/u, ''), { skipEmptyLines: true }).data;
}

/** Rows of a parallel data file, header first, in any of the formats Translate imports. */
function parallelDataRows(text: string, format: ParallelDataFileFormat): string[][] {
  if (format === 'CSV') return csvRows(text);
  if (format === 'TSV')
    return text
      .replace(/^\uFEFF/u, '')
      .split(/\r?\n/u)
      .filter((line) => line.trim() !== '')
      .map((line) => line.split('\t'));
  const source = /<header\b[^>]*\bsrclang="([^"]+)"/u.exec(text)?.[1] ?? '';
  const units = [...text.matchAll(/<tu\b[\s\S]*?<\/tu>/gu)].map((unit) =>
    [...unit[0].matchAll(/<tuv\b[^>]*\bxml:lang="([^"]+)"[^>]*>\s*<seg>([\s\S]*?)<\/seg>/gu)].map(
      (tuv) => [tuv[1] ?? '', tuv[2] ?? ''] as const,
    ),
  );
  const languages = [source, ...new Set(units.flat().map(([language]) => language))].filter(
    (language, index, all) => language !== '' && all.indexOf(language) === index,
  );
  const rows = units.map((unit) => languages.map((language) => unit.find(([code]) => code === language)?.[1] ?? ''));
  return [languages, ...rows];
}

function escapeAttribute(value: string): string {
  return value.replace(/&/gu, '&amp;').replace(/"/gu, '&quot;').replace(/</gu, '&lt;');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/**
 * Terms are swapped for placeholders the translator must leave alone, then for their targets:
 * the way custom terminology forces a rendering regardless of what the model would choose.
 */
function applyTerminology(
  html: string,
  terms: ReadonlyArray<readonly [string, string]>,
  used: Set<string>,
): { html: string; restore: (translated: string) => string } {
  const pieces = html.match(/<[^>]*>|[^<]+/gu) ?? [];
  // Depth inside a translate="no" element: terms there stay untouched, as the service leaves them.
  let protectedDepth = 0;
  const marked = pieces
    .map((piece) => {
      if (piece.startsWith('<')) {
        const closing = piece.startsWith('</');
        if (protectedDepth > 0) protectedDepth += closing ? -1 : piece.endsWith('/>') ? 0 : 1;
        else if (!closing && /\btranslate=["']?no\b/u.test(piece)) protectedDepth = 1;
        return piece;
      }
      if (protectedDepth > 0) return piece;
      return terms.reduce((text, [source], index) => {
        const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])${escapeRegExp(source)}(?![\\p{L}\\p{N}_])`, 'giu');
        return text.replace(pattern, () => {
          used.add(source);
          return `<span translate="no" data-term="${index}">${index}</span>`;
        });
      }, piece);
    })
    .join('');
  const restore = (translated: string): string =>
    translated.replace(/<span\b[^>]*\bdata-term=["'](\d+)["'][^>]*>[^<]*<\/span>/gu, (_whole, index: string) => {
      return terms[Number(index)]?.[1] ?? '';
    });
  return { html: marked, restore };
}

interface TranslationContext {
  readonly source: string;
  readonly target: string;
  readonly terms: ReadonlyArray<readonly [string, string]>;
  readonly usedTerms: Set<string>;
  readonly translateUnitHtml: TranslateUnitHtml;
}

function translateInner(html: string, context: TranslationContext): string {
  const { html: marked, restore } = applyTerminology(html, context.terms, context.usedTerms);
  return restore(context.translateUnitHtml(marked, context.source, context.target));
}

type DomNodes = ReturnType<typeof parseDocument>['children'];

/**
 * Translates the top-level elements of a body (or fragment) one by one, re-serialising their tags
 * with attributes reordered and the layout changed, as Translate does.
 */
function translateTopLevel(nodes: DomNodes, context: TranslationContext): string {
  const pieces: string[] = [];
  for (const node of nodes) {
    if (node.type === 'text') {
      const text = DomUtils.textContent(node);
      pieces.push(text.trim() === '' ? '\n  ' : translateInner(DomUtils.getOuterHTML(node), context));
      continue;
    }
    if (!('attribs' in node)) continue;
    const inner = DomUtils.getInnerHTML(node, { encodeEntities: 'utf8' });
    if (node.attribs['translate'] === 'no') {
      pieces.push(DomUtils.getOuterHTML(node, { encodeEntities: 'utf8' }));
      continue;
    }
    const attributes = Object.entries(node.attribs)
      .reverse()
      .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
      .join('');
    pieces.push(`<${node.name} lang="${context.target}"${attributes}>${translateInner(inner, context)}</${node.name}>`);
  }
  return pieces.join('');
}

function translateDocumentHtml(html: string, context: TranslationContext): string {
  const document = parseDocument(html, { decodeEntities: true });
  const body = DomUtils.findOne((element) => element.name === 'body', document.children);
  const translated = translateTopLevel(body ? body.children : document.children, context);
  return `<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n</head>\n<body>\n  ${translated}\n</body>\n</html>\n`;
}

function translateFragmentHtml(html: string, context: TranslationContext): string {
  return translateTopLevel(parseDocument(html, { decodeEntities: true }).children, context);
}

function damageFirstProtectedSpan(html: string): string {
  return html.replace(
    /(<span\b[^>]*\btranslate=["']?no["']?[^>]*>)([^<]*)/u,
    (_whole, open: string, content: string) => `${open}tampered ${content}`,
  );
}

export async function startTranslateServer(options: TranslateServerOptions): Promise<TranslateTestServer> {
  const s3: S3Client = createTestS3Client(options.s3Endpoint);
  const translateUnitHtml: TranslateUnitHtml =
    options.translateUnitHtml ?? ((html, _source, target) => pseudoTranslateHtml(html, target));
  const faults: TranslateFaults = {
    throttleNext: {},
    conflictNextUpdates: 0,
    concurrentModificationNext: 0,
    neverFinish: false,
    damageProtectedSpan: false,
    loseStartResponses: 0,
    pollsBeforeDone: 2,
  };
  const state: TranslateServerState = {
    calls: {},
    jobs: new Map(),
    parallelData: new Map(),
    terminologies: new Map(),
    translateTextBytes: [],
  };
  const errorFiles = new Map<string, string>();
  const jobsByToken = new Map<string, string>();
  /** Create/Update answers by ClientToken: a repeated token gets the first answer and changes nothing. */
  const parallelDataByToken = new Map<string, unknown>();
  let baseUrl = '';

  async function readS3Text(uri: string): Promise<string> {
    const { bucket, key } = parseS3Uri(uri);
    try {
      const response = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      return (await response.Body?.transformToString('utf-8')) ?? '';
    } catch {
      throw new ServiceError('InvalidRequestException', 400, `cannot read ${uri}`);
    }
  }

  async function writeS3Text(bucket: string, key: string, text: string): Promise<void> {
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: Buffer.from(text, 'utf8') }));
  }

  async function listS3Keys(bucket: string, prefix: string): Promise<string[]> {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
    return (page.Contents ?? []).flatMap((object) => (object.Key ? [object.Key] : []));
  }

  function publishErrorFile(text: string): string {
    const id = randomBytes(8).toString('hex');
    errorFiles.set(id, text);
    return `${baseUrl}/aux/${id}?X-Amz-Expires=1800`;
  }

  // ---- parallel data ----

  function settleImport(record: ParallelDataRecord, pending: ParallelDataImport): void {
    const rows = parallelDataRows(pending.csv, pending.format);
    const isCreate = pending.kind === 'create';
    record.pending = undefined;
    record.lastUpdatedAt = nowSeconds();
    if (pending.failure) {
      const errorUrl = publishErrorFile(pending.failure.errorFile);
      record.message = pending.failure.message;
      record.failedRecordCount = Math.max(1, rows.length - 1);
      if (isCreate) {
        record.status = 'FAILED';
        record.auxiliaryErrorFile = errorUrl;
      } else {
        record.latestUpdateAttemptStatus = 'FAILED';
        record.latestUpdateErrorFile = errorUrl;
      }
      return;
    }
    record.status = 'ACTIVE';
    record.latestUpdateAttemptStatus = isCreate ? undefined : 'ACTIVE';
    record.description = pending.description;
    record.languages = (rows[0] ?? []).map((cell) => cell.trim());
    record.recordCount = rows.length - 1;
    record.failedRecordCount = 0;
    record.s3Uri = pending.s3Uri;
    record.format = pending.format;
    record.message = undefined;
  }

  async function startImport(body: Record<string, unknown>, kind: 'create' | 'update'): Promise<ParallelDataImport> {
    const config = requireObject(body, 'ParallelDataConfig');
    const s3Uri = requireString(config, 'S3Uri');
    const format = requireString(config, 'Format');
    if (format !== 'CSV' && format !== 'TSV' && format !== 'TMX')
      throw new ServiceError('InvalidParameterValueException', 400, `Format ${format} is not one of CSV, TSV, TMX`);
    const csv = await readS3Text(s3Uri);
    if ((parallelDataRows(csv, format)[0] ?? []).length < 2)
      throw invalid('the parallel data file has no language header');
    const failure = faults.parallelDataFailure;
    faults.parallelDataFailure = undefined;
    const description = typeof body['Description'] === 'string' ? body['Description'] : undefined;
    return { kind, csv, format, description, s3Uri, failure, pollsLeft: faults.pollsBeforeDone };
  }

  /** Translate runs one parallel-data modification at a time; a second one meets ConcurrentModificationException. */
  function checkConcurrentModification(): void {
    if (faults.concurrentModificationNext > 0) {
      faults.concurrentModificationNext -= 1;
      throw concurrentModification('another parallel data modification is in progress');
    }
  }

  /** Runs a create/update once per ClientToken, as the service's idempotency does. */
  async function once(body: Record<string, unknown>, modify: () => Promise<unknown>): Promise<unknown> {
    const token = typeof body['ClientToken'] === 'string' ? body['ClientToken'] : undefined;
    if (token !== undefined && parallelDataByToken.has(token)) return parallelDataByToken.get(token);
    const answer = await modify();
    if (token !== undefined) parallelDataByToken.set(token, answer);
    return answer;
  }

  async function createParallelData(body: Record<string, unknown>) {
    const name = requireString(body, 'Name');
    checkConcurrentModification();
    if (state.parallelData.has(name)) throw new ServiceError('ConflictException', 409, `${name} already exists`);
    const pending = await startImport(body, 'create');
    const created = nowSeconds();
    state.parallelData.set(name, {
      name,
      status: 'CREATING',
      description: pending.description,
      languages: [],
      s3Uri: pending.s3Uri,
      format: pending.format,
      recordCount: 0,
      failedRecordCount: 0,
      createdAt: created,
      lastUpdatedAt: created,
      pending,
    });
    return { Name: name, Status: 'CREATING' };
  }

  async function updateParallelData(body: Record<string, unknown>) {
    const name = requireString(body, 'Name');
    const record = state.parallelData.get(name);
    if (!record) throw notFound(`parallel data ${name}`);
    if (faults.conflictNextUpdates > 0) {
      faults.conflictNextUpdates -= 1;
      throw new ServiceError('ConflictException', 409, `an update of ${name} is already in progress`);
    }
    checkConcurrentModification();
    if (record.pending) throw concurrentModification(`${name} is being imported`);
    record.pending = await startImport(body, 'update');
    record.latestUpdateAttemptStatus = 'UPDATING';
    return {
      Name: name,
      Status: record.status,
      LatestUpdateAttemptStatus: 'UPDATING',
      LatestUpdateAttemptAt: nowSeconds(),
    };
  }

  function getParallelData(body: Record<string, unknown>) {
    const name = requireString(body, 'Name');
    const record = state.parallelData.get(name);
    if (!record) throw notFound(`parallel data ${name}`);
    if (record.pending && --record.pending.pollsLeft < 0) settleImport(record, record.pending);
    const location = (url: string | undefined) => (url ? { RepositoryType: 'S3', Location: url } : undefined);
    return {
      ParallelDataProperties: {
        Name: name,
        Arn: `arn:aws:translate:${REGION}:${ACCOUNT}:parallel-data/${name}`,
        Description: record.description,
        Status: record.status,
        SourceLanguageCode: record.languages[0],
        TargetLanguageCodes: record.languages.slice(1),
        ParallelDataConfig: { S3Uri: record.s3Uri, Format: record.format },
        Message: record.message,
        ImportedDataSize: record.recordCount * 100,
        ImportedRecordCount: record.recordCount,
        FailedRecordCount: record.failedRecordCount,
        SkippedRecordCount: 0,
        CreatedAt: record.createdAt,
        LastUpdatedAt: record.lastUpdatedAt,
        LatestUpdateAttemptStatus: record.latestUpdateAttemptStatus,
        LatestUpdateAttemptAt: record.latestUpdateAttemptStatus ? record.lastUpdatedAt : undefined,
      },
      DataLocation: location(publishErrorFile('(parallel data copy)')),
      AuxiliaryDataLocation: location(record.auxiliaryErrorFile),
      LatestUpdateAttemptAuxiliaryDataLocation: location(record.latestUpdateErrorFile),
    };
  }

  // ---- terminology ----

  function terminologyProperties(record: TerminologyRecord) {
    return {
      Name: record.name,
      Description: record.description,
      Arn: `arn:aws:translate:${REGION}:${ACCOUNT}:terminology/${record.name}/LATEST`,
      SourceLanguageCode: record.languages[0],
      TargetLanguageCodes: record.languages.slice(1),
      TermCount: record.terms.length,
      SkippedTermCount: 0,
      Format: 'CSV',
      Directionality: 'UNI',
      CreatedAt: record.createdAt,
      LastUpdatedAt: nowSeconds(),
    };
  }

  function importTerminology(body: Record<string, unknown>) {
    const name = requireString(body, 'Name');
    const data = requireObject(body, 'TerminologyData');
    const csv = Buffer.from(requireString(data, 'File'), 'base64').toString('utf8');
    const [header = [], ...rows] = csvRows(csv);
    if (header.length < 2) throw invalid('the terminology file has no language header');
    const terms = rows.flatMap((row) => (row[0] && row[1] ? [[row[0], row[1]] as const] : []));
    const record: TerminologyRecord = {
      name,
      description: typeof body['Description'] === 'string' ? body['Description'] : undefined,
      languages: header.map((cell) => cell.trim()),
      terms,
      createdAt: nowSeconds(),
    };
    state.terminologies.set(name, record);
    return { TerminologyProperties: terminologyProperties(record) };
  }

  function getTerminology(body: Record<string, unknown>) {
    const name = requireString(body, 'Name');
    const record = state.terminologies.get(name);
    if (!record) throw notFound(`terminology ${name}`);
    return { TerminologyProperties: terminologyProperties(record) };
  }

  function termsFor(names: readonly string[]): ReadonlyArray<readonly [string, string]> {
    return names.flatMap((name) => {
      const record = state.terminologies.get(name);
      if (!record) throw notFound(`terminology ${name}`);
      return record.terms;
    });
  }

  // ---- batch jobs ----

  function startTextTranslationJob(body: Record<string, unknown>) {
    const token = typeof body['ClientToken'] === 'string' ? body['ClientToken'] : undefined;
    const known = token ? jobsByToken.get(token) : undefined;
    if (known) return { JobId: known, JobStatus: state.jobs.get(known)?.status };
    const input = requireObject(body, 'InputDataConfig');
    const output = requireObject(body, 'OutputDataConfig');
    requireString(body, 'DataAccessRoleArn');
    if (requireString(input, 'ContentType') !== 'text/html') throw invalid('only text/html is simulated');
    const parallelDataNames = stringList(body['ParallelDataNames']);
    for (const name of parallelDataNames)
      if (state.parallelData.get(name)?.status !== 'ACTIVE') throw notFound(`active parallel data ${name}`);
    termsFor(stringList(body['TerminologyNames']));
    const jobId = randomBytes(16).toString('hex');
    state.jobs.set(jobId, {
      jobId,
      request: body,
      inputUri: requireString(input, 'S3Uri'),
      outputUri: requireString(output, 'S3Uri'),
      sourceLanguage: requireString(body, 'SourceLanguageCode'),
      targetLanguages: stringList(body['TargetLanguageCodes']),
      status: 'SUBMITTED',
      polls: 0,
      charactersTranslated: 0,
      submittedAt: nowSeconds(),
    });
    if (token) jobsByToken.set(token, jobId);
    if (faults.loseStartResponses > 0) {
      faults.loseStartResponses -= 1;
      throw new ServiceError('InternalServerException', 500, 'the reply was lost');
    }
    return { JobId: jobId, JobStatus: 'SUBMITTED' };
  }

  async function translateDocument(job: JobRecord, key: string, language: string, folder: string) {
    const { bucket } = parseS3Uri(job.inputUri);
    const name = key.slice(parseS3Uri(job.inputUri).key.length);
    if (faults.failDocument === name)
      return {
        sourceFile: name,
        auxiliaryData: {
          error: { errorCode: 'InvalidRequestException', errorMessage: 'Invalid utf-8 encoded texts detected' },
        },
        characters: 0,
      };
    const html = await readS3Text(`s3://${bucket}/${key}`);
    const usedTerms = new Set<string>();
    const terms = termsFor(stringList(job.request['TerminologyNames']));
    const context = { source: job.sourceLanguage, target: language, terms, usedTerms, translateUnitHtml };
    let translated = translateDocumentHtml(html, context);
    if (faults.damageProtectedSpan) translated = damageFirstProtectedSpan(translated);
    const output = parseS3Uri(folder);
    await writeS3Text(output.bucket, `${output.key}${language}.${name}`, translated);
    const characters = countTranslatableCharacters(html);
    const appliedTerms = terms.filter(([source]) => usedTerms.has(source));
    return {
      sourceFile: name,
      targetFile: `${language}.${name}`,
      auxiliaryData: {
        appliedTerminologies: stringList(job.request['TerminologyNames']).map((termName) => ({
          name: termName,
          terms: appliedTerms.map(([sourceText, targetText]) => ({ sourceText, targetText })),
        })),
      },
      characters,
    };
  }

  async function runJob(job: JobRecord): Promise<void> {
    if (faults.failJobsWith) {
      job.status = 'FAILED';
      job.message = faults.failJobsWith;
      return;
    }
    const input = parseS3Uri(job.inputUri);
    const keys = await listS3Keys(input.bucket, input.key);
    const folder = `${job.outputUri}${ACCOUNT}-TranslateText-${job.jobId}/`;
    let withErrors = 0;
    for (const language of job.targetLanguages) {
      const entries = [];
      for (const key of keys) entries.push(await translateDocument(job, key, language, folder));
      const failed = entries.filter((entry) => !('targetFile' in entry)).length;
      withErrors = Math.max(withErrors, failed);
      const characters = entries.reduce((total, entry) => total + entry.characters, 0);
      job.charactersTranslated += characters;
      const details = {
        sourceLanguageCode: job.sourceLanguage,
        targetLanguageCode: language,
        charactersTranslated: String(characters),
        documentCountWithCustomerError: String(failed),
        documentCountWithServerError: '0',
        inputDataPrefix: job.inputUri,
        outputDataPrefix: folder,
        details: entries.map(({ characters: _characters, ...entry }) => entry),
      };
      const output = parseS3Uri(folder);
      await writeS3Text(
        output.bucket,
        `${output.key}details/${language}.auxiliary-translation-details.json`,
        JSON.stringify(details),
      );
    }
    job.details = { input: keys.length, withErrors, translated: keys.length - withErrors };
    job.status = withErrors > 0 ? 'COMPLETED_WITH_ERROR' : 'COMPLETED';
  }

  function jobProperties(job: JobRecord) {
    return {
      JobId: job.jobId,
      JobName: job.request['JobName'],
      JobStatus: job.status,
      JobDetails: job.details
        ? {
            TranslatedDocumentsCount: job.details.translated,
            DocumentsWithErrorsCount: job.details.withErrors,
            InputDocumentsCount: job.details.input,
          }
        : undefined,
      SourceLanguageCode: job.sourceLanguage,
      TargetLanguageCodes: job.targetLanguages,
      TerminologyNames: job.request['TerminologyNames'],
      ParallelDataNames: job.request['ParallelDataNames'],
      Message: job.message,
      SubmittedTime: job.submittedAt,
      EndTime: job.endAt,
      InputDataConfig: job.request['InputDataConfig'],
      OutputDataConfig: job.request['OutputDataConfig'],
      DataAccessRoleArn: job.request['DataAccessRoleArn'],
      Settings: job.request['Settings'],
    };
  }

  async function describeTextTranslationJob(body: Record<string, unknown>) {
    const jobId = requireString(body, 'JobId');
    const job = state.jobs.get(jobId);
    if (!job) throw notFound(`job ${jobId}`);
    job.polls += 1;
    const running = job.status === 'SUBMITTED' || job.status === 'IN_PROGRESS';
    if (running && job.polls > 1) job.status = 'IN_PROGRESS';
    if (running && !faults.neverFinish && job.polls > faults.pollsBeforeDone) {
      await runJob(job);
      job.endAt = nowSeconds();
    }
    return { TextTranslationJobProperties: jobProperties(job) };
  }

  function stopTextTranslationJob(body: Record<string, unknown>) {
    const jobId = requireString(body, 'JobId');
    const job = state.jobs.get(jobId);
    if (!job) throw notFound(`job ${jobId}`);
    if (job.status === 'SUBMITTED' || job.status === 'IN_PROGRESS') job.status = 'STOPPED';
    return { JobId: jobId, JobStatus: job.status };
  }

  // ---- realtime ----

  function translateText(body: Record<string, unknown>) {
    const text = requireString(body, 'Text');
    const bytes = Buffer.byteLength(text, 'utf8');
    state.translateTextBytes.push(bytes);
    if (bytes > 10_000)
      throw new ServiceError('TextSizeLimitExceededException', 400, `Input text size ${bytes} exceeds 10000 bytes`);
    const source = requireString(body, 'SourceLanguageCode');
    const target = requireString(body, 'TargetLanguageCode');
    const terms = termsFor(stringList(body['TerminologyNames']));
    const usedTerms = new Set<string>();
    let translated = translateFragmentHtml(text, { source, target, terms, usedTerms, translateUnitHtml });
    if (faults.damageProtectedSpan) translated = damageFirstProtectedSpan(translated);
    return {
      TranslatedText: translated,
      SourceLanguageCode: source,
      TargetLanguageCode: target,
      ...(body['Settings'] ? { AppliedSettings: body['Settings'] } : {}),
    };
  }

  const operations: Record<TranslateOperation, (body: Record<string, unknown>) => unknown> = {
    CreateParallelData: (body) => once(body, () => createParallelData(body)),
    UpdateParallelData: (body) => once(body, () => updateParallelData(body)),
    GetParallelData: getParallelData,
    ImportTerminology: importTerminology,
    GetTerminology: getTerminology,
    StartTextTranslationJob: startTextTranslationJob,
    DescribeTextTranslationJob: describeTextTranslationJob,
    StopTextTranslationJob: stopTextTranslationJob,
    TranslateText: translateText,
  };

  async function dispatch(target: string, rawBody: string): Promise<unknown> {
    if (!target.startsWith(TARGET_PREFIX)) throw new ServiceError('UnknownOperationException', 400, target);
    const operation = target.slice(TARGET_PREFIX.length) as TranslateOperation;
    const handler = operations[operation];
    if (!handler) throw new ServiceError('UnknownOperationException', 400, `${operation} is not simulated`);
    state.calls[operation] = (state.calls[operation] ?? 0) + 1;
    const throttled = faults.throttleNext[operation] ?? 0;
    if (throttled > 0) {
      faults.throttleNext[operation] = throttled - 1;
      throw new ServiceError('TooManyRequestsException', 429, 'Rate exceeded');
    }
    let body: unknown;
    try {
      body = JSON.parse(rawBody === '' ? '{}' : rawBody);
    } catch {
      throw new ServiceError('SerializationException', 400, 'body is not JSON');
    }
    return handler(body as Record<string, unknown>);
  }

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const errorFile = /^\/aux\/([0-9a-f]+)/u.exec(request.url ?? '')?.[1];
      if (request.method === 'GET' && errorFile !== undefined) {
        const text = errorFiles.get(errorFile);
        response.writeHead(text === undefined ? 404 : 200, { 'content-type': 'text/plain; charset=utf-8' });
        response.end(text ?? 'expired');
        return;
      }
      const target = String(request.headers['x-amz-target'] ?? '');
      dispatch(target, Buffer.concat(chunks).toString('utf8')).then(
        (result) => {
          response.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
          response.end(JSON.stringify(result ?? {}));
        },
        (error: unknown) => {
          const serviceError =
            error instanceof ServiceError ? error : new ServiceError('InternalServerException', 500, String(error));
          response.writeHead(serviceError.status, {
            'content-type': 'application/x-amz-json-1.1',
            'x-amzn-errortype': serviceError.type,
          });
          response.end(JSON.stringify({ __type: serviceError.type, Message: serviceError.message }));
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    endpoint: baseUrl,
    faults,
    state,
    async stop() {
      s3.destroy();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
