export const id = 769;
export const ids = [769];
export const modules = {

/***/ 2309:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qx: () => (/* binding */ parseCommandArgs),
/* harmony export */   SN: () => (/* binding */ requiredFlag),
/* harmony export */   eb: () => (/* reexport safe */ _errors_js__WEBPACK_IMPORTED_MODULE_1__.eb),
/* harmony export */   tY: () => (/* binding */ languageFlag),
/* harmony export */   xj: () => (/* binding */ jobsFlag)
/* harmony export */ });
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _language_codes_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4148);
/* harmony import */ var _workers_defaultJobs_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2650);





function parseCommandArgs(args, options) {
    try {
        return (0,node_util__WEBPACK_IMPORTED_MODULE_0__.parseArgs)({ args: [...args], options, allowPositionals: true, strict: true });
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb((0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeError */ .Uc)(error));
    }
}
function requiredFlag(value, flag) {
    if (value === undefined || value.trim() === '')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`${flag} is required`);
    return value;
}
/** `--jobs N`: threads to use, every core when absent. */
function jobsFlag(flag) {
    if (flag === undefined)
        return (0,_workers_defaultJobs_js__WEBPACK_IMPORTED_MODULE_3__/* .defaultJobs */ .y)();
    const value = Number(flag);
    if (!Number.isInteger(value) || value < 1)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`--jobs must be a whole number of at least 1, not '${flag}'`);
    return value;
}
/**
 * A language flag: required, and one of the codes Amazon Translate accepts, returned as Translate spells it
 * (`zh-tw` → `zh-TW`). A close miss names the code meant (`--to cn`: did you mean 'zh'?).
 */
function languageFlag(value, flag) {
    const code = requiredFlag(value, flag).trim();
    const problem = (0,_language_codes_js__WEBPACK_IMPORTED_MODULE_2__/* .languageCodeProblem */ .RK)(code);
    if (problem !== undefined)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`${flag} ${problem}`);
    return (0,_language_codes_js__WEBPACK_IMPORTED_MODULE_2__/* .translateLanguageCode */ .F3)(code) ?? code;
}


/***/ }),

/***/ 3977:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CU: () => (/* binding */ pairsCli),
/* harmony export */   DA: () => (/* binding */ pairsExitCode),
/* harmony export */   pO: () => (/* binding */ pairsOptionsFromArgs)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _pairs_findChapterPairs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2044);
/* harmony import */ var _pairs_pairsReport_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7622);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2309);




