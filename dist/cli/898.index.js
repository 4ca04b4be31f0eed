export const id = 898;
export const ids = [898];
export const modules = {

/***/ 5898:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  EN: () => (/* reexport */ mergeParallelData),
  QI: () => (/* reexport */ readParallelData),
  p3: () => (/* reexport */ writeParallelData)
});

// UNUSED EXPORTS: MAX_FIELD_BYTES, REWRITE_REASONS, SKIP_REASONS, canonicalLanguage, findLanguage, foldLineBreaks, hasTextOutsideProtected, languageMatch, readTerminologyTable

// EXTERNAL MODULE: ./src/language/codes.ts
var codes = __webpack_require__(4148);
;// CONCATENATED MODULE: ./src/paralleldata/languages.ts
/**
 * Language codes as they appear in parallel data headers and TMX `xml:lang` attributes, matched against the codes
 * Amazon Translate uses (`zh` is Simplified Chinese, `zh-TW` Traditional). The spellings themselves live in
 * src/language/codes.ts, the one list of languages.
 */


/**
 * 2 for the same language, 1 when one side only adds a region (`pt` ~ `pt-BR`), 0 otherwise.
 * Chinese scripts never match each other: Simplified and Traditional are different targets.
 */
function languageMatch(code, wanted) {
    const canonicalCode = (0,codes/* canonicalLanguage */.vQ)(code);
    const canonicalWanted = (0,codes/* canonicalLanguage */.vQ)(wanted);
    if (canonicalCode === canonicalWanted)
        return 2;
    if ((0,codes/* baseLanguage */.ut)(code) !== (0,codes/* baseLanguage */.ut)(wanted) || (0,codes/* baseLanguage */.ut)(code) === 'zh')
        return 0;
    return canonicalCode.includes('-') && canonicalWanted.includes('-') ? 0 : 1;
}
/** Index of the best-matching code, or undefined when none matches. */
function findLanguage(codes, wanted) {
    let best;
    let bestScore = 0;
    codes.forEach((code, index) => {
        const score = languageMatch(code, wanted);
        if (score > bestScore) {
            best = index;
            bestScore = score;
        }
    });
    return best;
}
function looksLikeLanguageCode(text) {
    return codes/* LANGUAGE_TAG_SHAPE */.Yo.test(text.trim());
}
/** Languages written without spaces between words. */
function isUnspacedLanguage(code) {
    return (0,codes/* isSpacelessLanguage */.Gz)(code);
}

;// CONCATENATED MODULE: ./src/paralleldata/fold.ts

const UNSPACED_CHARACTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u;
/**
 * Folds the line breaks of Markdown source text into a single line, as a reader sees it rendered:
 * one space, except between two Chinese or Japanese characters in those languages, where a line
 * break stands for nothing. Leading and trailing whitespace goes too.
 */
function foldLineBreaks(text, language) {
    const unspaced = isUnspacedLanguage(language);
    return text
        .replace(/[^\S\r\n]*(?:\r\n|\r|\n)\s*/gu, (lineBreak, offset, whole) => {
        if (!unspaced)
            return ' ';
        const before = whole[offset - 1] ?? '';
        const after = whole[offset + lineBreak.length] ?? '';
        return UNSPACED_CHARACTER.test(before) && UNSPACED_CHARACTER.test(after) ? '' : ' ';
    })
        .trim();
}

;// CONCATENATED MODULE: ./src/paralleldata/protectedMarkdown.ts
/**
 * Inline Markdown that translation leaves alone: code spans, math and d2l roles such as
 * :numref:`fig_x`. The batch job sees these inside `translate="no"` spans. As in the parser, an
 * escaped dollar never opens or closes math: the opener has an even run of backslashes before it,
 * and inside math a backslash takes the next character along (`$\$10 \pm \$1$` is one formula).
 */
const PROTECTED_INLINE = /:[\w-]+:(`+)[\s\S]*?\1|(`+)[\s\S]*?\2|(?<=(?:^|[^\\])(?:\\\\)*)(?:\$\$(?:\\[\s\S]|[^\\])*?\$\$|\$(?:\\.|[^$\\\n])+\$)/gu;
function withoutProtectedInline(text) {
    return text.replace(PROTECTED_INLINE, ' ');
}
/** Whether any letter remains once code, math and roles are taken out. */
function hasTextOutsideProtected(text) {
    // Every protected form starts with a backtick or a dollar: text with neither is all outside.
    const mayProtect = text.includes('`') || text.includes('$');
    return /\p{L}/u.test(mayProtect ? withoutProtectedInline(text) : text);
}

