export const id = 171;
export const ids = [171];
export const modules = {

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

/***/ 6281:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   startWorkerIfRequested: () => (/* binding */ startWorkerIfRequested)
/* harmony export */ });
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5919);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_worker_threads__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _tasks_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1948);
/* harmony import */ var _workerData_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(977);
/**
 * The worker side of the pool. A worker thread needs an entry file: from source that is workerEntry.ts; in an
 * ncc bundle it is the bundle itself, whose entry (src/bin.ts, src/index.ts) must call `startWorkerIfRequested()`
 * before doing anything else.
 */



/** Serves tasks when this thread was started as an AMTS worker; returns false (doing nothing) otherwise. */
function startWorkerIfRequested() {
    const port = node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.parentPort;
    if (!(0,_workerData_js__WEBPACK_IMPORTED_MODULE_2__/* .isAmtsWorkerThread */ .O)() || port === null)
        return false;
    port.on('message', (message) => {
        if (message.type === 'stop') {
            port.close();
            return;
        }
        const reply = { type: 'result', id: message.id, output: (0,_tasks_js__WEBPACK_IMPORTED_MODULE_1__/* .runTask */ .Z)(message.kind, message.input) };
        port.postMessage(reply);
    });
    const ready = { type: 'ready' };
    port.postMessage(ready);
    return true;
}


/***/ })

};