const OPTIONS = {
    source: { type: 'string' },
    target: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    out: { type: 'string' },
    'origin-suffix': { type: 'string' },
    map: { type: 'string' },
    granularity: { type: 'string' },
    format: { type: 'string' },
    report: { type: 'string' },
    glossary: { type: 'string' },
    merge: { type: 'string', multiple: true },
    'min-confidence': { type: 'string' },
    cache: { type: 'string' },
    jobs: { type: 'string' },
};
const FLAGS = {
    target: { value: '<dir>', description: 'The translated book (required)' },
    source: {
        value: '<dir>',
        description: 'The English book, same layout as --target (instead of origin files beside the translation)',
        default: 'the origin files in --target',
    },
    'origin-suffix': {
        value: '<suffix>',
        description: "Each chapter's English is <chapter><suffix>.md beside it in --target",
        default: `${_pairs_findChapterPairs_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_ORIGIN_SUFFIX */ .f2}, as in sync, unless --source`,
    },
    from: { value: '<lang>', description: 'Language of the English, a code Amazon Translate accepts (required)' },
    to: { value: '<lang>', description: 'Language of the translation, a code Amazon Translate accepts (required)' },
    out: { value: '<file>', description: 'Parallel data file to write; its extension gives the format (required)' },
    map: { value: '<tsv>', description: 'Renamed chapters: english-path<TAB>translation-path lines', default: 'none' },
    granularity: {
        value: '<sentence|paragraph>',
        description: 'One pair per sentence or per paragraph',
        default: 'sentence',
    },
    format: { value: '<csv|tsv|tmx>', description: 'Output format', default: 'the extension of --out' },
    report: { value: '<json>', description: 'Write the alignment report as JSON', default: 'none' },
    glossary: {
        value: '<md>',
        description: 'Glossary table (such as TERMINOLOGY.md) used as alignment evidence',
        default: 'none',
    },
    merge: {
        value: '<file>',
        description: 'Your own parallel data to merge in, preferred on conflicts (repeatable)',
        default: 'none',
    },
    'min-confidence': {
        value: '<0-1>',
        description: 'Drop pairs the aligner is less sure of',
        default: "the aligner's own",
    },
    cache: {
        value: '<dir>',
        description: 'Reuse alignments of unchanged chapters from this folder',
        default: 'no cache',
    },
    jobs: { value: '<n>', description: 'Threads aligning chapters', default: 'every core' },
};
const FORMATS = ['csv', 'tsv', 'tmx'];
const GRANULARITIES = ['sentence', 'paragraph'];
const pairsCli = {
    name: 'pairs',
    synopsis: 'pairs --target <dir> [--source <dir> | --origin-suffix _origin] --from <lang> --to <lang> --out <file> ' +
        '[--map <tsv>] [--granularity sentence|paragraph] [--format csv|tsv|tmx] [--report <json>] [--glossary <md>] ' +
        '[--merge <file>]... [--min-confidence <0-1>] [--cache <dir>] [--jobs <n>]',
    summary: 'Aligns a book with its human translation sentence by sentence and writes Amazon Translate parallel data (ACT). ' +
        'Files that cannot be aligned are reported and skipped; a book that gives no pair at all writes nothing and fails.',
    flags: FLAGS,
    async run(args, output) {
        const options = await pairsOptionsFromArgs(args);
        // Loaded here, not with the command list: a rerun answered from the cache never loads the aligner.
        const { runPairs } = await Promise.all(/* import() */[__webpack_require__.e(67), __webpack_require__.e(898), __webpack_require__.e(117)]).then(__webpack_require__.bind(__webpack_require__, 4231));
        const report = await runPairs(options);
        output.stderr((0,_pairs_pairsReport_js__WEBPACK_IMPORTED_MODULE_3__/* .formatPairsSummary */ .tg)(report));
        return pairsExitCode(report);
    },
};
/** The command's options from its arguments; UsageError for arguments it cannot take. */
async function pairsOptionsFromArgs(args) {
    const { values, positionals } = (0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .parseCommandArgs */ .Qx)(args, OPTIONS);
    if (positionals.length > 0)
        throw new _args_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`unexpected argument '${positionals[0]}'`);
    const out = (0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .requiredFlag */ .SN)(values.out, '--out');
    return {
        layout: await chapterLayout(values),
        sourceLanguage: (0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .languageFlag */ .tY)(values.from, '--from'),
        targetLanguage: (0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .languageFlag */ .tY)(values.to, '--to'),
        out,
        format: outputFormat(values.format, out),
        granularity: oneOf(values.granularity ?? 'sentence', GRANULARITIES, '--granularity'),
        jobs: (0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .jobsFlag */ .xj)(values.jobs),
        mergePaths: values.merge ?? [],
        ...(values['min-confidence'] === undefined ? {} : { minConfidence: confidence(values['min-confidence']) }),
        ...(values.glossary === undefined ? {} : { glossaryPath: values.glossary }),
        ...(values.cache === undefined ? {} : { cacheDirectory: values.cache }),
        ...(values.report === undefined ? {} : { reportPath: values.report }),
    };
}
function pairsExitCode(report) {
    return report.chaptersAligned === 0 && report.userPairs === 0 ? 1 : 0;
}
async function chapterLayout(values) {
    const targetRoot = (0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .requiredFlag */ .SN)(values.target, '--target');
    if (values['origin-suffix'] !== undefined && values['origin-suffix'].trim() === '')
        throw new _args_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb('--origin-suffix must not be empty');
    if (values.source !== undefined && values['origin-suffix'] !== undefined)
        throw new _args_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb('choose one of --source and --origin-suffix');
    // As in sync: without --source, each chapter's English is the origin file beside it.
    const originSuffix = values['origin-suffix'] ?? (values.source === undefined ? _pairs_findChapterPairs_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_ORIGIN_SUFFIX */ .f2 : undefined);
    return {
        sourceRoot: values.source ?? targetRoot,
        targetRoot,
        ...(originSuffix === undefined ? {} : { originSuffix }),
        ...(values.map === undefined ? {} : { renamed: await (0,_pairs_findChapterPairs_js__WEBPACK_IMPORTED_MODULE_1__/* .readChapterMap */ .eq)(values.map) }),
    };
}
function outputFormat(flag, out) {
    if (flag !== undefined)
        return oneOf(flag, FORMATS, '--format');
    const extension = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.extname)(out).slice(1).toLowerCase();
    if (FORMATS.includes(extension))
        return extension;
    throw new _args_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`cannot tell the format from '${out}': give --format ${FORMATS.join('|')} or end --out with one of them`);
}
function oneOf(value, allowed, flag) {
    if (allowed.includes(value))
        return value;
    throw new _args_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`${flag} must be one of ${allowed.join(', ')}, not '${value}'`);
}
function confidence(flag) {
    const value = Number(flag);
    if (flag.trim() === '' || !Number.isFinite(value) || value < 0 || value > 1) {
        throw new _args_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`--min-confidence must be a number from 0 to 1, not '${flag}'`);
    }
    return value;
}