;// CONCATENATED MODULE: ./src/paralleldata/types.ts
const SKIP_REASONS = [
    'empty',
    'control-character',
    'identical',
    'no-text',
    'formula-prefix',
    'too-long',
    'duplicate',
];
const REWRITE_REASONS = ['line-break', 'tab'];
function zeroCounts(reasons) {
    return Object.fromEntries(reasons.map((reason) => [reason, 0]));
}

;// CONCATENATED MODULE: ./src/paralleldata/screen.ts
/**
 * The rules a pair must pass to be worth sending to Amazon Translate as parallel data. Each rule
 * that fails is counted by reason, so a report can say what was left out and why.
 */



/** Amazon Translate silently ignores parallel data fields longer than this (UTF-8 bytes). */
const MAX_FIELD_BYTES = 1000;
/** Control characters other than tab and line breaks, and lone surrogates (not valid UTF-8). */
const CONTROL_CHARACTER = /[^\P{Cc}\t\n\r]|\p{Cs}/u;
/** Spreadsheet formula starters; Amazon Translate rejects fields that begin with them, quoted or not. */
const FORMULA_PREFIX = /^[+\-=@]/u;
/**
 * The same text whether or not its line breaks were folded yet: whitespace runs count as
 * one space, and none at all between two CJK characters.
 */
function comparableText(source) {
    const spaced = source.replace(/\s+/gu, ' ');
    if (!HAS_CJK.test(spaced))
        return spaced.trim();
    return spaced
        .replace(/(?<=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]) (?=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])/gu, '')
        .trim();
}
function withoutWhitespace(text) {
    return text.replace(/\s+/gu, '');
}
const HAS_CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const eitherSide = (test) => (pair) => test(pair.source) || test(pair.target);
/** Rules about what a pair says, whatever file it ends up in. */
const CONTENT_RULES = [
    ['empty', eitherSide((field) => field.trim() === '')],
    ['control-character', eitherSide((field) => CONTROL_CHARACTER.test(field))],
    // The first visible characters, then the text without any white space, rule out nearly every pair cheaply:
    // comparableText only changes white space.
    [
        'identical',
        (pair) => pair.source.trimStart()[0] === pair.target.trimStart()[0] &&
            withoutWhitespace(pair.source) === withoutWhitespace(pair.target) &&
            comparableText(pair.source) === comparableText(pair.target),
    ],
    ['no-text', eitherSide((field) => !hasTextOutsideProtected(field))],
];
/** Rules Amazon Translate imposes on the fields of a parallel data file. */
const FILE_RULES = [
    ['formula-prefix', eitherSide((field) => FORMULA_PREFIX.test(field))],
    ['too-long', eitherSide((field) => mayExceedBytes(field) && Buffer.byteLength(field, 'utf8') > MAX_FIELD_BYTES)],
];
/** A UTF-16 unit takes at most 3 UTF-8 bytes (a surrogate pair 4 for two units). */
function mayExceedBytes(field) {
    return 3 * field.length > MAX_FIELD_BYTES;
}
function emptyScreenResult() {
    return { pairs: [], skipped: zeroCounts(SKIP_REASONS), rewritten: zeroCounts(REWRITE_REASONS) };
}
/**
 * Puts a pair on one line, as every format needs: line breaks folded per language, tabs (which
 * TSV cannot hold) turned into spaces. Returns what had to change.
 */
function normalizePair(pair, languages, format) {
    const rewrites = new Set();
    const normalize = (field, language) => {
        // Aligned sentences arrive folded already; only other sources still hold line breaks.
        const hasLineBreak = field.includes('\n') || field.includes('\r');
        if (hasLineBreak && /[\r\n]/u.test(field.trim()))
            rewrites.add('line-break');
        const folded = hasLineBreak ? foldLineBreaks(field, language) : field.trim();
        if (format !== 'tsv' || !folded.includes('\t'))
            return folded;
        rewrites.add('tab');
        return folded.replace(/\t+/gu, ' ');
    };
    const source = normalize(pair.source, languages.sourceLanguage);
    const target = normalize(pair.target, languages.targetLanguage);
    return { pair: { ...pair, source, target }, rewrites: [...rewrites] };
}
/**
 * One pair per source text, as Amazon Translate would otherwise keep only the last: the pair with
 * the best confidence wins (the earlier one on a tie) and takes the place of the first occurrence.
 */
