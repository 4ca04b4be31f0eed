export const id = 213;
export const ids = [213];
export const modules = {

/***/ 6213:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  AwsJobError: () => (/* reexport */ AwsJobError),
  createAwsBatchEngine: () => (/* reexport */ createAwsBatchEngine),
  createAwsClients: () => (/* reexport */ createAwsClients),
  createAwsRealtimeEngine: () => (/* reexport */ createAwsRealtimeEngine),
  destroyAwsClients: () => (/* reexport */ destroyAwsClients)
});

// UNUSED EXPORTS: AwsJobDeadlineError, AwsSettingsError, CostGuardError, ParallelDataImportError, enforceCostGuard, ensureParallelData, ensureTerminology, estimateCostUsd, readAwsSettingsFromEnvironment, terminologyCsvFromMarkdownTable, validateAwsSettings

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-translate/dist-cjs/index.js
var dist_cjs = __webpack_require__(765);
// EXTERNAL MODULE: ./node_modules/htmlparser2/dist/index.js + 1 modules
var dist = __webpack_require__(610);
// EXTERNAL MODULE: ./node_modules/domutils/dist/querying.js
var querying = __webpack_require__(459);
// EXTERNAL MODULE: ./node_modules/domutils/dist/stringify.js + 3 modules
var stringify = __webpack_require__(1891);
// EXTERNAL MODULE: ./src/engines/pseudo.ts
var pseudo = __webpack_require__(9449);
;// CONCATENATED MODULE: ./src/engines/aws/htmlUnits.ts
/**
 * How units travel through Amazon Translate: each unit becomes one `<div id="…">` element, units
 * are packed into documents (batch) or request texts (realtime) under a size budget, and the
 * translated HTML is read back by id. Reading is tolerant (attribute order, quoting, whitespace and
 * entities may all change), but a unit whose protected spans came back altered is rejected.
 */


function escapeAttribute(value) {
    return value.replace(/&/gu, '&amp;').replace(/"/gu, '&quot;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
}
function unitElement(unit) {
    return `<div id="${escapeAttribute(unit.id)}">${unit.html}</div>`;
}
function renderHtmlFragment(units) {
    return units.map(unitElement).join('\n');
}
function renderHtmlDocument(units) {
    return `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>\n${renderHtmlFragment(units)}\n</body></html>\n`;
}
/** Packs units in order into groups whose summed `cost` stays within `budget`. */
function packByBudget(units, cost, budget) {
    const groups = [];
    const oversized = [];
    let current = [];
    let used = 0;
    for (const unit of units) {
        const unitCost = cost(unit);
        if (unitCost > budget) {
            oversized.push(unit);
            continue;
        }
        if (used + unitCost > budget && current.length > 0) {
            groups.push(current);
            current = [];
            used = 0;
        }
        current.push(unit);
        used += unitCost;
    }
    if (current.length > 0)
        groups.push(current);
    return { groups, oversized };
}
/** UTF-8 bytes of the text Translate would translate (outside tags and `translate="no"`). */
function translatableTextBytes(html) {
    return Buffer.byteLength(translatableText((0,pseudo/* parseUnitHtml */.bc)(html)), 'utf8');
}
function translatableText(nodes) {
    return nodes
        .map((node) => (node.kind === 'text' ? node.text : (0,pseudo/* isProtectedElement */.tV)(node) ? '' : translatableText(node.children)))
        .join('');
}
function totalTranslatableCharacters(units) {
    return units.reduce((total, unit) => total + (0,pseudo/* countTranslatableCharacters */.h9)(unit.html), 0);
}
function isUnitDiv(element) {
    return element.name === 'div' && element.attribs['id'] !== undefined;
}
function hasUnitDivAncestor(element) {
    for (let parent = element.parent; parent; parent = parent.parent)
        if ('attribs' in parent && isUnitDiv(parent))
            return true;
    return false;
}
/** Inner HTML of every outermost `<div id>` in a translated document or fragment, by id. */
function readTranslatedUnits(html) {
    const document = (0,dist/* parseDocument */.Tp)(html, { decodeEntities: true });
    const units = new Map();
    for (const div of querying/* findAll */.JW(isUnitDiv, document.children)) {
        const id = div.attribs['id'];
        if (id === undefined || units.has(id) || hasUnitDivAncestor(div))
            continue;
        units.set(id, stringify/* getInnerHTML */.sV(div, { encodeEntities: 'utf8' }));
    }
    return units;
}
/** Markup-aware content of a protected element: text plus tag names, entities decoded. */
function nodeSignature(nodes) {
    return nodes
        .map((node) => (node.kind === 'text' ? node.text : `<${node.name}>${nodeSignature(node.children)}</${node.name}>`))
        .join('');
}
function protectedSpans(nodes, found = []) {
    for (const node of nodes) {
        if (node.kind !== 'element')
            continue;
        if ((0,pseudo/* isProtectedElement */.tV)(node)) {
            const dataP = node.attributes.find(([name]) => name === 'data-p')?.[1];
            found.push({ key: dataP ?? `#${found.length}`, content: nodeSignature(node.children) });
        }
        else
            protectedSpans(node.children, found);
    }
    return found;
}
/** Why a translation damaged the source's `translate="no"` spans, or undefined when intact. */
function protectedSpanDamage(sourceHtml, translatedHtml) {
    const translated = new Map(protectedSpans((0,pseudo/* parseUnitHtml */.bc)(translatedHtml)).map((span) => [span.key, span.content]));
    for (const span of protectedSpans((0,pseudo/* parseUnitHtml */.bc)(sourceHtml))) {
        const came = translated.get(span.key);
        if (came === undefined)
            return `protected span ${span.key} is missing from the translation`;
        if (came !== span.content)
            return `protected span ${span.key} changed: ${JSON.stringify(span.content)} became ${JSON.stringify(came)}`;
    }
    return undefined;
}
/**
 * Takes the translations of `sourceUnits` out of `translatedById`: a unit is accepted only when it
 * came back and its protected spans are intact; otherwise it is failed with the reason.
 */
function acceptTranslations(sourceUnits, translatedById, into) {
    for (const unit of sourceUnits) {
        const translated = translatedById.get(unit.id);
        if (translated === undefined) {
            into.failed.push({ id: unit.id, reason: 'the translation came back without this unit' });
            continue;
        }
        const damage = protectedSpanDamage(unit.html, translated);
        if (damage)
            into.failed.push({ id: unit.id, reason: damage });
        else
            into.units.set(unit.id, translated);
    }
}
function failAll(units, reason, into) {
    for (const unit of units)
        into.failed.push({ id: unit.id, reason });
}

// EXTERNAL MODULE: ./src/language/codes.ts
var language_codes = __webpack_require__(4148);
// EXTERNAL MODULE: ./node_modules/papaparse/papaparse.js
var papaparse = __webpack_require__(8728);
var papaparse_default = /*#__PURE__*/__webpack_require__.n(papaparse);
;// CONCATENATED MODULE: ./src/engines/aws/csvLanguages.ts
/** Parallel data and terminology CSVs both start with a header row of language codes. */


/**
 * The language codes of the CSV's header row; throws naming `source` (a file name or resource)
 * when the header is missing or holds something other than two or more codes Amazon Translate accepts.
 */
function readCsvLanguageHeader(csv, source) {
    const parsed = papaparse_default().parse(csv.replace(/^\uFEFF/u, ''), { preview: 1, skipEmptyLines: true });
    const header = (parsed.data[0] ?? []).map((cell) => cell.trim());
    if (header.length < 2)
        throw new Error(`${source}: the first row must list at least two language codes (e.g. "en,zh")`);
    const bad = header.find((code) => (0,language_codes/* translateLanguageCode */.F3)(code) === undefined);
    if (bad !== undefined) {
        const close = (0,language_codes/* closeLanguageCode */.GA)(bad);
        throw new Error(`${source}: header cell "${bad}" is not a language code Amazon Translate accepts` +
            `${close === undefined ? '' : ` (did you mean "${close}"?)`}; the first row must be codes like "en,zh"`);
    }
    return header;
}

;// CONCATENATED MODULE: ./src/engines/aws/dataLanguages.ts
/**
 * The languages a parallel data file covers, per format: the header row of a CSV or TSV, the `srclang` and the
 * `xml:lang` of the first translation unit of a TMX. The batch engine checks them against each request before a
 * job is started with the resource.
 */


/** The format a file name says (`.tsv`, `.tmx`, anything else CSV); Translate's `Format` is its upper case. */
function parallelDataFormatOf(fileName) {
    const lower = fileName.toLowerCase();
    return lower.endsWith('.tsv') ? 'tsv' : lower.endsWith('.tmx') ? 'tmx' : 'csv';
}
function checkCodes(codes, source, where) {
    const bad = codes.find((code) => (0,language_codes/* translateLanguageCode */.F3)(code) === undefined);
    if (bad !== undefined) {
        const close = (0,language_codes/* closeLanguageCode */.GA)(bad);
        throw new Error(`${source}: ${where} "${bad}" is not a language code Amazon Translate accepts` +
            `${close === undefined ? '' : ` (did you mean "${close}"?)`}`);
    }
    return [...codes];
}
function tsvLanguages(text, source) {
    const first = text
        .replace(/^\uFEFF/u, '')
        .split(/\r?\n/u)
        .find((line) => line.trim() !== '') ?? '';
    const header = first.split('\t').map((cell) => cell.trim());
    if (header.length < 2)
        throw new Error(`${source}: the first line must list at least two tab-separated language codes (e.g. "en\tzh")`);
    return checkCodes(header, source, 'header cell');
}
function tmxLanguages(text, source) {
    const srclang = /<header\b[^>]*\bsrclang="([^"]+)"/u.exec(text)?.[1];
    const unit = /<tu\b[\s\S]*?<\/tu>/u.exec(text)?.[0] ?? '';
    const languages = [...unit.matchAll(/<tuv\b[^>]*\bxml:lang="([^"]+)"/gu)].map((match) => match[1] ?? '');
    if (srclang === undefined || languages.length < 2)
        throw new Error(`${source}: a TMX file needs a header srclang and translation units in at least two languages`);
    const ordered = [srclang, ...languages.filter((language) => language !== srclang)];
    return checkCodes(ordered, source, 'language');
}
/** The file's languages, source first; throws naming `source` when the file does not say them clearly. */
function readParallelDataLanguages(text, format, source) {
    if (format === 'tsv')
        return tsvLanguages(text, source);
    if (format === 'tmx')
        return tmxLanguages(text, source);
    return readCsvLanguageHeader(text, source);
}

