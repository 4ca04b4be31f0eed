export const id = 553;
export const ids = [553];
export const modules = {

/***/ 4553:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   pairsFromCache: () => (/* binding */ pairsFromCache)
/* harmony export */ });
/* harmony import */ var _pairs_preparePairs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8283);
/* harmony import */ var _pairs_pairsReport_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7622);
/* harmony import */ var _pairsCli_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3977);
/**
 * `amts pairs --cache` over a book the cache holds whole, answered in the process the user started: the CLI
 * otherwise starts Node again for the CPU-bound work (respawn.ts), which a rerun over an unchanged book does not
 * have. Only what the answer needs is loaded (argument parsing, reading and keying the chapters); anything else,
 * an error included, is left to the full command in the restarted process, which reports it.
 */



/** The exit code when the cache answered, undefined when the full command must run. */
async function pairsFromCache(args, output) {
    if (!args.includes('--cache') || args.includes('--help') || args.includes('-h'))
        return undefined;
    try {
        const options = await (0,_pairsCli_js__WEBPACK_IMPORTED_MODULE_1__/* .pairsOptionsFromArgs */ .pO)(args);
        const report = await (0,_pairs_preparePairs_js__WEBPACK_IMPORTED_MODULE_0__/* .answerFromBookCache */ .Uj)(await (0,_pairs_preparePairs_js__WEBPACK_IMPORTED_MODULE_0__/* .preparePairsRun */ .sy)(options), options);
        if (report === undefined)
            return undefined;
        output.stderr((0,_pairs_pairsReport_js__WEBPACK_IMPORTED_MODULE_2__/* .formatPairsSummary */ .tg)(report));
        return (0,_pairsCli_js__WEBPACK_IMPORTED_MODULE_1__/* .pairsExitCode */ .DA)(report);
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 6368:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d8: () => (/* binding */ bookCacheKey),
/* harmony export */   dx: () => (/* binding */ writeBookEntry),
/* harmony export */   fA: () => (/* binding */ rerunReport),
/* harmony export */   qE: () => (/* binding */ readBookEntry)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _io_writeFileAtomic_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3084);
/**
 * The whole book's result in the pairs cache, beside the chapter entries: the file written and its report, keyed by
 * everything they depend on (every chapter's key and paths, the files that gave no pairs, the output options, the
 * merged files' texts). A rerun over an unchanged book then reads one entry and writes it out, without parsing the
 * chapter entries, screening the pairs again or loading the aligner at all. Only the newest entry is kept: it is as
 * large as the file it holds.
 */




/** Bump when the entry layout changes; code changes are covered by the code version. */
const BOOK_ENTRY_FORMAT = 'amts-pairs-book/1';
const BOOK_FOLDER = 'book';
function bookCacheKey(input) {
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    const parts = [
        BOOK_ENTRY_FORMAT,
        input.codeVersion,
        JSON.stringify(input.output),
        JSON.stringify(input.chapters),
        JSON.stringify(input.problems),
        ...input.merged.flatMap((file) => [file.path, file.text]),
    ];
    // Each part is preceded by its length, so no two different inputs hash the same bytes.
    for (const part of parts) {
        hash.update(`${part.length}:`);
        hash.update(part);
    }
    return hash.digest('hex');
}
function entryPath(directory, key) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(directory, BOOK_FOLDER, `${key}.json`);
}
async function readBookEntry(directory, key) {
    const text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(entryPath(directory, key), 'utf8').catch(() => undefined);
    if (text === undefined)
        return undefined;
    try {
        const entry = JSON.parse(text);
        if (entry.format !== BOOK_ENTRY_FORMAT || entry.key !== key || typeof entry.text !== 'string')
            return undefined;
        return { text: entry.text, report: entry.report };
    }
    catch {
        // A damaged entry: the chapter entries rebuild the book, and the entry is written again.
        return undefined;
    }
}
/** Writes the entry and removes the older ones; returns why it could not, since a cache never fails a run. */
async function writeBookEntry(directory, key, entry) {
    const stored = { format: BOOK_ENTRY_FORMAT, key, text: entry.text, report: entry.report };
    try {
        await (0,_io_writeFileAtomic_js__WEBPACK_IMPORTED_MODULE_3__/* .writeFileAtomic */ .Z)(entryPath(directory, key), JSON.stringify(stored));
        const folder = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(directory, BOOK_FOLDER);
        const older = (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readdir)(folder)).filter((name) => name.endsWith('.json') && name !== `${key}.json`);
        await Promise.all(older.map((name) => (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(folder, name), { force: true })));
        return undefined;
    }
    catch (error) {
        return error instanceof Error ? error.message : String(error);
    }
}
/** What a rerun over the same book reports: every chapter read from the cache and none aligned. */
function rerunReport(report, chaptersFromCache) {
    // Spread first, so the fields keep their order in the JSON report.
    return {
        ...report,
        files: report.files.map((file) => ({ ...file, fromCache: true })),
        cache: { hits: chaptersFromCache, misses: 0, writeFailures: [] },
        workers: undefined,
    };
}