function keepBestPerSource(pairs, skipped) {
    const bestBySource = new Map();
    for (const pair of pairs) {
        const key = comparableText(pair.source);
        const kept = bestBySource.get(key);
        if (kept !== undefined)
            skipped.duplicate += 1;
        if (kept === undefined || pair.confidence > kept.confidence)
            bestBySource.set(key, pair);
    }
    return [...bestBySource.values()];
}
/** Applies `rules` in order; the first that fails decides the reason a pair is skipped. */
function applyRules(pairs, rules, result) {
    for (const pair of pairs) {
        const failed = rules.find(([, fails]) => fails(pair));
        if (failed)
            result.skipped[failed[0]] += 1;
        else
            result.pairs.push(pair);
    }
}
/** Every rule, for pairs about to be written in `format`. */
function screenForFile(pairs, languages, format) {
    const screened = emptyScreenResult();
    const rewritesByPair = new Map();
    const normalized = pairs.map((pair) => {
        const { pair: onOneLine, rewrites } = normalizePair(pair, languages, format);
        rewritesByPair.set(onOneLine, rewrites);
        return onOneLine;
    });
    applyRules(normalized, [...CONTENT_RULES, ...FILE_RULES], screened);
    const kept = keepBestPerSource(screened.pairs, screened.skipped);
    // Only pairs that reach the file count as rewritten; the others are already counted as skipped.
    for (const pair of kept)
        for (const reason of rewritesByPair.get(pair) ?? [])
            screened.rewritten[reason] += 1;
    return { ...screened, pairs: kept };
}

;// CONCATENATED MODULE: ./src/paralleldata/merge.ts

/**
 * Joins pairs aligned from the book with pairs the user supplies, under the content rules and one
 * pair per source text. User pairs come first, so they win confidence ties and keep their order;
 * file rules (length, formula prefixes, line breaks) are left to `writeParallelData`.
 */
function mergeParallelData(built, userSupplied) {
    const fromUser = userSupplied.map((pair) => ({ ...pair, confidence: pair.confidence ?? 1 }));
    const merged = emptyScreenResult();
    applyRules([...fromUser, ...built], CONTENT_RULES, merged);
    return { pairs: keepBestPerSource(merged.pairs, merged.skipped), skipped: merged.skipped };
}

// EXTERNAL MODULE: ./node_modules/htmlparser2/dist/Parser.js + 7 modules
var Parser = __webpack_require__(1600);
// EXTERNAL MODULE: ./node_modules/papaparse/papaparse.js
var papaparse = __webpack_require__(8728);
var papaparse_default = /*#__PURE__*/__webpack_require__.n(papaparse);
// EXTERNAL MODULE: ./src/text/lineLocator.ts
var lineLocator = __webpack_require__(7723);
;// CONCATENATED MODULE: ./src/paralleldata/read.ts
/**
 * Reads parallel data a user supplies next to the book (CSV, TSV or TMX, by file extension) into
 * sentence pairs with confidence 1. Columns and `<tuv>` elements are picked by language code, with
 * region subtags matched loosely (`zh-CN` is `zh`, `pt` is `pt-BR`; Simplified and Traditional
 * Chinese never match each other). Every error names the file and where in it the problem is.
 *
 * CSV: RFC 4180, a header row of language codes is required (Amazon Translate requires it too).
 * TSV: no quoting; the header row of language codes is optional. When the first line is not made
 * of language codes, the first column is the source and the second the target.
 * TMX: any version; `xml:lang` (1.4) or `lang` (1.1) on `<tuv>`; inline codes (`<bpt>`, `<ept>`,
 * `<ph>`, `<it>`, `<ut>`) are dropped, the text of `<hi>` kept. A `<tu>` lacking one of the two
 * languages is ignored, as multilingual memories often hold such units.
 */