// EXTERNAL MODULE: ./src/io/mapWithConcurrency.ts
var mapWithConcurrency = __webpack_require__(7375);
;// CONCATENATED MODULE: ./src/engines/aws/retry.ts
/**
 * Waiting and retrying for AWS calls. The SDK retries throttling a few times on its own; these
 * helpers cover what it does not: longer bursts of throttling, one-at-a-time resource updates
 * (Conflict), and polling long-running jobs with backoff and jitter against a deadline.
 */
const DEFAULT_RETRY_POLICY = { baseDelayMs: 1000, maxDelayMs: 30_000, maxAttempts: 8 };
function sleep(milliseconds) {
    return new Promise((resolve) => setTimeout(resolve, milliseconds));
}
/** Exponential backoff with "equal jitter": never less than half the nominal delay. */
function backoffDelay(attempt, policy) {
    const nominal = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
    return nominal / 2 + Math.random() * (nominal / 2);
}
function errorName(error) {
    if (typeof error !== 'object' || error === null)
        return '';
    const shaped = error;
    return typeof shaped.name === 'string' ? shaped.name : typeof shaped.code === 'string' ? shaped.code : '';
}
function httpStatusOf(error) {
    if (typeof error !== 'object' || error === null)
        return undefined;
    const status = error.$metadata?.httpStatusCode;
    return typeof status === 'number' ? status : undefined;
}
const THROTTLING_NAMES = new Set([
    'TooManyRequestsException',
    'ThrottlingException',
    'Throttling',
    'SlowDown',
    'RequestLimitExceeded',
]);
const TRANSIENT_NAMES = new Set([
    'InternalServerException',
    'ServiceUnavailableException',
    'ServiceUnavailable',
    'InternalError',
    'RequestTimeout',
    'TimeoutError',
    'ECONNRESET',
    'ECONNREFUSED',
    'EPIPE',
]);
function isThrottlingError(error) {
    return THROTTLING_NAMES.has(errorName(error)) || httpStatusOf(error) === 429;
}
/** Throttling, 5xx and dropped connections: worth trying again with the same request. */
function isTransientError(error) {
    const status = httpStatusOf(error);
    return isThrottlingError(error) || TRANSIENT_NAMES.has(errorName(error)) || (status !== undefined && status >= 500);
}
function isConflictError(error) {
    const name = errorName(error);
    return name === 'ConflictException' || name === 'ConcurrentModificationException';
}
function describeError(error) {
    if (error instanceof Error) {
        const name = errorName(error);
        return name && !error.message.startsWith(name) ? `${name}: ${error.message}` : error.message;
    }
    return String(error);
}
/**
 * Runs `operation`, retrying while `shouldRetry` says so. The same request is sent again, so an
 * idempotency token inside it stays the same across attempts.
 */