/***/ }),

/***/ 8491:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $g: () => (/* binding */ alignBook),
/* harmony export */   sC: () => (/* binding */ selectPairs),
/* harmony export */   yW: () => (/* binding */ readBook)
/* harmony export */ });
/* unused harmony export buildBookPairs */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _markdown_readMarkdownFile_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1274);
/* harmony import */ var _findChapterPairs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2044);
/* harmony import */ var _pairsCache_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3320);




async function buildBookPairs(options) {
    return alignBook(await readBook(options), options);
}
async function readBook(options) {
    const search = await (0,_findChapterPairs_js__WEBPACK_IMPORTED_MODULE_2__/* .findChapterPairs */ .ec)(options.layout);
    const problems = [...search.problems];
    const chapters = [];
    const codeVersion = options.cacheDirectory === undefined ? undefined : await (0,_pairsCache_js__WEBPACK_IMPORTED_MODULE_3__/* .pairsCodeVersion */ .Dt)();
    for (const read of await Promise.all(search.chapters.map((files) => readChapter(files, options.align)))) {
        if ('problem' in read)
            problems.push(read.problem);
        else
            chapters.push(codeVersion === undefined ? read : { ...read, cacheKey: (0,_pairsCache_js__WEBPACK_IMPORTED_MODULE_3__/* .chapterCacheKey */ .fm)({ codeVersion, ...read.task }) });
    }
    return { chapters, problems, ...(codeVersion === undefined ? {} : { codeVersion }) };
}
/** Takes what the cache holds and aligns the rest on all cores; the aligner loads only when a chapter needs it. */
async function alignBook(book, options) {
    const problems = [...book.problems];
    const readable = book.chapters;
    const cache = options.cacheDirectory === undefined ? undefined : (0,_pairsCache_js__WEBPACK_IMPORTED_MODULE_3__/* .openPairsCache */ .ol)(options.cacheDirectory);
    const cached = await Promise.all(readable.map((chapter) => lookUp(cache, chapter.cacheKey)));
    const chapters = [];
    const misses = [];
    readable.forEach((chapter, index) => {
        const alignment = cached[index];
        if (alignment === undefined)
            misses.push(chapter);
        else
            chapters.push({ files: chapter.files, alignment, fromCache: true });
    });
    const cacheWrites = [];
    const pool = misses.length === 0
        ? undefined
        : await (await Promise.all(/* import() */[__webpack_require__.e(521), __webpack_require__.e(948), __webpack_require__.e(677)]).then(__webpack_require__.bind(__webpack_require__, 1677))).runInWorkers('align-chapter', misses.map((chapter) => chapter.task), {
            jobs: options.jobs,
            onOutcome(index, outcome) {
                const chapter = misses[index];
                if (!outcome.ok) {
                    problems.push(outcome.problem);
                    return;
                }
                chapters.push({ files: chapter.files, alignment: outcome.alignment, fromCache: false });
                if (cache !== undefined && chapter.cacheKey !== undefined) {
                    cacheWrites.push(store(cache, chapter.cacheKey, outcome.alignment));
                }
            },
        });
    const writeFailures = (await Promise.all(cacheWrites)).filter((failure) => failure !== undefined);
    chapters.sort((a, b) => compareText(a.files.name, b.files.name));
    problems.sort((a, b) => compareText(a.file, b.file));
    return {
        chapters,
        problems,
        ...(cache === undefined
            ? {}
            : { cache: { hits: readable.length - misses.length, misses: misses.length, writeFailures } }),
        ...(pool === undefined ? {} : { pool: pool.stats }),
    };
}
async function readChapter(files, options) {
    const source = await readSide(files.sourcePath);
    if (typeof source !== 'string')
        return source;
    const target = await readSide(files.targetPath);
    if (typeof target !== 'string')
        return target;
    const task = {
        sourcePath: files.sourcePath,
        targetPath: files.targetPath,
        sourceText: source,
        targetText: target,
        options,
    };
    return { files, task };
}
async function readSide(path) {
    try {
        const text = await (0,_markdown_readMarkdownFile_js__WEBPACK_IMPORTED_MODULE_1__/* .readMarkdownFile */ ._$)(path);
        if (text.trim() === '')
            return { problem: { file: path, kind: 'empty', message: 'is empty' } };
        return text;
    }
    catch (error) {
        const message = error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz ? error.problem : (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeError */ .Uc)(error);
        return { problem: { file: path, kind: 'unreadable', message } };
    }
}
async function lookUp(cache, key) {
    return cache === undefined || key === undefined ? undefined : cache.get(key);
}
/** A cache that cannot be written costs the next run time, not this run its output. */
async function store(cache, key, alignment) {
    try {
        await cache.set(key, alignment);
        return undefined;
    }
    catch (error) {
        return (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeError */ .Uc)(error);
    }
}
function compareText(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/** The pairs of one chapter at the wanted granularity, as parallel data pairs that remember where they came from. */
function selectPairs(chapter, granularity) {
    const aligned = granularity === 'sentence' ? chapter.alignment.pairs : chapter.alignment.paragraphPairs;
    return aligned.map((pair) => ({
        source: pair.source,
        target: pair.target,
        confidence: pair.confidence,
        origin: { file: chapter.files.targetPath, line: pair.targetLine },
    }));
}


/***/ }),