/** Line number (1-based) of an offset, in O(log n) per lookup. */
function csvRows(text, file) {
    const lineAt = (0,lineLocator/* createLineLocator */.h)(text);
    const rows = [];
    const problems = [];
    let rowStart = 0;
    papaparse_default().parse(text, {
        delimiter: ',',
        step(result) {
            const line = lineAt(rowStart);
            for (const error of result.errors)
                problems.push(`${file}: line ${line}: ${error.message}`);
            if (result.data.some((field) => field !== ''))
                rows.push({ fields: result.data, line });
            rowStart = result.meta.cursor;
            // The cursor stops before the line break that ends the row.
            while (text[rowStart] === '\r' || text[rowStart] === '\n')
                rowStart += 1;
        },
    });
    if (problems.length > 0)
        throw new Error(problems.join('\n'));
    return rows;
}
function tsvRows(text) {
    return text
        .split('\n')
        .map((line, index) => ({ fields: line.replace(/\r$/u, '').split('\t'), line: index + 1 }))
        .filter((row) => row.fields.some((field) => field.trim() !== ''));
}
function languageColumns(header, file, languages) {
    const codes = header.fields.map((field) => field.trim());
    const column = (language) => {
        const found = findLanguage(codes, language);
        if (found === undefined) {
            throw new Error(`${file}: line ${header.line}: the header row has no column for language "${language}" (found: ${codes.join(', ')})`);
        }
        return found;
    };
    return [column(languages.sourceLanguage), column(languages.targetLanguage)];
}
function pairsFromRows(rows, columns, width, file) {
    return rows.map((row) => {
        if (row.fields.length !== width) {
            throw new Error(`${file}: line ${row.line}: expected ${width} fields, found ${row.fields.length}`);
        }
        const [source, target] = columns.map((column) => row.fields[column] ?? '');
        return { source, target, confidence: 1, origin: { file, line: row.line } };
    });
}
function readCsv(text, file, languages) {
    const [header, ...rows] = csvRows(text, file);
    if (!header)
        return [];
    if (!header.fields.every(looksLikeLanguageCode)) {
        throw new Error(`${file}: line ${header.line}: the first row must hold language codes such as "${languages.sourceLanguage},${languages.targetLanguage}"`);
    }
    return pairsFromRows(rows, languageColumns(header, file, languages), header.fields.length, file);
}
function readTsv(text, file, languages) {
    const rows = tsvRows(text);
    const [first, ...rest] = rows;
    if (!first)
        return [];
    const hasHeader = first.fields.length >= 2 && first.fields.every(looksLikeLanguageCode);
    if (!hasHeader)
        return pairsFromRows(rows, [0, 1], 2, file);
    return pairsFromRows(rest, languageColumns(first, file, languages), first.fields.length, file);
}
/** htmlparser2 reports `<x/>` and a missing `</x>` alike, as implied closes; the source tells them apart. */
function isSelfClosing(tagSource) {
    return tagSource.startsWith('<') && tagSource.endsWith('/>');
}
const TMX_INLINE_CODES = new Set(['bpt', 'ept', 'ph', 'it', 'ut']);
function readTmx(text, file, languages) {
    const lineAt = (0,lineLocator/* createLineLocator */.h)(text);
    const pairs = [];
    let sawRoot = false;
    let unitCount = 0;
    let unit;
    let variant;
    let inSegment = false;
    let inlineCodeDepth = 0;
    const fail = (message) => {
        throw new Error(`${file}: line ${lineAt(parser.startIndex)}: ${message}`);
    };
    const finishUnit = (finished) => {
        const codes = finished.variants.map((candidate) => candidate.language);
        const source = finished.variants[findLanguage(codes, languages.sourceLanguage) ?? -1];
        const target = finished.variants[findLanguage(codes, languages.targetLanguage) ?? -1];
        if (source && target && source !== target) {
            pairs.push({ source: source.text, target: target.text, confidence: 1, origin: { file, line: finished.line } });
        }
    };
    const parser = new Parser/* Parser */.i({
        onopentag(rawName, attributes) {
            const name = rawName.toLowerCase();
            if (name === 'tmx')
                sawRoot = true;
            else if (name === 'tu') {
                unitCount += 1;
                unit = { line: lineAt(parser.startIndex), variants: [] };
            }
            else if (name === 'tuv') {
                if (!unit)
                    fail('<tuv> outside a <tu>');
                const language = attributes['xml:lang'] ?? attributes['lang'];
                variant = { language: language ?? fail('<tuv> without an xml:lang attribute'), text: '' };
            }
            else if (name === 'seg') {
                if (!variant)
                    fail('<seg> outside a <tuv>');
                inSegment = true;
            }
            else if (inSegment && TMX_INLINE_CODES.has(name))
                inlineCodeDepth += 1;
        },
        ontext(data) {
            if (variant && inSegment && inlineCodeDepth === 0)
                variant.text += data;
        },
        onclosetag(rawName, isImplied) {
            const name = rawName.toLowerCase();
            if (isImplied && !isSelfClosing(text.slice(parser.startIndex, parser.endIndex + 1)))
                fail(`<${name}> is not closed`);
            if (name === 'seg')
                inSegment = false;
            else if (inSegment && TMX_INLINE_CODES.has(name))
                inlineCodeDepth -= 1;
            else if (name === 'tuv' && variant) {
                unit?.variants.push({ language: variant.language, text: variant.text });
                variant = undefined;
            }
            else if (name === 'tu' && unit) {
                finishUnit(unit);
                unit = undefined;
            }
        },
    }, { xmlMode: true });
    parser.write(text);
    parser.end();
    if (!sawRoot)
        throw new Error(`${file}: not a TMX file (no <tmx> element)`);
    if (unitCount > 0 && pairs.length === 0) {
        throw new Error(`${file}: none of its ${unitCount} <tu> elements holds both "${languages.sourceLanguage}" and "${languages.targetLanguage}"`);
    }
    return pairs;
}
const READERS = {
    csv: readCsv,
    tsv: readTsv,
    tmx: readTmx,
};
function readParallelData(text, fileName, languages) {
    const extension = /\.([^./\\]+)$/u.exec(fileName)?.[1]?.toLowerCase() ?? '';
    const reader = READERS[extension];
    if (!reader)
        throw new Error(`${fileName}: unknown parallel data format ".${extension}" (expected .csv, .tsv or .tmx)`);
    return reader(text.replace(/^\uFEFF/u, ''), fileName, languages);
}