/***/ }),

/***/ 3916:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Uc: () => (/* binding */ describeError),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   eb: () => (/* binding */ UsageError)
/* harmony export */ });
/** An error a user can act on: it names the file (when there is one) and the problem. */
class InputError extends Error {
    file;
    problem;
    line;
    constructor(file, problem, line) {
        super(`${file}${line === undefined ? '' : `:${line}`}: ${problem}`);
        this.file = file;
        this.problem = problem;
        this.line = line;
        this.name = 'InputError';
    }
}
/** Wrong flags or arguments: the CLI prints the message and the usage, and exits 2. */
class UsageError extends Error {
    constructor(message) {
        super(message);
        this.name = 'UsageError';
    }
}
/** Message of anything thrown, including non-Error values. */
function describeError(error) {
    if (error instanceof Error)
        return error.message;
    return String(error);
}


/***/ }),

/***/ 436:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ listMarkdownFiles),
/* harmony export */   x: () => (/* binding */ markdownFilesUnder)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);



/** Expands files and directories into the `.md` files under them, sorted, skipping dot folders and node_modules. */
async function listMarkdownFiles(inputs) {
    const found = [];
    for (const input of inputs) {
        const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(input).catch(() => {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, 'no such file or directory');
        });
        if (info.isDirectory()) {
            for (const path of await markdownFilesUnder(input)) {
                found.push({ path, relativePath: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(input, path).split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep).join('/'), fromDirectory: true });
            }
        }
        else {
            found.push({ path: input, relativePath: input.split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep).pop() ?? input, fromDirectory: false });
        }
    }
    return found;
}
async function markdownFilesUnder(directory) {
    const entries = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(directory, { withFileTypes: true, recursive: true });
    return entries
        .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
        .map((entry) => (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(entry.parentPath, entry.name))
        .filter((path) => !(0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(directory, path)
        .split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep)
        .some((part) => part.startsWith('.') || part === 'node_modules'))
        .sort();
}


/***/ }),

/***/ 3084:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ writeFileAtomic)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


/** Writes through a temporary file and a rename, so a crash never leaves a half-written chapter. */
async function writeFileAtomic(path, text) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(path), { recursive: true });
    const temporary = `${path}.amts-${process.pid}.tmp`;
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(temporary, text, 'utf8');
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rename)(temporary, path);
}


/***/ }),

/***/ 4148:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F3: () => (/* binding */ translateLanguageCode),
/* harmony export */   GA: () => (/* binding */ closeLanguageCode),
/* harmony export */   Gz: () => (/* binding */ isSpacelessLanguage),
/* harmony export */   RK: () => (/* binding */ languageCodeProblem),
/* harmony export */   Yo: () => (/* binding */ LANGUAGE_TAG_SHAPE),
/* harmony export */   gH: () => (/* binding */ isCjkScriptLanguage),
/* harmony export */   ut: () => (/* binding */ baseLanguage),
/* harmony export */   vQ: () => (/* binding */ canonicalLanguage)
/* harmony export */ });
/* unused harmony export TRANSLATE_LANGUAGE_CODES */
/**
 * The one list of language codes AMTS accepts: exactly the codes Amazon Translate accepts for text translation,
 * as listed under "Supported languages and language codes" in the Amazon Translate Developer Guide
 * (https://docs.aws.amazon.com/translate/latest/dg/what-is-languages.html). `auto` (source language detection)
 * is left out on purpose: a sync must know which language the old English and the translation are in.
 *
 * Everything that reads a language code from a user (CLI flags, action inputs) checks it here, and the
 * parallel-data reader and the aligner take their script facts from here, so no second list can drift.
 */