async function withRetry(operation, policy, shouldRetry = isTransientError) {
    for (let attempt = 0;; attempt++) {
        try {
            return await operation();
        }
        catch (error) {
            if (attempt + 1 >= policy.maxAttempts || !shouldRetry(error))
                throw error;
            await sleep(backoffDelay(attempt, policy));
        }
    }
}
/**
 * Calls `check` until `isDone` holds or the deadline passes; the delay grows by half each poll
 * (with jitter) up to `maxDelayMs`. Returns the last value seen either way.
 */
async function pollUntil(check, isDone, options) {
    let delay = options.initialDelayMs;
    for (;;) {
        const value = await check();
        if (isDone(value))
            return { done: true, value };
        const remaining = options.deadline - Date.now();
        if (remaining <= 0)
            return { done: false, last: value };
        const jittered = delay * (0.8 + Math.random() * 0.4);
        await sleep(Math.min(jittered, remaining));
        delay = Math.min(options.maxDelayMs, delay * 1.5);
    }
}


;// CONCATENATED MODULE: ./src/engines/aws/runtime.ts
/** What every AWS-backed step needs at hand: settings, clients, retry policy and a logger. */


function createAwsRuntime(settings, clients, options = {}) {
    const retry = options.retry ?? DEFAULT_RETRY_POLICY;
    return {
        settings,
        clients,
        retry,
        store: { s3: clients.s3, retry, concurrency: options.transferConcurrency ?? 8 },
        maxPollIntervalMs: options.maxPollIntervalMs ?? 5 * 60_000,
        log: options.log ?? (() => undefined),
    };
}
function sha256Hex(text) {
    return (0,external_node_crypto_.createHash)('sha256').update(text, 'utf8').digest('hex');
}
const DESCRIPTION_MARK = 'amts-sha256:';
/** A resource Description recording which content it was built from. */
function describeContentHash(hash) {
    return `Managed by AMTS; ${DESCRIPTION_MARK}${hash}`;
}
function contentHashFromDescription(description) {
    const at = description?.indexOf(DESCRIPTION_MARK) ?? -1;
    if (description === undefined || at < 0)
        return undefined;
    return description.slice(at + DESCRIPTION_MARK.length, at + DESCRIPTION_MARK.length + 64);
}
/** Milliseconds-since-epoch deadline `seconds` from now. */
function deadlineIn(seconds) {
    return Date.now() + seconds * 1000;
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-s3/dist-cjs/index.js
var client_s3_dist_cjs = __webpack_require__(3711);
;// CONCATENATED MODULE: ./src/engines/aws/s3io.ts
/** Small S3 operations on UTF-8 text objects, each retried on throttling and 5xx. */


function s3Uri(bucket, key) {
    return `s3://${bucket}/${key}`;
}
function parseS3Uri(uri) {
    const match = /^s3:\/\/([^/]+)\/?(.*)$/u.exec(uri);
    if (!match?.[1])
        throw new Error(`"${uri}" is not an s3:// URI`);
    return { bucket: match[1], key: match[2] ?? '' };
}
async function putText(store, location, text, contentType) {
    await withRetry(() => store.s3.send(new client_s3_dist_cjs/* PutObjectCommand */.wKZ({
        Bucket: location.bucket,
        Key: location.key,
        Body: Buffer.from(text, 'utf8'),
        ContentType: contentType,
    })), store.retry);
}
function isMissing(error) {
    return errorName(error) === 'NoSuchKey' || httpStatusOf(error) === 404;
}
/** The object's text, or undefined when there is no such key. */
async function getTextIfExists(store, location) {
    try {
        return await withRetry(async () => {
            const response = await store.s3.send(new client_s3_dist_cjs/* GetObjectCommand */.jLs({ Bucket: location.bucket, Key: location.key }));
            if (!response.Body)
                return '';
            return response.Body.transformToString('utf-8');
        }, store.retry);
    }
    catch (error) {
        if (isMissing(error))
            return undefined;
        throw error;
    }
}
async function listKeys(store, bucket, prefix) {
    const keys = [];
    let continuationToken;
    do {
        const page = await withRetry(() => store.s3.send(new client_s3_dist_cjs/* ListObjectsV2Command */.u6x({ Bucket: bucket, Prefix: prefix, ContinuationToken: continuationToken })), store.retry);
        for (const object of page.Contents ?? [])
            if (object.Key)
                keys.push(object.Key);
        continuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (continuationToken);
    return keys;
}
const DELETE_BATCH = 1000;
async function deletePrefix(store, bucket, prefix) {
    const keys = await listKeys(store, bucket, prefix);
    const batches = [];
    for (let start = 0; start < keys.length; start += DELETE_BATCH)
        batches.push(keys.slice(start, start + DELETE_BATCH));
    await (0,mapWithConcurrency/* mapWithConcurrency */.W)(batches, store.concurrency, (batch) => withRetry(() => store.s3.send(new client_s3_dist_cjs/* DeleteObjectsCommand */.xvx({
        Bucket: bucket,
        Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true },
    })), store.retry));
    return keys.length;
}

;// CONCATENATED MODULE: ./src/engines/aws/parallelData.ts
/**
 * Keeps an Active Custom Translation parallel-data resource in step with a local file (CSV, TSV or TMX): created
 * when missing, updated when the content hash recorded in its Description differs, left alone otherwise.
 * Translate runs one create/update at a time, so conflicts (ConflictException, ConcurrentModificationException)
 * are waited out. An update that fails leaves the previous version in use: the outcome says so instead of
 * stopping the run, since the job can still translate with what the resource holds.
 */





class ParallelDataImportError extends Error {
    parallelDataName;
    errorFileSummary;
    constructor(parallelDataName, message, errorFileSummary) {
        super(message);
        this.parallelDataName = parallelDataName;
        this.errorFileSummary = errorFileSummary;
        this.name = 'ParallelDataImportError';
    }
}
const BUSY = new Set(['CREATING', 'UPDATING', 'DELETING']);
const ERROR_SUMMARY_LINES = 8;
const ERROR_SUMMARY_CHARACTERS = 1200;
async function fetchParallelData(runtime, name) {
    try {
        return await withRetry(() => runtime.clients.translate.send(new dist_cjs/* GetParallelDataCommand */.$1({ Name: name })), runtime.retry);
    }
    catch (error) {
        if (errorName(error) === 'ResourceNotFoundException')
            return undefined;
        throw error;
    }
}
function isBusy(snapshot) {
    const properties = snapshot?.ParallelDataProperties;
    return BUSY.has(properties?.Status ?? '') || properties?.LatestUpdateAttemptStatus === 'UPDATING';
}
function isCurrent(properties, hash) {
    return (properties?.Status === 'ACTIVE' &&
        contentHashFromDescription(properties.Description) === hash &&
        properties.LatestUpdateAttemptStatus !== 'FAILED');
}
function pollOptions(runtime, deadline) {
    return {
        initialDelayMs: runtime.settings.pollIntervalSeconds * 1000,
        maxDelayMs: runtime.maxPollIntervalMs,
        deadline,
    };
}
/** Fetches the resource and says in the log how its status moves, once per status and at most once a minute. */
function withProgress(runtime, name, what) {
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
async function waitWhileBusy(runtime, name, deadline) {
    const outcome = await pollUntil(withProgress(runtime, name, 'waiting for the import in progress'), (snapshot) => !isBusy(snapshot), pollOptions(runtime, deadline));
    if (outcome.done)
        return outcome.value;
    const properties = outcome.last?.ParallelDataProperties;
    throw new ParallelDataImportError(name, `Parallel data "${name}" is still ${properties?.LatestUpdateAttemptStatus ?? properties?.Status} at the deadline`, undefined);
}
/** The first lines of the error file Translate wrote; presigned URLs expire after 30 minutes. */
async function summarizeErrorFile(location) {
    if (!location?.Location)
        return undefined;
    try {
        const response = await fetch(location.Location);
        if (!response.ok)
            return `error file unavailable (HTTP ${response.status})`;
        const lines = (await response.text()).split(/\r?\n/u).filter((line) => line.trim() !== '');
        const shown = lines.slice(0, ERROR_SUMMARY_LINES).join('\n').slice(0, ERROR_SUMMARY_CHARACTERS);
        return lines.length > ERROR_SUMMARY_LINES ? `${shown}\n… (${lines.length} lines in all)` : shown;
    }
    catch (error) {
        return `error file unavailable (${describeError(error)})`;
    }
}
function counts(properties) {
    return (`imported ${properties?.ImportedRecordCount ?? 0}, failed ${properties?.FailedRecordCount ?? 0}, ` +
        `skipped ${properties?.SkippedRecordCount ?? 0} records`);
}
async function importFailure(name, snapshot, isUpdate) {
    const properties = snapshot?.ParallelDataProperties;
    const summary = await summarizeErrorFile(isUpdate ? snapshot?.LatestUpdateAttemptAuxiliaryDataLocation : snapshot?.AuxiliaryDataLocation);
    const message = `Parallel data "${name}" ${isUpdate ? 'update' : 'creation'} FAILED: ${properties?.Message ?? 'no message'} ` +
        `(${counts(properties)}).` +
        (summary ? `\nError file:\n${summary}` : '');
    return new ParallelDataImportError(name, message, summary);
}
function outcomeOf(name, action, snapshot, languages, warning) {
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
const FORMATS = { csv: 'CSV', tsv: 'TSV', tmx: 'TMX' };
const CONTENT_TYPES = {
    csv: 'text/csv; charset=utf-8',
    tsv: 'text/tab-separated-values; charset=utf-8',
    tmx: 'application/xml; charset=utf-8',
};
async function requestImport(runtime, name, hash, isUpdate, file, previousAttempt) {
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
    const encryption = kmsKeyId ? { EncryptionKey: { Type: 'KMS', Id: kmsKeyId } } : {};
    const { translate } = runtime.clients;
    await withRetry(() => isUpdate
        ? translate.send(new dist_cjs/* UpdateParallelDataCommand */.A1(request))
        : translate.send(new dist_cjs/* CreateParallelDataCommand */.xh({ ...request, ...encryption })), runtime.retry);
}
function isSettled(snapshot, isUpdate) {
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
async function ensureParallelData(runtime, name, text, source = `parallel data "${name}"`, deadlineSeconds = runtime.settings.jobDeadlineSeconds) {
    const format = parallelDataFormatOf(source);
    const languages = readParallelDataLanguages(text, format, source);
    const hash = sha256Hex(text);
    const deadline = deadlineIn(deadlineSeconds);
    const key = `${runtime.settings.prefix}parallel-data/${name}/${hash.slice(0, 16)}.${format}`;
    let uploaded = false;
    for (let conflicts = 0;; conflicts++) {
        let snapshot = await fetchParallelData(runtime, name);
        if (isBusy(snapshot))
            snapshot = await waitWhileBusy(runtime, name, deadline);
        if (isCurrent(snapshot?.ParallelDataProperties, hash))
            return outcomeOf(name, 'unchanged', snapshot, languages);
        if (!uploaded) {
            await putText(runtime.store, { bucket: runtime.settings.bucket, key }, text, CONTENT_TYPES[format]);
            uploaded = true;
        }
        const isUpdate = snapshot !== undefined;
        try {
            await requestImport(runtime, name, hash, isUpdate, { uri: s3Uri(runtime.settings.bucket, key), format }, snapshot?.ParallelDataProperties?.LatestUpdateAttemptAt);
        }
        catch (error) {
            if (!isConflictError(error) || Date.now() >= deadline)
                throw error;
            runtime.log(`parallel data "${name}": another import is running (${errorName(error)}); waiting`);
            await sleep(Math.min(backoffDelay(conflicts, runtime.retry), Math.max(0, deadline - Date.now())));
            continue;
        }
        runtime.log(`parallel data "${name}": ${isUpdate ? 'update' : 'creation'} started`);
        const outcome = await pollUntil(withProgress(runtime, name, isUpdate ? 'update' : 'creation'), (current) => isSettled(current, isUpdate), pollOptions(runtime, deadline));
        if (!outcome.done)
            throw new ParallelDataImportError(name, `Parallel data "${name}" import did not finish by the deadline`, undefined);
        const status = isUpdate
            ? outcome.value?.ParallelDataProperties?.LatestUpdateAttemptStatus
            : outcome.value?.ParallelDataProperties?.Status;
        if (status === 'FAILED') {
            const failure = await importFailure(name, outcome.value, isUpdate);
            if (!isUpdate)
                throw failure;
            const warning = `${failure.message}\nThe previous version of "${name}" stays in use.`;
            runtime.log(warning);
            return outcomeOf(name, 'update-failed', outcome.value, languages, warning);
        }
        const result = outcomeOf(name, isUpdate ? 'updated' : 'created', outcome.value, languages);
        runtime.log(`parallel data "${name}": ${result.action}, ${counts(outcome.value?.ParallelDataProperties)}`);
        return result;
    }
}

// EXTERNAL MODULE: ./src/engines/aws/settings.ts + 1 modules
var aws_settings = __webpack_require__(2478);
;// CONCATENATED MODULE: ./src/engines/aws/step.ts
/**
 * Names the step of an AWS engine that failed. A bare `getaddrinfo ENOTFOUND` or `AccessDenied` says nothing about
 * which bucket, job or resource was being reached; `uploading batch input to s3://bucket/amts/runs/…: getaddrinfo
 * ENOTFOUND` does. The engine's own errors (job failed, deadline, cost guard) already say what happened and pass
 * through unchanged, so callers can still tell them apart.
 */

class AwsStepError extends Error {
    step;
    constructor(step, cause) {
        super(`${step}: ${describeError(cause)}`, { cause });
        this.step = step;
        this.name = 'AwsStepError';
    }
}
/** An error from the SDK (a service exception carries `$metadata`) or from the network (a system error `code`). */
function isServiceOrNetworkError(error) {
    if (typeof error !== 'object' || error === null || error instanceof AwsStepError)
        return false;
    if ('$metadata' in error)
        return true;
    return 'code' in error && typeof error.code === 'string' && /^E[A-Z_]+$/u.test(error.code);
}
/** The error to throw for a failure in `step`: SDK and network failures name the step, the engine's own pass as they are. */
function inStepError(step, error) {
    return isServiceOrNetworkError(error) ? new AwsStepError(step, error) : error;
}
/** Runs one step; an SDK or network failure in it comes out as an `AwsStepError` naming the step. */
async function inStep(step, work) {
    try {
        return await work();
    }
    catch (error) {
        throw inStepError(step, error);
    }
}

;// CONCATENATED MODULE: ./src/engines/aws/terminology.ts
/**
 * Custom terminology: imported from a CSV when the content hash recorded in the resource's
 * Description differs, and built from the glossary the d2l-zh translators keep in TERMINOLOGY.md.
 */






async function currentDescription(runtime, name) {
    try {
        const response = await withRetry(() => runtime.clients.translate.send(new dist_cjs/* GetTerminologyCommand */.N1({ Name: name })), runtime.retry);
        return response.TerminologyProperties?.Description ?? '';
    }
    catch (error) {
        if (errorName(error) === 'ResourceNotFoundException')
            return undefined;
        throw error;
    }
}
async function importTerminology(runtime, name, csv, hash) {
    const { kmsKeyId } = runtime.settings;
    const command = new dist_cjs/* ImportTerminologyCommand */.__({
        Name: name,
        MergeStrategy: 'OVERWRITE',
        Description: describeContentHash(hash),
        TerminologyData: { File: Buffer.from(csv, 'utf8'), Format: 'CSV', Directionality: 'UNI' },
        ...(kmsKeyId ? { EncryptionKey: { Type: 'KMS', Id: kmsKeyId } } : {}),
    });
    for (let attempt = 0;; attempt++) {
        try {
            return await withRetry(() => runtime.clients.translate.send(command), runtime.retry);
        }
        catch (error) {
            if (!isConflictError(error) || attempt + 1 >= runtime.retry.maxAttempts)
                throw error;
            await sleep(backoffDelay(attempt, runtime.retry));
        }
    }
}
/** Imports `csv` (header row of language codes) as terminology `name` unless it already holds it. */
async function ensureTerminology(runtime, name, csv, source = `terminology "${name}"`) {
    readCsvLanguageHeader(csv, source);
    const hash = sha256Hex(csv);
    const description = await currentDescription(runtime, name);
    if (contentHashFromDescription(description) === hash)
        return { name, action: 'unchanged', termCount: 0, skippedTermCount: 0 };
    const response = await importTerminology(runtime, name, csv, hash);
    const properties = response.TerminologyProperties;
    runtime.log(`terminology "${name}": imported ${properties?.TermCount ?? 0} terms`);
    return {
        name,
        action: 'imported',
        termCount: properties?.TermCount ?? 0,
        skippedTermCount: properties?.SkippedTermCount ?? 0,
    };
}
/** "准确率/精度" offers alternatives; the first is the preferred rendering. */
function preferredTarget(target) {
    return (target.split(/[/／]/u)[0] ?? target).trim();
}
/** "long short-term memory (LSTM)": the gloss rarely appears together with the full name. */
function sourceWithoutGloss(source) {
    return source.replace(/\s*[(（][^)）]*[)）]\s*$/u, '').trim();
}
/**
 * Converts a glossary (d2l-zh's TERMINOLOGY.md "中文，English" lines or a two-column Markdown
 * table, read by `readTerminologyTable`) into terminology CSV with header `en,<target>`. Translate
 * needs one target per source term, so the first alternative is kept, glosses are dropped, and
 * the first entry for an English term wins.
 */
function terminologyCsvFromMarkdownTable(markdown, file = 'glossary', languages = ['en', 'zh']) {
    const rows = [[...languages]];
    const seen = new Set();
    for (const term of readTerminologyTable(markdown, file)) {
        const source = sourceWithoutGloss(term.source);
        const target = preferredTarget(term.target);
        if (source === '' || target === '' || seen.has(source.toLowerCase()))
            continue;
        seen.add(source.toLowerCase());
        rows.push([source, target]);
    }
    if (rows.length === 1)
        throw new Error(`${file}: the glossary holds no term pairs`);
    return `${Papa.unparse(rows, { newline: '\n' })}\n`;
}

;// CONCATENATED MODULE: ./src/engines/aws/batchEngine.ts
/**
 * The `aws` engine: one Amazon Translate batch job per request (one target language), with Active
 * Custom Translation when parallel data is configured. Units are packed into HTML documents under a
 * fresh run prefix, the job is polled to a deadline, outputs are read back by unit id, and the
 * run's objects are removed. A job that outlives the deadline keeps its objects, and
 * `collectJob(jobId)` finishes it in a later run.
 */











/** Translate's limit is 1 MB of translatable text per document; the margin absorbs counting drift. */
const MAX_DOCUMENT_TEXT_BYTES = 1_000_000 - 4096;
const TERMINAL_STATUSES = new Set(['COMPLETED', 'COMPLETED_WITH_ERROR', 'FAILED', 'STOPPED']);
class AwsJobError extends Error {
    jobId;
    status;
    constructor(jobId, status, message) {
        super(message);
        this.jobId = jobId;
        this.status = status;
        this.name = 'AwsJobError';
    }
}
/** The job is still running at the deadline; its objects are kept so `collectJob` can finish it. */
class AwsJobDeadlineError extends AwsJobError {
    constructor(jobId, status, deadlineSeconds) {
        super(jobId, status, `Amazon Translate job ${jobId} is still ${status} after ${deadlineSeconds}s; it keeps running. ` +
            `Collect its result later with collectJob("${jobId}").`);
        this.name = 'AwsJobDeadlineError';
    }
}
function newRunLayout(settings) {
    const stamp = new Date().toISOString().replace(/[-:]/gu, '').replace(/\..*$/u, '');
    const root = `${settings.prefix}runs/${stamp}-${(0,external_node_crypto_.randomBytes)(4).toString('hex')}/`;
    return { root, input: `${root}input/`, output: `${root}output/` };
}
async function readConfiguredFile(path, setting) {
    try {
        return await (0,promises_.readFile)(path, 'utf8');
    }
    catch (error) {
        throw new Error(`${setting} "${path}" cannot be read: ${describeError(error)}`, { cause: error });
    }
}
async function prepareResources(runtime) {
    const { settings } = runtime;
    const terminology = await ensureFromFile(settings.terminologyName, settings.terminologyFile, 'terminologyFile', (name, csv, file) => ensureTerminology(runtime, name, csv, file));
    const parallelData = await ensureFromFile(settings.parallelDataName, settings.parallelDataFile, 'parallelDataFile', (name, csv, file) => ensureParallelData(runtime, name, csv, file));
    return { ...(terminology ? { terminology } : {}), ...(parallelData ? { parallelData } : {}) };
}
/** A resource named in the settings is brought up to date from its file only when both are given. */
async function ensureFromFile(name, file, setting, ensure) {
    if (!name || !file)
        return undefined;
    return ensure(name, await readConfiguredFile(file, setting), file);
}
function checkParallelDataLanguages(resources, request) {
    const outcome = resources.parallelData;
    if (!outcome)
        return;
    for (const language of [request.sourceLanguage, request.targetLanguage])
        if (!outcome.languages.includes(language))
            throw new Error(`parallel data "${outcome.name}" covers ${outcome.languages.join(', ')} but the request needs ${language}`);
}
async function uploadDocuments(runtime, run, documents) {
    await (0,mapWithConcurrency/* mapWithConcurrency */.W)(documents, runtime.store.concurrency, (document) => putText(runtime.store, { bucket: runtime.settings.bucket, key: `${run.input}${document.name}` }, renderHtmlDocument(document.units), 'text/html; charset=utf-8'));
}
/** Same inputs and run → same token, so a start retried after a lost response reuses the job. */
function clientToken(request, run, documents) {
    const fingerprint = JSON.stringify({
        run: run.root,
        source: request.sourceLanguage,
        target: request.targetLanguage,
        documents: documents.map((document) => [document.name, document.units.map((unit) => [unit.id, unit.html])]),
    });
    return sha256Hex(fingerprint).slice(0, 64);
}
async function startJob(runtime, request, run, documents) {
    const { settings } = runtime;
    const translationSettings = {
        ...(settings.formality ? { Formality: settings.formality } : {}),
        ...(settings.profanity ? { Profanity: settings.profanity } : {}),
    };
    const command = new dist_cjs/* StartTextTranslationJobCommand */.zG({
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
    const response = await withRetry(() => runtime.clients.translate.send(command), runtime.retry, (error) => isTransientError(error) || errorName(error) === 'LimitExceededException');
    if (!response.JobId)
        throw new Error('StartTextTranslationJob returned no JobId');
    runtime.log(`Amazon Translate job ${response.JobId} started (${documents.length} documents)`);
    return response.JobId;
}
async function describeJob(runtime, jobId) {
    const response = await withRetry(() => runtime.clients.translate.send(new dist_cjs/* DescribeTextTranslationJobCommand */.IW({ JobId: jobId })), runtime.retry);
    if (!response.TextTranslationJobProperties)
        throw new Error(`DescribeTextTranslationJob(${jobId}) returned nothing`);
    return response.TextTranslationJobProperties;
}
async function waitForJob(runtime, jobId) {
    const { settings } = runtime;
    const outcome = await pollUntil(() => describeJob(runtime, jobId), (job) => TERMINAL_STATUSES.has(job.JobStatus ?? ''), {
        initialDelayMs: settings.pollIntervalSeconds * 1000,
        maxDelayMs: runtime.maxPollIntervalMs,
        deadline: deadlineIn(settings.jobDeadlineSeconds),
    });
    if (!outcome.done)
        throw new AwsJobDeadlineError(jobId, outcome.last.JobStatus ?? 'UNKNOWN', settings.jobDeadlineSeconds);
    return outcome.value;
}
function parseAuxiliaryDetails(text, key) {
    if (text === undefined)
        return undefined;
    try {
        return JSON.parse(text);
    }
    catch (error) {
        throw new Error(`${key}: not JSON (${describeError(error)})`, { cause: error });
    }
}
function baseName(path) {
    return path.split('/').at(-1) ?? path;
}
/** Translate's reason for a document without output, from the auxiliary details file. */
function documentErrorReason(details, documentName) {
    const detail = details?.details?.find((entry) => entry.sourceFile && baseName(entry.sourceFile) === documentName);
    const error = detail?.auxiliaryData?.error;
    const code = error?.errorCode ?? detail?.errorCode;
    const message = error?.errorMessage ?? detail?.errorMessage;
    if (!code && !message)
        return undefined;
    return [code, message].filter(Boolean).join(': ');
}
/** `<output S3Uri><account>-TranslateText-<jobId>/`, found by listing since the account is unknown. */
async function findOutputFolder(runtime, job, jobId) {
    const output = parseS3Uri(job.OutputDataConfig?.S3Uri ?? '');
    const marker = `-TranslateText-${jobId}/`;
    const keys = await listKeys(runtime.store, output.bucket, output.key);
    const key = keys.find((candidate) => candidate.includes(marker));
    if (key === undefined)
        return undefined;
    return { bucket: output.bucket, folder: key.slice(0, key.indexOf(marker) + marker.length) };
}
function numberOf(value) {
    const parsed = typeof value === 'number' ? value : value === undefined ? NaN : Number(value);
    return Number.isFinite(parsed) ? parsed : undefined;
}
async function collectResults(runtime, job, documents, accepted) {
    const jobId = job.JobId ?? '';
    const language = job.TargetLanguageCodes?.[0] ?? '';
    const location = await findOutputFolder(runtime, job, jobId);
    if (!location)
        throw new AwsJobError(jobId, job.JobStatus ?? '', `job ${jobId} is ${job.JobStatus} but wrote no output files`);
    const detailsKey = `${location.folder}details/${language}.auxiliary-translation-details.json`;
    const details = parseAuxiliaryDetails(await getTextIfExists(runtime.store, { bucket: location.bucket, key: detailsKey }), detailsKey);
    const outputs = await (0,mapWithConcurrency/* mapWithConcurrency */.W)(documents, runtime.store.concurrency, (document) => getTextIfExists(runtime.store, { bucket: location.bucket, key: `${location.folder}${language}.${document.name}` }));
    documents.forEach((document, index) => {
        const output = outputs[index];
        if (output === undefined) {
            const reason = documentErrorReason(details, document.name) ?? 'no output document';
            failAll(document.units, `Amazon Translate job ${jobId} could not translate ${document.name}: ${reason}`, accepted);
        }
        else
            acceptTranslations(document.units, readTranslatedUnits(output), accepted);
    });
    const translatedDocuments = documents.filter((_, index) => outputs[index] !== undefined);
    return (numberOf(details?.charactersTranslated) ??
        totalTranslatableCharacters(translatedDocuments.flatMap((document) => document.units)));
}
/**
 * Removes a run's objects; when the run already failed, a failure to clean up is logged instead of thrown, so the
 * error that stopped the run is the one reported.
 */
async function cleanUp(runtime, root, failure) {
    const step = `removing the run's objects under ${s3Uri(runtime.settings.bucket, root)}`;
    try {
        await inStep(step, () => removeRun(runtime, root));
    }
    catch (error) {
        if (failure === undefined)
            throw error;
        runtime.log(`${step} failed too: ${describeError(error)}`);
    }
}
async function removeRun(runtime, root) {
    if (runtime.settings.keepS3Objects)
        return;
    const removed = await deletePrefix(runtime.store, runtime.settings.bucket, root);
    runtime.log(`removed ${removed} objects under ${s3Uri(runtime.settings.bucket, root)}`);
}
function failureOf(job) {
    const status = job.JobStatus ?? 'UNKNOWN';
    if (status !== 'FAILED' && status !== 'STOPPED')
        return undefined;
    return new AwsJobError(job.JobId ?? '', status, `Amazon Translate job ${job.JobId} ${status}: ${job.Message ?? 'no message from the service'}`);
}
async function finishJob(runtime, job, documents, accepted, sentCharacters) {
    const failure = failureOf(job);
    if (failure)
        throw failure;
    const billedCharacters = await collectResults(runtime, job, documents, accepted);
    runtime.log(`job ${job.JobId} ${job.JobStatus}: ${accepted.units.size} units translated, ${accepted.failed.length} failed`);
    return {
        units: accepted.units,
        failed: accepted.failed,
        billedCharacters,
        sentCharacters,
        jobIds: [job.JobId ?? ''],
    };
}
async function readSubmittedDocuments(runtime, job) {
    const input = parseS3Uri(job.InputDataConfig?.S3Uri ?? '');
    const keys = (await listKeys(runtime.store, input.bucket, input.key)).filter((key) => key.endsWith('.html'));
    return (0,mapWithConcurrency/* mapWithConcurrency */.W)(keys, runtime.store.concurrency, async (key) => {
        const html = (await getTextIfExists(runtime.store, { bucket: input.bucket, key })) ?? '';
        const units = [...readTranslatedUnits(html)].map(([id, unitHtml]) => ({ id, html: unitHtml }));
        return { name: key.slice(input.key.length), units };
    });
}
function runRootOf(job) {
    return parseS3Uri(job.InputDataConfig?.S3Uri ?? '').key.replace(/input\/$/u, '');
}
function emptyResponse() {
    return { units: new Map(), failed: [], billedCharacters: 0, sentCharacters: 0, jobIds: [] };
}
function createAwsBatchEngine(settings, clients, options = {}) {
    const runtime = createAwsRuntime(settings, clients, options);
    const documentBudget = options.maxDocumentTextBytes ?? MAX_DOCUMENT_TEXT_BYTES;
    let prepared;
    const prepare = () => {
        prepared ??= inStep('preparing the parallel data and terminology resources', () => prepareResources(runtime)).catch((error) => {
            prepared = undefined;
            throw error;
        });
        return prepared;
    };
    async function translate(request) {
        if (request.units.length === 0)
            return emptyResponse();
        const sentCharacters = totalTranslatableCharacters(request.units);
        (0,aws_settings/* enforceCostGuard */.Pl)(sentCharacters, settings, settings.parallelDataName !== undefined);
        checkParallelDataLanguages(await prepare(), request);
        const accepted = { units: new Map(), failed: [] };
        const { groups, oversized } = packByBudget(request.units, (unit) => translatableTextBytes(unit.html), documentBudget);
        failAll(oversized, `more than ${documentBudget} bytes of translatable text, over the per-document limit`, accepted);
        if (groups.length === 0)
            return { ...emptyResponse(), failed: accepted.failed };
        const run = newRunLayout(settings);
        const documents = groups.map((units, index) => ({
            name: `part-${String(index + 1).padStart(4, '0')}.html`,
            units,
        }));
        const { bucket } = settings;
        let keepObjects = false;
        let failure;
        try {
            await inStep(`uploading batch input to ${s3Uri(bucket, run.input)}`, () => uploadDocuments(runtime, run, documents));
            const jobId = await inStep('starting the Amazon Translate batch job', () => startJob(runtime, request, run, documents));
            const job = await inStep(`waiting for Amazon Translate job ${jobId}`, () => waitForJob(runtime, jobId)).catch((error) => {
                keepObjects = error instanceof AwsJobDeadlineError;
                throw error;
            });
            return await inStep(`reading the output of job ${jobId} under ${s3Uri(bucket, run.output)}`, () => finishJob(runtime, job, documents, accepted, sentCharacters));
        }
        catch (error) {
            failure = error;
            throw error;
        }
        finally {
            if (!keepObjects)
                await cleanUp(runtime, run.root, failure);
        }
    }
    async function collectJob(jobId) {
        const job = await inStep(`looking up Amazon Translate job ${jobId}`, () => describeJob(runtime, jobId));
        if (!TERMINAL_STATUSES.has(job.JobStatus ?? ''))
            throw new AwsJobError(jobId, job.JobStatus ?? 'UNKNOWN', `Amazon Translate job ${jobId} is still ${job.JobStatus}`);
        const documents = await readSubmittedDocuments(runtime, job);
        const sentCharacters = totalTranslatableCharacters(documents.flatMap((document) => document.units));
        try {
            return await finishJob(runtime, job, documents, { units: new Map(), failed: [] }, sentCharacters);
        }
        finally {
            await removeRun(runtime, runRootOf(job));
        }
    }
    return { name: 'aws', translate, prepareResources: prepare, collectJob };
}

;// CONCATENATED MODULE: ./src/engines/aws/clients.ts
/**
 * The two SDK clients the engines use, built from settings. Both retry throttling themselves
 * (standard mode); the engines add their own longer retries on top.
 */


function createAwsClients(settings, options = {}) {
    const common = {
        region: settings.region,
        maxAttempts: options.maxAttempts ?? 5,
        retryMode: 'standard',
        ...(options.credentials ? { credentials: options.credentials } : {}),
    };
    const s3Endpoint = settings.s3Endpoint ?? settings.endpoint;
    const translateEndpoint = settings.translateEndpoint ?? settings.endpoint;
    return {
        translate: new dist_cjs/* TranslateClient */.mf({ ...common, ...(translateEndpoint ? { endpoint: translateEndpoint } : {}) }),
        s3: new client_s3_dist_cjs/* S3Client */.YxF({
            ...common,
            ...(s3Endpoint ? { endpoint: s3Endpoint, forcePathStyle: true } : {}),
            // Flexible checksums turn streamed uploads into aws-chunked bodies that S3-compatible stores
            // (and older proxies) keep verbatim; plain bodies work everywhere.
            requestChecksumCalculation: 'WHEN_REQUIRED',
            responseChecksumValidation: 'WHEN_REQUIRED',
        }),
    };
}
function destroyAwsClients(clients) {
    clients.translate.destroy();
    clients.s3.destroy();
}

;// CONCATENATED MODULE: ./src/engines/aws/realtimeEngine.ts
/**
 * The `aws-realtime` engine: TranslateText, which accepts HTML and honours `translate="no"`, with
 * units packed on unit boundaries into texts under the 10,000-byte request limit. No parallel data
 * (Active Custom Translation exists only for batch jobs); terminology and settings apply.
 */






/** TranslateText's limit on `Text`, in UTF-8 bytes. */
const MAX_TEXT_BYTES = 10_000;
/** Room for the newlines joining unit elements. */
const JOIN_BYTES = 1;
/** Errors caused by the content of one request: fail its units, keep translating the others. */
const CONTENT_ERRORS = new Set(['TextSizeLimitExceededException', 'InvalidRequestException']);
async function translateChunk(runtime, request, units, accepted) {
    const { settings } = runtime;
    const text = renderHtmlFragment(units);
    const translationSettings = {
        ...(settings.formality ? { Formality: settings.formality } : {}),
        ...(settings.profanity ? { Profanity: settings.profanity } : {}),
    };
    const command = new dist_cjs/* TranslateTextCommand */.xz({
        Text: text,
        SourceLanguageCode: request.sourceLanguage,
        TargetLanguageCode: request.targetLanguage,
        ...(settings.terminologyName ? { TerminologyNames: [settings.terminologyName] } : {}),
        ...(Object.keys(translationSettings).length > 0 ? { Settings: translationSettings } : {}),
    });
    try {
        const response = await withRetry(() => runtime.clients.translate.send(command), runtime.retry);
        acceptTranslations(units, readTranslatedUnits(response.TranslatedText ?? ''), accepted);
        return [...text].length;
    }
    catch (error) {
        if (!CONTENT_ERRORS.has(errorName(error)))
            throw inStepError(`translating ${units.length} units with TranslateText in ${settings.region}`, error);
        failAll(units, `TranslateText rejected the request: ${describeError(error)}`, accepted);
        return 0;
    }
}
function createAwsRealtimeEngine(settings, clients, options = {}) {
    const runtime = createAwsRuntime(settings, clients, options);
    const concurrency = options.requestConcurrency ?? 4;
    if (settings.parallelDataName)
        runtime.log(`aws-realtime: parallel data "${settings.parallelDataName}" is ignored; ACT needs batch jobs`);
    async function translate(request) {
        const sentCharacters = totalTranslatableCharacters(request.units);
        (0,aws_settings/* enforceCostGuard */.Pl)(sentCharacters, settings, false);
        const accepted = { units: new Map(), failed: [] };
        const { groups, oversized } = packByBudget(request.units, (unit) => Buffer.byteLength(unitElement(unit), 'utf8') + JOIN_BYTES, MAX_TEXT_BYTES + JOIN_BYTES);
        failAll(oversized, `longer than TranslateText's ${MAX_TEXT_BYTES}-byte limit; use the batch engine`, accepted);
        const billed = await (0,mapWithConcurrency/* mapWithConcurrency */.W)(groups, concurrency, (units) => translateChunk(runtime, request, units, accepted));
        runtime.log(`TranslateText: ${groups.length} requests, ${accepted.units.size} units translated`);
        return {
            units: accepted.units,
            failed: accepted.failed,
            billedCharacters: billed.reduce((total, characters) => total + characters, 0),
            sentCharacters,
        };
    }
    return { name: 'aws-realtime', translate };
}

;// CONCATENATED MODULE: ./src/engines/aws/index.ts








/***/ })

};