/***/ 8283:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Uj: () => (/* binding */ answerFromBookCache),
  Lg: () => (/* binding */ finishPairs),
  sy: () => (/* binding */ preparePairsRun)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/io/writeFileAtomic.ts
var writeFileAtomic = __webpack_require__(3084);
;// CONCATENATED MODULE: ./src/paralleldata/terminology.ts
/**
 * Reads a glossary such as d2l-zh's TERMINOLOGY.md: one term per line written "中文，English"
 * (the full-width comma is the separator, list markers allowed), or a two-column Markdown table.
 * Whichever side holds CJK characters is the target; the English side is the source. Terms are
 * kept exactly as written, alternatives like "准确率/精度" and glosses like "(LSTM)" included.
 */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
function orient(left, right, where) {
    const leftIsCjk = CJK.test(left);
    if (leftIsCjk === CJK.test(right)) {
        throw new Error(`${where}: cannot tell which side of "${left}" / "${right}" is the English term`);
    }
    return leftIsCjk ? { source: right, target: left } : { source: left, target: right };
}
function tableCells(line) {
    return line
        .replace(/^\s*\|/u, '')
        .replace(/\|\s*$/u, '')
        .split('|')
        .map((cell) => cell.trim());
}
const isTableSeparator = (line) => /^\s*\|?\s*:?-{3,}/u.test(line ?? '');
function readTerminologyTable(markdown, file) {
    const lines = markdown.replace(/^\uFEFF/u, '').split(/\r?\n/u);
    const terms = [];
    lines.forEach((rawLine, index) => {
        const where = `${file}: line ${index + 1}`;
        const line = rawLine.trim();
        if (line === '' || line.startsWith('#') || line.startsWith('<!--') || isTableSeparator(line))
            return;
        if (line.startsWith('|')) {
            // A row followed by the separator row is the table's header.
            if (isTableSeparator(lines[index + 1]))
                return;
            const cells = tableCells(line);
            if (cells.length !== 2 || cells.some((cell) => cell === '')) {
                throw new Error(`${where}: expected a table row with two terms, found ${cells.length} cells`);
            }
            const [left = '', right = ''] = cells;
            terms.push(orient(left, right, where));
            return;
        }
        const entry = line.replace(/^[-*+]\s+/u, '');
        const separator = entry.indexOf('，');
        if (separator <= 0 || separator === entry.length - 1) {
            throw new Error(`${where}: expected "中文，English", found "${line}"`);
        }
        terms.push(orient(entry.slice(0, separator).trim(), entry.slice(separator + 1).trim(), where));
    });
    return terms;
}