/** [code, English name], in the Developer Guide's order. */
const TRANSLATE_LANGUAGES = [
    ['af', 'Afrikaans'],
    ['sq', 'Albanian'],
    ['am', 'Amharic'],
    ['ar', 'Arabic'],
    ['hy', 'Armenian'],
    ['az', 'Azerbaijani'],
    ['bn', 'Bengali'],
    ['bs', 'Bosnian'],
    ['bg', 'Bulgarian'],
    ['ca', 'Catalan'],
    ['zh', 'Chinese (Simplified)'],
    ['zh-TW', 'Chinese (Traditional)'],
    ['hr', 'Croatian'],
    ['cs', 'Czech'],
    ['da', 'Danish'],
    ['fa-AF', 'Dari'],
    ['nl', 'Dutch'],
    ['en', 'English'],
    ['et', 'Estonian'],
    ['fa', 'Farsi (Persian)'],
    ['tl', 'Filipino, Tagalog'],
    ['fi', 'Finnish'],
    ['fr', 'French'],
    ['fr-CA', 'French (Canada)'],
    ['ka', 'Georgian'],
    ['de', 'German'],
    ['el', 'Greek'],
    ['gu', 'Gujarati'],
    ['ht', 'Haitian Creole'],
    ['ha', 'Hausa'],
    ['he', 'Hebrew'],
    ['hi', 'Hindi'],
    ['hu', 'Hungarian'],
    ['is', 'Icelandic'],
    ['id', 'Indonesian'],
    ['ga', 'Irish'],
    ['it', 'Italian'],
    ['ja', 'Japanese'],
    ['kn', 'Kannada'],
    ['kk', 'Kazakh'],
    ['ko', 'Korean'],
    ['lv', 'Latvian'],
    ['lt', 'Lithuanian'],
    ['mk', 'Macedonian'],
    ['ms', 'Malay'],
    ['ml', 'Malayalam'],
    ['mt', 'Maltese'],
    ['mr', 'Marathi'],
    ['mn', 'Mongolian'],
    ['no', 'Norwegian (Bokmål)'],
    ['ps', 'Pashto'],
    ['pl', 'Polish'],
    ['pt', 'Portuguese (Brazil)'],
    ['pt-PT', 'Portuguese (Portugal)'],
    ['pa', 'Punjabi'],
    ['ro', 'Romanian'],
    ['ru', 'Russian'],
    ['sr', 'Serbian'],
    ['si', 'Sinhala'],
    ['sk', 'Slovak'],
    ['sl', 'Slovenian'],
    ['so', 'Somali'],
    ['es', 'Spanish'],
    ['es-MX', 'Spanish (Mexico)'],
    ['sw', 'Swahili'],
    ['sv', 'Swedish'],
    ['ta', 'Tamil'],
    ['te', 'Telugu'],
    ['th', 'Thai'],
    ['tr', 'Turkish'],
    ['uk', 'Ukrainian'],
    ['ur', 'Urdu'],
    ['uz', 'Uzbek'],
    ['vi', 'Vietnamese'],
    ['cy', 'Welsh'],
];
const TRANSLATE_LANGUAGE_CODES = TRANSLATE_LANGUAGES.map(([code]) => code);
/** Lower-case spelling → the code as Amazon Translate spells it (`zh-tw` → `zh-TW`). */
const BY_LOWER_CASE = new Map(TRANSLATE_LANGUAGE_CODES.map((code) => [code.toLowerCase(), code]));
/**
 * Codes and names people write for a language Translate lists under another code: other BCP-47 spellings of
 * Simplified and Traditional Chinese, country codes taken for language codes, retired ISO codes.
 */