;// CONCATENATED MODULE: ./src/paralleldata/write.ts
/**
 * Writes sentence pairs as an Amazon Translate parallel data file (CSV, TSV or TMX 1.4b).
 *
 * What a pair holds: the Markdown source text of a sentence and of its translation, with line
 * breaks folded (`foldLineBreaks`: English gets one space; Chinese and Japanese get nothing between
 * two CJK characters, one space otherwise). Inline code, math and roles such as :numref:`fig_x`
 * stay exactly as written, backticks and dollars included. That is what the batch job sees inside
 * its `translate="no"` spans, and Active Custom Translation learns best from examples that look
 * like its input.
 *
 * Rules applied before writing (see screen.ts), each counted by reason:
 * - a line break in a field is folded away (rewritten: 'line-break'); in TSV a tab becomes a
 *   space (rewritten: 'tab');
 * - a field over 1000 UTF-8 bytes is skipped ('too-long'): Translate would ignore it silently;
 * - a field starting with + - = @ is skipped ('formula-prefix'): Translate rejects those even
 *   when quoted, and any prefix we could add would be learnt by ACT as part of the translation;
 * - a pair identical on both sides ('identical'), or with no letter outside code and math on one
 *   side ('no-text'), teaches nothing and is skipped, as are empty fields ('empty') and fields
 *   with control characters ('control-character');
 * - one pair per source text: Translate would keep the last, we keep the best confidence at the
 *   place of the first occurrence ('duplicate').
 */


const TOOL_VERSION = '0.1.0';
function toCsv(pairs, languages) {
    const data = pairs.map((pair) => [pair.source, pair.target]);
    const fields = [languages.sourceLanguage, languages.targetLanguage];
    // Formulae are skipped by the rules, so papaparse must not rewrite them with its own quote prefix.
    return `${papaparse_default().unparse({ fields, data }, { newline: '\r\n', escapeFormulae: false })}\r\n`;
}
/** TSV has no quoting: fields are written verbatim, which is why tabs and line breaks are gone. */
function toTsv(pairs, languages) {
    const rows = [
        [languages.sourceLanguage, languages.targetLanguage],
        ...pairs.map((pair) => [pair.source, pair.target]),
    ];
    return rows.map((row) => `${row.join('\t')}\n`).join('');
}
function escapeXml(text) {
    return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');
}
function toTmx(pairs, languages, segType) {
    const source = escapeXml(languages.sourceLanguage);
    const target = escapeXml(languages.targetLanguage);
    const units = pairs.map((pair) => `    <tu>\n` +
        `      <tuv xml:lang="${source}"><seg>${escapeXml(pair.source)}</seg></tuv>\n` +
        `      <tuv xml:lang="${target}"><seg>${escapeXml(pair.target)}</seg></tuv>\n` +
        `    </tu>\n`);
    return (`<?xml version="1.0" encoding="UTF-8"?>\n` +
        `<tmx version="1.4">\n` +
        `  <header creationtool="amts" creationtoolversion="${TOOL_VERSION}" segtype="${segType}" o-tmf="amts"` +
        ` adminlang="en" srclang="${source}" datatype="plaintext"/>\n` +
        `  <body>\n${units.join('')}  </body>\n` +
        `</tmx>\n`);
}
function writeParallelData(pairs, options) {
    const { pairs: kept, skipped, rewritten } = screenForFile(pairs, options, options.format);
    const text = options.format === 'csv'
        ? toCsv(kept, options)
        : options.format === 'tsv'
            ? toTsv(kept, options)
            : toTmx(kept, options, options.segType ?? 'sentence');
    return { text, written: kept.length, skipped, rewritten };
}

;// CONCATENATED MODULE: ./src/paralleldata/index.ts











/***/ })

};