// EXTERNAL MODULE: ./src/pairs/buildBookPairs.ts
var buildBookPairs = __webpack_require__(8491);
// EXTERNAL MODULE: ./src/pairs/bookCache.ts
var bookCache = __webpack_require__(6368);
;// CONCATENATED MODULE: ./src/pairs/preparePairs.ts
/**
 * The part of `amts pairs` that runs before anything is parsed: read the glossary, the merged files and every
 * chapter, key the whole book, and answer from the cache's whole-book entry when it holds this book. It loads
 * neither the aligner nor the parallel data writer, so the CLI can try it before starting Node again for the
 * CPU-bound rest (src/bin.ts).
 */






async function preparePairsRun(options) {
    const bookOptions = {
        layout: options.layout,
        align: {
            sourceLanguage: options.sourceLanguage,
            targetLanguage: options.targetLanguage,
            glossary: options.glossaryPath === undefined ? [] : await readGlossary(options.glossaryPath),
            ...(options.minConfidence === undefined ? {} : { minConfidence: options.minConfidence }),
        },
        jobs: options.jobs,
        ...(options.cacheDirectory === undefined ? {} : { cacheDirectory: options.cacheDirectory }),
    };
    const mergeFiles = await readMergeFiles(options);
    const read = await (0,buildBookPairs/* readBook */.yW)(bookOptions);
    const bookKey = wholeBookKey(read, options, mergeFiles);
    return { bookOptions, mergeFiles, read, ...(bookKey === undefined ? {} : { bookKey }) };
}
/** Writes the file and report from the whole-book entry when the cache holds this book; undefined otherwise. */
async function answerFromBookCache(run, options) {
    if (run.bookKey === undefined || options.cacheDirectory === undefined)
        return undefined;
    const entry = await (0,bookCache/* readBookEntry */.qE)(options.cacheDirectory, run.bookKey);
    if (entry === undefined)
        return undefined;
    return finishPairs(options, entry.text, { ...entry.report, out: options.out });
}
/** Writes the parallel data file and, on request, the report. */
async function finishPairs(options, text, report) {
    await (0,writeFileAtomic/* writeFileAtomic */.Z)(options.out, text);
    if (options.reportPath !== undefined)
        await (0,writeFileAtomic/* writeFileAtomic */.Z)(options.reportPath, `${JSON.stringify(report, null, 2)}\n`);
    return report;
}
/** The whole-book cache key, when a cache is used: chapter keys, paths, problems, output options, merged files. */
function wholeBookKey(read, options, mergeFiles) {
    if (read.codeVersion === undefined)
        return undefined;
    return (0,bookCache/* bookCacheKey */.d8)({
        codeVersion: read.codeVersion,
        output: {
            format: options.format,
            granularity: options.granularity,
            minConfidence: options.minConfidence,
            sourceLanguage: options.sourceLanguage,
            targetLanguage: options.targetLanguage,
            targetRoot: options.layout.targetRoot,
        },
        chapters: read.chapters.map((chapter) => ({
            sourcePath: chapter.files.sourcePath,
            targetPath: chapter.files.targetPath,
            key: chapter.cacheKey ?? '',
        })),
        problems: read.problems,
        merged: mergeFiles,
    });
}
async function readGlossary(path) {
    return readTerminologyTable(await readText(path, 'glossary'), path);
}
async function readMergeFiles(options) {
    return Promise.all((options.mergePaths ?? []).map(async (path) => ({ path, text: await readText(path, 'parallel data file') })));
}
async function readText(path, what) {
    return (0,promises_.readFile)(path, 'utf8').catch(() => {
        throw new errors/* InputError */.dz(path, `cannot read the ${what}`);
    });
}


/***/ })

};