const CLOSE_CODES = {
    cn: 'zh',
    chs: 'zh',
    'zh-cn': 'zh',
    'zh-sg': 'zh',
    'zh-hans': 'zh',
    'zh-hans-cn': 'zh',
    cht: 'zh-TW',
    'zh-hk': 'zh-TW',
    'zh-hant': 'zh-TW',
    'zh-hant-tw': 'zh-TW',
    'zh-hant-hk': 'zh-TW',
    'pt-br': 'pt',
    jp: 'ja',
    kr: 'ko',
    gr: 'el',
    dk: 'da',
    se: 'sv',
    ua: 'uk',
    iw: 'he',
    in: 'id',
    nb: 'no',
    fil: 'tl',
    'en-us': 'en',
    'en-gb': 'en',
    'es-es': 'es',
    'fr-fr': 'fr',
    'de-de': 'de',
    'ja-jp': 'ja',
    'ko-kr': 'ko',
    mandarin: 'zh',
    persian: 'fa',
    tagalog: 'tl',
};
/** The code as Amazon Translate spells it, or undefined when Translate has no such code. */
function translateLanguageCode(code) {
    return BY_LOWER_CASE.get(code.trim().toLowerCase());
}
/** The listed code someone who wrote `code` most likely meant (`cn` → `zh`, `english` → `en`), if any. */
function closeLanguageCode(code) {
    const lower = code.trim().toLowerCase().replace(/_/gu, '-');
    const exact = translateLanguageCode(lower);
    if (exact !== undefined)
        return exact;
    const alias = CLOSE_CODES[lower];
    if (alias !== undefined)
        return alias;
    const named = TRANSLATE_LANGUAGES.find(([, name]) => name.toLowerCase().split(/[ ,()]+/u)[0] === lower);
    if (named !== undefined)
        return named[0];
    // A region Translate does not list (`de-AT`) still names a language it does.
    return translateLanguageCode(lower.split('-')[0] ?? '');
}
/**
 * Why `code` cannot be used as a language, or undefined when Translate accepts it. The message names the close
 * code when there is one, else where the list is.
 */
function languageCodeProblem(code) {
    if (translateLanguageCode(code) !== undefined)
        return undefined;
    const close = closeLanguageCode(code);
    const hint = close === undefined
        ? 'see https://docs.aws.amazon.com/translate/latest/dg/what-is-languages.html for the codes'
        : `did you mean '${close}'?`;
    return `'${code}' is not a language code Amazon Translate accepts; ${hint}`;
}
/**
 * Other spellings of one Translate language, as parallel data headers and TMX `xml:lang` attributes write them,
 * lower-cased for matching (`zh-CN` is `zh`, `zh-Hant` is `zh-tw`).
 */
function canonicalLanguage(code) {
    const lower = code.trim().toLowerCase().replace(/_/gu, '-');
    const chinese = CLOSE_CODES[lower];
    return lower.startsWith('zh-') && chinese !== undefined ? chinese.toLowerCase() : lower;
}
/** The primary subtag of the canonical code: `pt-PT` → `pt`, `zh-TW` → `zh`. */
function baseLanguage(code) {
    return canonicalLanguage(code).split('-')[0] ?? '';
}
/** The shape of a language tag as data files write it (`en`, `zh-CN`, `pt_BR`), before it is looked up. */
const LANGUAGE_TAG_SHAPE = /^[a-z]{2,3}(?:[-_][a-z0-9]{2,8})*$/iu;
/** Languages written without spaces between words, whose sentences end with 。！？. */
const SPACELESS_LANGUAGES = new Set(['zh', 'ja']);
function isSpacelessLanguage(code) {
    return SPACELESS_LANGUAGES.has(baseLanguage(code));
}
/** Languages whose prose is mostly Han, kana or Hangul: the script check expects CJK letters for them. */
const CJK_SCRIPT_LANGUAGES = new Set(['zh', 'ja', 'ko']);
function isCjkScriptLanguage(code) {
    return CJK_SCRIPT_LANGUAGES.has(baseLanguage(code));
}


/***/ }),

/***/ 1274:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LL: () => (/* binding */ decodeMarkdownBytes),
/* harmony export */   _$: () => (/* binding */ readMarkdownFile)
/* harmony export */ });
/* unused harmony export MAX_MARKDOWN_BYTES */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);


/** Chapters of real books are well under 1 MB; Translate takes at most 1 MB of text per document. */
const MAX_MARKDOWN_BYTES = 5 * 1024 * 1024;
/**
 * Reads a Markdown file as text, refusing what cannot be a chapter: a directory, a missing file,
 * a binary file, invalid UTF-8, or a file too large to parse and translate safely.
 */
async function readMarkdownFile(path, maxBytes = MAX_MARKDOWN_BYTES) {
    const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(path).catch((error) => {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(path, isMissing(error) ? 'no such file' : `cannot read: ${String(error)}`);
    });
    if (info.isDirectory())
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(path, 'is a directory, not a Markdown file');
    if (!info.isFile())
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(path, 'is not a regular file');
    if (info.size > maxBytes) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(path, `is ${formatMegabytes(info.size)}; the limit for one chapter is ${formatMegabytes(maxBytes)}`);
    }
    return decodeMarkdownBytes(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path), path);
}
function decodeMarkdownBytes(bytes, path) {
    const nul = bytes.indexOf(0);
    if (nul !== -1)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(path, `is binary (NUL byte at offset ${nul}), not Markdown text`);
    try {
        return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(path, `is not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8Offset(bytes)})`);
    }
}
function firstInvalidUtf8Offset(bytes) {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let low = 0;
    let high = bytes.length;
    // The longest decodable prefix ends just before the first bad byte (up to a 3-byte lookback).
    while (low < high) {
        const middle = Math.ceil((low + high) / 2);
        try {
            decoder.decode(bytes.subarray(0, middle), { stream: true });
            decoder.decode();
            low = middle;
        }
        catch {
            high = middle - 1;
        }
    }
    return low;
}
function isMissing(error) {
    return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT';
}
function formatMegabytes(bytes) {
    return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}


/***/ }),

/***/ 2044:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ec: () => (/* binding */ findChapterPairs),
/* harmony export */   eq: () => (/* binding */ readChapterMap),
/* harmony export */   f2: () => (/* binding */ DEFAULT_ORIGIN_SUFFIX)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _io_listMarkdownFiles_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(436);
/**
 * Which English file goes with which translation. d2lbook keeps the original beside the translation
 * (`X.md` and `X_origin.md` in one tree); other books keep two trees with the same layout; renamed chapters are
 * listed in a map file. Originals are never taken for translations.
 */




const DEFAULT_ORIGIN_SUFFIX = '_origin';
async function findChapterPairs(layout) {
    const originEnding = `${layout.originSuffix ?? DEFAULT_ORIGIN_SUFFIX}.md`;
    const translations = (await relativeMarkdownFiles(layout.targetRoot)).filter((name) => !name.endsWith(originEnding));
    const chapters = [];
    const problems = [];
    for (const name of translations) {
        const targetPath = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(layout.targetRoot, name);
        const sourcePath = counterpartOf(name, layout);
        if (await isFile(sourcePath))
            chapters.push({ name, sourcePath, targetPath });
        else
            problems.push({
                file: targetPath,
                kind: 'missing-counterpart',
                message: `has no English counterpart: ${sourcePath} does not exist`,
            });
    }
    const present = new Set(translations);
    for (const name of layout.renamed?.keys() ?? []) {
        if (present.has(name))
            continue;
        const targetPath = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(layout.targetRoot, name);
        problems.push({ file: targetPath, kind: 'missing-counterpart', message: 'is named in the map but does not exist' });
    }
    return { chapters, problems };
}
function counterpartOf(name, layout) {
    const renamed = layout.renamed?.get(name);
    if (renamed !== undefined)
        return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(layout.sourceRoot, renamed);
    if (layout.originSuffix !== undefined)
        return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(layout.targetRoot, `${name.slice(0, -'.md'.length)}${layout.originSuffix}.md`);
    return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(layout.sourceRoot, name);
}
async function relativeMarkdownFiles(root) {
    const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(root).catch(() => undefined);
    if (info === undefined || !info.isDirectory())
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(root, 'is not a directory');
    return (await (0,_io_listMarkdownFiles_js__WEBPACK_IMPORTED_MODULE_3__/* .markdownFilesUnder */ .x)(root)).map((path) => (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(root, path).split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep).join('/'));
}
async function isFile(path) {
    return (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(path).catch(() => undefined))?.isFile() ?? false;
}
/**
 * Reads a chapter map: one `english-path<TAB>translation-path` line per renamed chapter, `#` comments and blank
 * lines allowed. Returns translation path → English path.
 */
async function readChapterMap(path) {
    const text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, 'utf8').catch(() => {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(path, 'cannot read the chapter map');
    });
    const renamed = new Map();
    text.split(/\r?\n/u).forEach((line, index) => {
        if (line.trim() === '' || line.trimStart().startsWith('#'))
            return;
        const fields = line.split('\t').map((field) => field.trim());
        const [source, target] = fields;
        if (fields.length !== 2 || !source || !target) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(path, `expected two tab-separated paths (English, translation), found ${JSON.stringify(line)}`, index + 1);
        }
        const targetName = node_path__WEBPACK_IMPORTED_MODULE_1__.posix.normalize(target.split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep).join('/'));
        if (renamed.has(targetName))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(path, `${targetName} is mapped twice`, index + 1);
        renamed.set(targetName, node_path__WEBPACK_IMPORTED_MODULE_1__.posix.normalize(source.split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep).join('/')));
    });
    return renamed;
}


/***/ }),

/***/ 3320:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dt: () => (/* binding */ pairsCodeVersion),
/* harmony export */   J8: () => (/* binding */ codeVersionOf),
/* harmony export */   fm: () => (/* binding */ chapterCacheKey),
/* harmony export */   ol: () => (/* binding */ openPairsCache)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_url__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _io_writeFileAtomic_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3084);
/**
 * Chapter alignments cached on disk, one JSON file per chapter, keyed by a hash of everything the alignment
 * depends on: both texts, the options and the code that computes it. Only alignments are kept, never problems,
 * so entries hold no paths. A key therefore never goes stale, the folder
 * can be shared between runs and machines (actions/cache), and an unchanged book is not parsed again.
 */





/** Bump when the entry layout changes; code changes are covered by the code version. */
const ENTRY_FORMAT = 'amts-pairs-cache/1';
function chapterCacheKey(input) {
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    // Each part is preceded by its length, so no two different inputs hash the same bytes.
    for (const part of [
        ENTRY_FORMAT,
        input.codeVersion,
        JSON.stringify(input.options),
        input.sourceText,
        input.targetText,
    ]) {
        hash.update(`${part.length}:`);
        hash.update(part);
    }
    return hash.digest('hex');
}
function openPairsCache(directory) {
    const entryPath = (key) => (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(directory, `${key}.json`);
    return {
        async get(key) {
            const text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(entryPath(key), 'utf8').catch(() => undefined);
            if (text === undefined)
                return undefined;
            try {
                const entry = JSON.parse(text);
                return entry.format === ENTRY_FORMAT ? entry.alignment : undefined;
            }
            catch {
                // A damaged entry is recomputed and overwritten.
                return undefined;
            }
        },
        async set(key, alignment) {
            const entry = { format: ENTRY_FORMAT, alignment };
            await (0,_io_writeFileAtomic_js__WEBPACK_IMPORTED_MODULE_4__/* .writeFileAtomic */ .Z)(entryPath(key), JSON.stringify(entry));
        },
    };
}
const codeVersions = new Map();
/**
 * A hash of the code that aligns chapters. From the bundle it is the bundle's files; from source it is the source
 * of the modules the alignment runs through. Either way, changing the aligner invalidates every entry.
 */
function pairsCodeVersion() {
    return codeVersionOf(['align', 'markdown', 'pairs']);
}
/** A hash of the bundle, or of the source folders (under src/) a cached result depends on. */
function codeVersionOf(folders) {
    const key = folders.join(',');
    let version = codeVersions.get(key);
    if (version === undefined) {
        version = hashFiles(codeFiles(folders));
        codeVersions.set(key, version);
    }
    return version;
}
async function codeFiles(folders) {
    const self = (0,node_url__WEBPACK_IMPORTED_MODULE_3__.fileURLToPath)(import.meta.url);
    if (!self.endsWith('.ts')) {
        // A bundle is its entry file and the chunks loaded on demand beside it; the aligner may sit in any of them.
        const bundle = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(self);
        return (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readdir)(bundle))
            .filter((name) => name.endsWith('.js'))
            .sort()
            .map((name) => (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(bundle, name));
    }
    const sourceRoot = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(self));
    const lists = await Promise.all(folders.map(async (folder) => (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readdir)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(sourceRoot, folder)))
        .filter((name) => name.endsWith('.ts'))
        .map((name) => (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(sourceRoot, folder, name))));
    return lists.flat().sort();
}
async function hashFiles(files) {
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    for (const file of await files) {
        hash.update((0,node_path__WEBPACK_IMPORTED_MODULE_2__.basename)(file));
        hash.update(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(file));
    }
    return hash.digest('hex').slice(0, 16);
}


/***/ }),

/***/ 7622:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IB: () => (/* binding */ totalBeadsByShape),
/* harmony export */   JY: () => (/* binding */ confidenceHistogram),
/* harmony export */   c5: () => (/* binding */ addCounts),
/* harmony export */   tg: () => (/* binding */ formatPairsSummary)
/* harmony export */ });
/* unused harmony export HISTOGRAM_BINS */
const HISTOGRAM_BINS = 10;
function confidenceHistogram(chapters, granularity) {
    const bins = new Array(HISTOGRAM_BINS).fill(0);
    for (const chapter of chapters) {
        const pairs = granularity === 'sentence' ? chapter.alignment.pairs : chapter.alignment.paragraphPairs;
        for (const pair of pairs) {
            const bin = Math.min(HISTOGRAM_BINS - 1, Math.max(0, Math.floor(pair.confidence * HISTOGRAM_BINS)));
            bins[bin] = (bins[bin] ?? 0) + 1;
        }
    }
    return bins;
}
function totalBeadsByShape(chapters) {
    const totals = {};
    for (const chapter of chapters) {
        for (const [shape, count] of Object.entries(chapter.alignment.beadsByShape))
            totals[shape] = (totals[shape] ?? 0) + count;
    }
    return Object.fromEntries(Object.entries(totals).sort(([a], [b]) => (totals[b] ?? 0) - (totals[a] ?? 0) || a.localeCompare(b)));
}
function addCounts(...counts) {
    const sum = {};
    for (const count of counts) {
        for (const [reason, value] of Object.entries(count))
            sum[reason] = (sum[reason] ?? 0) + value;
    }
    return sum;
}
/** A few lines for stderr: the totals, then one line per file that gave no pairs. */
function formatPairsSummary(report) {
    const skipped = Object.entries(report.skipped)
        .filter(([, count]) => count > 0)
        .map(([reason, count]) => `${count} ${reason}`);
    const fromCache = report.cache === undefined ? '' : `, ${report.cache.hits} from cache`;
    const lines = [
        `amts pairs: ${report.pairsWritten} ${report.granularity} pairs written to ${report.out} ` +
            `(${report.chaptersAligned} chapters${fromCache}${report.userPairs > 0 ? `, ${report.userPairs} user pairs merged` : ''})`,
    ];
    if (skipped.length > 0)
        lines.push(`  skipped: ${skipped.join(', ')}`);
    for (const failure of report.workers?.workerFailures ?? [])
        lines.push(`  a worker stopped (its chapters ran in the main thread): ${failure}`);
    for (const failure of report.cache?.writeFailures ?? [])
        lines.push(`  cache entry not written: ${failure}`);
    if (report.problems.length > 0)
        lines.push(`  ${report.problems.length} file(s) gave no pairs:`);
    for (const problem of report.problems)
        lines.push(`  ${problem.file}: ${problem.message}`);
    return `${lines.join('\n')}\n`;
}


/***/ }),

/***/ 2650:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   y: () => (/* binding */ defaultJobs)
/* harmony export */ });
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);

/**
 * Threads for chapter work when not told: one core is left to V8's collector and compiler, which
 * keep a second core busy for a single parsing thread (measured on 2 cores: one thread 5.5 s for
 * `pairs` over d2l-zh, two worker threads 8.2 s).
 */
function defaultJobs() {
    return Math.max(1, (0,node_os__WEBPACK_IMPORTED_MODULE_0__.availableParallelism)() - 1);
}


/***/ })

};
