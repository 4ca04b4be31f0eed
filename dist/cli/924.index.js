export const id = 924;
export const ids = [924,677];
export const modules = {

/***/ 8924:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runCli: () => (/* binding */ runCli)
});

// EXTERNAL MODULE: ./src/commands/args.ts
var commands_args = __webpack_require__(2309);
;// CONCATENATED MODULE: ./src/evaluate/pythonText.ts
/**
 * sacreBLEU splits and strips with Python's `str.split()` / `str.strip()`, whose whitespace is `str.isspace()`.
 * JavaScript's `\s` differs (it includes U+FEFF and leaves out U+001C–U+001F and U+0085), and the difference
 * changes token counts, so scoring uses this set instead.
 */
const PYTHON_WHITESPACE = '\\t\\n\\x0b\\x0c\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const WHITESPACE_RUN = new RegExp(`[${PYTHON_WHITESPACE}]+`, 'u');
const LEADING_WHITESPACE = new RegExp(`^[${PYTHON_WHITESPACE}]+`, 'u');
const TRAILING_WHITESPACE = new RegExp(`[${PYTHON_WHITESPACE}]+$`, 'u');
/** Python's `text.split()`: runs of whitespace separate words, and no word is empty. */
function splitOnWhitespace(text) {
    return text.split(WHITESPACE_RUN).filter((word) => word !== '');
}
/** Python's `text.rstrip()`. */
function stripTrailingWhitespace(text) {
    return text.replace(TRAILING_WHITESPACE, '');
}
/** Python's `text.strip()`. */
function stripWhitespace(text) {
    return stripTrailingWhitespace(text.replace(LEADING_WHITESPACE, ''));
}
/** Python's `''.join(text.split())`: chrF's character n-grams ignore whitespace. */
function removeWhitespace(text) {
    return splitOnWhitespace(text).join('');
}
/**
 * Python indexes strings by code point, JavaScript by UTF-16 unit: characters outside the BMP (emoji, CJK
 * Extension B) must count as one character, as they do in sacreBLEU.
 */
function codePoints(text) {
    return Array.from(text);
}
/**
 * Python's `f'{value:.{digits}f}'`. Both languages round the exact binary value, but on an exact tie
 * (0.125 to two places) Python rounds half to even where `toFixed` rounds away from zero.
 */
function pythonText_formatFixed(value, digits) {
    if (Number.isNaN(value))
        return 'nan';
    if (!Number.isFinite(value))
        return value > 0 ? 'inf' : '-inf';
    // toFixed drops the sign of negative zero; Python keeps it.
    const rounded = Object.is(value, -0) ? `-${(0).toFixed(digits)}` : value.toFixed(digits);
    if (Math.abs(value) >= 1e21)
        return rounded;
    const exact = value.toFixed(100);
    const cut = exact.indexOf('.') + (digits === 0 ? 0 : digits + 1);
    const isTie = /^50*$/.test(exact.slice(cut).replace('.', ''));
    if (!isTie)
        return rounded;
    const truncated = exact.slice(0, cut);
    const lastDigit = Number(truncated.replace(/\D/g, '').slice(-1));
    return lastDigit % 2 === 0 ? truncated : rounded;
}

;// CONCATENATED MODULE: ./src/evaluate/ngrams.ts
/** N-gram counting as in sacrebleu/metrics/helpers.py, with n-grams keyed by their space-joined text. */

function countSlices(items, order, join) {
    const counts = new Map();
    for (let start = 0; start + order <= items.length; start++) {
        const key = join(items.slice(start, start + order));
        counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return counts;
}
const joinWords = (words) => words.join(' ');
/** Word n-grams of one order. Words never contain a space, so the joined key is unambiguous. */
function wordNgrams(words, order) {
    return countSlices(words, order, joinWords);
}
/** Word n-grams of orders 1..maxOrder; element `n - 1` holds order n. */
function allWordNgrams(words, maxOrder) {
    return Array.from({ length: maxOrder }, (_, index) => wordNgrams(words, index + 1));
}
/** Character n-grams of orders 1..maxOrder, counted over code points; element `n - 1` holds order n. */
function allCharacterNgrams(line, maxOrder, includeWhitespace) {
    const text = includeWhitespace ? line : removeWhitespace(line);
    // Slicing the string at code point offsets is much faster than joining arrays of characters.
    const offsets = [0];
    for (const character of codePoints(text))
        offsets.push((offsets[offsets.length - 1] ?? 0) + character.length);
    const length = offsets.length - 1;
    return Array.from({ length: maxOrder }, (_, index) => {
        const order = index + 1;
        const counts = new Map();
        for (let start = 0; start + order <= length; start++) {
            const key = text.slice(offsets[start], offsets[start + order]);
            counts.set(key, (counts.get(key) ?? 0) + 1);
        }
        return counts;
    });
}
function totalCount(counts) {
    let total = 0;
    for (const count of counts.values())
        total += count;
    return total;
}
/** How many hypothesis n-grams the reference covers, each clipped to its reference count. */
function clippedMatches(hypothesis, reference) {
    let matches = 0;
    for (const [ngram, count] of hypothesis) {
        const referenceCount = reference.get(ngram);
        if (referenceCount !== undefined)
            matches += Math.min(count, referenceCount);
    }
    return matches;
}

;// CONCATENATED MODULE: ./src/evaluate/references.ts
/**
 * Regroups reference streams by segment. sacreBLEU's `zip` would silently drop the surplus of a longer stream,
 * which hides misaligned files, so unequal lengths are an error here.
 */
function groupReferencesBySegment(hypothesisCount, streams) {
    if (hypothesisCount === 0)
        throw new Error('No hypotheses given: scoring needs at least one segment');
    if (streams.length === 0)
        throw new Error('No reference stream given: at least one is needed');
    streams.forEach((stream, index) => {
        if (stream.length !== hypothesisCount) {
            throw new Error(`Reference stream ${index + 1} has ${stream.length} segments but there are ${hypothesisCount} hypotheses`);
        }
    });
    const segments = Array.from({ length: hypothesisCount }, (_, segment) => {
        const references = streams
            .map((stream) => stream[segment])
            .filter((text) => typeof text === 'string');
        if (references.length === 0)
            throw new Error(`Segment ${segment + 1} has no reference: every stream holds null`);
        return references;
    });
    const counts = new Set(segments.map((references) => references.length));
    const [onlyCount] = counts;
    return { segments, nrefs: counts.size === 1 && onlyCount !== undefined ? onlyCount : 'var' };
}
/** `sentence_score(hyp, refs)`: each reference of the one sentence is its own stream. */
function references_sentenceReferenceStreams(references) {
    return references.map((reference) => [reference]);
}

;// CONCATENATED MODULE: ./src/evaluate/signature.ts
/**
 * sacreBLEU's reproducibility signature (sacrebleu/metrics/base.py `Signature.format`): `nrefs` first, then the
 * metric's own fields in their declared order, `version` always last, joined by `|`.
 */
const SACREBLEU_VERSION = '2.6.0';
function formatSignature(nrefs, fields) {
    const pairs = [['nrefs', String(nrefs)], ...fields, ['version', SACREBLEU_VERSION]];
    return pairs.map(([name, value]) => `${name}:${value}`).join('|');
}
function yesNo(flag) {
    return flag ? 'yes' : 'no';
}
function caseField(lowercase) {
    return ['case', lowercase ? 'lc' : 'mixed'];
}

;// CONCATENATED MODULE: ./src/evaluate/tokenizers.ts
/**
 * Ports of sacreBLEU 2.6.0's `13a`, `zh` and `none` tokenizers (sacrebleu/tokenizers/tokenizer_13a.py,
 * tokenizer_zh.py, tokenizer_re.py, tokenizer_none.py). BLEU is only comparable with sacreBLEU when the
 * tokens are the same, so every step, including the odd ones, follows the Python source.
 */

const TOKENIZER_NAMES = ['13a', 'zh', 'none'];
function isTokenizerName(name) {
    return TOKENIZER_NAMES.includes(name);
}
/**
 * sacreBLEU's TokenizerRegexp, shared by `13a` and `zh`. The first class is the mteval-v13a punctuation set
 * `[\{-\~\[-\` -\&\(-\+\:-\@\/]`, written with hex escapes because the `u` flag rejects most of those escapes.
 */
const MTEVAL_RULES = [
    [/([\x7b-\x7e\x5b-\x60\x20-\x26\x28-\x2b\x3a-\x40\x2f])/gu, ' $1 '],
    // period and comma split off unless preceded by a digit
    [/([^0-9])([.,])/gu, '$1 $2 '],
    // period and comma split off unless followed by a digit
    [/([.,])([^0-9])/gu, ' $1 $2'],
    // dash split off when preceded by a digit
    [/([0-9])(-)/gu, '$1 $2 '],
];
function applyMtevalRules(line) {
    let tokenized = line;
    for (const [pattern, replacement] of MTEVAL_RULES) {
        tokenized = tokenized.replace(pattern, replacement);
    }
    return splitOnWhitespace(tokenized).join(' ');
}
function tokenize13a(line) {
    let text = line.replaceAll('<skipped>', '').replaceAll('-\n', '').replaceAll('\n', ' ');
    if (text.includes('&')) {
        text = text.replaceAll('&quot;', '"').replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>');
    }
    // The padding spaces matter: they let a leading "." or "," be split off by the second rule.
    return applyMtevalRules(` ${text} `);
}
/**
 * TokenizerZh's `_UCODE_RANGES`, as the Python code actually evaluates them. The source writes two ranges as
 * `u'\u20000'`–`u'\u2a6d6'` and `u'\u2f800'`–`u'\u2fa1d'` meaning Extension B and the Compatibility Supplement,
 * but `\u` takes four hex digits, so those are two-character strings and the one-character comparison
 * `start <= char <= end` holds for U+2001–U+2A6D and U+2F81–U+2FA1. That widening reaches general punctuation
 * (curly quotes, dashes, ellipsis), arrows and maths symbols, which sacreBLEU therefore splits off like
 * Chinese characters; matching its scores means keeping it.
 */
const ZH_CHARACTER_RANGES = [
    [0x3400, 0x4db5],
    [0x4e00, 0x9fa5],
    [0x9fa6, 0x9fbb],
    [0xf900, 0xfa2d],
    [0xfa30, 0xfa6a],
    [0xfa70, 0xfad9],
    [0x2001, 0x2a6d],
    [0x2f81, 0x2fa1],
    [0xff00, 0xffef],
    [0x2e80, 0x2eff],
    [0x3000, 0x303f],
    [0x31c0, 0x31ef],
    [0x2f00, 0x2fdf],
    [0x2ff0, 0x2fff],
    [0x3100, 0x312f],
    [0x31a0, 0x31bf],
    [0xfe10, 0xfe1f],
    [0xfe30, 0xfe4f],
    [0x2600, 0x26ff],
    [0x2700, 0x27bf],
    [0x3200, 0x32ff],
    [0x3300, 0x33ff],
];
function isZhTokenizerCharacter(character) {
    const codePoint = character.codePointAt(0);
    if (codePoint === undefined)
        return false;
    return ZH_CHARACTER_RANGES.some(([start, end]) => codePoint >= start && codePoint <= end);
}
function tokenizeZh(line) {
    const spaced = codePoints(stripWhitespace(line))
        .map((character) => (isZhTokenizerCharacter(character) ? ` ${character} ` : character))
        .join('');
    return applyMtevalRules(spaced);
}
function tokenizeNone(line) {
    return line;
}
const TOKENIZERS = {
    '13a': tokenize13a,
    zh: tokenizeZh,
    none: tokenizeNone,
};
function tokenize(text, name = '13a') {
    const tokenizer = TOKENIZERS[name];
    if (!tokenizer) {
        throw new Error(`Unknown tokenizer "${String(name)}": expected one of ${TOKENIZER_NAMES.join(', ')}`);
    }
    return tokenizer(text);
}
/**
 * sacreBLEU picks `zh` for a Chinese target and `13a` otherwise; it would pick MeCab for Japanese and Korean,
 * which this port does not have, so those fall back to `13a` too.
 */
function tokenizerForLanguage(languageCode) {
    return languageCode.toLowerCase().split(/[-_]/)[0] === 'zh' ? 'zh' : '13a';
}

;// CONCATENATED MODULE: ./src/evaluate/bleu.ts
/**
 * BLEU as sacreBLEU 2.6.0 computes it (sacrebleu/metrics/bleu.py): per-segment sufficient statistics against the
 * closest reference length, summed over the corpus, then brevity penalty times the geometric mean of smoothed
 * n-gram precisions.
 */





/** Defaults from Chen & Cherry (2014), as in `BLEU.SMOOTH_DEFAULTS`; `exp` and `none` take no value. */
const SMOOTH_DEFAULTS = {
    none: undefined,
    floor: 0.1,
    'add-k': 1,
    exp: undefined,
};
function resolveSettings(options, defaultEffectiveOrder) {
    const smoothMethod = options.smoothMethod ?? 'exp';
    if (!(smoothMethod in SMOOTH_DEFAULTS))
        throw new Error(`Unknown BLEU smoothing method "${smoothMethod}"`);
    const maxNgramOrder = options.maxNgramOrder ?? 4;
    if (!Number.isInteger(maxNgramOrder) || maxNgramOrder < 1) {
        throw new Error(`BLEU maxNgramOrder must be a positive integer, got ${maxNgramOrder}`);
    }
    return {
        tokenize: options.tokenize ?? '13a',
        lowercase: options.lowercase ?? false,
        smoothMethod,
        smoothValue: options.smoothValue ?? SMOOTH_DEFAULTS[smoothMethod],
        maxNgramOrder,
        effectiveOrder: options.effectiveOrder ?? defaultEffectiveOrder,
    };
}
function preprocess(segment, settings) {
    const cased = settings.lowercase ? segment.toLowerCase() : segment;
    return splitOnWhitespace(tokenize(stripTrailingWhitespace(cased), settings.tokenize));
}
function referenceInfo(references, maxOrder) {
    const ngrams = Array.from({ length: maxOrder }, () => new Map());
    for (const words of references) {
        allWordNgrams(words, maxOrder).forEach((counts, order) => {
            const merged = ngrams[order];
            if (!merged)
                return;
            for (const [ngram, count] of counts)
                merged.set(ngram, Math.max(merged.get(ngram) ?? 0, count));
        });
    }
    return { ngrams, lengths: references.map((words) => words.length) };
}
/** The reference length nearest the hypothesis length; on a tie, the shorter one. */
function closestReferenceLength(hypothesisLength, referenceLengths) {
    let closestDiff = -1;
    let closestLength = -1;
    for (const length of referenceLengths) {
        const diff = Math.abs(hypothesisLength - length);
        if (closestDiff === -1 || diff < closestDiff) {
            closestDiff = diff;
            closestLength = length;
        }
        else if (diff === closestDiff && length < closestLength) {
            closestLength = length;
        }
    }
    return closestLength;
}
function segmentStatistics(hypothesis, references, maxOrder) {
    const hypothesisNgrams = allWordNgrams(hypothesis, maxOrder);
    return {
        sysLen: hypothesis.length,
        refLen: closestReferenceLength(hypothesis.length, references.lengths),
        correct: hypothesisNgrams.map((counts, order) => clippedMatches(counts, references.ngrams[order] ?? new Map())),
        total: hypothesisNgrams.map(totalCount),
    };
}
function addStatistics(sum, next) {
    return {
        sysLen: sum.sysLen + next.sysLen,
        refLen: sum.refLen + next.refLen,
        correct: sum.correct.map((value, order) => value + (next.correct[order] ?? 0)),
        total: sum.total.map((value, order) => value + (next.total[order] ?? 0)),
    };
}
/** Python's `my_log`: log with 0 floored to a huge negative number, so a zero precision zeroes the score. */
function flooredLog(value) {
    return value === 0 ? -9999999999 : Math.log(value);
}
function brevityPenalty(sysLen, refLen) {
    if (sysLen >= refLen)
        return 1;
    return sysLen > 0 ? Math.exp(1 - refLen / sysLen) : 0;
}
/** `BLEU.compute_bleu`: the score from summed statistics. */
function computeBleu(statistics, options = {}) {
    const settings = resolveSettings(options, false);
    const { sysLen, refLen } = statistics;
    const correct = [...statistics.correct];
    const total = [...statistics.total];
    const bp = brevityPenalty(sysLen, refLen);
    const precisions = new Array(settings.maxNgramOrder).fill(0);
    const ratio = refLen ? sysLen / refLen : 0;
    const result = (score) => ({ score, counts: correct, totals: total, precisions, bp, sysLen, refLen, ratio });
    // No match at all scores 0 whatever the smoothing (sacreBLEU #141).
    if (!correct.some((count) => count !== 0))
        return result(0);
    const smoothValue = settings.smoothValue ?? 0;
    let smoothMteval = 1;
    let effectiveOrder = settings.maxNgramOrder;
    for (let n = 1; n <= settings.maxNgramOrder; n++) {
        const index = n - 1;
        if (settings.smoothMethod === 'add-k' && n > 1) {
            correct[index] = (correct[index] ?? 0) + smoothValue;
            total[index] = (total[index] ?? 0) + smoothValue;
        }
        const orderTotal = total[index] ?? 0;
        const orderCorrect = correct[index] ?? 0;
        if (orderTotal === 0)
            break;
        if (settings.effectiveOrder)
            effectiveOrder = n;
        if (orderCorrect !== 0) {
            precisions[index] = (100 * orderCorrect) / orderTotal;
        }
        else if (settings.smoothMethod === 'exp') {
            smoothMteval *= 2;
            precisions[index] = 100 / (smoothMteval * orderTotal);
        }
        else if (settings.smoothMethod === 'floor') {
            precisions[index] = (100 * smoothValue) / orderTotal;
        }
    }
    const logSum = precisions.slice(0, effectiveOrder).reduce((sum, precision) => sum + flooredLog(precision), 0);
    return result(bp * Math.exp(logSum / effectiveOrder));
}
function smoothingField(settings) {
    const defaultValue = SMOOTH_DEFAULTS[settings.smoothMethod];
    if (defaultValue === undefined)
        return settings.smoothMethod;
    return `${settings.smoothMethod}[${pythonText_formatFixed(settings.smoothValue ?? defaultValue, 2)}]`;
}
function bleuSignatureFor(settings, nrefs) {
    return formatSignature(nrefs, [
        caseField(settings.lowercase),
        ['eff', yesNo(settings.effectiveOrder)],
        ['tok', settings.tokenize],
        ['smooth', smoothingField(settings)],
    ]);
}
/** The signature sacreBLEU prints for these options, e.g. `nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0`. */
function bleuSignature(options = {}, nrefs = 1) {
    return bleuSignatureFor(resolveSettings(options, false), nrefs);
}
function scoreSegments(hypotheses, references, settings) {
    const grouped = groupReferencesBySegment(hypotheses.length, references);
    const order = settings.maxNgramOrder;
    const zero = {
        sysLen: 0,
        refLen: 0,
        correct: new Array(order).fill(0),
        total: new Array(order).fill(0),
    };
    const statistics = hypotheses.reduce((sum, hypothesis, segment) => {
        const segmentReferences = (grouped.segments[segment] ?? []).map((reference) => preprocess(reference, settings));
        const info = referenceInfo(segmentReferences, order);
        return addStatistics(sum, segmentStatistics(preprocess(hypothesis, settings), info, order));
    }, zero);
    return { ...computeBleu(statistics, settings), signature: bleuSignatureFor(settings, grouped.nrefs) };
}
/**
 * `corpus_bleu(hypotheses, references)`. `references` is a list of streams aligned with `hypotheses`
 * (`references[k][i]` is the k-th reference of segment i), as in sacreBLEU; one reference per segment is
 * `[refs]`.
 */
function corpusBleu(hypotheses, references, options = {}) {
    return scoreSegments(hypotheses, references, resolveSettings(options, false));
}
/** `BLEU(effective_order=True).sentence_score(hypothesis, references)`: one segment, any number of references. */
function sentenceBleu(hypothesis, references, options = {}) {
    return scoreSegments([hypothesis], sentenceReferenceStreams(references), resolveSettings(options, true));
}

;// CONCATENATED MODULE: ./src/evaluate/chrf.ts
/**
 * chrF and chrF++ as sacreBLEU 2.6.0 computes them (sacrebleu/metrics/chrf.py): character n-gram (and, for
 * chrF++, word n-gram) precision and recall averaged over the orders both sides have, combined as F-beta.
 */




function chrf_resolveSettings(options) {
    const settings = {
        charOrder: options.charOrder ?? 6,
        wordOrder: options.wordOrder ?? 0,
        beta: options.beta ?? 2,
        lowercase: options.lowercase ?? false,
        whitespace: options.whitespace ?? false,
        epsSmoothing: options.epsSmoothing ?? false,
    };
    if (!Number.isInteger(settings.charOrder) || settings.charOrder < 0) {
        throw new Error(`chrF charOrder must be a non-negative integer, got ${settings.charOrder}`);
    }
    if (!Number.isInteger(settings.wordOrder) || settings.wordOrder < 0) {
        throw new Error(`chrF wordOrder must be a non-negative integer, got ${settings.wordOrder}`);
    }
    if (settings.charOrder + settings.wordOrder === 0)
        throw new Error('chrF needs charOrder + wordOrder > 0');
    return settings;
}
/** Python's `string.punctuation`. */
const ASCII_PUNCTUATION = new Set('!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~');
/**
 * chrF++'s word split: one punctuation mark comes off the end of a word, or else off its start. This is
 * sacreBLEU's behaviour, including splitting `(hi)` into `(hi` and `)` (its issue #124).
 */
function splitPunctuationForChrf(sentence) {
    return splitOnWhitespace(sentence).flatMap((word) => {
        const characters = codePoints(word);
        if (characters.length === 1)
            return [word];
        const last = characters[characters.length - 1] ?? '';
        const first = characters[0] ?? '';
        if (ASCII_PUNCTUATION.has(last))
            return [characters.slice(0, -1).join(''), last];
        if (ASCII_PUNCTUATION.has(first))
            return [first, characters.slice(1).join('')];
        return [word];
    });
}
/** Character orders 1..charOrder, then word orders 1..wordOrder. */
function allNgrams(sentence, settings) {
    const ngrams = allCharacterNgrams(sentence, settings.charOrder, settings.whitespace);
    if (settings.wordOrder > 0) {
        const words = splitPunctuationForChrf(sentence);
        for (let order = 1; order <= settings.wordOrder; order++)
            ngrams.push(wordNgrams(words, order));
    }
    return ngrams;
}
/** [hypothesis count, reference count, matches] per order, flattened. */
function matchStatistics(hypothesis, reference) {
    return hypothesis.flatMap((hypothesisCounts, order) => {
        const referenceCounts = reference[order] ?? new Map();
        // Hypothesis n-grams do not count when the reference has none of that order.
        const hypothesisCount = referenceCounts.size > 0 ? totalCount(hypothesisCounts) : 0;
        return [hypothesisCount, totalCount(referenceCounts), clippedMatches(hypothesisCounts, referenceCounts)];
    });
}
/** `CHRF._compute_f_score`: the 0–100 score from flattened statistics. */
function computeChrf(statistics, options = {}) {
    const settings = chrf_resolveSettings(options);
    const epsilon = 1e-16;
    const factor = settings.beta ** 2;
    const orders = settings.charOrder + settings.wordOrder;
    let epsilonScore = 0;
    let effectiveOrder = 0;
    let averagePrecision = 0;
    let averageRecall = 0;
    for (let order = 0; order < orders; order++) {
        const hypothesisCount = statistics[3 * order] ?? 0;
        const referenceCount = statistics[3 * order + 1] ?? 0;
        const matches = statistics[3 * order + 2] ?? 0;
        const precision = hypothesisCount > 0 ? matches / hypothesisCount : epsilon;
        const recall = referenceCount > 0 ? matches / referenceCount : epsilon;
        const denominator = factor * precision + recall;
        epsilonScore += denominator > 0 ? ((1 + factor) * precision * recall) / denominator : epsilon;
        if (hypothesisCount > 0 && referenceCount > 0) {
            averagePrecision += precision;
            averageRecall += recall;
            effectiveOrder += 1;
        }
    }
    if (settings.epsSmoothing)
        return (100 * epsilonScore) / orders;
    if (effectiveOrder === 0)
        return 0;
    averagePrecision /= effectiveOrder;
    averageRecall /= effectiveOrder;
    if (averagePrecision + averageRecall === 0)
        return 0;
    const score = ((1 + factor) * averagePrecision * averageRecall) / (factor * averagePrecision + averageRecall);
    return 100 * score;
}
/** Of several references, the statistics of the one with the best F score; the first wins a tie. */
function bestStatistics(hypothesis, references, settings) {
    let best = [];
    let bestScore = -1;
    for (const reference of references) {
        const statistics = matchStatistics(hypothesis, reference);
        const score = computeChrf(statistics, settings);
        if (score > bestScore) {
            bestScore = score;
            best = statistics;
        }
    }
    return best;
}
function chrfSignatureFor(settings, nrefs) {
    return formatSignature(nrefs, [
        caseField(settings.lowercase),
        ['eff', yesNo(!settings.epsSmoothing)],
        ['nc', String(settings.charOrder)],
        ['nw', String(settings.wordOrder)],
        ['space', yesNo(settings.whitespace)],
    ]);
}
/** The signature sacreBLEU prints for these options, e.g. `nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.6.0`. */
function chrfSignature(options = {}, nrefs = 1) {
    return chrfSignatureFor(chrf_resolveSettings(options), nrefs);
}
function scoreName(settings) {
    return `chrF${settings.beta}${'+'.repeat(settings.wordOrder)}`;
}
function chrf_scoreSegments(hypotheses, references, settings) {
    const grouped = groupReferencesBySegment(hypotheses.length, references);
    const prepare = (text) => allNgrams(settings.lowercase ? text.toLowerCase() : text, settings);
    const sums = new Array(3 * (settings.charOrder + settings.wordOrder)).fill(0);
    hypotheses.forEach((hypothesis, segment) => {
        const referenceNgrams = (grouped.segments[segment] ?? []).map(prepare);
        bestStatistics(prepare(hypothesis), referenceNgrams, settings).forEach((value, index) => {
            sums[index] = (sums[index] ?? 0) + value;
        });
    });
    return {
        score: computeChrf(sums, settings),
        name: scoreName(settings),
        signature: chrfSignatureFor(settings, grouped.nrefs),
    };
}
/** `corpus_chrf(hypotheses, references)`, references given as streams as for `corpusBleu`. */
function corpusChrf(hypotheses, references, options = {}) {
    return chrf_scoreSegments(hypotheses, references, chrf_resolveSettings(options));
}
/** `CHRF().sentence_score(hypothesis, references)`. */
function sentenceChrf(hypothesis, references, options = {}) {
    return chrf_scoreSegments([hypothesis], sentenceReferenceStreams(references), chrf_resolveSettings(options));
}

;// CONCATENATED MODULE: ./src/evaluate/formatScore.ts

/** e.g. `BLEU|nrefs:1|…|version:2.6.0 = 76.15 97.7/83.8/74.3/66.7 (BP = 0.954 ratio = 0.955 hyp_len = 1648 ref_len = 1725)`. */
function formatBleuLine(score, width = 2) {
    const precisions = score.precisions.map((precision) => formatFixed(precision, 1)).join('/');
    const details = `${precisions} (BP = ${formatFixed(score.bp, 3)} ratio = ${formatFixed(score.ratio, 3)} ` +
        `hyp_len = ${score.sysLen} ref_len = ${score.refLen})`;
    return `BLEU|${score.signature} = ${formatFixed(score.score, width)} ${details}`;
}
/** e.g. `chrF2|nrefs:1|…|version:2.6.0 = 84.89`. */
function formatChrfLine(score, width = 2) {
    return `${score.name}|${score.signature} = ${formatFixed(score.score, width)}`;
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
;// CONCATENATED MODULE: ./src/evaluate/scoreTextFiles.ts
/**
 * Scores plain-text hypothesis and reference files line by line, as the `sacrebleu` command line does:
 * one segment per line, each line right-stripped, every reference file a separate reference stream.
 */






/** BLEU and chrF of in-memory segments; `references` are streams aligned with `hypotheses`. */
function scoreTextFiles_scoreSegments(hypotheses, references, options = {}) {
    const lowercase = options.lowercase ?? false;
    const bleu = corpusBleu(hypotheses, references, { tokenize: options.tokenize ?? '13a', lowercase });
    const chrf = corpusChrf(hypotheses, references, { lowercase, wordOrder: options.chrfWordOrder ?? 0 });
    return {
        bleu: bleu.score,
        chrf: chrf.score,
        chrfName: chrf.name,
        signature: `BLEU|${bleu.signature} ${chrf.name}|${chrf.signature}`,
        bleuSignature: bleu.signature,
        chrfSignature: chrf.signature,
        precisions: bleu.precisions,
        bp: bleu.bp,
        sysLen: bleu.sysLen,
        refLen: bleu.refLen,
        segments: hypotheses.length,
    };
}
/**
 * Lines as Python iterates a file opened with `newline="\n"`: split on LF only, no empty line after a final
 * LF, and each line right-stripped (which also drops a CR).
 */
function splitSegments(text) {
    if (text === '')
        return [];
    const lines = text.split('\n');
    if (lines[lines.length - 1] === '')
        lines.pop();
    return lines.map(stripTrailingWhitespace);
}
/** Reads a UTF-8 (or gzipped UTF-8, by `.gz` suffix) text file as segments. */
async function readSegments(path, role = 'text') {
    let bytes;
    try {
        bytes = await (0,promises_.readFile)(path);
        if (path.endsWith('.gz'))
            bytes = (0,external_node_zlib_.gunzipSync)(bytes);
    }
    catch (error) {
        throw new Error(`Cannot read ${role} file ${path}: ${error instanceof Error ? error.message : String(error)}`, {
            cause: error,
        });
    }
    let text;
    try {
        // ignoreBOM keeps a byte-order mark as text, as Python's utf-8 codec does.
        text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    }
    catch (error) {
        throw new Error(`The ${role} file ${path} is not valid UTF-8`, { cause: error });
    }
    return splitSegments(text);
}
function referencePathList(referencePaths) {
    const paths = typeof referencePaths === 'string' ? [referencePaths] : referencePaths;
    if (paths.length === 0)
        throw new Error('No reference file given: at least one is needed');
    return paths;
}
/** Reads one hypothesis file and its reference files, checking that every file has the same number of lines. */
async function readAlignedFiles(hypothesisPath, referencePaths) {
    const paths = referencePathList(referencePaths);
    const hypotheses = await readSegments(hypothesisPath, 'hypothesis');
    if (hypotheses.length === 0)
        throw new Error(`The hypothesis file ${hypothesisPath} has no lines to score`);
    const references = await Promise.all(paths.map((path) => readSegments(path, 'reference')));
    references.forEach((lines, index) => {
        if (lines.length !== hypotheses.length) {
            throw new Error(`Line count mismatch: hypothesis file ${hypothesisPath} has ${hypotheses.length} lines ` +
                `but reference file ${paths[index]} has ${lines.length} lines`);
        }
    });
    return { hypotheses, references };
}
/** `sacrebleu REF... -i HYP -m bleu chrf` on plain-text files. */
async function scoreTextFiles(hypothesisPath, referencePaths, options = {}) {
    const { hypotheses, references } = await readAlignedFiles(hypothesisPath, referencePaths);
    return scoreTextFiles_scoreSegments(hypotheses, references, options);
}
/** Scores each document, then all of them together as one corpus. */
async function scoreDocuments(documents, options = {}) {
    if (documents.length === 0)
        throw new Error('No document given to score');
    const loaded = await Promise.all(documents.map(async (document) => ({
        name: document.name ?? basename(document.hypothesisPath),
        ...(await readAlignedFiles(document.hypothesisPath, document.referencePaths)),
    })));
    return scoreLoadedDocuments(loaded, options);
}
/** Scores documents whose segments are in memory (plain-text lines, Markdown prose …), then all of them as one corpus. */
function scoreLoadedDocuments(loaded, options = {}) {
    if (loaded.length === 0)
        throw new Error('No document given to score');
    const streamCounts = new Set(loaded.map((document) => document.references.length));
    if (streamCounts.size > 1) {
        throw new Error('Every document needs the same number of reference files to be scored as one corpus');
    }
    const scored = loaded.map((document) => ({
        name: document.name,
        ...scoreTextFiles_scoreSegments(document.hypotheses, document.references, options),
    }));
    const allHypotheses = loaded.flatMap((document) => document.hypotheses);
    const streamCount = loaded[0]?.references.length ?? 0;
    const allReferences = Array.from({ length: streamCount }, (_, stream) => loaded.flatMap((document) => document.references[stream] ?? []));
    return { documents: scored, corpus: scoreTextFiles_scoreSegments(allHypotheses, allReferences, options) };
}

;// CONCATENATED MODULE: ./src/evaluate/formatReport.ts
/** Renders a ScoreReport as a Markdown table or as JSON, for `--format md|json`. */

const SCORE_FORMATS = ['md', 'json'];
function parseScoreFormat(value) {
    const format = SCORE_FORMATS.find((name) => name === value);
    if (!format)
        throw new Error(`Unknown score format "${value}": expected ${SCORE_FORMATS.join(' or ')}`);
    return format;
}
function escapeCell(text) {
    return text.replaceAll('\\', '\\\\').replaceAll('|', '\\|').replaceAll(/\r?\n/g, ' ');
}
/** BLEU on 0–1 as well as 0–100: the former is how Amazon's published study reports it. */
function scoreCells(score) {
    return [
        String(score.segments),
        pythonText_formatFixed(score.bleu / 100, 4),
        pythonText_formatFixed(score.bleu, 2),
        pythonText_formatFixed(score.chrf, 2),
        pythonText_formatFixed(score.bp, 3),
        String(score.sysLen),
        String(score.refLen),
    ];
}
function tableRow(cells) {
    return `| ${cells.join(' | ')} |`;
}
function formatMarkdownReport(report) {
    const { corpus } = report;
    const header = ['Document', 'Lines', 'BLEU (0–1)', 'BLEU', corpus.chrfName, 'BP', 'Hyp tokens', 'Ref tokens'];
    const rows = report.documents.map((document) => tableRow([escapeCell(document.name), ...scoreCells(document)]));
    const corpusRow = tableRow(['**Corpus**', ...scoreCells(corpus).map((cell) => `**${cell}**`)]);
    return [
        tableRow(header),
        tableRow(['---', ...header.slice(1).map(() => '---:')]),
        ...rows,
        corpusRow,
        '',
        `BLEU signature: \`${corpus.bleuSignature}\``,
        '',
        `${corpus.chrfName} signature: \`${corpus.chrfSignature}\``,
        '',
    ].join('\n');
}
/** The corpus score at the top level (`bleu` 0–100, `chrf`, `signature`, …), with per-document scores under `documents`. */
function formatJsonReport(report) {
    return `${JSON.stringify({ ...report.corpus, documents: report.documents }, null, 2)}\n`;
}
function formatScoreReport(report, format) {
    return format === 'md' ? formatMarkdownReport(report) : formatJsonReport(report);
}

;// CONCATENATED MODULE: ./src/evaluate/index.ts
/** sacreBLEU 2.6.0-compatible BLEU and chrF, in pure TypeScript. */








// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/markdown/parseMarkdown.ts + 11 modules
var parseMarkdown = __webpack_require__(6609);
// EXTERNAL MODULE: ./src/markdown/readMarkdownFile.ts
var readMarkdownFile = __webpack_require__(1274);
// EXTERNAL MODULE: ./src/align/alignBlocks.ts
var alignBlocks = __webpack_require__(6966);
// EXTERNAL MODULE: ./src/align/language.ts
var align_language = __webpack_require__(2167);
;// CONCATENATED MODULE: ./src/evaluate/scoreMarkdown.ts
/**
 * Scores a translated Markdown chapter against a reference translation of the same original, on prose only: code
 * cells, display math, labels, inline code, inline math, roles and URLs are left out, because no engine translates
 * them and counting them would flatter every system alike.
 *
 * Segments are paired by document structure, never by content. Pairing by content (the sentence aligner run on
 * two texts in the same language) would pair a good hypothesis more completely than a poor one and so bias the
 * comparison; it also drops what it cannot pair. Instead, code cells, display math, images and labels, which both
 * translations copy from the original, cut both documents into regions (alignBlocks); tabs only one side has
 * (d2l-zh's Paddle code and prose) are left out first. Inside a region, prose blocks pair one to one when both
 * sides have as many; otherwise the region's prose is joined into one segment per side. Prose one side has and the
 * other lacks becomes a segment with an empty counterpart, so omissions and additions both cost.
 */




/** Protected roles whose text is still words of the sentence: `\*` is an asterisk the reader sees. */
const SCORED_PROTECTED_ROLES = new Set(['escape']);
/** The words of a prose unit as a reader sees them: markup dropped, protected pieces replaced by a space. */
function proseText(tokens) {
    const pieces = tokens.map((token) => {
        if (token.kind === 'text')
            return token.source;
        if (token.kind === 'break')
            return ' ';
        if (token.kind === 'protected')
            return SCORED_PROTECTED_ROLES.has(token.role) ? token.source.slice(1) : ' ';
        return '';
    });
    return pieces.join('').replace(/\s+/gu, ' ').trim();
}
function blockText(block) {
    return block.tokens === undefined ? '' : proseText(block.tokens);
}
/** Pairs the prose of a hypothesis and a reference translation of the same original (see the module comment). */
function pairProse(hypothesis, reference, language) {
    const hypothesisTabs = tabNames(hypothesis);
    const referenceTabs = tabNames(reference);
    const { regions } = (0,alignBlocks/* alignBlocks */._g)(withoutTabs(hypothesis, difference(hypothesisTabs, referenceTabs)), withoutTabs(reference, difference(referenceTabs, hypothesisTabs)), { targetOnlyTabs: [] });
    const joiner = (0,align_language/* isSpacelessLanguage */.Gz)(language) ? '' : ' ';
    const hypotheses = [];
    const references = [];
    const stats = { pairedBlocks: 0, joinedRegions: 0, hypothesisOnly: 0, referenceOnly: 0 };
    for (const region of regions) {
        const hypothesisTexts = unitTexts(region.source);
        const referenceTexts = unitTexts(region.target);
        if (hypothesisTexts.length === 0 && referenceTexts.length === 0)
            continue;
        if (hypothesisTexts.length === referenceTexts.length) {
            hypotheses.push(...hypothesisTexts);
            references.push(...referenceTexts);
            stats.pairedBlocks += hypothesisTexts.length;
            continue;
        }
        hypotheses.push(hypothesisTexts.join(joiner));
        references.push(referenceTexts.join(joiner));
        if (referenceTexts.length === 0)
            stats.hypothesisOnly += 1;
        else if (hypothesisTexts.length === 0)
            stats.referenceOnly += 1;
        else
            stats.joinedRegions += 1;
    }
    return { hypotheses, references, stats };
}
function unitTexts(units) {
    return units.map((unit) => blockText(unit.block)).filter((text) => text !== '');
}
/** Tab names used by a document's `:begin_tab:` directives. */
function tabNames(document) {
    const names = new Set();
    for (const item of (0,alignBlocks/* structureItems */.s2)(document, new Set())) {
        if (item.anchor?.startsWith('tab:'))
            for (const name of item.anchor.slice(4).split(','))
                names.add(name);
    }
    return names;
}
function difference(left, right) {
    return new Set([...left].filter((name) => !right.has(name)));
}
/**
 * The document reduced to its prose and anchors, without the content of tabs named only in `tabs` (a
 * `:begin_tab:` that also names another tab stays). Pairing reads nothing else, so layout blocks can go too.
 */
function withoutTabs(document, tabs) {
    if (tabs.size === 0)
        return document;
    const blocks = (0,alignBlocks/* structureItems */.s2)(document, tabs).flatMap((item) => {
        const block = document.blocks[item.blockIndex];
        return block === undefined ? [] : [block];
    });
    return { ...document, blocks };
}
/** A chapter pair as scorable segments, with how they were paired. */
function loadMarkdownPair(pair, language) {
    const paired = pairProse(pair.hypothesis, pair.reference, language);
    if (paired.hypotheses.length === 0) {
        throw new errors/* InputError */.dz(pair.hypothesis.path, 'has no prose to score (code and math are not scored)');
    }
    return {
        document: { name: pair.name, hypotheses: paired.hypotheses, references: [paired.references] },
        pairing: paired.stats,
    };
}
/** Scores each chapter's prose, then all chapters as one corpus. */
function scoreMarkdownDocuments(documents, options) {
    const loaded = documents.map((document) => loadMarkdownPair(document, options.language));
    return {
        ...scoreLoadedDocuments(loaded.map((entry) => entry.document), options),
        pairing: Object.fromEntries(loaded.map((entry) => [entry.document.name, entry.pairing])),
    };
}

;// CONCATENATED MODULE: ./src/evaluate/scorePaths.ts
/**
 * Scores hypothesis files against reference files: two files, or two directories whose files pair by relative path.
 * Markdown chapters (`.md`) are scored on their prose (scoreMarkdown.ts); every other file line by line, as the
 * `sacrebleu` command line does.
 */







/** Origin files (d2lbook's `X_origin.md`) hold the old English beside a translation: never a translation to score. */
const ORIGIN_FILE = /_origin\.md$/iu;
/**
 * Pairs two files, or every file under the hypothesis directory with the file at the same relative path under the
 * reference one. In directories, origin files are left out and a file missing on one side is reported and skipped.
 */
async function pairPaths(hypothesisPath, referencePath) {
    const [hypothesisIsDirectory, referenceIsDirectory] = await Promise.all([
        isDirectory(hypothesisPath, 'hypothesis'),
        isDirectory(referencePath, 'reference'),
    ]);
    if (hypothesisIsDirectory !== referenceIsDirectory) {
        throw new errors/* InputError */.dz(hypothesisIsDirectory ? referencePath : hypothesisPath, `is a file but ${hypothesisIsDirectory ? hypothesisPath : referencePath} is a directory: give two files or two directories`);
    }
    if (!hypothesisIsDirectory)
        return { pairs: [{ name: (0,external_node_path_.basename)(hypothesisPath), hypothesisPath, referencePath }], unpaired: [] };
    const [hypothesisNames, referenceNames] = await Promise.all([
        scoredFilesUnder(hypothesisPath),
        scoredFilesUnder(referencePath),
    ]);
    const references = new Set(referenceNames);
    const hypotheses = new Set(hypothesisNames);
    const pairs = hypothesisNames
        .filter((name) => references.has(name))
        .map((name) => ({ name, hypothesisPath: (0,external_node_path_.join)(hypothesisPath, name), referencePath: (0,external_node_path_.join)(referencePath, name) }));
    const unpaired = [
        ...hypothesisNames
            .filter((name) => !references.has(name))
            .map((name) => `${(0,external_node_path_.join)(referencePath, name)}: missing, so ${(0,external_node_path_.join)(hypothesisPath, name)} is not scored`),
        ...referenceNames
            .filter((name) => !hypotheses.has(name))
            .map((name) => `${(0,external_node_path_.join)(hypothesisPath, name)}: missing, so ${(0,external_node_path_.join)(referencePath, name)} is not scored`),
    ];
    if (pairs.length === 0)
        throw new errors/* InputError */.dz(hypothesisPath, `has no file to score against ${referencePath}` +
            (unpaired.length > 0 ? ` (${unpaired.length} on one side only; first: ${unpaired[0] ?? ''})` : ''));
    return { pairs, unpaired };
}
async function scoredFilesUnder(directory) {
    return (await filesUnder(directory)).filter((name) => !ORIGIN_FILE.test(name));
}
async function isDirectory(path, role) {
    const info = await (0,promises_.stat)(path).catch(() => {
        throw new errors/* InputError */.dz(path, `no such ${role} file or directory`);
    });
    return info.isDirectory();
}
/** Relative paths (with `/`) of the regular files under a directory, sorted, skipping dot folders and node_modules. */
async function filesUnder(directory) {
    const entries = await (0,promises_.readdir)(directory, { withFileTypes: true, recursive: true });
    return entries
        .filter((entry) => entry.isFile())
        .map((entry) => (0,external_node_path_.relative)(directory, (0,external_node_path_.join)(entry.parentPath, entry.name)).split(external_node_path_.sep))
        .filter((parts) => !parts.some((part) => part.startsWith('.') || part === 'node_modules'))
        .map((parts) => parts.join('/'))
        .sort();
}
function isMarkdownPath(path) {
    return (0,external_node_path_.extname)(path).toLowerCase() === '.md';
}
async function readParsedMarkdown(path) {
    return (0,parseMarkdown/* parseMarkdown */.D)(await (0,readMarkdownFile/* readMarkdownFile */._$)(path), path);
}
async function loadPair(pair, language) {
    const markdown = isMarkdownPath(pair.hypothesisPath);
    if (markdown !== isMarkdownPath(pair.referencePath)) {
        throw new errors/* InputError */.dz(pair.referencePath, `cannot be scored against ${pair.hypothesisPath}: one is Markdown (.md) and the other is not`);
    }
    if (!markdown) {
        const { hypotheses, references } = await readAlignedFiles(pair.hypothesisPath, pair.referencePath);
        return { document: { name: pair.name, hypotheses, references } };
    }
    const [hypothesis, reference] = await Promise.all([
        readParsedMarkdown(pair.hypothesisPath),
        readParsedMarkdown(pair.referencePath),
    ]);
    return loadMarkdownPair({ name: pair.name, hypothesis, reference }, language);
}
/** `amts evaluate`: each file pair scored, then all of them as one corpus; files on one side only are listed. */
async function scorePaths(hypothesisPath, referencePath, options) {
    const { pairs, unpaired } = await pairPaths(hypothesisPath, referencePath);
    const loaded = await Promise.all(pairs.map((pair) => loadPair(pair, options.language)));
    const pairing = {};
    for (const entry of loaded)
        if (entry.pairing !== undefined)
            pairing[entry.document.name] = entry.pairing;
    return {
        ...scoreLoadedDocuments(loaded.map((entry) => entry.document), options),
        pairing,
        unpaired,
    };
}

;// CONCATENATED MODULE: ./src/commands/deprecatedFlags.ts

/**
 * Old spellings of renamed flags keep working: the value moves to the new name and one line on stderr says which
 * name to use from now on. Giving both spellings is refused, since one would silently lose.
 */
function renameDeprecatedFlags(values, table, warn) {
    const renamed = { ...values };
    for (const [old, help] of Object.entries(table)) {
        const current = help.deprecatedFor;
        if (current === undefined || renamed[old] === undefined)
            continue;
        if (renamed[current] !== undefined)
            throw new errors/* UsageError */.eb(`give --${current} or its old spelling --${old}, not both`);
        warn(`--${old} is deprecated; use --${current}`);
        renamed[current] = renamed[old];
        delete renamed[old];
    }
    return renamed;
}

;// CONCATENATED MODULE: ./src/commands/evaluateCli.ts




const OPTIONS = {
    hyp: { type: 'string' },
    ref: { type: 'string' },
    to: { type: 'string' },
    lang: { type: 'string' },
    tokenize: { type: 'string' },
    format: { type: 'string' },
};
const FLAGS = {
    hyp: { value: '<file-or-dir>', description: 'The machine translation to score (required)' },
    ref: { value: '<file-or-dir>', description: 'The human reference, same layout as --hyp (required)' },
    to: {
        value: '<lang>',
        description: 'Language of both sides, a code Amazon Translate accepts; picks the tokenizer (required)',
    },
    lang: { value: '<lang>', description: '', deprecatedFor: 'to' },
    tokenize: { value: '<13a|zh|none>', description: 'sacreBLEU tokenizer', default: 'zh for zh and ja, else 13a' },
    format: { value: '<md|json>', description: 'Report format', default: 'md' },
};
const evaluateCli = {
    name: 'evaluate',
    synopsis: 'evaluate --hyp <file-or-dir> --ref <file-or-dir> --to <lang> [--tokenize 13a|zh|none] [--format md|json]',
    summary: 'Scores translations with sacreBLEU-exact BLEU and chrF. Text files line by line; Markdown chapters on prose only, ' +
        'paired by structure; directories pair files by relative path, leaving out *_origin.md and listing files on one side only.',
    flags: FLAGS,
    async run(args, output) {
        const parsed = (0,commands_args/* parseCommandArgs */.Qx)(args, OPTIONS);
        if (parsed.positionals.length > 0)
            throw new commands_args/* UsageError */.eb(`unexpected argument '${parsed.positionals[0]}': use --hyp and --ref`);
        const values = renameDeprecatedFlags(parsed.values, FLAGS, (message) => output.stderr(`amts evaluate: ${message}\n`));
        const language = (0,commands_args/* languageFlag */.tY)(values.to, '--to');
        const tokenize = tokenizerOption(values.tokenize, language);
        const format = formatOption(values.format);
        const report = await scorePaths((0,commands_args/* requiredFlag */.SN)(values.hyp, '--hyp'), (0,commands_args/* requiredFlag */.SN)(values.ref, '--ref'), {
            language,
            tokenize,
        });
        for (const line of report.unpaired)
            output.stderr(`amts evaluate: skipped: ${line}\n`);
        output.stdout(formatScoreReport(report, format));
        if (format === 'md')
            output.stdout(pairingNote(report));
        return 0;
    },
};
function tokenizerOption(value, language) {
    if (value === undefined)
        return tokenizerForLanguage(language);
    if (isTokenizerName(value))
        return value;
    throw new commands_args/* UsageError */.eb(`unknown tokenizer '${value}': choose one of ${TOKENIZER_NAMES.join(', ')}`);
}
function formatOption(value) {
    try {
        return parseScoreFormat(value ?? 'md');
    }
    catch (error) {
        throw new commands_args/* UsageError */.eb(error instanceof Error ? error.message : String(error));
    }
}
/** How Markdown prose was paired, so a reader can judge the segments behind the numbers. */
function pairingNote(report) {
    const stats = Object.values(report.pairing);
    if (stats.length === 0)
        return '';
    const total = (key) => stats.reduce((sum, entry) => sum + entry[key], 0);
    return (`Markdown prose only (code, math, labels, inline code and math left out), paired by structure: ` +
        `${total('pairedBlocks')} blocks one to one, ${total('joinedRegions')} regions joined, ` +
        `${total('hypothesisOnly')} hypothesis-only and ${total('referenceOnly')} reference-only segments.\n`);
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./src/engines/aws/settings.ts + 1 modules
var aws_settings = __webpack_require__(2478);
// EXTERNAL MODULE: ./src/language/codes.ts
var codes = __webpack_require__(4148);
;// CONCATENATED MODULE: ./src/config.ts
/**
 * Every input of the GitHub Action, parsed and checked in one place. Everything downstream works
 * with the typed `ActionSettings`, never with raw strings, so a bad input fails before anything
 * is cloned, translated or billed.
 */



const ENGINE_KINDS = ['identity', 'pseudo', 'aws', 'aws-realtime'];
const PARALLEL_DATA_MODES = (/* unused pure expression or super */ null && (['build', 'existing', 'off']));
const PULL_REQUEST_MODES = (/* unused pure expression or super */ null && (['rolling', 'per-source']));
/** A bad input, named the way the workflow file names it. */
class ConfigError extends Error {
    input;
    constructor(input, problem) {
        super(`Input '${input}': ${problem}`);
        this.input = input;
        this.name = 'ConfigError';
    }
}
const REPOSITORY_PART = /^[A-Za-z0-9_.-]+$/;
const GITHUB_LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const TEAM_SLUG = /^[A-Za-z0-9_.-]+$/;
const ORIGIN_SUFFIX = /^[A-Za-z0-9_.-]+$/;
function readSettings(inputs, env) {
    const read = (name) => inputs.getInput(name).trim();
    const sourceLanguage = languageInput('source-language', read('source-language') || 'en');
    const targetLanguage = languageInput('target-language', read('target-language'));
    const jobWaitMinutes = positiveIntegerInput('job-wait-minutes', read('job-wait-minutes')) ?? 300;
    return {
        sourceLanguage,
        targetLanguage,
        sourcePath: path.resolve(env.GITHUB_WORKSPACE || process.cwd(), read('source-path')),
        targetRepository: repositoryInput('target-repo', read('target-repo')),
        targetBranch: branchInput('target-branch', read('target-branch') || 'main'),
        targetToken: read('target-token'),
        sourceToken: read('source-token'),
        include: includeInput(read('include')),
        base: baseInput(read('origin-suffix'), read('state-file')),
        newChapters: newChaptersInput(read('new-chapters') || 'draft'),
        engine: {
            kind: engineInput(read('engine') || 'aws'),
            sourceLanguage,
            targetLanguage,
            jobWaitMinutes,
            aws: {
                region: optional(read('aws-region')),
                s3Bucket: optional(read('s3-bucket')),
                s3Prefix: read('s3-prefix').replace(/\/+$/, '') || 'amts',
                dataAccessRoleArn: optional(read('data-access-role-arn')),
                ...parallelDataInputs(read('parallel-data'), read('parallel-data-name'), read('parallel-data-file')),
                terminologyName: optional(read('terminology-name')),
                terminologyFile: optional(read('terminology-file')),
                kmsKeyId: optional(read('kms-key-id')),
                formality: formalityInput(read('formality')),
                profanity: booleanInput('profanity', read('profanity'), false),
            },
        },
        maxCharacters: positiveIntegerInput('max-characters', read('max-characters')),
        labels: listInput(read('labels')),
        reviewers: namesInput('reviewers', read('reviewers'), GITHUB_LOGIN),
        teamReviewers: namesInput('team-reviewers', read('team-reviewers'), TEAM_SLUG),
        draft: booleanInput('draft', read('draft'), false),
        reviewComments: booleanInput('review-comments', read('review-comments'), false),
        dryRun: booleanInput('dry-run', read('dry-run'), false),
        pullRequestMode: pullRequestModeInput(read('pull-request-mode') || 'rolling'),
        statusIssue: booleanInput('status-issue', read('status-issue'), false),
        githubApiUrl: urlInput('github-api-url', read('github-api-url') || env.GITHUB_API_URL || 'https://api.github.com'),
        rateLimitWaitSeconds: positiveIntegerInput('rate-limit-wait-seconds', read('rate-limit-wait-seconds')) ?? 600,
        githubServerUrl: urlInput('github-server-url', read('github-server-url') || env.GITHUB_SERVER_URL || 'https://github.com'),
        workDirectory: path.resolve(env.RUNNER_TEMP || path.join(process.cwd(), '.amts-work')),
        pairsCacheDirectory: read('cache-dir')
            ? path.resolve(env.GITHUB_WORKSPACE || process.cwd(), read('cache-dir'))
            : undefined,
    };
}
function parallelDataInputs(mode, name, file) {
    const parallelData = PARALLEL_DATA_MODES.find((candidate) => candidate === (mode || 'build'));
    if (!parallelData)
        throw new ConfigError('parallel-data', `'${mode}' is not one of ${PARALLEL_DATA_MODES.join(', ')}`);
    if (parallelData !== 'build' && file)
        throw new ConfigError('parallel-data-file', `is a file to build the resource from; it needs parallel-data: build, not ${parallelData}`);
    if (file && (path.isAbsolute(file) || file.split(/[\\/]/).includes('..')))
        throw new ConfigError('parallel-data-file', `'${file}' must be a path inside the translation repository`);
    return { parallelData, parallelDataName: optional(name), parallelDataFile: optional(file) };
}
/** Splits a list input on newlines and commas, dropping blanks. */
function listInput(value) {
    return value
        .split(/[\n,]/)
        .map((item) => item.trim())
        .filter((item) => item.length > 0);
}
function optional(value) {
    return value.length > 0 ? value : undefined;
}
/** One of the codes Amazon Translate accepts (src/language/codes.ts), spelled as Translate spells it. */
function languageInput(input, value) {
    if (!value)
        throw new ConfigError(input, 'is required (a language code Amazon Translate accepts, such as zh or pt)');
    const problem = languageCodeProblem(value);
    if (problem !== undefined)
        throw new ConfigError(input, problem);
    return translateLanguageCode(value) ?? value;
}
function newChaptersInput(value) {
    const choice = NEW_CHAPTERS.find((candidate) => candidate === value);
    if (!choice)
        throw new ConfigError('new-chapters', `'${value}' is not one of ${NEW_CHAPTERS.join(', ')}`);
    return choice;
}
function pullRequestModeInput(value) {
    const mode = PULL_REQUEST_MODES.find((candidate) => candidate === value);
    if (!mode)
        throw new ConfigError('pull-request-mode', `'${value}' is not one of ${PULL_REQUEST_MODES.join(', ')}`);
    return mode;
}
function repositoryInput(input, value) {
    const parts = value.split('/');
    const [owner, name] = parts;
    if (parts.length !== 2 || !owner || !name || !REPOSITORY_PART.test(owner) || !REPOSITORY_PART.test(name)) {
        throw new ConfigError(input, `'${value}' is not a repository in the form owner/name`);
    }
    if (name === '.' || name === '..')
        throw new ConfigError(input, `'${value}' is not a repository name`);
    return { owner, name };
}
/** The subset of `git check-ref-format` rules that matter for a branch typed in a workflow. */
function branchInput(input, value) {
    const invalid = value.startsWith('-') ||
        value.startsWith('/') ||
        value.endsWith('/') ||
        value.endsWith('.lock') ||
        value.endsWith('.') ||
        value.includes('..') ||
        value.includes('//') ||
        value.includes('@{') ||
        /[\s~^:?*[\\\p{Cc}]/u.test(value);
    if (invalid)
        throw new ConfigError(input, `'${value}' is not a valid branch name`);
    return value;
}
function includeInput(value) {
    const globs = listInput(value);
    for (const glob of globs) {
        if (glob.startsWith('/') || glob.split('/').includes('..')) {
            throw new ConfigError('include', `'${glob}' must be relative to the source checkout and stay inside it`);
        }
        if (glob.split('/')[0] === '.github') {
            throw new ConfigError('include', `'${glob}' points into .github/, which is never synchronized`);
        }
    }
    return globs.length > 0 ? globs : ['**/*.md'];
}
function baseInput(originSuffix, stateFile) {
    if (originSuffix && stateFile) {
        throw new ConfigError('state-file', 'give either origin-suffix or state-file, not both');
    }
    if (stateFile) {
        if (path.isAbsolute(stateFile) || stateFile.split(/[\\/]/).includes('..')) {
            throw new ConfigError('state-file', `'${stateFile}' must be a path inside the target repository`);
        }
        return { kind: 'state-file', path: stateFile };
    }
    const suffix = originSuffix || '_origin';
    if (!ORIGIN_SUFFIX.test(suffix)) {
        throw new ConfigError('origin-suffix', `'${suffix}' may only contain letters, digits, '.', '_' and '-'`);
    }
    return { kind: 'origin-suffix', suffix };
}
function engineInput(value) {
    const kind = ENGINE_KINDS.find((candidate) => candidate === value);
    if (!kind)
        throw new ConfigError('engine', `'${value}' is not one of ${ENGINE_KINDS.join(', ')}`);
    return kind;
}
function formalityInput(value) {
    if (!value)
        return undefined;
    const upper = value.toUpperCase();
    if (upper === 'FORMAL' || upper === 'INFORMAL')
        return upper;
    throw new ConfigError('formality', `'${value}' is not FORMAL or INFORMAL`);
}
function booleanInput(input, value, fallback) {
    if (!value)
        return fallback;
    const lower = value.toLowerCase();
    if (['true', 'yes', 'on', '1'].includes(lower))
        return true;
    if (['false', 'no', 'off', '0'].includes(lower))
        return false;
    throw new ConfigError(input, `'${value}' is not true or false`);
}
function positiveIntegerInput(input, value) {
    if (!value)
        return undefined;
    const number = Number(value.replace(/_/g, ''));
    if (!Number.isSafeInteger(number) || number <= 0) {
        throw new ConfigError(input, `'${value}' is not a positive whole number`);
    }
    return number;
}
function namesInput(input, value, pattern) {
    const names = listInput(value).map((name) => name.replace(/^@/, ''));
    for (const name of names) {
        if (!pattern.test(name))
            throw new ConfigError(input, `'${name}' is not a valid GitHub name`);
    }
    return names;
}
function urlInput(input, value) {
    try {
        const url = new URL(value);
        if (!['https:', 'http:', 'file:'].includes(url.protocol))
            throw new Error(url.protocol);
    }
    catch {
        throw new ConfigError(input, `'${value}' is not an http(s) or file URL`);
    }
    return value.replace(/\/+$/, '');
}

// EXTERNAL MODULE: ./src/engines/pseudo.ts
var pseudo = __webpack_require__(9449);
;// CONCATENATED MODULE: ./src/engines/identity.ts

function createIdentityEngine() {
    return {
        name: 'identity',
        translate(request) {
            const units = new Map(request.units.map((unit) => [unit.id, unit.html]));
            const sentCharacters = request.units.reduce((total, unit) => total + (0,pseudo/* countTranslatableCharacters */.h9)(unit.html), 0);
            return Promise.resolve({ units, failed: [], billedCharacters: 0, sentCharacters });
        },
    };
}

;// CONCATENATED MODULE: ./src/engines/createEngine.ts
/**
 * The one place engines are built from settings, for the Action, the CLI commands and the
 * experiment alike. AWS settings are layered: `AMTS_AWS_*` environment variables underneath, the
 * caller's explicit settings (Action inputs or CLI flags) on top; then everything is validated
 * before a client is created, so a typo fails before anything is uploaded or billed.
 */






/** Engines that run offline, with no settings. The AWS engines are built from their own settings. */
const OFFLINE_ENGINES = ['identity', 'pseudo'];
function isOfflineEngine(name) {
    return OFFLINE_ENGINES.includes(name);
}
function createOfflineEngine(name) {
    return name === 'identity' ? createIdentityEngine() : (0,pseudo/* createPseudoEngine */.pw)();
}

function isEngineKind(name) {
    return ENGINE_KINDS.includes(name);
}
/** An engine that knows its list price (`OpenEngine`), as opposed to a bare `TranslationEngine`. */
function listPriceOf(engine) {
    return 'pricePerMillionUsd' in engine && typeof engine.pricePerMillionUsd === 'number'
        ? engine.pricePerMillionUsd
        : undefined;
}
const SETTING_NAMES = {
    region: { input: 'aws-region', flag: '--aws-region', env: 'AMTS_AWS_REGION' },
    bucket: { input: 's3-bucket', flag: '--s3-bucket', env: 'AMTS_AWS_BUCKET' },
    prefix: { input: 's3-prefix', flag: '--s3-prefix', env: 'AMTS_AWS_PREFIX' },
    dataAccessRoleArn: { input: 'data-access-role-arn', flag: '--data-access-role-arn', env: 'AMTS_AWS_ROLE_ARN' },
    parallelDataName: { input: 'parallel-data-name', flag: '--parallel-data-name', env: 'AMTS_AWS_PARALLEL_DATA_NAME' },
    parallelDataFile: { input: 'parallel-data-file', flag: '--parallel-data-file', env: 'AMTS_AWS_PARALLEL_DATA_FILE' },
    terminologyName: { input: 'terminology-name', flag: '--terminology-name', env: 'AMTS_AWS_TERMINOLOGY_NAME' },
    terminologyFile: { input: 'terminology-file', flag: '--terminology-file', env: 'AMTS_AWS_TERMINOLOGY_FILE' },
    kmsKeyId: { input: 'kms-key-id', flag: '--kms-key-id', env: 'AMTS_AWS_KMS_KEY_ID' },
    formality: { input: 'formality', flag: '--formality', env: 'AMTS_AWS_FORMALITY' },
    profanity: { input: 'profanity', flag: '--profanity', env: 'AMTS_AWS_PROFANITY' },
    maxCharacters: { flag: '--max-characters', env: 'AMTS_AWS_MAX_CHARACTERS' },
    jobDeadlineSeconds: {
        input: 'job-wait-minutes',
        flag: '--job-wait-minutes',
        env: 'AMTS_AWS_JOB_DEADLINE_SECONDS',
    },
    keepS3Objects: { flag: '--keep-s3-objects', env: 'AMTS_AWS_KEEP_S3_OBJECTS' },
    endpoint: { env: 'AMTS_AWS_ENDPOINT' },
    s3Endpoint: { env: 'AMTS_AWS_S3_ENDPOINT' },
    translateEndpoint: { env: 'AMTS_AWS_TRANSLATE_ENDPOINT' },
    pollIntervalSeconds: { env: 'AMTS_AWS_POLL_INTERVAL_SECONDS' },
};
/** "action input s3-bucket, flag --s3-bucket or AMTS_AWS_BUCKET" for a setting's key. */
function describeAwsSetting(setting) {
    const names = SETTING_NAMES[setting.replace(/\..*$/u, '')];
    if (!names)
        return setting;
    const ways = [
        ...(names.input ? [`action input ${names.input}`] : []),
        ...(names.flag ? [`flag ${names.flag}`] : []),
        names.env,
    ];
    return `${ways.slice(0, -1).join(', ')} or ${ways.at(-1) ?? ''}`;
}
/** A missing or bad AWS setting, named by its key and by the ways a user sets it. */
class EngineSettingsError extends Error {
    setting;
    constructor(setting, problem) {
        super(`AWS setting ${setting} (${describeAwsSetting(setting)}): ${problem}`);
        this.setting = setting;
        this.name = 'EngineSettingsError';
    }
}
/** Several required settings missing at once: all of them named in one message, so one run shows what to set. */
class MissingAwsSettingsError extends EngineSettingsError {
    settings;
    constructor(settings, engine) {
        super(settings.join(', '), `is required by the ${engine} engine`);
        this.settings = settings;
        this.message =
            `AWS settings required by the ${engine} engine are missing: ` +
                settings.map((setting) => `${setting} (${describeAwsSetting(setting)})`).join('; ');
        this.name = 'MissingAwsSettingsError';
    }
}
/** The settings each engine mode cannot do without; validation catches the rest. */
const REQUIRED = {
    batch: ['region', 'bucket', 'dataAccessRoleArn'],
    realtime: ['region'],
};
/** Drops unset settings, so a layer underneath shows through. */
function definedEntries(value) {
    return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined));
}
/**
 * Environment underneath, explicit settings on top, checked for the mode. Throws
 * `EngineSettingsError` naming the first missing or bad setting.
 */
function resolveAwsSettings(mode, explicit, env = process.env) {
    let merged;
    try {
        merged = { ...(0,aws_settings/* readAwsSettingsFromEnvironment */.IP)(env), ...definedEntries(explicit) };
    }
    catch (error) {
        throw asEngineSettingsError(error);
    }
    const engine = mode === 'batch' ? 'aws' : 'aws-realtime';
    const missing = REQUIRED[mode].filter((setting) => merged[setting] === undefined || merged[setting] === '');
    const [only] = missing;
    if (missing.length === 1 && only !== undefined)
        throw new EngineSettingsError(only, `is required by the ${engine} engine`);
    if (missing.length > 1)
        throw new MissingAwsSettingsError(missing, engine);
    try {
        return (0,aws_settings/* validateAwsSettings */.Nu)({ ...merged, region: merged.region ?? '' }, mode);
    }
    catch (error) {
        throw asEngineSettingsError(error);
    }
}
function asEngineSettingsError(error) {
    if (!(error instanceof aws_settings/* AwsSettingsError */.lb))
        return error;
    const setting = settingKeyOf(error.setting);
    const problem = error.message.replace(/^Invalid AWS setting "[^"]*": /u, '');
    return new EngineSettingsError(setting, problem);
}
/** The environment reader names variables (`AMTS_AWS_BUCKET`); errors name setting keys. */
function settingKeyOf(setting) {
    const byVariable = Object.entries(SETTING_NAMES).find(([, names]) => names.env === setting);
    return byVariable ? byVariable[0] : setting;
}
/**
 * The adapter between the Action's `AwsSettings` (config.ts) and the engines' settings: prefix
 * without its slash, profanity as a switch, the job wait in minutes. Unset inputs stay undefined
 * so `AMTS_AWS_*` variables can fill them.
 */
function awsSettingsFromAction(engine) {
    const aws = engine.aws;
    return definedEntries({
        region: aws.region,
        bucket: aws.s3Bucket,
        prefix: normalizePrefix(aws.s3Prefix),
        dataAccessRoleArn: aws.dataAccessRoleArn,
        parallelDataName: aws.parallelDataName,
        parallelDataFile: aws.parallelDataFile,
        terminologyName: aws.terminologyName,
        terminologyFile: aws.terminologyFile,
        kmsKeyId: aws.kmsKeyId,
        formality: aws.formality,
        profanity: aws.profanity ? 'MASK' : undefined,
        jobDeadlineSeconds: engine.jobWaitMinutes * 60,
    });
}
/** `amts`, `amts/` and `amts//` all mean the folder `amts/`; '' is the bucket's root. */
function normalizePrefix(prefix) {
    const trimmed = prefix.trim().replace(/\/+$/u, '');
    return trimmed === '' ? '' : `${trimmed}/`;
}
/**
 * The Action's engine factory (`EngineFactory` in src/github/publish.ts). `job-wait-minutes`
 * always has a value, so `AMTS_AWS_JOB_DEADLINE_SECONDS`, when set, is the finer-grained override
 * of it (self-hosted runners, tests).
 */
function createEngine(request, context = {}) {
    const env = context.env ?? process.env;
    const { jobDeadlineSeconds, ...fromInputs } = awsSettingsFromAction(request);
    const deadlineFromEnvironment = Boolean(env['AMTS_AWS_JOB_DEADLINE_SECONDS']?.trim());
    const chosen = request.parallelData;
    const parallelData = chosen === undefined
        ? {}
        : chosen === 'off'
            ? { parallelDataName: undefined, parallelDataFile: undefined }
            : { parallelDataName: chosen.name, parallelDataFile: chosen.file };
    return openEngine({
        kind: request.kind,
        aws: {
            ...(deadlineFromEnvironment ? fromInputs : { ...fromInputs, jobDeadlineSeconds }),
            ...parallelData,
        },
        ...(request.resumeJobId ? { resumeJobId: request.resumeJobId } : {}),
    }, context);
}
/**
 * The list price per million characters an engine of this kind would bill, for a plan that opens no engine: the
 * ACT price whenever a parallel-data resource is named (Translate bills every character of such a job at it), with
 * `AMTS_AWS_PRICE_*` overrides. Offline engines bill nothing.
 */
function listPricePerMillion(kind, parallelDataName, env = process.env) {
    if (isOfflineEngine(kind))
        return 0;
    let prices = aws_settings/* DEFAULT_PRICE_PER_MILLION */.bE;
    try {
        prices = (0,aws_settings/* readAwsSettingsFromEnvironment */.IP)(env).pricePerMillion ?? aws_settings/* DEFAULT_PRICE_PER_MILLION */.bE;
    }
    catch {
        // A bad variable elsewhere is reported when the engine is opened; the estimate uses the list price.
    }
    return kind === 'aws' && parallelDataName !== undefined ? prices.act : prices.standard;
}
/**
 * What a dry run plans with: the offline identity engine (nothing is sent), priced as the engine the run would use.
 * With `check`, the AWS settings are resolved first, naming every missing one, so the plan proves the real run can start.
 */
function planningEngine(spec, options) {
    const env = options.env ?? process.env;
    let parallelDataName = spec.aws?.parallelDataName ?? (env['AMTS_AWS_PARALLEL_DATA_NAME']?.trim() || undefined);
    if (options.check && !isOfflineEngine(spec.kind))
        parallelDataName = resolveAwsSettings(spec.kind === 'aws' ? 'batch' : 'realtime', spec.aws ?? {}, env).parallelDataName;
    return {
        ...createIdentityEngine(),
        pricePerMillionUsd: listPricePerMillion(spec.kind, parallelDataName, env),
        close: () => undefined,
    };
}
/** Builds any engine; an AWS engine has its settings checked and its resources prepared first. */
async function openEngine(spec, context = {}) {
    if (isOfflineEngine(spec.kind))
        return { ...createOfflineEngine(spec.kind), pricePerMillionUsd: 0, close: () => undefined };
    const env = context.env ?? process.env;
    const mode = spec.kind === 'aws' ? 'batch' : 'realtime';
    const settings = resolveAwsSettings(mode, spec.aws ?? {}, env);
    await checkFilesReadable(settings);
    // The AWS SDK is loaded only for an AWS engine: offline runs (pairs, pseudo syncs) start without it.
    const { createAwsClients, destroyAwsClients, createAwsRealtimeEngine, createAwsBatchEngine, AwsJobError } = await Promise.all(/* import() */[__webpack_require__.e(643), __webpack_require__.e(213)]).then(__webpack_require__.bind(__webpack_require__, 6213));
    const clients = createAwsClients(settings, context.clientOptions);
    const options = { ...(context.log ? { log: context.log } : {}), ...context.engineOptions };
    const close = () => destroyAwsClients(clients);
    const { act, standard } = settings.pricePerMillion;
    try {
        if (mode === 'realtime')
            return { ...createAwsRealtimeEngine(settings, clients, options), pricePerMillionUsd: standard, close };
        const batch = createAwsBatchEngine(settings, clients, options);
        const resources = await batch.prepareResources();
        const engine = spec.resumeJobId ? resumingEngine(batch, spec.resumeJobId, AwsJobError, options.log) : batch;
        const pricePerMillionUsd = settings.parallelDataName === undefined ? standard : act;
        const parallelData = resources.parallelData ? { parallelData: resources.parallelData } : {};
        return { name: engine.name, translate: engine.translate, pricePerMillionUsd, close, ...parallelData };
    }
    catch (error) {
        close();
        throw error;
    }
}
async function checkFilesReadable(settings) {
    for (const setting of ['parallelDataFile', 'terminologyFile']) {
        const file = settings[setting];
        if (file === undefined)
            continue;
        await (0,promises_.access)(file).catch((error) => {
            throw new EngineSettingsError(setting, `"${file}" cannot be read: ${(0,errors/* describeError */.Uc)(error)}`);
        });
    }
}
const SETTLED_STATUSES = new Set(['COMPLETED', 'COMPLETED_WITH_ERROR', 'FAILED', 'STOPPED']);
/**
 * Collects the job an earlier run left running instead of starting another. Units the job did not
 * cover (the English moved since) go to a new job; a job that ended without usable output is
 * replaced by a new one, since handing it over again would wait for it forever.
 */
function resumingEngine(batch, jobId, jobError, log = () => undefined) {
    async function collect() {
        try {
            return await batch.collectJob(jobId);
        }
        catch (error) {
            if (!(error instanceof jobError) || !SETTLED_STATUSES.has(error.status))
                throw error;
            log(`Amazon Translate job ${jobId} gave no usable result (${error.message}); starting a new job`);
            return undefined;
        }
    }
    async function translate(request) {
        const collected = await collect();
        if (!collected)
            return batch.translate(request);
        const settled = new Set([...collected.units.keys(), ...collected.failed.map((failure) => failure.id)]);
        const missing = request.units.filter((unit) => !settled.has(unit.id));
        if (missing.length === 0)
            return collected;
        log(`job ${jobId} covered ${request.units.length - missing.length} of ${request.units.length} units; translating the rest`);
        const fresh = await batch.translate({ ...request, units: missing });
        return {
            units: new Map([...collected.units, ...fresh.units]),
            failed: [...collected.failed, ...fresh.failed],
            billedCharacters: collected.billedCharacters + fresh.billedCharacters,
            sentCharacters: collected.sentCharacters + fresh.sentCharacters,
            jobIds: [...(collected.jobIds ?? []), ...(fresh.jobIds ?? [])],
        };
    }
    return { name: batch.name, translate };
}

// EXTERNAL MODULE: ./src/align/buildPairs.ts + 12 modules
var buildPairs = __webpack_require__(4922);
;// CONCATENATED MODULE: ./src/experiment/book.ts
/**
 * A translated book as the experiment sees it: every chapter that has its original next to it (`X_origin.md` beside
 * `X.md`, as d2l-zh keeps them), parsed once, with its original→translation alignment computed on first use.
 */






/** Finds and parses every chapter with an original beside it. */
async function loadBook(directory, options) {
    const suffix = `${options.originSuffix ?? '_origin'}.md`;
    const originPaths = await originFilesUnder(directory, suffix);
    if (originPaths.length === 0)
        throw new errors/* InputError */.dz(directory, `holds no chapter with an original (*${suffix})`);
    const chapters = await Promise.all(originPaths.map(async (originPath) => {
        const translationPath = `${originPath.slice(0, -suffix.length)}.md`;
        const [origin, translation] = await Promise.all([
            readChapter(directory, originPath),
            readChapter(directory, translationPath).catch((error) => {
                throw new errors/* InputError */.dz((0,external_node_path_.join)(directory, translationPath), `missing translation of ${originPath}: ${String(error)}`);
            }),
        ]);
        let alignment;
        return {
            name: originPath.slice(0, -suffix.length),
            originPath,
            translationPath,
            origin,
            translation,
            alignment: () => (alignment ??= (0,buildPairs/* alignDocuments */.iK)(origin, translation, {
                sourceLanguage: options.originLanguage,
                targetLanguage: options.translationLanguage,
            })),
        };
    }));
    return {
        directory,
        originLanguage: options.originLanguage,
        translationLanguage: options.translationLanguage,
        chapters,
    };
}
async function originFilesUnder(directory, suffix) {
    const entries = await (0,promises_.readdir)(directory, { withFileTypes: true, recursive: true }).catch(() => {
        throw new errors/* InputError */.dz(directory, 'is not a readable directory');
    });
    return entries
        .filter((entry) => entry.isFile() && entry.name.endsWith(suffix))
        .map((entry) => (0,external_node_path_.relative)(directory, (0,external_node_path_.join)(entry.parentPath, entry.name)).split(external_node_path_.sep))
        .filter((parts) => !parts.some((part) => part.startsWith('.') || part === 'node_modules'))
        .map((parts) => parts.join('/'))
        .sort();
}
async function readChapter(directory, relativePath) {
    const path = (0,external_node_path_.join)(directory, relativePath);
    return (0,parseMarkdown/* parseMarkdown */.D)(await (0,readMarkdownFile/* readMarkdownFile */._$)(path), relativePath);
}
/**
 * The chapters named on the command line: a full name (`chapter_rnn/bptt`), a base name (`bptt`) or either with
 * `.md` or the origin suffix. A base name must name exactly one chapter.
 */
function selectChapters(book, requested, originSuffix = '_origin') {
    if (requested.length === 0)
        throw new errors/* InputError */.dz(book.directory, 'no chapter named to evaluate');
    const selected = requested.map((request) => {
        const wanted = request
            .trim()
            .replace(/\.md$/u, '')
            .replace(new RegExp(`${escapeRegExp(originSuffix)}$`, 'u'), '');
        const matches = book.chapters.filter((chapter) => chapter.name === wanted || chapter.name.endsWith(`/${wanted}`));
        if (matches.length === 1 && matches[0] !== undefined)
            return matches[0];
        throw new errors/* InputError */.dz(book.directory, matches.length === 0
            ? `no chapter "${request}" with an original (*${originSuffix}.md)`
            : `chapter "${request}" is ambiguous: ${matches.map((chapter) => chapter.name).join(', ')}`);
    });
    const names = new Set(selected.map((chapter) => chapter.name));
    if (names.size !== selected.length)
        throw new errors/* InputError */.dz(book.directory, 'a chapter is named twice in --chapters');
    return selected;
}
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

// EXTERNAL MODULE: ./src/io/writeFileAtomic.ts
var writeFileAtomic = __webpack_require__(3084);
;// CONCATENATED MODULE: ./src/experiment/engineFactories.ts
/**
 * Engines for the experiment. Offline engines ignore parallel data (they test the harness, not ACT). The AWS
 * factory gives each configuration its own parallel-data resource, named after direction and granularity, created
 * or updated from the configuration's CSV by the batch engine itself (settings parallelDataName/parallelDataFile).
 */




function offlineExperimentEngines(name) {
    return () => createOfflineEngine(name);
}
function parallelDataResourceName(prefix, config) {
    const data = config.parallelData;
    return data === undefined
        ? undefined
        : `${prefix}-${config.sourceLanguage}-${config.targetLanguage}-${data.granularity}`;
}
function awsExperimentEngines(options) {
    return async (config) => {
        const { createAwsBatchEngine } = await Promise.all(/* import() */[__webpack_require__.e(643), __webpack_require__.e(213)]).then(__webpack_require__.bind(__webpack_require__, 6213));
        const base = { ...options.settings, parallelDataName: undefined, parallelDataFile: undefined };
        const name = parallelDataResourceName(options.parallelDataPrefix, config);
        if (name === undefined || config.parallelData === undefined) {
            return createAwsBatchEngine((0,aws_settings/* validateAwsSettings */.Nu)(base, 'batch'), options.clients, options.engineOptions);
        }
        const file = (0,external_node_path_.join)(options.workDirectory, `${name}.csv`);
        await (0,writeFileAtomic/* writeFileAtomic */.Z)(file, config.parallelData.csv);
        const settings = (0,aws_settings/* validateAwsSettings */.Nu)({ ...base, parallelDataName: name, parallelDataFile: file }, 'batch');
        return createAwsBatchEngine(settings, options.clients, options.engineOptions);
    };
}

;// CONCATENATED MODULE: ./src/markdown/escapeHtml.ts
/**
 * Escapes text for an HTML text node. `<` and `>` are always escaped: Amazon Translate corrupts a
 * `translate="no"` span that a stray `<` stands right before.
 */
function escapeHtml(text) {
    return text.replace(/[&<>]/g, (character) => (character === '&' ? '&amp;' : character === '<' ? '&lt;' : '&gt;'));
}

;// CONCATENATED MODULE: ./src/markdown/renderUnitHtml.ts

const OPEN_TAG = {
    em: 'em',
    strong: 'strong',
    del: 'del',
    a: 'a',
    slide: 'span class="slide"',
};
const CLOSE_TAG = { em: 'em', strong: 'strong', del: 'del', a: 'a', slide: 'span' };
/**
 * Renders a unit's tokens as the inner HTML Amazon Translate receives: words as text, markup as
 * elements whose `data-m` names the marker pair, protected pieces as `translate="no"` spans whose
 * `data-p` is their position among the unit's protected tokens, line breaks as newlines.
 * Markup whose partner lies outside `tokens` (a sentence cut from a paragraph) is protected instead.
 */
function renderUnitHtml(tokens) {
    const paired = pairedMarkup(tokens);
    let html = '';
    let protectedIndex = 0;
    for (const token of tokens) {
        if (token.kind === 'text')
            html += escapeHtml(token.source);
        else if (token.kind === 'break')
            html += '\n';
        else if (token.kind === 'protected' || !paired.has(token.pair)) {
            html += `<span translate="no" data-p="${protectedIndex}">${escapeHtml(token.source)}</span>`;
            protectedIndex += 1;
        }
        else if (token.kind === 'open')
            html += `<${OPEN_TAG[token.tag]} data-m="${token.pair}">`;
        else
            html += `</${CLOSE_TAG[token.tag]}>`;
    }
    return html;
}
/** Pair ids whose opener and closer are both in `tokens`, opener first. */
function pairedMarkup(tokens) {
    const opened = new Set();
    const paired = new Set();
    for (const token of tokens) {
        if (token.kind === 'open')
            opened.add(token.pair);
        else if (token.kind === 'close' && opened.has(token.pair))
            paired.add(token.pair);
    }
    return paired;
}

// EXTERNAL MODULE: ./node_modules/htmlparser2/dist/index.js + 1 modules
var dist = __webpack_require__(610);
;// CONCATENATED MODULE: ./src/markdown/restoreUnitHtml.ts


/** A translation that cannot be put back without losing protected content. */
class RestoreError extends Error {
    constructor(message) {
        super(message);
        this.name = 'RestoreError';
    }
}
/**
 * Turns the translated inner HTML of a unit back into Markdown. Protected pieces and markup come
 * from the original tokens by id, never from what the engine returned, so a reordered span, an
 * attribute re-quoted or an entity rewritten changes nothing; a missing or repeated id is an error.
 */
function restoreUnitHtml(tokens, html) {
    const pieces = piecesOf(tokens);
    const usedProtected = new Set();
    const usedPairs = new Set();
    let breakIndex = 0;
    const nextBreak = () => {
        const source = pieces.breaks[breakIndex] ?? pieces.breaks[pieces.breaks.length - 1] ?? ' ';
        breakIndex += 1;
        return source;
    };
    let markdown = '';
    let lastWasPiece = false;
    let openJustEmitted = '';
    /**
     * Engines drop the space between tags, which can fuse two pieces into other Markdown: `$a$ $b$`
     * into `$a$$b$`, `*a* *b*` into `*a**b*`. A space goes back where two pieces that were not
     * neighbours in the source would fuse.
     */
    let lastPieceKind = 'protected';
    const emitPiece = (piece, originalNeighbour, kind) => {
        const fused = lastWasPiece && fuses(markdown, piece, lastPieceKind, kind);
        if (!originalNeighbour && (fused || (lastWasBareUrl && extendsBareUrl(piece))))
            markdown += ' ';
        lastPieceKind = kind;
        lastWasBareUrl = false;
        openJustEmitted = '';
        markdown += piece;
        lastWasPiece = true;
    };
    let lastWasBareUrl = false;
    const emitText = (raw) => {
        let text = raw;
        if (openJustEmitted && /^[ \t]/.test(text)) {
            // Emphasis must touch its words: the space an engine put inside the opener goes before it.
            const space = /^[ \t]+/.exec(text)?.[0] ?? '';
            markdown = markdown.slice(0, -openJustEmitted.length) + space + openJustEmitted;
            text = text.slice(space.length);
        }
        openJustEmitted = '';
        if (text === '')
            return;
        if ((lastWasPiece && fuses(markdown, text, lastPieceKind, 'text')) || (lastWasBareUrl && extendsBareUrl(text)))
            markdown += ' ';
        lastWasBareUrl = false;
        markdown += text;
        lastWasPiece = false;
    };
    let previousPiece = '';
    const restore = (nodes) => {
        for (const node of nodes) {
            if (node.type === 'text') {
                emitText(node.data.replace(/\r?\n/g, nextBreak));
                previousPiece = '';
            }
            else if (node.type === 'tag') {
                restoreElement(node.attribs, node.children);
            }
            // Comments and processing instructions an engine might add carry no text.
        }
    };
    const restoreElement = (attributes, children) => {
        const protectedId = attributes['data-p'];
        if (protectedId !== undefined) {
            const key = `p${protectedId}`;
            const source = takeOnce(Number(protectedId), usedProtected, pieces.protectedSources, 'protected span');
            emitPiece(source, pieces.neighbours.has(`${previousPiece}>${key}`), 'protected');
            lastWasBareUrl = /^(?:https?:\/\/|www\.)\S+$/.test(source);
            previousPiece = key;
            return;
        }
        const pairId = attributes['data-m'];
        if (pairId === undefined) {
            restore(children);
            return;
        }
        const pair = Number(pairId);
        const open = pieces.opens.get(pair);
        const close = pieces.closes.get(pair);
        if (open === undefined || close === undefined)
            throw new RestoreError(`unknown markup id data-m="${pairId}"`);
        if (usedPairs.has(pair))
            throw new RestoreError(`markup data-m="${pairId}" appears twice`);
        usedPairs.add(pair);
        emitPiece(open, pieces.neighbours.has(`${previousPiece}>o${pair}`), 'open');
        openJustEmitted = pieces.opensBeforeSpace.has(pair) ? '' : open;
        previousPiece = `o${pair}`;
        restore(children);
        openJustEmitted = '';
        // Likewise the space an engine put before the closer goes after it.
        const space = /[ \t]+$/.exec(markdown)?.[0] ?? '';
        const hadSpaceInside = space !== '' && !pieces.closesAfterSpace.has(pair);
        if (hadSpaceInside)
            markdown = markdown.slice(0, -space.length);
        emitPiece(close, pieces.neighbours.has(`${previousPiece}>c${pair}`), 'close');
        if (hadSpaceInside) {
            markdown += space;
            lastWasPiece = false;
        }
        previousPiece = `c${pair}`;
    };
    restore((0,dist/* parseDocument */.Tp)(html, { decodeEntities: true }).children);
    const missingProtected = pieces.protectedSources.findIndex((_, index) => !usedProtected.has(index));
    if (missingProtected !== -1) {
        throw new RestoreError(`protected span data-p="${missingProtected}" (${pieces.protectedSources[missingProtected]}) is missing`);
    }
    const missingPair = [...pieces.opens.keys()].find((pair) => !usedPairs.has(pair));
    if (missingPair !== undefined)
        throw new RestoreError(`markup data-m="${missingPair}" is missing`);
    return markdown;
}
function takeOnce(index, used, sources, what) {
    const source = sources[index];
    if (source === undefined)
        throw new RestoreError(`unknown ${what} id ${index}`);
    if (used.has(index))
        throw new RestoreError(`${what} id ${index} appears twice`);
    used.add(index);
    return source;
}
const FUSING_ALWAYS = new Set(['$', '`']);
const FUSING_EMPHASIS = new Set(['*', '_', '~']);
/**
 * Whether writing `after` right behind `before` would change what either means: math or code
 * delimiters running together always do; emphasis delimiters only when a closer meets an opener
 * (`*a**b*`), since closers or openers running together (`***`) still pair as written.
 */
function fuses(before, after, beforeKind, afterKind) {
    const last = before[before.length - 1];
    if (last === undefined || last !== after[0])
        return false;
    if (FUSING_ALWAYS.has(last))
        return true;
    return FUSING_EMPHASIS.has(last) && beforeKind === 'close' && afterKind !== 'close';
}
/** A literal URL runs on until white space: words written right after it would become part of the link. */
function extendsBareUrl(text) {
    if (/^[.,:;!?)\]}'"*_~]*(?:\s|<|$)/u.test(text))
        return false;
    return true;
}
function piecesOf(tokens) {
    const paired = pairedMarkup(tokens);
    const protectedSources = [];
    const opens = new Map();
    const closes = new Map();
    const breaks = [];
    const neighbours = new Set();
    let previous = '';
    let protectedIndex = 0;
    const closesAfterSpace = new Set();
    const opensBeforeSpace = new Set();
    let previousToken;
    for (const token of tokens) {
        if (token.kind === 'close' && /[ \t]$/.test(previousToken?.source ?? ''))
            closesAfterSpace.add(token.pair);
        if (previousToken?.kind === 'open' && /^[ \t]/.test(token.source))
            opensBeforeSpace.add(previousToken.pair);
        previousToken = token;
        const key = token.kind === 'protected' || ((token.kind === 'open' || token.kind === 'close') && !paired.has(token.pair))
            ? `p${protectedIndex++}`
            : token.kind === 'open'
                ? `o${token.pair}`
                : token.kind === 'close'
                    ? `c${token.pair}`
                    : '';
        if (previous && key)
            neighbours.add(`${previous}>${key}`);
        previous = key;
        if (token.kind === 'break')
            breaks.push(token.source);
        else if (token.kind === 'protected' ||
            ((token.kind === 'open' || token.kind === 'close') && !paired.has(token.pair))) {
            protectedSources.push(token.source);
        }
        else if (token.kind === 'open')
            opens.set(token.pair, token.source);
        else if (token.kind === 'close')
            closes.set(token.pair, token.source);
    }
    return { protectedSources, opens, closes, breaks, neighbours, closesAfterSpace, opensBeforeSpace };
}

;// CONCATENATED MODULE: ./src/translate/translateDocument.ts


/**
 * Translates whole documents in one engine request, so that a batch engine runs one job for a
 * whole tree. Everything outside prose units is copied from the source untouched.
 */
async function translateDocuments(documents, engine, sourceLanguage, targetLanguage) {
    const units = documents.flatMap((document, documentIndex) => document.blocks.flatMap((block, blockIndex) => block.kind === 'prose' && block.tokens
        ? [{ id: unitId(documentIndex, blockIndex), html: renderUnitHtml(block.tokens) }]
        : []));
    const response = await engine.translate({ sourceLanguage, targetLanguage, units });
    const failedById = new Map(response.failed.map((failure) => [failure.id, failure.reason]));
    const translated = documents.map((document, documentIndex) => composeDocument(document, (block, blockIndex) => {
        const id = unitId(documentIndex, blockIndex);
        const failure = failedById.get(id);
        if (failure !== undefined)
            return { failure };
        const html = response.units.get(id);
        return html === undefined ? { failure: 'the engine returned no translation' } : { html };
    }));
    return {
        documents: translated,
        sentCharacters: response.sentCharacters,
        billedCharacters: response.billedCharacters,
        jobIds: response.jobIds ?? [],
    };
}
function composeDocument(document, resultOf) {
    const failures = [];
    let translatedUnits = 0;
    const parts = document.blocks.map((block, blockIndex) => {
        if (block.kind !== 'prose' || !block.tokens)
            return block.source;
        const result = resultOf(block, blockIndex);
        if ('failure' in result) {
            failures.push({ line: block.line, reason: result.failure });
            return block.source;
        }
        try {
            const markdown = restoreUnitHtml(block.tokens, result.html);
            translatedUnits += 1;
            return markdown;
        }
        catch (error) {
            if (!(error instanceof RestoreError))
                throw error;
            failures.push({ line: block.line, reason: error.message });
            return block.source;
        }
    });
    return { path: document.path, text: parts.join(''), translatedUnits, failures };
}
function unitId(documentIndex, blockIndex) {
    return `d${documentIndex}b${blockIndex}`;
}

;// CONCATENATED MODULE: ./src/experiment/leakage.ts
/**
 * Keeps the evaluated chapters out of the parallel data. Every sentence of an evaluated chapter, on either side, is
 * indexed; a training pair with one of them as a whole sentence of a field (fields hold one or more sentences joined
 * by a space, or by nothing in Chinese and Japanese) is removed, and the written file is checked again the same way.
 * "Whole sentence" means the match starts the field or follows a sentence end, and ends the field or ends with a
 * sentence end itself: a heading such as "Summary" shared by every chapter is a leak when it stands alone, but the
 * word "Summary" opening another sentence is not.
 */


const HAS_LETTER = /\p{L}/u;
const KEY_LENGTH = 4;
/** Sentences of every prose block of the documents; sentences without a letter teach no translation and are left out. */
function indexSentences(documents, language) {
    const sentences = new Set();
    for (const document of documents) {
        for (const block of document.blocks) {
            for (const span of (0,buildPairs/* blockSentences */.AJ)(block, language))
                if (HAS_LETTER.test(span.text))
                    sentences.add(span.text);
        }
    }
    const list = [...sentences];
    return { language, sentences: list, find: sentenceMatcher(list, language) };
}
/** Characters a sentence ends with, closing quotes and brackets included (they follow the terminator). */
const SENTENCE_END = /[.!?…。！？．"'”’)\]}」』）】》〉»*_`]$/u;
function startsSentence(text, index) {
    return index === 0 || SENTENCE_END.test(text.slice(0, index).trimEnd());
}
function endsSentence(text, end, needle, spaceless) {
    if (end === text.length)
        return true;
    if (!SENTENCE_END.test(needle))
        return false;
    return spaceless || /\s/u.test(text.charAt(end));
}
/**
 * Finds needles that stand as whole sentences in a text. Needles are bucketed by their first characters, so each
 * position of the text costs one map lookup instead of one comparison per needle.
 */
function sentenceMatcher(needles, language) {
    const spaceless = (0,align_language/* isSpacelessLanguage */.Gz)(language);
    const buckets = new Map();
    for (const needle of needles) {
        const key = needle.slice(0, KEY_LENGTH);
        const bucket = buckets.get(key);
        if (bucket === undefined)
            buckets.set(key, [needle]);
        else
            bucket.push(needle);
    }
    const keyLengths = [...new Set([...buckets.keys()].map((key) => key.length))];
    const wholeSentenceAt = (text, index, needle) => text.startsWith(needle, index) &&
        startsSentence(text, index) &&
        endsSentence(text, index + needle.length, needle, spaceless);
    return (text) => {
        for (let index = 0; index < text.length; index += 1) {
            for (const length of keyLengths) {
                const found = buckets
                    .get(text.slice(index, index + length))
                    ?.find((needle) => wholeSentenceAt(text, index, needle));
                if (found !== undefined)
                    return found;
            }
        }
        return undefined;
    };
}

// EXTERNAL MODULE: ./src/paralleldata/index.ts + 8 modules
var paralleldata = __webpack_require__(5898);
;// CONCATENATED MODULE: ./src/experiment/parallelData.ts

const GRANULARITIES = (/* unused pure expression or super */ null && (['paragraph', 'sentence']));
class LeakageError extends Error {
    granularity;
    examples;
    constructor(granularity, examples) {
        super(`The ${granularity} parallel data contains sentences of evaluated chapters: ${examples.slice(0, 3).join(' | ')}`);
        this.granularity = granularity;
        this.examples = examples;
        this.name = 'LeakageError';
    }
}
function buildParallelData(training, granularity, direction, guard) {
    const aligned = training.flatMap((chapter) => directedPairs(chapter, granularity, direction));
    const sourceIndex = direction.reverse ? guard.translation : guard.origin;
    const targetIndex = direction.reverse ? guard.origin : guard.translation;
    const clean = aligned.filter((pair) => sourceIndex.find(pair.source) === undefined && targetIndex.find(pair.target) === undefined);
    const languages = { sourceLanguage: direction.sourceLanguage, targetLanguage: direction.targetLanguage };
    const written = (0,paralleldata/* writeParallelData */.p3)(clean, { ...languages, format: 'csv', segType: granularity });
    const leakage = checkLeakage(written.text, granularity, direction, sourceIndex, targetIndex);
    return {
        granularity,
        ...languages,
        csv: written.text,
        aligned: aligned.length,
        removedForLeakage: aligned.length - clean.length,
        written: written.written,
        skipped: written.skipped,
        leakage,
    };
}
function directedPairs(chapter, granularity, direction) {
    const alignment = chapter.alignment();
    const pairs = granularity === 'sentence' ? alignment.pairs : alignment.paragraphPairs;
    return pairs.map((pair) => ({
        source: direction.reverse ? pair.target : pair.source,
        target: direction.reverse ? pair.source : pair.target,
        confidence: pair.confidence,
        origin: {
            file: direction.reverse ? chapter.translationPath : chapter.originPath,
            line: direction.reverse ? pair.targetLine : pair.sourceLine,
        },
    }));
}
/** Reads the written CSV back, as Translate would, and searches every field for an evaluated sentence. */
function checkLeakage(csv, granularity, direction, sourceIndex, targetIndex) {
    const pairs = (0,paralleldata/* readParallelData */.QI)(csv, `${granularity}.csv`, direction);
    const examples = pairs.flatMap((pair) => {
        const found = sourceIndex.find(pair.source) ?? targetIndex.find(pair.target);
        return found === undefined ? [] : [found];
    });
    if (examples.length > 0)
        throw new LeakageError(granularity, examples);
    return {
        checkedPairs: pairs.length,
        evaluatedSourceSentences: sourceIndex.sentences.length,
        evaluatedTargetSentences: targetIndex.sentences.length,
        violations: 0,
    };
}

;// CONCATENATED MODULE: ./src/experiment/runExperiment.ts






const CONFIGURATIONS = ['none', 'paragraph', 'sentence'];
const CONFIGURATION_LABELS = {
    none: 'No parallel data',
    paragraph: 'ACT, paragraph pairs',
    sentence: 'ACT, sentence pairs',
};
async function runExperiment(book, options, engineFactory) {
    const log = options.log ?? (() => undefined);
    const evaluated = new Set(options.chapters.map((chapter) => chapter.name));
    const training = book.chapters.filter((chapter) => !evaluated.has(chapter.name));
    if (training.length === 0)
        throw new Error('every chapter of the book is evaluated: none is left for parallel data');
    const guard = {
        origin: indexSentences(options.chapters.map((chapter) => chapter.origin), book.originLanguage),
        translation: indexSentences(options.chapters.map((chapter) => chapter.translation), book.translationLanguage),
    };
    const directions = experimentDirections(book, options.bothDirections ?? false);
    const artifacts = [];
    const results = [];
    for (const direction of directions) {
        const tag = directionTag(direction);
        log(`${tag}: aligning ${training.length} training chapters`);
        const parallelData = ['paragraph', 'sentence'].map((granularity) => buildParallelData(training, granularity, direction, guard));
        for (const data of parallelData)
            artifacts.push({ path: `parallel-data/${tag}.${data.granularity}.csv`, text: data.csv });
        const configurations = [];
        let signatures;
        for (const configuration of CONFIGURATIONS) {
            const data = parallelData.find((built) => built.granularity === configuration);
            log(`${tag}: translating ${options.chapters.length} chapters, ${CONFIGURATION_LABELS[configuration]}`);
            const engine = await engineFactory({
                sourceLanguage: direction.sourceLanguage,
                targetLanguage: direction.targetLanguage,
                configuration,
                ...(data === undefined
                    ? {}
                    : { parallelData: { granularity: data.granularity, csv: data.csv, pairs: data.written } }),
            });
            const run = await translateAndScore(options.chapters, direction, configuration, engine);
            configurations.push(run.result);
            signatures ??= run.signatures;
            artifacts.push(...run.translations.map((translation) => ({
                ...translation,
                path: `translations/${tag}/${configuration}/${translation.path}`,
            })));
        }
        results.push({
            sourceLanguage: direction.sourceLanguage,
            targetLanguage: direction.targetLanguage,
            tokenize: tokenizerForLanguage(direction.targetLanguage),
            bleuSignature: signatures?.bleuSignature ?? '',
            chrfSignature: signatures?.chrfSignature ?? '',
            parallelData: parallelData.map(({ csv: _csv, ...summary }) => summary),
            configurations,
        });
    }
    return {
        results: {
            book: book.directory,
            evaluatedChapters: options.chapters.map((chapter) => ({
                name: chapter.name,
                origin: chapter.originPath,
                translation: chapter.translationPath,
            })),
            trainingChapters: training.length,
            directions: results,
            rows: resultRows(results),
        },
        artifacts,
    };
}
function experimentDirections(book, bothDirections) {
    const forward = { sourceLanguage: book.originLanguage, targetLanguage: book.translationLanguage, reverse: false };
    const reverse = { sourceLanguage: book.translationLanguage, targetLanguage: book.originLanguage, reverse: true };
    return bothDirections ? [forward, reverse] : [forward];
}
function directionTag(direction) {
    return `${direction.sourceLanguage}-${direction.targetLanguage}`;
}
async function translateAndScore(chapters, direction, configuration, engine) {
    const sources = chapters.map((chapter) => (direction.reverse ? chapter.translation : chapter.origin));
    const references = chapters.map((chapter) => (direction.reverse ? chapter.origin : chapter.translation));
    const batch = await translateDocuments(sources, engine, direction.sourceLanguage, direction.targetLanguage);
    const hypotheses = batch.documents.map((document) => (0,parseMarkdown/* parseMarkdown */.D)(document.text, document.path));
    const report = scoreMarkdownDocuments(chapters.map((chapter, index) => ({
        name: chapter.name,
        hypothesis: hypotheses[index] ?? missing(chapter),
        reference: references[index] ?? missing(chapter),
    })), { language: direction.targetLanguage, tokenize: tokenizerForLanguage(direction.targetLanguage) });
    const chapterScores = report.documents.map((score, index) => ({
        chapter: score.name,
        ...scoreFigures(score),
        pairing: report.pairing[score.name] ?? { pairedBlocks: 0, joinedRegions: 0, hypothesisOnly: 0, referenceOnly: 0 },
        untranslatedUnits: batch.documents[index]?.failures.length ?? 0,
    }));
    return {
        result: {
            configuration,
            label: CONFIGURATION_LABELS[configuration],
            engine: engine.name,
            chapters: chapterScores,
            average: averageOf(chapterScores),
            corpus: { bleu: report.corpus.bleu, chrf: report.corpus.chrf },
            sentCharacters: batch.sentCharacters,
            billedCharacters: batch.billedCharacters,
            jobIds: batch.jobIds,
        },
        signatures: { bleuSignature: report.corpus.bleuSignature, chrfSignature: report.corpus.chrfSignature },
        translations: batch.documents.map((document, index) => ({
            path: (direction.reverse ? chapters[index]?.originPath : chapters[index]?.translationPath) ?? document.path,
            text: document.text,
        })),
    };
}
function missing(chapter) {
    throw new Error(`internal error: no translation of ${chapter.name}`);
}
function scoreFigures(score) {
    return {
        bleu: score.bleu,
        chrf: score.chrf,
        bp: score.bp,
        segments: score.segments,
        sysLen: score.sysLen,
        refLen: score.refLen,
    };
}
function averageOf(scores) {
    const mean = (values) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
    return { bleu: mean(scores.map((score) => score.bleu)), chrf: mean(scores.map((score) => score.chrf)) };
}
function resultRows(directions) {
    return directions.flatMap((direction) => direction.configurations.flatMap((result) => [...result.chapters, { chapter: 'average', ...result.average }].map((score) => ({
        direction: directionTag(direction),
        configuration: result.configuration,
        chapter: score.chapter,
        bleu: score.bleu,
        bleu01: score.bleu / 100,
        chrf: score.chrf,
    }))));
}

;// CONCATENATED MODULE: ./src/experiment/formatResults.ts
/** The experiment's tables as Amazon's study prints them (BLEU on 0–1, chapters and their average), and its JSON. */


const STUDY_BLEU = (score) => `${pythonText_formatFixed(score.bleu / 100, 4)} (${pythonText_formatFixed(score.bleu, 2)})`;
const CHRF = (score) => pythonText_formatFixed(score.chrf, 2);
function row(cells) {
    return `| ${cells.join(' | ')} |`;
}
function chapterLabel(name) {
    return name.split('/').pop() ?? name;
}
function scoreOf(result, chapter) {
    return result?.chapters.find((score) => score.chapter === chapter);
}
function metricTable(direction, metric) {
    const results = CONFIGURATIONS.map((name) => direction.configurations.find((result) => result.configuration === name));
    const chapters = direction.configurations[0]?.chapters.map((score) => score.chapter) ?? [];
    const cell = (score) => (score === undefined ? '–' : metric(score));
    return [
        row(['Chapter', ...CONFIGURATIONS.map((name) => CONFIGURATION_LABELS[name])]),
        row(['---', ...CONFIGURATIONS.map(() => '---:')]),
        ...chapters.map((chapter) => row([chapterLabel(chapter), ...results.map((result) => cell(scoreOf(result, chapter)))])),
        row(['**Average**', ...results.map((result) => `**${cell(result?.average)}**`)]),
        row(['Corpus', ...results.map((result) => cell(result?.corpus))]),
    ];
}
function parallelDataNote(direction) {
    return direction.parallelData.map((data) => `- ${data.granularity} pairs: ${data.written} written of ${data.aligned} aligned ` +
        `(${data.removedForLeakage} removed for sharing a sentence with an evaluated chapter); ` +
        `leakage check: ${data.leakage.violations} of ${data.leakage.checkedPairs} pairs contain any of the ` +
        `${data.leakage.evaluatedSourceSentences} + ${data.leakage.evaluatedTargetSentences} evaluated sentences`);
}
function formatExperimentMarkdown(results) {
    const sections = results.directions.map((direction) => [
        `## ${direction.sourceLanguage} → ${direction.targetLanguage}`,
        '',
        `BLEU on 0–1 as the study prints it (sacreBLEU's 0–100 in parentheses); prose only, engine ${direction.configurations[0]?.engine ?? '?'}.`,
        '',
        ...metricTable(direction, STUDY_BLEU),
        '',
        `chrF2:`,
        '',
        ...metricTable(direction, CHRF),
        '',
        `Parallel data from ${results.trainingChapters} other chapters (${directionTag(direction)}):`,
        '',
        ...parallelDataNote(direction),
        '',
        `BLEU signature: \`${direction.bleuSignature}\``,
        '',
        `chrF2 signature: \`${direction.chrfSignature}\``,
        '',
    ]);
    return `${sections.flat().join('\n')}`;
}
function formatExperimentJson(results) {
    return `${JSON.stringify(results, null, 2)}\n`;
}

;// CONCATENATED MODULE: ./src/experiment/writeOutput.ts



/** `results.json` (chart-ready), `results.md` (the tables), the parallel-data CSVs used and every translation. */
async function writeExperimentOutput(run, directory) {
    const files = [
        { path: 'results.json', text: formatExperimentJson(run.results) },
        { path: 'results.md', text: formatExperimentMarkdown(run.results) },
        ...run.artifacts,
    ];
    for (const file of files)
        await (0,writeFileAtomic/* writeFileAtomic */.Z)((0,external_node_path_.join)(directory, file.path), file.text);
    return files.map((file) => file.path);
}

;// CONCATENATED MODULE: ./src/commands/experimentCli.ts











const experimentCli_OPTIONS = {
    chapters: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    engine: { type: 'string' },
    book: { type: 'string' },
    'origin-suffix': { type: 'string' },
    'both-directions': { type: 'boolean' },
    out: { type: 'string' },
};
const ENGINES = [...OFFLINE_ENGINES, 'aws'];
const experimentCli_FLAGS = {
    chapters: { value: '<a,b,...>', description: 'Chapters to translate and score, by path or name (required)' },
    from: { value: '<lang>', description: 'Language of the origins, a code Amazon Translate accepts (required)' },
    to: { value: '<lang>', description: 'Language of the human translation, a code Amazon Translate accepts (required)' },
    engine: {
        value: `<${ENGINES.join('|')}>`,
        description: 'Engine to translate with; aws reads its settings from AMTS_AWS_* (required)',
    },
    book: { value: '<dir>', description: 'The translated book, origins beside it', default: 'the current directory' },
    'origin-suffix': { value: '<suffix>', description: 'Suffix of the origin files', default: '_origin' },
    'both-directions': { description: 'Also translate the translation back into the origin language', default: 'off' },
    out: { value: '<dir>', description: 'Write results, parallel data and translations here', default: 'stdout only' },
};
const experimentCli = {
    name: 'experiment',
    synopsis: 'experiment --chapters <a,b,...> --from <origin lang> --to <translation lang> --engine <name> [--book <dir>] ' +
        '[--origin-suffix _origin] [--both-directions] [--out <dir>]',
    summary: 'Translates the named chapters without parallel data, with paragraph pairs and with sentence pairs from the ' +
        "rest of the book, and scores each against the book's human translation (BLEU, chrF on prose).",
    flags: experimentCli_FLAGS,
    async run(args, output) {
        const { values, positionals } = (0,commands_args/* parseCommandArgs */.Qx)(args, experimentCli_OPTIONS);
        if (positionals.length > 0)
            throw new commands_args/* UsageError */.eb(`unexpected argument '${positionals[0]}'`);
        const engineName = (0,commands_args/* requiredFlag */.SN)(values.engine, '--engine');
        if (!isOfflineEngine(engineName) && engineName !== 'aws') {
            throw new commands_args/* UsageError */.eb(`unknown engine '${engineName}': choose one of ${ENGINES.join(', ')}`);
        }
        const originSuffix = values['origin-suffix'] ?? '_origin';
        const requested = chapterList((0,commands_args/* requiredFlag */.SN)(values.chapters, '--chapters'));
        const started = performance.now();
        const book = await loadBook(values.book ?? '.', {
            originSuffix,
            originLanguage: (0,commands_args/* languageFlag */.tY)(values.from, '--from'),
            translationLanguage: (0,commands_args/* languageFlag */.tY)(values.to, '--to'),
        });
        const chapters = selectChapters(book, requested, originSuffix);
        const options = {
            chapters,
            bothDirections: values['both-directions'] ?? false,
            log: (message) => output.stderr(`amts experiment: ${message}\n`),
        };
        const run = isOfflineEngine(engineName)
            ? await runExperiment(book, options, offlineExperimentEngines(engineName))
            : await withAwsEngines(values.out, (engines) => runExperiment(book, options, engines));
        output.stdout(formatExperimentMarkdown(run.results));
        await reportOutput(run, values.out, output);
        output.stderr(`amts experiment: done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
        return 0;
    },
};
function chapterList(value) {
    const names = value
        .split(',')
        .map((name) => name.trim())
        .filter((name) => name !== '');
    if (names.length === 0)
        throw new commands_args/* UsageError */.eb('--chapters names no chapter');
    return names;
}
async function reportOutput(run, out, output) {
    if (out === undefined)
        return;
    const files = await writeExperimentOutput(run, out);
    output.stderr(`amts experiment: wrote ${files.length} files under ${out} (results.json, results.md, parallel data, translations)\n`);
}
/**
 * AWS settings come from `AMTS_AWS_*` like every other command; the parallel-data name there, if any, becomes the
 * prefix of the per-configuration resources. CSVs for import go under --out, or a temporary folder removed after.
 */
async function withAwsEngines(out, body) {
    const input = (0,aws_settings/* readAwsSettingsFromEnvironment */.IP)();
    if (input.region === undefined)
        throw new commands_args/* UsageError */.eb('the aws engine needs AMTS_AWS_REGION (or AWS_REGION) and the other AMTS_AWS_* settings');
    const settings = (0,aws_settings/* validateAwsSettings */.Nu)({ ...input, region: input.region }, 'batch');
    const { createAwsClients, destroyAwsClients } = await Promise.all(/* import() */[__webpack_require__.e(643), __webpack_require__.e(213)]).then(__webpack_require__.bind(__webpack_require__, 6213));
    const clients = createAwsClients(settings);
    const temporary = out === undefined ? await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'amts-experiment-')) : undefined;
    try {
        return await body(awsExperimentEngines({
            settings,
            clients,
            workDirectory: temporary ?? (0,external_node_path_.join)(out ?? '.', 'aws-parallel-data'),
            parallelDataPrefix: settings.parallelDataName ?? 'amts-experiment',
        }));
    }
    finally {
        destroyAwsClients(clients);
        if (temporary !== undefined)
            await (0,promises_.rm)(temporary, { recursive: true, force: true });
    }
}

// EXTERNAL MODULE: ./src/commands/pairsCli.ts
var pairsCli = __webpack_require__(3977);
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
// EXTERNAL MODULE: ./src/io/listMarkdownFiles.ts
var listMarkdownFiles = __webpack_require__(436);
// EXTERNAL MODULE: ./src/io/mapWithConcurrency.ts
var mapWithConcurrency = __webpack_require__(7375);
// EXTERNAL MODULE: ./src/sync/composeChapter.ts
var composeChapter = __webpack_require__(5482);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
;// CONCATENATED MODULE: ./src/sync/readOldEnglish.ts






const run = (0,external_node_util_.promisify)(external_node_child_process_.execFile);
async function openOldEnglish(base, sourceDir, targetDir) {
    switch (base.kind) {
        case 'origin-suffix':
            return {
                description: `${base.suffix}.md files beside the translation`,
                originPath: (relativePath) => (0,external_node_path_.join)(targetDir, withSuffix(relativePath, base.suffix)),
                read: (relativePath) => readIfPresent((0,external_node_path_.join)(targetDir, withSuffix(relativePath, base.suffix))),
            };
        case 'directory':
            return {
                description: `the directory ${base.path}`,
                originPath: () => undefined,
                read: (relativePath) => readIfPresent((0,external_node_path_.join)(base.path, relativePath)),
            };
        case 'git-rev':
            return gitRevision(base.repo, base.rev, sourceDir);
        case 'state-file': {
            const commit = await commitFromStateFile(base.path);
            return gitRevision(sourceDir, commit, sourceDir);
        }
    }
}
function withSuffix(relativePath, suffix) {
    return relativePath.replace(/\.md$/, `${suffix}.md`);
}
async function readIfPresent(path) {
    let bytes;
    try {
        bytes = await (0,promises_.readFile)(path);
    }
    catch (error) {
        if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT')
            return undefined;
        throw new errors/* InputError */.dz(path, `cannot read: ${String(error)}`);
    }
    return (0,readMarkdownFile/* decodeMarkdownBytes */.LL)(bytes, path);
}
async function gitRevision(repo, rev, sourceDir) {
    if (!/^[\w./~^@{}-]+$/.test(rev) || rev.startsWith('-'))
        throw new errors/* InputError */.dz(rev, 'is not a git revision');
    const prefix = (await run('git', ['-C', sourceDir, 'rev-parse', '--show-prefix'])).stdout.trim();
    await run('git', ['-C', repo, 'rev-parse', '--verify', `${rev}^{commit}`]).catch(() => {
        throw new errors/* InputError */.dz(repo, `has no commit '${rev}' to take the old English from`);
    });
    return {
        description: `commit ${rev}`,
        originPath: () => undefined,
        async read(relativePath) {
            try {
                const { stdout } = await run('git', ['-C', repo, 'show', `${rev}:${prefix}${relativePath}`], {
                    encoding: 'buffer',
                    maxBuffer: 64 * 1024 * 1024,
                });
                return (0,readMarkdownFile/* decodeMarkdownBytes */.LL)(stdout, `${rev}:${prefix}${relativePath}`);
            }
            catch (error) {
                if (error instanceof errors/* InputError */.dz)
                    throw error;
                return undefined;
            }
        },
    };
}
async function commitFromStateFile(path) {
    let record;
    try {
        record = JSON.parse(await (0,promises_.readFile)(path, 'utf8'));
    }
    catch (error) {
        throw new errors/* InputError */.dz(path, `cannot read the sync state: ${String(error)}`);
    }
    const commit = typeof record === 'object' && record !== null && 'sourceCommit' in record ? record.sourceCommit : undefined;
    if (typeof commit !== 'string' || !/^[0-9a-f]{7,64}$/.test(commit)) {
        throw new errors/* InputError */.dz(path, 'has no sourceCommit naming the last synced English commit');
    }
    return commit;
}

// EXTERNAL MODULE: ./src/language/scriptShare.ts
var scriptShare = __webpack_require__(4224);
;// CONCATENATED MODULE: ./src/sync/refuseBook.ts
/**
 * Whole-book checks a sync makes before it prepares, sends or writes anything: a run that cannot be right is
 * refused with one line saying what to change, instead of drafting a book's worth of text or keeping the wrong
 * sentences.
 */




/** How a user gives the old English, for the refusal (CLI flags; the action's inputs have the same names). */
const HOW_TO_GIVE_OLD_ENGLISH = 'give the English it was translated from with --base <old-English dir or git rev>, --state-file <state.json> ' +
    'or --origin-suffix <suffix> (action inputs state-file, origin-suffix)';
/**
 * A translation with chapters but not one `<chapter><suffix>.md` beside them has no old English at all: every
 * chapter would be skipped and every English chapter drafted anew. An empty target is a new translation, not refused.
 */
async function refuseWithoutOldEnglish(base, targetDir) {
    if (base.kind !== 'origin-suffix')
        return;
    const files = await (0,listMarkdownFiles/* markdownFilesUnder */.x)(targetDir);
    if (files.length === 0 || files.some((file) => file.endsWith(`${base.suffix}.md`)))
        return;
    throw new errors/* InputError */.dz(targetDir, `no old English: none of its ${files.length} Markdown files has a ${base.suffix}.md beside it; ${HOW_TO_GIVE_OLD_ENGLISH}`);
}
/**
 * The translation's own prose must be in a script `language` is written in (d2l-zh with `--to es` is refused with
 * the share measured), so a wrong code never keeps or drafts sentences for a language the book is not in. One
 * chapter left in English is that chapter's problem (the sync reports it); most chapters in another script is the
 * flag's.
 */
function refuseWrongScript(translations, language, targetDir) {
    const book = { cjk: 0, latin: 0 };
    let measured = 0;
    let wrong = 0;
    for (const text of translations) {
        const letters = { cjk: 0, latin: 0 };
        (0,scriptShare/* markdownScriptLetters */.aq)(text, letters);
        book.cjk += letters.cjk;
        book.latin += letters.latin;
        if (letters.cjk + letters.latin === 0)
            continue;
        measured += 1;
        if ((0,scriptShare/* wrongScript */.jb)(letters, language) !== undefined)
            wrong += 1;
    }
    const problem = (0,scriptShare/* wrongScript */.jb)(book, language);
    if (problem === undefined || wrong * 2 <= measured)
        return;
    throw new errors/* InputError */.dz(targetDir, `the translation ${problem.replace(/\)$/u, `; ${wrong} of ${measured} chapters`)}); check --to (action input target-language)`);
}
/**
 * Both checks straight from the files, for a caller that opens an engine (which may import parallel data) before
 * the sync reads the book: a run that would be refused is refused before anything is sent.
 */
async function refuseBookBeforeSync(options) {
    await refuseWithoutOldEnglish(options.base, options.targetDir);
    const suffix = options.base.kind === 'origin-suffix' ? `${options.base.suffix}.md` : undefined;
    const files = (await (0,listMarkdownFiles/* markdownFilesUnder */.x)(options.targetDir)).filter((file) => suffix === undefined || !file.endsWith(suffix));
    const texts = await Promise.all(files.map((file) => (0,promises_.readFile)(file, 'utf8')));
    refuseWrongScript(texts, options.targetLanguage, options.targetDir);
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var yaml_dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/sync/targetConfig.ts
/**
 * `.amts.yml` at the root of a translation: what that translation wants from every sync, whoever runs it (the CLI
 * or the action read the same file from the target). Today one key: `exclude`, globs of chapters the translation
 * never wants (relative to the book root, as `--files` and `include` are).
 */





const TARGET_CONFIG_FILE = '.amts.yml';
const KEYS = new Set(['exclude']);
/** The target's `.amts.yml`, or an empty config when it has none; a malformed file is an `InputError` naming it. */
async function readTargetConfig(targetDir) {
    const path = (0,external_node_path_.join)(targetDir, TARGET_CONFIG_FILE);
    let text;
    try {
        text = await (0,promises_.readFile)(path, 'utf8');
    }
    catch (error) {
        if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT')
            return { exclude: [] };
        throw new errors/* InputError */.dz(path, `cannot read: ${String(error)}`);
    }
    let value;
    try {
        value = (0,yaml_dist/* parse */.qg)(text);
    }
    catch (error) {
        const line = error instanceof yaml_dist/* YAMLParseError */.XT ? error.linePos?.[0].line : undefined;
        throw new errors/* InputError */.dz(path, `is not valid YAML: ${error instanceof Error ? error.message.split('\n')[0] : ''}`, line);
    }
    return configFrom(value ?? {}, path);
}
function configFrom(value, path) {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        throw new errors/* InputError */.dz(path, 'must be a mapping such as "exclude: [index.md]"');
    const unknown = Object.keys(value).find((key) => !KEYS.has(key));
    if (unknown !== undefined)
        throw new errors/* InputError */.dz(path, `unknown key '${unknown}' (known: ${[...KEYS].join(', ')})`);
    const exclude = 'exclude' in value ? value.exclude : [];
    const globs = typeof exclude === 'string' ? [exclude] : exclude;
    if (!Array.isArray(globs) || !globs.every((glob) => typeof glob === 'string' && glob.trim() !== ''))
        throw new errors/* InputError */.dz(path, "'exclude' must be a list of globs such as chapter_references/*.md");
    for (const glob of globs)
        if (glob.startsWith('/') || glob.split('/').includes('..'))
            throw new errors/* InputError */.dz(path, `exclude glob '${glob}' must be relative to the book and stay inside it`);
    return { exclude: globs.map((glob) => glob.trim()) };
}
/** A test for book-relative paths the config excludes. */
function excludedBy(config) {
    if (config.exclude.length === 0)
        return () => false;
    return picomatch_default()([...config.exclude], { dot: false });
}

// EXTERNAL MODULE: ./src/sync/prepareChapter.ts + 15 modules
var prepareChapter = __webpack_require__(9107);
// EXTERNAL MODULE: ./src/sync/sameWordsKey.ts
var sameWordsKey = __webpack_require__(7453);
;// CONCATENATED MODULE: ./src/sync/prepareUpdates.ts


const prepareInline = (tasks) => Promise.resolve(tasks.map(prepareChapter/* prepareChapter */.H));
/**
 * Prepares a book's updated chapters, outcomes in the tasks' order. With `skipUnchanged` (`amts status`), a chapter
 * whose English units did not change stops after its English (see `skipIfUnchanged`); the ones that hold a sentence
 * another chapter drafts are then prepared in full. Translation memory takes a sentence's first human translation
 * in chapter order, and only drafted sentences are looked up, so it fills exactly the drafts it fills when every
 * chapter is prepared in full: a chapter left unprepared could only have offered sentences nobody asks for.
 */
async function prepareUpdates(tasks, prepare, skipUnchanged) {
    if (!skipUnchanged)
        return prepare(tasks);
    const outcomes = await prepare(tasks.map((task) => ({ ...task, skipIfUnchanged: true })));
    const drafted = new Set();
    for (const outcome of outcomes)
        if ('plan' in outcome)
            for (const draft of outcome.plan.drafts)
                drafted.add((0,sameWordsKey/* sameWordsKey */.d)(draft.source));
    const wanted = outcomes.flatMap((outcome, index) => 'unchanged' in outcome && outcome.sentenceKeys.some((key) => drafted.has(key)) ? [index] : []);
    if (wanted.length === 0)
        return outcomes;
    const full = await prepare(wanted.flatMap((index) => tasks[index] ?? []));
    wanted.forEach((index, position) => {
        const outcome = full[position];
        if (outcome !== undefined)
            outcomes[index] = outcome;
    });
    return outcomes;
}

// EXTERNAL MODULE: ./src/sync/translationMemory.ts
var translationMemory = __webpack_require__(1663);
// EXTERNAL MODULE: ./src/sync/verifyChapter.ts
var verifyChapter = __webpack_require__(1341);
;// CONCATENATED MODULE: ./src/sync/syncBook.ts


















const DEFAULT_PRICE_PER_MILLION = 15;
/**
 * Brings a translated book in step with its new English: per chapter, only what the English
 * changed is drafted, in one engine request for the whole book; everything else is kept byte for
 * byte. A chapter with any problem is reported and left exactly as it was.
 */
async function syncBook(options, engine, settings = {}) {
    const log = settings.log ?? (() => undefined);
    const { oldEnglish, chapters, planned, newChapters, reports, units } = await planBook(options, settings);
    const charactersToSend = units.reduce((sum, unit) => sum + unit.characters, 0);
    log(`${units.length} units to translate (${charactersToSend} characters)`);
    const response = options.dryRun || units.length === 0
        ? undefined
        : await engine.translate({
            sourceLanguage: options.sourceLanguage,
            targetLanguage: options.targetLanguage,
            units: units.map(({ id, html }) => ({ id, html })),
        });
    const translationOf = (id, tokens) => {
        const failure = response?.failed.find((failed) => failed.id === id);
        if (failure)
            throw new RestoreError(`the engine could not translate it: ${failure.reason}`);
        const html = response?.units.get(id);
        if (html === undefined)
            throw new RestoreError('the engine returned no translation');
        return restoreUnitHtml(tokens, html);
    };
    for (const update of planned) {
        reports.set(update.chapter.path, await writeUpdate(update, options, settings, oldEnglish, translationOf));
    }
    for (const chapter of newChapters) {
        reports.set(chapter.path, await writeNewChapter(chapter, options, settings, oldEnglish, translationOf));
    }
    for (const chapter of chapters) {
        if (chapter.kind === 'delete')
            reports.set(chapter.path, await deleteChapter(chapter.path, options, settings, oldEnglish));
    }
    const files = [...reports.values()].sort((a, b) => a.path.localeCompare(b.path));
    const charactersSent = options.dryRun ? charactersToSend : (response?.sentCharacters ?? 0);
    return {
        sourceLanguage: options.sourceLanguage,
        targetLanguage: options.targetLanguage,
        engine: engine.name,
        dryRun: options.dryRun,
        files,
        totals: {
            files: files.length,
            filesChanged: files.filter((file) => !['unchanged', 'skipped', 'error'].includes(file.status)).length,
            filesWithErrors: files.filter((file) => file.status === 'error').length,
            kept: sum(files, 'kept'),
            reused: sum(files, 'reused'),
            drafted: sum(files, 'drafted'),
            removed: sum(files, 'removed'),
            failed: sum(files, 'failed'),
            charactersSent,
            charactersBilled: response?.billedCharacters ?? 0,
            estimatedCostUsd: (charactersSent / 1_000_000) * (settings.pricePerMillionUsd ?? DEFAULT_PRICE_PER_MILLION),
        },
        jobIds: response?.jobIds ?? [],
    };
}
/**
 * Plans the sync of a book without an engine: `sync --dry-run` and `amts status` count the same units. With
 * `countSentences`, each planned chapter also says how many English sentences changed.
 */
async function planBook(options, settings = {}, countSentences = false) {
    const log = settings.log ?? (() => undefined);
    const oldEnglish = await openOldEnglish(options.base, options.sourceDir, options.targetDir);
    await refuseWithoutOldEnglish(options.base, options.targetDir);
    const excluded = excludedBy(await readTargetConfig(options.targetDir));
    const paths = await chapterPaths(options, oldEnglish, excluded);
    log(`${paths.length} chapters to look at; old English from ${oldEnglish.description}`);
    const chapters = skipNewChapters(await loadChapters(paths, options, oldEnglish), options);
    const updates = chapters.filter((chapter) => chapter.kind === 'update');
    const prepared = await prepareUpdates(updates.map((chapter) => syncTask(chapter, options, settings, countSentences)), settings.prepareChapters ?? prepareInline, settings.skipUnchangedChapters ?? false);
    const memory = new translationMemory/* TranslationMemory */.ve();
    for (const chapter of prepared)
        if ('memory' in chapter)
            memory.add(chapter.memory);
    const planned = [];
    const reports = new Map();
    const sentences = new Map();
    for (const chapter of chapters) {
        if (chapter.kind === 'error')
            reports.set(chapter.path, errorReport(chapter.path, chapter.error));
        if (chapter.kind === 'skip')
            reports.set(chapter.path, { ...emptyReport(chapter.path), status: 'skipped', reason: chapter.reason });
    }
    prepared.forEach((outcome, index) => {
        const chapter = updates[index];
        if (!chapter)
            return;
        if ('problem' in outcome)
            reports.set(chapter.path, errorReport(chapter.path, outcome.problem));
        else if ('plan' in outcome)
            planned.push({ chapter, plan: (0,translationMemory/* applyTranslationMemory */.f$)(outcome.plan, memory) });
        if (outcome.sentences)
            sentences.set(chapter.path, outcome.sentences);
    });
    const newChapters = settings.skipNewChapterParsing ? [] : parseNewChapters(chapters, options, reports);
    const units = collectUnits(planned, newChapters);
    return { oldEnglish, chapters, planned, newChapters, reports, units, excluded, sentences };
}
/**
 * Chapters named by `files`, or every English chapter and every translated chapter that still has an origin;
 * never those the target's `.amts.yml` excludes.
 */
async function chapterPaths(options, oldEnglish, excluded) {
    const include = picomatch_default()(options.include && options.include.length > 0 ? [...options.include] : ['**/*.md'], {
        dot: false,
    });
    const isOrigin = (path) => options.base.kind === 'origin-suffix' && path.endsWith(`${options.base.suffix}.md`);
    const keep = (path) => path.endsWith('.md') && include(path) && !isOrigin(path) && !path.startsWith('.amts/') && !excluded(path);
    if (options.files)
        return [...new Set(options.files.map(normalizePath))].filter(keep).sort();
    const english = (await (0,listMarkdownFiles/* markdownFilesUnder */.x)(options.sourceDir)).map((path) => relativePath(options.sourceDir, path));
    const translated = (await (0,listMarkdownFiles/* markdownFilesUnder */.x)(options.targetDir)).map((path) => relativePath(options.targetDir, path));
    const synced = [];
    for (const path of translated)
        if (keep(path) && oldEnglish.originPath(path) !== undefined)
            synced.push(path);
    return [...new Set([...english.filter(keep), ...synced])].sort();
}
async function loadChapters(paths, options, oldEnglish) {
    const loaded = [];
    const fresh = [];
    const gone = [];
    // Read a few chapters at a time: one after another, the book's 500 small reads left the thread idle 0.15 s.
    const texts = await (0,mapWithConcurrency/* mapWithConcurrency */.W)(paths, READS_IN_FLIGHT, (path) => readChapterTexts(path, options, oldEnglish));
    paths.forEach((path, index) => {
        const read = texts[index];
        if (read === undefined)
            return;
        if ('error' in read) {
            loaded.push({ kind: 'error', path, error: read.error });
            return;
        }
        const { english, target, old } = read;
        if (english !== undefined && target !== undefined) {
            if (old === undefined) {
                const why = `no old English (${oldEnglish.description}): cannot tell what changed, so the translation is left as it is`;
                loaded.push(options.strict ? { kind: 'error', path, error: why } : { kind: 'skip', path, reason: why });
                return;
            }
            loaded.push({ kind: 'update', path, oldText: old, newText: english, targetText: target });
        }
        else if (english !== undefined) {
            fresh.push({ kind: 'new', path, newText: english });
        }
        else if (target !== undefined && old !== undefined) {
            gone.push({ path, oldText: old, targetText: target });
        }
    });
    const candidates = gone.length > 0 && options.files ? await unlistedNewChapters(paths, options) : [];
    return [...loaded, ...matchRenames(fresh, gone, candidates)];
}
const READS_IN_FLIGHT = 8;
/** A chapter's English, translation and (where both or only the translation exist) old English. */
async function readChapterTexts(path, options, oldEnglish) {
    try {
        const [english, target] = await Promise.all([
            readIfExists((0,external_node_path_.join)(options.sourceDir, path)),
            readIfExists((0,external_node_path_.join)(options.targetDir, path)),
        ]);
        const old = target === undefined ? undefined : await oldEnglish.read(path);
        return {
            ...(english === undefined ? {} : { english }),
            ...(target === undefined ? {} : { target }),
            ...(old === undefined ? {} : { old }),
        };
    }
    catch (error) {
        return { error: (0,errors/* describeError */.Uc)(error) };
    }
}
/** With `newChapters: 'skip'`, English chapters the translation does not have are reported, not drafted. */
function skipNewChapters(chapters, options) {
    if (options.newChapters !== 'skip')
        return [...chapters];
    return chapters.map((chapter) => chapter.kind === 'new'
        ? {
            kind: 'skip',
            path: chapter.path,
            reason: `new English chapter, not drafted (new chapters: skip; or exclude it in ${TARGET_CONFIG_FILE})`,
        }
        : chapter);
}
/**
 * English chapters that have no translation yet and were not named in `files`: when a named chapter
 * disappeared, one of these may be its new name.
 */
async function unlistedNewChapters(paths, options) {
    const listed = new Set(paths);
    const candidates = [];
    for (const file of await (0,listMarkdownFiles/* markdownFilesUnder */.x)(options.sourceDir)) {
        const path = relativePath(options.sourceDir, file);
        if (listed.has(path) || (await readIfExists((0,external_node_path_.join)(options.targetDir, path))) !== undefined)
            continue;
        const english = await readIfExists(file).catch(() => undefined);
        if (english !== undefined)
            candidates.push({ kind: 'new', path, newText: english });
    }
    return candidates;
}
/**
 * A chapter that disappeared while a similar one appeared was renamed: its translation moves to
 * the new path and is synced there, instead of being deleted and translated again from scratch.
 */
function matchRenames(fresh, gone, unlisted) {
    const out = [];
    const used = new Set();
    for (const chapter of [...fresh, ...unlisted]) {
        const isUnlisted = unlisted.includes(chapter);
        const best = gone
            .filter((candidate) => !used.has(candidate.path))
            .map((candidate) => ({ candidate, score: lineSimilarity(candidate.oldText, chapter.newText) }))
            .sort((a, b) => b.score - a.score)[0];
        if (!best || best.score < RENAME_SIMILARITY) {
            if (!isUnlisted)
                out.push(chapter);
            continue;
        }
        used.add(best.candidate.path);
        out.push({
            kind: 'update',
            path: chapter.path,
            renamedFrom: best.candidate.path,
            oldText: best.candidate.oldText,
            newText: chapter.newText,
            targetText: best.candidate.targetText,
        });
    }
    for (const candidate of gone)
        if (!used.has(candidate.path))
            out.push({ kind: 'delete', path: candidate.path });
    return out;
}
/** Share of identical lines above which a vanished chapter and a new one are the same chapter renamed. */
const RENAME_SIMILARITY = 0.5;
function lineSimilarity(a, b) {
    const left = new Set(a
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean));
    const right = new Set(b
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean));
    let shared = 0;
    for (const line of left)
        if (right.has(line))
            shared += 1;
    return left.size + right.size === 0 ? 0 : (2 * shared) / (left.size + right.size);
}
function collectUnits(planned, newChapters) {
    const units = [];
    for (const update of planned) {
        update.plan.drafts.forEach((draft, index) => {
            units.push({
                id: draftId(update.chapter.path, index),
                html: renderUnitHtml(draft.tokens),
                characters: textCharacters(draft.tokens),
            });
        });
    }
    for (const chapter of newChapters) {
        chapter.newEnglish.blocks.forEach((block, index) => {
            if (block.kind !== 'prose' || !block.tokens)
                return;
            units.push({
                id: blockId(chapter.path, index),
                html: renderUnitHtml(block.tokens),
                characters: textCharacters(block.tokens),
            });
        });
    }
    return units;
}
function syncTask(chapter, options, settings, countSentences) {
    return {
        ...(countSentences ? { countSentences } : {}),
        path: chapter.path,
        oldText: chapter.oldText,
        newText: chapter.newText,
        targetText: chapter.targetText,
        oldLabel: `${chapter.renamedFrom ?? chapter.path} (old English)`,
        newLabel: (0,external_node_path_.join)(options.sourceDir, chapter.path),
        targetLabel: (0,external_node_path_.join)(options.targetDir, chapter.renamedFrom ?? chapter.path),
        sourceLanguage: options.sourceLanguage,
        targetLanguage: options.targetLanguage,
        ...(settings.targetOnlyTabs ? { targetOnlyTabs: settings.targetOnlyTabs } : {}),
    };
}
/** New chapters are translated whole; one that cannot be parsed is reported instead. */
function parseNewChapters(chapters, options, reports) {
    const parsed = [];
    for (const chapter of chapters) {
        if (chapter.kind !== 'new')
            continue;
        try {
            parsed.push({ ...chapter, newEnglish: (0,parseMarkdown/* parseMarkdown */.D)(chapter.newText, (0,external_node_path_.join)(options.sourceDir, chapter.path)) });
        }
        catch (error) {
            reports.set(chapter.path, errorReport(chapter.path, (0,errors/* describeError */.Uc)(error)));
        }
    }
    return parsed;
}
function textCharacters(tokens) {
    return tokens.reduce((sum, token) => sum + (token.kind === 'text' ? token.source.length : 0), 0);
}
async function writeUpdate(update, options, settings, oldEnglish, translationOf) {
    const { chapter, plan } = update;
    const base = {
        path: chapter.path,
        kept: plan.kept,
        reused: plan.reused,
        removed: plan.removed,
        failed: 0,
        ...(plan.reusedSources.length > 0 ? { reusedSources: plan.reusedSources } : {}),
        ...(plan.restyled.length > 0 ? { restyled: plan.restyled } : {}),
        ...(plan.alreadyTranslated.length > 0 ? { alreadyTranslated: plan.alreadyTranslated } : {}),
        ...(plan.structure.length > 0 ? { structure: plan.structure } : {}),
        structureCounts: plan.structureCounts,
    };
    const charactersSent = plan.drafts.reduce((total, draft) => total + textCharacters(draft.tokens), 0);
    if (options.dryRun) {
        return {
            ...base,
            status: plan.edits.length === 0 ? 'unchanged' : 'updated',
            drafted: plan.drafts.length,
            charactersSent,
            drafts: [],
        };
    }
    let composed;
    try {
        const written = [];
        composed = (0,composeChapter/* composeChapter */.u)(chapter.targetText, plan.edits, plan.drafts, (index) => {
            const tokens = plan.drafts[index]?.tokens ?? [];
            const markdown = translationOf(draftId(chapter.path, index), tokens);
            written.push({ tokens, markdown });
            return markdown;
        });
        const lost = (0,verifyChapter/* lostProtectedPiece */.n)(written);
        if (lost)
            throw new RestoreError(lost);
    }
    catch (error) {
        if (!(error instanceof RestoreError) && !(error instanceof composeChapter/* ComposeError */.h))
            throw error;
        return { ...errorReport(chapter.path, `left as it was: ${error.message}`), failed: plan.drafts.length };
    }
    const originPath = oldEnglish.originPath(chapter.path);
    const renamed = chapter.renamedFrom !== undefined;
    const targetChanged = renamed || composed.text !== chapter.targetText;
    const originChanged = originPath !== undefined && (renamed || chapter.oldText !== chapter.newText);
    if (targetChanged || settings.outDir)
        await (0,writeFileAtomic/* writeFileAtomic */.Z)(outputPath(options, settings, chapter.path), composed.text);
    if (originChanged && originPath)
        await (0,writeFileAtomic/* writeFileAtomic */.Z)(outputOrigin(options, settings, originPath), chapter.newText);
    if (chapter.renamedFrom !== undefined && !settings.outDir)
        await removeChapterFiles(chapter.renamedFrom, options, oldEnglish);
    return {
        ...base,
        ...(chapter.renamedFrom !== undefined ? { renamedFrom: chapter.renamedFrom } : {}),
        status: renamed ? 'renamed' : targetChanged || originChanged ? 'updated' : 'unchanged',
        drafted: composed.drafts.length,
        charactersSent,
        drafts: composed.drafts,
    };
}
async function writeNewChapter(chapter, options, settings, oldEnglish, translationOf) {
    const prose = chapter.newEnglish.blocks.filter((block) => block.kind === 'prose');
    const charactersSent = prose.reduce((total, block) => total + textCharacters(block.tokens ?? []), 0);
    const base = { path: chapter.path, kept: 0, reused: 0, removed: 0, failed: 0, charactersSent };
    if (options.dryRun)
        return { ...base, status: 'created', drafted: prose.length, drafts: [] };
    try {
        let text = '';
        const drafts = [];
        for (const [index, block] of chapter.newEnglish.blocks.entries()) {
            if (block.kind !== 'prose' || !block.tokens) {
                text += block.source;
                continue;
            }
            const draft = translationOf(blockId(chapter.path, index), block.tokens);
            drafts.push({ line: text.split('\n').length, source: block.source, draft, reason: 'new-file' });
            text += draft;
        }
        await (0,writeFileAtomic/* writeFileAtomic */.Z)(outputPath(options, settings, chapter.path), text);
        const originPath = oldEnglish.originPath(chapter.path);
        if (originPath)
            await (0,writeFileAtomic/* writeFileAtomic */.Z)(outputOrigin(options, settings, originPath), chapter.newText);
        return { ...base, status: 'created', drafted: drafts.length, drafts };
    }
    catch (error) {
        if (!(error instanceof RestoreError))
            throw error;
        return { ...errorReport(chapter.path, `not created: ${error.message}`), failed: prose.length };
    }
}
async function deleteChapter(path, options, settings, oldEnglish) {
    const report = { ...emptyReport(path), status: 'deleted' };
    if (options.dryRun || settings.outDir)
        return report;
    await removeChapterFiles(path, options, oldEnglish);
    return report;
}
async function removeChapterFiles(path, options, oldEnglish) {
    await (0,promises_.rm)((0,external_node_path_.join)(options.targetDir, path), { force: true });
    const originPath = oldEnglish.originPath(path);
    if (originPath)
        await (0,promises_.rm)(originPath, { force: true });
}
function outputPath(options, settings, path) {
    return (0,external_node_path_.join)(settings.outDir ?? options.targetDir, path);
}
function outputOrigin(options, settings, originPath) {
    return settings.outDir ? (0,external_node_path_.join)(settings.outDir, (0,external_node_path_.relative)(options.targetDir, originPath)) : originPath;
}
function draftId(path, index) {
    return `${path}#d${index}`;
}
function blockId(path, index) {
    return `${path}#b${index}`;
}
function emptyReport(path) {
    return {
        path,
        status: 'unchanged',
        kept: 0,
        reused: 0,
        drafted: 0,
        removed: 0,
        failed: 0,
        charactersSent: 0,
        drafts: [],
    };
}
function errorReport(path, error) {
    return { ...emptyReport(path), status: 'error', error };
}
function sum(files, key) {
    return files.reduce((total, file) => total + file[key], 0);
}
async function readIfExists(path) {
    try {
        return await (0,readMarkdownFile/* readMarkdownFile */._$)(path);
    }
    catch (error) {
        if (error instanceof Error && /no such file/.test(error.message))
            return undefined;
        throw error;
    }
}
function relativePath(root, path) {
    return (0,external_node_path_.relative)(root, path).split(external_node_path_.sep).join('/');
}
function normalizePath(path) {
    return path.split(external_node_path_.sep).join('/').replace(/^\.\//, '');
}

;// CONCATENATED MODULE: ./src/status/classifyChapters.ts

const NOTHING = { charactersToTranslate: 0, unitsToTranslate: 0, unitsReused: 0 };
/**
 * Every chapter of the book in exactly one state, from the plan a sync would make: the characters are the ones that
 * plan sends (translation memory applied), so status and `sync --dry-run` never disagree.
 */
function classifyChapters(input) {
    const { plan } = input;
    const out = new Map();
    const add = (path, state, counts, extra = {}) => {
        out.set(path, statusOf(path, state, counts, input, extra));
    };
    const planned = new Map(plan.planned.map((update) => [update.chapter.path, update]));
    const covered = new Set();
    for (const chapter of plan.chapters) {
        covered.add(chapter.path);
        const problem = problemOf(plan, chapter.path);
        switch (chapter.kind) {
            case 'update': {
                if (chapter.renamedFrom !== undefined)
                    covered.add(chapter.renamedFrom);
                const update = planned.get(chapter.path);
                const sentences = plan.sentences.get(chapter.path);
                const counts = update
                    ? {
                        ...(sentences ? { sentences } : {}),
                        charactersToTranslate: update.plan.drafts.reduce((sum, draft) => sum + textCharacters(draft.tokens), 0),
                        unitsToTranslate: update.plan.drafts.length,
                        unitsReused: update.plan.reused,
                    }
                    : { ...NOTHING, ...(sentences ? { sentences } : {}) };
                const moved = sentences
                    ? sentences.changed + sentences.added + sentences.removed > 0
                    : chapter.oldText !== chapter.newText;
                const state = moved || counts.charactersToTranslate > 0 || chapter.renamedFrom !== undefined ? 'outdated' : 'current';
                add(chapter.path, state, counts, {
                    ...(chapter.renamedFrom !== undefined ? { renamedFrom: chapter.renamedFrom } : {}),
                    ...(problem !== undefined ? { problem } : {}),
                });
                break;
            }
            case 'new': {
                const counts = input.newChapters.get(chapter.path);
                if (counts === undefined || 'problem' in counts)
                    add(chapter.path, 'untranslated', NOTHING, { problem: counts?.problem ?? problem ?? 'not counted' });
                else
                    add(chapter.path, 'untranslated', {
                        sentences: counts.sentences,
                        charactersToTranslate: counts.characters,
                        unitsToTranslate: counts.units,
                        unitsReused: 0,
                    });
                break;
            }
            case 'delete':
                add(chapter.path, 'orphaned', NOTHING);
                break;
            case 'skip':
                add(chapter.path, 'unknown', NOTHING);
                break;
            case 'error':
                add(chapter.path, 'unknown', NOTHING, { problem: chapter.error });
                break;
        }
    }
    const english = new Set(input.englishPaths);
    for (const path of input.translatedPaths) {
        if (covered.has(path) || plan.excluded(path))
            continue;
        // A translation with neither its English nor its old English: the sync does not look at it, but it is orphaned.
        if (!english.has(path))
            add(path, 'orphaned', NOTHING);
    }
    for (const path of [...input.englishPaths, ...input.translatedPaths])
        if (plan.excluded(path) && !out.has(path))
            add(path, 'excluded', NOTHING);
    return [...out.values()].sort((a, b) => a.path.localeCompare(b.path));
}
function problemOf(plan, path) {
    const report = plan.reports.get(path);
    return report?.status === 'error' ? report.error : undefined;
}
function statusOf(path, state, counts, input, extra) {
    const behind = input.behind?.get(path);
    const millions = counts.charactersToTranslate / 1_000_000;
    return {
        path,
        state,
        sentencesChanged: counts.sentences?.changed ?? 0,
        sentencesAdded: counts.sentences?.added ?? 0,
        sentencesRemoved: counts.sentences?.removed ?? 0,
        sentences: counts.sentences?.total ?? 0,
        charactersToTranslate: counts.charactersToTranslate,
        englishCharacters: counts.sentences?.characters ?? 0,
        unitsToTranslate: counts.unitsToTranslate,
        unitsReused: counts.unitsReused,
        estimatedCostUsd: {
            standard: millions * input.pricePerMillionUsd.standard,
            act: millions * input.pricePerMillionUsd.act,
        },
        ...(behind && state !== 'untranslated' && state !== 'excluded' ? { behind } : {}),
        ...extra,
    };
}

// EXTERNAL MODULE: ./src/sync/countSentences.ts
var countSentences = __webpack_require__(8824);
;// CONCATENATED MODULE: ./src/status/newChapterCounts.ts




/** Counted as a sync drafts a new chapter: each prose block is one unit, its text tokens the characters. */
function countNewChapterText(text, label, language) {
    try {
        const english = (0,parseMarkdown/* parseMarkdown */.D)(text, label);
        const prose = english.blocks.filter((block) => block.kind === 'prose');
        return {
            characters: prose.reduce((sum, block) => sum + textCharacters(block.tokens ?? []), 0),
            units: prose.length,
            sentences: (0,countSentences/* countNewChapter */.LA)(english, language),
        };
    }
    catch (error) {
        return { problem: (0,errors/* describeError */.Uc)(error) };
    }
}
async function cachedNewChapterCounts(text, label, language, cache) {
    if (cache === undefined)
        return countNewChapterText(text, label, language);
    const key = await cache.key('new-chapter', [text, label, language]);
    const cached = await cache.get(key);
    if (cached !== undefined)
        return cached;
    const counts = countNewChapterText(text, label, language);
    await cache.set(key, counts);
    return counts;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/pairs/pairsCache.ts
var pairsCache = __webpack_require__(3320);
;// CONCATENATED MODULE: ./src/status/planCache.ts
/**
 * Chapter plans cached on disk, one JSON file per chapter, keyed by a hash of the whole preparation task (the three
 * texts, their names, the languages) and of the code that plans it. A key never goes stale, so `amts status` run
 * again on a book that did not change reads its plans instead of parsing and aligning every chapter anew; the
 * numbers are the same either way.
 */





/** Bump when an entry's layout changes; code changes are covered by the code version. */
const ENTRY_FORMAT = 'amts-plan-cache/2';
/** The code a chapter plan depends on. */
function planCodeVersion() {
    return (0,pairsCache/* codeVersionOf */.J8)(['align', 'markdown', 'sync', 'status']);
}
function openJsonCache(directory) {
    const entryPath = (key) => (0,external_node_path_.join)(directory, `${key}.json`);
    return {
        async key(kind, parts) {
            const hash = (0,external_node_crypto_.createHash)('sha256');
            // Each part is preceded by its length, so no two different inputs hash the same bytes.
            for (const part of [ENTRY_FORMAT, await planCodeVersion(), kind, ...parts]) {
                hash.update(`${part.length}:`);
                hash.update(part);
            }
            return hash.digest('hex');
        },
        async get(key) {
            const text = await (0,promises_.readFile)(entryPath(key), 'utf8').catch(() => undefined);
            if (text === undefined)
                return undefined;
            try {
                const entry = JSON.parse(text);
                return entry.format === ENTRY_FORMAT ? entry.value : undefined;
            }
            catch {
                // A damaged entry is computed again and overwritten.
                return undefined;
            }
        },
        async set(key, value) {
            await (0,writeFileAtomic/* writeFileAtomic */.Z)(entryPath(key), JSON.stringify({ format: ENTRY_FORMAT, value }));
        },
    };
}
/** Every field of a task, in a fixed order, for its key. */
function taskParts(task) {
    return [
        task.path,
        task.oldText,
        task.newText,
        task.targetText,
        task.oldLabel,
        task.newLabel,
        task.targetLabel,
        task.sourceLanguage,
        task.targetLanguage,
        JSON.stringify(task.targetOnlyTabs ?? null),
        String(task.countSentences ?? false),
        String(task.skipIfUnchanged ?? false),
    ];
}
/** Prepares only the chapters the cache does not hold (with `inner`), and keeps what it prepared. */
function cachingPreparer(inner, cache) {
    return async (tasks) => {
        const keys = await Promise.all(tasks.map((task) => cache.key('prepared-chapter', taskParts(task))));
        const outcomes = await Promise.all(keys.map((key) => cache.get(key)));
        const missing = tasks.flatMap((task, index) => (outcomes[index] === undefined ? [{ task, index }] : []));
        if (missing.length === 0)
            return outcomes;
        const fresh = await inner(missing.map(({ task }) => task));
        await Promise.all(missing.map(async ({ index }, freshIndex) => {
            const prepared = fresh[freshIndex];
            outcomes[index] = prepared;
            if (prepared !== undefined)
                await cache.set(keys[index] ?? '', prepared);
        }));
        return outcomes.map((outcome, index) => outcome ?? { path: tasks[index]?.path ?? '', problem: 'not prepared' });
    };
}

;// CONCATENATED MODULE: ./src/status/sourceHistory.ts
/**
 * How far behind each chapter is, in English commits, from the English's git history: the commit its old English
 * is (the state file's `sourceCommit`, the `--base` revision, or for origin files the last commit whose version of
 * the chapter is byte for byte the origin) and how many commits changed the chapter since. Books that are not a git
 * checkout, or origins that match no commit, simply have no such numbers.
 */






const sourceHistory_run = (0,external_node_util_.promisify)(external_node_child_process_.execFile);
const MAX_BUFFER = 256 * 1024 * 1024;
async function readBehind(input) {
    if (!(await isGitCheckout(input.sourceDir)))
        return new Map();
    switch (input.base.kind) {
        case 'origin-suffix':
            return behindOrigins(input, input.base.suffix);
        case 'state-file':
            return behindCommit(input, await commitFromStateFile(input.base.path));
        case 'git-rev':
            return behindCommit(input, input.base.rev);
        case 'directory':
            return new Map();
    }
}
async function isGitCheckout(dir) {
    return sourceHistory_run('git', ['-C', dir, 'rev-parse', '--is-inside-work-tree']).then(({ stdout }) => stdout.trim() === 'true', () => false);
}
/** Every change to every file under the book, newest first, per book-relative path. */
async function changesByPath(sourceDir, range) {
    const { stdout } = await sourceHistory_run('git', [
        '-C',
        sourceDir,
        'log',
        '--format=%x00%H %cI',
        '--raw',
        '--no-abbrev',
        '--no-renames',
        '--relative',
        ...range,
        '--',
        '.',
    ], { maxBuffer: MAX_BUFFER });
    const changes = new Map();
    let commit = '';
    let date = '';
    for (const line of stdout.split('\n')) {
        if (line.startsWith('\0')) {
            [commit = '', date = ''] = line.slice(1).split(' ');
            continue;
        }
        // `:100644 100644 <old blob> <new blob> M\t<path>`
        const match = /^:\d+ \d+ [0-9a-f]+ ([0-9a-f]+) [A-Z]+\t(.+)$/.exec(line);
        if (!match?.[1] || !match[2])
            continue;
        const list = changes.get(match[2]) ?? [];
        list.push({ commit, date, blob: match[1] });
        changes.set(match[2], list);
    }
    return changes;
}
async function behindOrigins(input, suffix) {
    const changes = await changesByPath(input.sourceDir, ['HEAD']);
    const behind = new Map();
    for (const path of input.paths) {
        const origin = await (0,promises_.readFile)((0,external_node_path_.join)(input.targetDir, withSuffix(path, suffix))).catch(() => undefined);
        const history = changes.get(path);
        if (origin === undefined || history === undefined)
            continue;
        const blob = gitBlobId(origin);
        const index = history.findIndex((change) => change.blob === blob);
        const match = history[index];
        if (match)
            behind.set(path, { originCommit: match.commit, commitsBehind: index, originDate: match.date });
    }
    return behind;
}
async function behindCommit(input, commit) {
    const resolved = await sourceHistory_run('git', [
        '-C',
        input.sourceDir,
        'show',
        '-s',
        '--format=%H %cI',
        `${commit}^{commit}`,
    ]).then(({ stdout }) => stdout.trim().split(' '), () => undefined);
    if (!resolved?.[0])
        return new Map();
    const [originCommit, originDate] = resolved;
    const changes = await changesByPath(input.sourceDir, [`${originCommit}..HEAD`]);
    const behind = new Map();
    for (const path of input.paths)
        behind.set(path, {
            originCommit,
            commitsBehind: changes.get(path)?.length ?? 0,
            ...(originDate ? { originDate } : {}),
        });
    return behind;
}
/** The id git gives a file's bytes (`git hash-object`). */
function gitBlobId(bytes) {
    return (0,external_node_crypto_.createHash)('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

;// CONCATENATED MODULE: ./src/status/types.ts
/** What `amts status` says about a translation: per chapter, how far it lags its English and what catching up costs. */
const CHAPTER_STATES = [
    'outdated',
    'untranslated',
    'unknown',
    'orphaned',
    'current',
    'excluded',
];

;// CONCATENATED MODULE: ./src/status/totals.ts

/** The book's totals: chapters by state, and what catching up every chapter would send and cost. */
function statusTotals(chapters) {
    const byState = Object.fromEntries(CHAPTER_STATES.map((state) => [state, 0]));
    let standard = 0;
    let act = 0;
    for (const chapter of chapters) {
        byState[chapter.state] += 1;
        standard += chapter.estimatedCostUsd.standard;
        act += chapter.estimatedCostUsd.act;
    }
    const sum = (key) => chapters.reduce((total, chapter) => total + chapter[key], 0);
    return {
        chapters: chapters.length,
        byState,
        sentencesChanged: sum('sentencesChanged'),
        sentencesAdded: sum('sentencesAdded'),
        sentencesRemoved: sum('sentencesRemoved'),
        charactersToTranslate: sum('charactersToTranslate'),
        unitsToTranslate: sum('unitsToTranslate'),
        unitsReused: sum('unitsReused'),
        estimatedCostUsd: { standard, act },
        withProblems: chapters.filter((chapter) => chapter.problem !== undefined).length,
    };
}

;// CONCATENATED MODULE: ./src/status/bookStatus.ts










/**
 * Where a translation stands against its new English, chapter by chapter. It plans exactly what a sync would (same
 * inputs, same refusals, translation memory applied) and sends and writes nothing.
 */
async function bookStatus(options, settings = {}) {
    const syncOptions = {
        sourceDir: options.sourceDir,
        targetDir: options.targetDir,
        sourceLanguage: options.sourceLanguage,
        targetLanguage: options.targetLanguage,
        base: options.base,
        ...(options.include ? { include: options.include } : {}),
        dryRun: true,
        newChapters: 'draft',
        strict: false,
    };
    const [englishPaths, translatedPaths] = await Promise.all([
        bookPaths(options.sourceDir, options),
        bookPaths(options.targetDir, options),
    ]);
    // The git history is read while the chapters are planned.
    const history = readBehind({
        sourceDir: options.sourceDir,
        targetDir: options.targetDir,
        base: options.base,
        paths: translatedPaths,
    }).catch((error) => {
        settings.log?.(`cannot read the English's git history, so no commits behind: ${String(error)}`);
        return undefined;
    });
    const cache = settings.cacheDirectory === undefined ? undefined : openJsonCache(settings.cacheDirectory);
    const prepare = settings.prepareChapters ?? ((tasks) => Promise.resolve(tasks.map(prepareChapter/* prepareChapter */.H)));
    const plan = await planBook(syncOptions, {
        prepareChapters: cache ? cachingPreparer(prepare, cache) : prepare,
        skipNewChapterParsing: true,
        skipUnchangedChapters: true,
        ...(settings.targetOnlyTabs ? { targetOnlyTabs: settings.targetOnlyTabs } : {}),
        ...(settings.log ? { log: settings.log } : {}),
    }, true);
    const newChapters = new Map();
    for (const chapter of plan.chapters)
        if (chapter.kind === 'new')
            newChapters.set(chapter.path, await cachedNewChapterCounts(chapter.newText, (0,external_node_path_.join)(options.sourceDir, chapter.path), options.sourceLanguage, cache));
    const behind = await history;
    const chapters = classifyChapters({
        plan,
        englishPaths,
        translatedPaths,
        sourceLanguage: options.sourceLanguage,
        pricePerMillionUsd: options.pricePerMillionUsd,
        newChapters,
        ...(behind ? { behind } : {}),
    });
    return {
        sourceLanguage: options.sourceLanguage,
        targetLanguage: options.targetLanguage,
        oldEnglish: plan.oldEnglish.description,
        pricePerMillionUsd: options.pricePerMillionUsd,
        chapters,
        totals: statusTotals(chapters),
    };
}
/** Chapters of one side, as a sync lists them: `.md` under the include globs, origin files and `.amts/` aside. */
async function bookPaths(root, options) {
    const include = picomatch_default()(options.include && options.include.length > 0 ? [...options.include] : ['**/*.md']);
    const suffix = options.base.kind === 'origin-suffix' ? `${options.base.suffix}.md` : undefined;
    return (await (0,listMarkdownFiles/* markdownFilesUnder */.x)(root))
        .map((path) => (0,external_node_path_.relative)(root, path).split(external_node_path_.sep).join('/'))
        .filter((path) => include(path) && !path.startsWith('.amts/') && (suffix === undefined || !path.endsWith(suffix)));
}

;// CONCATENATED MODULE: ./src/status/order.ts

/**
 * Most behind first: more English commits since the translation's origin, then a larger share of the chapter to
 * translate (the bar), then more characters, then more sentences moved; chapters with nothing to do last.
 */
function byHowFarBehind(chapters) {
    return [...chapters].sort((a, b) => (b.behind?.commitsBehind ?? -1) - (a.behind?.commitsBehind ?? -1) ||
        shareToTranslate(b) - shareToTranslate(a) ||
        b.charactersToTranslate - a.charactersToTranslate ||
        movedSentences(b) - movedSentences(a) ||
        CHAPTER_STATES.indexOf(a.state) - CHAPTER_STATES.indexOf(b.state) ||
        a.path.localeCompare(b.path));
}
function movedSentences(chapter) {
    return chapter.sentencesChanged + chapter.sentencesAdded + chapter.sentencesRemoved;
}
/** Share of the chapter's English a sync would translate: 1 for an untranslated chapter, 0 for a current one. */
function shareToTranslate(chapter) {
    if (chapter.englishCharacters > 0)
        return Math.min(1, chapter.charactersToTranslate / chapter.englishCharacters);
    return chapter.state === 'untranslated' ? 1 : 0;
}

;// CONCATENATED MODULE: ./src/status/formatJson.ts

/** `--format json`: `{ chapters: [...], totals: {...} }`, chapters most behind first, plus what the run read. */
function formatStatusJson(status) {
    return `${JSON.stringify({
        chapters: byHowFarBehind(status.chapters),
        totals: status.totals,
        sourceLanguage: status.sourceLanguage,
        targetLanguage: status.targetLanguage,
        oldEnglish: status.oldEnglish,
        pricePerMillionUsd: status.pricePerMillionUsd,
    }, null, 2)}\n`;
}

;// CONCATENATED MODULE: ./src/report/cutAtLine.ts
/**
 * Text cut to at most `limit` characters at the end of a line, so the cut never splits an entity, an escape,
 * a `<span>` or a table row, followed by an ellipsis on its own paragraph.
 */
function cutAtLine(text, limit) {
    if (text.length <= limit)
        return text;
    const ellipsis = '\n\n…';
    const room = Math.max(0, limit - ellipsis.length);
    const end = text.lastIndexOf('\n', room);
    return `${text.slice(0, end > 0 ? end : 0)}${ellipsis}`;
}

;// CONCATENATED MODULE: ./src/report/breakAutolinks.ts
/**
 * GitHub rewrites the text of a rendered description after Markdown: `@name` pings a user or team, `#12`, `GH-12`
 * and `owner/repo#12` link an issue (and cross-reference it), `https://…`, `www.…` and `a@b.c` become links, and
 * `:name:` becomes an emoji. A sentence of the book shown for review must do none of that, so a zero-width space
 * (invisible, and not whitespace to Markdown) goes inside each such pattern, before any escaping, so that it never
 * lands inside an entity or an escape the escaping writes.
 */
/** The only character the report inserts into shown text. */
const INVISIBLE_BREAK = '\u200b';
const BREAKS = [
    // Mentions and e-mail addresses.
    [/@(?=[A-Za-z0-9])/g, `@${INVISIBLE_BREAK}`],
    // Issue and pull request references, with or without a repository before them.
    [/#(?=\d)/g, `#${INVISIBLE_BREAK}`],
    [/\b(GH-)(?=\d)/gi, `$1${INVISIBLE_BREAK}`],
    // Bare URLs: GitHub's autolinks, which for an issue URL also cross-reference the issue.
    [/\b(https?|ftp)(?=:\/\/)/gi, `$1${INVISIBLE_BREAK}`],
    [/\b(www)(?=\.)/gi, `$1${INVISIBLE_BREAK}`],
    // Emoji shortcodes (`:label:` is one, and d2l writes `:label:` and `:numref:` often).
    [/:(?=[A-Za-z0-9_+-]+:)/g, `:${INVISIBLE_BREAK}`],
];
function breakAutolinks_breakAutolinks(text) {
    return BREAKS.reduce((result, [pattern, replacement]) => result.replace(pattern, replacement), text);
}

;// CONCATENATED MODULE: ./src/report/escape.ts
/**
 * Escaping for text that comes from files and pull requests (file names, titles, sentences) before
 * it goes into a PR body or job summary: GitHub must render it back to the literal text, never as
 * Markdown, HTML or math, and never ping a user or cross-link an issue.
 *
 * Only named entities are written (`&amp;`, `&lt;`, `&gt;`), never numeric ones: `&#39;` holds a `#`
 * followed by digits, which is what an issue reference looks like. Quotes and apostrophes need no
 * escape in text and stay as they are.
 */

const HTML_ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
/**
 * GitHub renders `$…$` as math. Its documented way to show a literal dollar is a dollar alone in a
 * span, which holds where math is found in the rendered text; in Markdown the dollar in the span is
 * also backslash-escaped, as a math parser reading the Markdown otherwise opens math at it and reads
 * on through the `</span>`. Raw HTML takes no backslash escapes, so there the span alone.
 */
const DOLLAR_IN_HTML = '<span>$</span>';
const DOLLAR_IN_MARKDOWN = '<span>\\$</span>';
/** Text inside raw HTML (a `<summary>` line): Markdown is not read there, so only entities escape. */
function escapeHtmlText(text) {
    return breakAutolinks(text.replace(/\s*\r?\n\s*/g, ' ')).replace(/[&<>$]/g, (character) => character === '$' ? DOLLAR_IN_HTML : (HTML_ESCAPES[character] ?? character));
}
/** One line of literal text, safe in Markdown paragraphs, list items and table cells alike. */
function escapeInline(text) {
    return (breakAutolinks_breakAutolinks(text.replace(/\s*\r?\n\s*/g, ' '))
        .replace(/[\\`*_{}[\]()|~^&<>$]/g, (character) => character === '$' ? DOLLAR_IN_MARKDOWN : (HTML_ESCAPES[character] ?? `\\${character}`))
        // Only at the start of a line do these open a heading, a list or a quote.
        .replace(/^(\s*)([#+-]|\d+\.)/, (_match, space, marker) => `${space}${marker.replace(/([#+.-])/, '\\$1')}`));
}
/**
 * Literal text kept on its lines, for a table cell or a one-line quote: each line of the chapter is a
 * line there (`<br>`, as a GFM cell holds no newline), and a blank line between paragraphs stays blank.
 */
function escape_escapeCell(text) {
    return text
        .replace(/^\s*\n|\n\s*$/g, '')
        .split(/\r?\n/)
        .map((line) => escapeInline(line))
        .join('<br>');
}
/** A file name in monospace, whatever characters it holds, in Markdown. */
function codeName(name) {
    return `<code>${escapeInline(name)}</code>`;
}
/** A file name in monospace inside raw HTML. */
function codeNameHtml(name) {
    return `<code>${escapeHtmlText(name)}</code>`;
}
/** A name usable as one path segment: the branch `amts/zh/pr-12` becomes `amts-zh-pr-12`. */
function branchSafeName(branch) {
    return branch.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '') || 'branch';
}

;// CONCATENATED MODULE: ./src/status/bar.ts
/** Eighths of a cell, so a bar of ten cells shows 80 steps. */
const PARTIAL = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
const FULL = '█';
const EMPTY = '░';
/**
 * A bar of `width` cells for a share between 0 and 1, in Unicode blocks: it reads the same in a terminal and in a
 * GitHub table (inside a code span, where every cell is one monospace column). Any share above 0 shows at least an
 * eighth, so a small change is never drawn as none.
 */
function shareBar(share, width = 10) {
    const clamped = Number.isFinite(share) ? Math.min(1, Math.max(0, share)) : 0;
    let eighths = Math.round(clamped * width * 8);
    if (clamped > 0 && eighths === 0)
        eighths = 1;
    const full = Math.floor(eighths / 8);
    const partial = PARTIAL[eighths % 8] ?? '';
    return FULL.repeat(full) + partial + EMPTY.repeat(width - full - (partial ? 1 : 0));
}

;// CONCATENATED MODULE: ./src/status/rows.ts



const COLUMN_TITLES = {
    chapter: 'Chapter',
    state: 'State',
    behind: 'Behind',
    sentences: 'Sentences ~ + −',
    characters: 'To translate',
    cost: 'Cost std / ACT',
    bar: 'Share to translate',
};
function statusRows(status) {
    return byHowFarBehind(status.chapters).map((chapter) => ({
        chapter,
        state: chapter.problem !== undefined ? `${chapter.state} ⚠` : chapter.state,
        behind: behindText(chapter),
        sentences: sentencesText(chapter),
        characters: chapter.charactersToTranslate > 0 ? count(chapter.charactersToTranslate) : '',
        cost: chapter.charactersToTranslate > 0 ? costText(chapter.estimatedCostUsd) : '',
        bar: hasBar(chapter) ? shareBar(shareToTranslate(chapter)) : '',
        share: hasBar(chapter) ? `${Math.round(100 * shareToTranslate(chapter))}%` : '',
    }));
}
function hasBar(chapter) {
    return chapter.state === 'outdated' || chapter.state === 'untranslated' || chapter.state === 'current';
}
function behindText(chapter) {
    const behind = chapter.behind;
    if (!behind)
        return '';
    const commits = behind.commitsBehind === 1 ? '1 commit' : `${behind.commitsBehind} commits`;
    return `${commits} since ${behind.originCommit.slice(0, 7)}`;
}
function sentencesText(chapter) {
    if (chapter.sentencesChanged + chapter.sentencesAdded + chapter.sentencesRemoved === 0)
        return '';
    return `~${chapter.sentencesChanged} +${chapter.sentencesAdded} −${chapter.sentencesRemoved}`;
}
function count(value) {
    return value.toLocaleString('en-US');
}
/** Cents, but a cost too small for a cent still shows as one ("<$0.01"), never as nothing. */
function dollars(value) {
    if (value > 0 && value < 0.005)
        return '<$0.01';
    return `$${value.toFixed(2)}`;
}
function costText(cost) {
    return `${dollars(cost.standard)} / ${dollars(cost.act)}`;
}
/** The lines above the table: chapters by state, and the whole catch-up. */
function headlineLines(status) {
    const { totals } = status;
    const states = CHAPTER_STATES.filter((state) => totals.byState[state] > 0).map((state) => `${totals.byState[state]} ${state}`);
    const reused = totals.unitsReused > 0 ? ` (${count(totals.unitsReused)} more filled from translation memory)` : '';
    const refused = totals.withProblems > 0
        ? [`${totals.withProblems} chapter(s) a sync would leave as they are (⚠), not counted: see below.`]
        : [];
    return [
        `${totals.chapters} chapters: ${states.join(', ')}.`,
        `To translate: ${count(totals.charactersToTranslate)} characters in ${count(totals.unitsToTranslate)} units${reused}, ` +
            `about ${dollars(totals.estimatedCostUsd.standard)} at the standard price or ${dollars(totals.estimatedCostUsd.act)} with ACT ` +
            `(${dollars(status.pricePerMillionUsd.standard)} / ${dollars(status.pricePerMillionUsd.act)} per million characters).`,
        `Old English: ${status.oldEnglish}.`,
        ...refused,
    ];
}
function sentencesLegend() {
    return 'Sentences: ~ changed, + added, − removed since the English the translation was made from (slide markers aside).';
}

;// CONCATENATED MODULE: ./src/status/formatMarkdown.ts



/** The status as GitHub Markdown: a table sorted by how far behind, a bar per chapter, and the totals. */
function formatStatusMarkdown(status, options = {}) {
    const hashes = '#'.repeat(options.headingLevel ?? 2);
    const rows = statusRows(status);
    const head = [
        `${hashes} Translation status: ${escapeInline(status.targetLanguage)} ← ${escapeInline(status.sourceLanguage)}`,
        '',
        ...headlineLines(status).map((line) => `${escapeInline(line)}  `),
        '',
        `| ${Object.values(COLUMN_TITLES).map(escapeInline).join(' | ')} |`,
        '|:--|:--|:--|--:|--:|--:|:--|',
    ];
    const total = `| **Total** | | | ${escapeInline(`~${status.totals.sentencesChanged} +${status.totals.sentencesAdded} −${status.totals.sentencesRemoved}`)} | **${count(status.totals.charactersToTranslate)}** | **${escapeInline(costText(status.totals.estimatedCostUsd))}** | |`;
    const problems = rows.filter((row) => row.chapter.problem !== undefined);
    const tail = [
        '',
        escapeInline(sentencesLegend()),
        ...(problems.length > 0
            ? [
                '',
                '**Left as they are by a sync** (⚠):',
                '',
                ...problems.map((row) => `- ${codeName(row.chapter.path)}: ${escapeInline(row.chapter.problem ?? '')}`),
            ]
            : []),
        '',
    ];
    const limit = options.maxCharacters ?? Number.POSITIVE_INFINITY;
    const body = rows.map(markdownRow);
    let shown = body.length;
    const assemble = () => {
        const omitted = body.length - shown;
        const note = omitted > 0 ? [`| … ${omitted} more chapters, less behind | | | | | | |`] : [];
        return [...head, ...body.slice(0, shown), ...note, total, ...tail].join('\n');
    };
    let text = assemble();
    while (text.length > limit && shown > 0) {
        shown -= Math.max(1, Math.ceil((text.length - limit) / 120));
        shown = Math.max(0, shown);
        text = assemble();
    }
    return text.length > limit ? cutAtLine(text, limit) : text;
}
function markdownRow(row) {
    const chapter = row.chapter.renamedFrom
        ? `${codeName(row.chapter.path)} (was ${codeName(row.chapter.renamedFrom)})`
        : codeName(row.chapter.path);
    const bar = row.bar ? `\`${row.bar}\` ${row.share}` : '';
    return `| ${[chapter, escapeInline(row.state), escapeInline(row.behind), escapeInline(row.sentences), row.characters, escapeInline(row.cost), bar].join(' | ')} |`;
}

;// CONCATENATED MODULE: ./src/status/formatText.ts

/** The status for a terminal: the same rows as the Markdown table, in aligned columns. */
function formatStatusText(status) {
    const rows = statusRows(status);
    const table = [
        [
            COLUMN_TITLES.chapter,
            COLUMN_TITLES.state,
            COLUMN_TITLES.behind,
            COLUMN_TITLES.sentences,
            COLUMN_TITLES.characters,
            COLUMN_TITLES.cost,
            COLUMN_TITLES.bar,
        ],
        ...rows.map((row) => [
            row.chapter.renamedFrom ? `${row.chapter.path} (was ${row.chapter.renamedFrom})` : row.chapter.path,
            row.state,
            row.behind,
            row.sentences,
            row.characters,
            row.cost,
            row.bar ? `${row.bar} ${row.share}` : '',
        ]),
        [
            'Total',
            '',
            '',
            `~${status.totals.sentencesChanged} +${status.totals.sentencesAdded} −${status.totals.sentencesRemoved}`,
            count(status.totals.charactersToTranslate),
            costText(status.totals.estimatedCostUsd),
            '',
        ],
    ];
    const widths = table[0]?.map((_, column) => Math.max(...table.map((cells) => (cells[column] ?? '').length))) ?? [];
    const rightAligned = new Set([4, 5]);
    const lines = table.map((cells) => cells
        .map((cell, column) => rightAligned.has(column) ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0))
        .join('  ')
        .trimEnd());
    const problems = rows
        .filter((row) => row.chapter.problem !== undefined)
        .map((row) => `  ⚠ ${row.chapter.path}: ${row.chapter.problem ?? ''}`);
    return [
        `Translation status (${status.sourceLanguage} → ${status.targetLanguage})`,
        ...headlineLines(status),
        '',
        ...lines,
        '',
        sentencesLegend(),
        ...(problems.length > 0 ? ['', 'Left as they are by a sync:', ...problems] : []),
        '',
    ].join('\n');
}

;// CONCATENATED MODULE: ./src/status/prices.ts

/** Amazon Translate's list prices, standard and ACT, with the same `AMTS_AWS_PRICE_*` overrides the engines read. */
function statusPrices(env = process.env) {
    try {
        return (0,aws_settings/* readAwsSettingsFromEnvironment */.IP)(env).pricePerMillion ?? aws_settings/* DEFAULT_PRICE_PER_MILLION */.bE;
    }
    catch {
        // A bad variable is the engine's to report; the estimate uses the list price.
        return aws_settings/* DEFAULT_PRICE_PER_MILLION */.bE;
    }
}

// EXTERNAL MODULE: ./src/workers/pool.ts
var pool = __webpack_require__(1677);
;// CONCATENATED MODULE: ./src/workers/syncPreparer.ts
/**
 * Sync's chapter preparation (parse, align, check, plan) on every core. It lives here, not in src/sync, because
 * src/sync stays free of threads: syncBook takes any ChapterPreparer and prepares inline without one.
 */


function createParallelPreparer(jobs = (0,external_node_os_.availableParallelism)(), log) {
    return async (tasks) => {
        const { outcomes, stats } = await (0,pool.runInWorkers)('prepare-sync-chapter', tasks, { jobs });
        log?.(describePoolRun(stats));
        return outcomes;
    };
}
function describePoolRun(stats) {
    const where = stats.workersStarted === 0
        ? `${stats.chaptersInMainThread} in the main thread`
        : `${stats.chaptersInWorkers} in ${stats.workersStarted} worker thread(s), ${stats.chaptersInMainThread} in the main thread`;
    const failures = stats.workerFailures.map((failure) => `; a worker stopped (its chapters ran in the main thread): ${failure}`);
    return `prepared ${stats.chaptersInWorkers + stats.chaptersInMainThread} chapters: ${where}${failures.join('')}`;
}

;// CONCATENATED MODULE: ./src/engines/engineFlags.ts



/** Spread into a command's `parseArgs` options. */
const ENGINE_FLAG_OPTIONS = {
    engine: { type: 'string' },
    'aws-region': { type: 'string' },
    's3-bucket': { type: 'string' },
    's3-prefix': { type: 'string' },
    'data-access-role-arn': { type: 'string' },
    'role-arn': { type: 'string' },
    'parallel-data-name': { type: 'string' },
    'parallel-data-file': { type: 'string' },
    'terminology-name': { type: 'string' },
    'terminology-file': { type: 'string' },
    'kms-key-id': { type: 'string' },
    formality: { type: 'string' },
    profanity: { type: 'boolean' },
    'max-characters': { type: 'string' },
    'job-wait-minutes': { type: 'string' },
    'job-deadline-seconds': { type: 'string' },
    'keep-s3-objects': { type: 'boolean' },
};
/** For a command's synopsis line. */
const ENGINE_FLAGS_SYNOPSIS = `--engine ${ENGINE_KINDS.join('|')} [--aws-region R] [--s3-bucket B] [--s3-prefix P] [--data-access-role-arn ARN] ` +
    '[--parallel-data-name N [--parallel-data-file F]] [--terminology-name N [--terminology-file F]] ' +
    '[--kms-key-id K] [--formality FORMAL|INFORMAL] [--profanity] [--max-characters N] ' +
    '[--job-wait-minutes M] [--keep-s3-objects]';
/** `--help` lines of the engine flags; each AWS flag wins over its `AMTS_AWS_*` variable and has the action input's name. */
const ENGINE_FLAG_HELP = {
    engine: { value: `<${ENGINE_KINDS.join('|')}>`, description: 'Translation engine (required)' },
    'aws-region': {
        value: '<region>',
        description: 'Region of Amazon Translate and the bucket',
        default: 'AMTS_AWS_REGION, else AWS_REGION',
    },
    's3-bucket': {
        value: '<bucket>',
        description: 'Bucket for batch job input and output (engine aws)',
        default: 'AMTS_AWS_BUCKET',
    },
    's3-prefix': {
        value: '<prefix>',
        description: 'Key prefix for everything AMTS writes to the bucket',
        default: 'amts',
    },
    'data-access-role-arn': {
        value: '<arn>',
        description: 'IAM role Translate assumes to read job input and write job output (engine aws)',
        default: 'AMTS_AWS_ROLE_ARN',
    },
    'role-arn': { value: '<arn>', description: '', deprecatedFor: 'data-access-role-arn' },
    'parallel-data-name': {
        value: '<name>',
        description: 'Active Custom Translation parallel data resource to translate with (billed at the ACT price)',
        default: 'none',
    },
    'parallel-data-file': {
        value: '<file>',
        description: 'Parallel data file to create or update that resource from',
        default: 'none',
    },
    'terminology-name': {
        value: '<name>',
        description: 'Custom terminology resource to translate with',
        default: 'none',
    },
    'terminology-file': { value: '<file>', description: 'Terminology CSV to import when it changed', default: 'none' },
    'kms-key-id': { value: '<key>', description: 'KMS key for the batch job output', default: "Translate's own key" },
    formality: {
        value: '<FORMAL|INFORMAL>',
        description: 'Formality of the drafts, where the language has it',
        default: 'not set',
    },
    profanity: { description: 'Mask profane words in the drafts', default: 'off' },
    'max-characters': {
        value: '<n>',
        description: 'Refuse to send more than this many characters in one run',
        default: 'no limit',
    },
    'job-wait-minutes': {
        value: '<minutes>',
        description: 'How long to wait for a batch job before giving up waiting (the job keeps running)',
        default: '360',
    },
    'job-deadline-seconds': {
        value: '<seconds>',
        description: 'Deprecated: use --job-wait-minutes (this old flag takes seconds)',
        default: 'see --job-wait-minutes',
    },
    'keep-s3-objects': { description: "Keep a run's objects in the bucket (for debugging)", default: 'off' },
};
/** Old spellings still accepted, each with a deprecation line. */
function engineFlagsWithoutDeprecated(values, warn) {
    const renamed = renameDeprecatedFlags(values, ENGINE_FLAG_HELP, warn);
    const seconds = renamed['job-deadline-seconds'];
    if (seconds === undefined)
        return renamed;
    if (renamed['job-wait-minutes'] !== undefined)
        throw new errors/* UsageError */.eb('give --job-wait-minutes or its old form --job-deadline-seconds, not both');
    warn('--job-deadline-seconds is deprecated; use --job-wait-minutes');
    return renamed;
}
function engineKindFromFlags(values) {
    const name = values.engine?.trim();
    if (name === undefined || name === '')
        throw new errors/* UsageError */.eb('--engine is required');
    if (!isEngineKind(name))
        throw new errors/* UsageError */.eb(`unknown engine '${name}': choose one of ${ENGINE_KINDS.join(', ')}`);
    return name;
}
function positiveNumberFlag(flag, value, integer) {
    if (value === undefined)
        return undefined;
    const number = Number(value.trim().replace(/_/gu, ''));
    if (value.trim() === '' || !Number.isFinite(number) || number <= 0 || (integer && !Number.isInteger(number)))
        throw new errors/* UsageError */.eb(`${flag} '${value}' is not a positive ${integer ? 'whole number' : 'number'}`);
    return number;
}
function formalityFlag(value) {
    if (value === undefined)
        return undefined;
    const upper = value.trim().toUpperCase();
    if (upper === 'FORMAL' || upper === 'INFORMAL')
        return upper;
    throw new errors/* UsageError */.eb(`--formality '${value}' is not FORMAL or INFORMAL`);
}
/** The AWS settings the flags give; flags not given stay undefined so `AMTS_AWS_*` can fill them. */
function awsSettingsFromFlags(given, warn = () => undefined) {
    const values = engineFlagsWithoutDeprecated(given, warn);
    const minutes = positiveNumberFlag('--job-wait-minutes', values['job-wait-minutes'], false);
    return definedEntries({
        region: values['aws-region'],
        bucket: values['s3-bucket'],
        prefix: values['s3-prefix'] === undefined ? undefined : normalizePrefix(values['s3-prefix']),
        dataAccessRoleArn: values['data-access-role-arn'],
        parallelDataName: values['parallel-data-name'],
        parallelDataFile: values['parallel-data-file'],
        terminologyName: values['terminology-name'],
        terminologyFile: values['terminology-file'],
        kmsKeyId: values['kms-key-id'],
        formality: formalityFlag(values.formality),
        profanity: values.profanity ? 'MASK' : undefined,
        maxCharacters: positiveNumberFlag('--max-characters', values['max-characters'], true),
        jobDeadlineSeconds: minutes === undefined
            ? positiveNumberFlag('--job-deadline-seconds', values['job-deadline-seconds'], false)
            : minutes * 60,
        keepS3Objects: values['keep-s3-objects'],
    });
}
/**
 * The engine the flags (over `AMTS_AWS_*`) describe, settings checked and resources prepared.
 * A bad setting is a usage error naming the flag. Close the engine when done.
 */
async function engineFromFlags(values, context = {}) {
    const { resumeJobId, ...engineContext } = context;
    const spec = {
        kind: engineKindFromFlags(values),
        aws: awsSettingsFromFlags(values, engineContext.log),
        ...(resumeJobId ? { resumeJobId } : {}),
    };
    try {
        return await openEngine(spec, engineContext);
    }
    catch (error) {
        if (error instanceof EngineSettingsError)
            throw new errors/* UsageError */.eb(error.message);
        throw error;
    }
}
/**
 * A dry run's engine: nothing is opened or sent, but the AWS settings are resolved (every missing one named at
 * once) and the estimate uses the price the real run would pay.
 */
function planningEngineFromFlags(values, context = {}) {
    const spec = { kind: engineKindFromFlags(values), aws: awsSettingsFromFlags(values, context.log) };
    try {
        return planningEngine(spec, { check: true, ...(context.env ? { env: context.env } : {}) });
    }
    catch (error) {
        if (error instanceof EngineSettingsError)
            throw new errors/* UsageError */.eb(error.message);
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/report/structureSummary.ts
/**
 * The structure changes of one chapter in a few words, for the CLI line, the PR table and the job summary
 * ("cells 2 updated (5 comments kept, 1 lost), 1 inserted; tabs 1 inserted; 3 translation-only blocks kept").
 * Empty when the chapter's structure did not change and it has no translation-only blocks.
 */
function structureSummary(counts) {
    if (!counts)
        return '';
    const parts = [];
    const cells = [
        counts.cellsUpdated > 0
            ? `${counts.cellsUpdated} updated${commentNote(counts.commentsCarried, counts.commentsDropped)}`
            : '',
        counts.cellsInserted > 0 ? `${counts.cellsInserted} inserted` : '',
        counts.cellsRemoved > 0 ? `${counts.cellsRemoved} removed` : '',
        counts.cellsMoved > 0 ? `${counts.cellsMoved} moved` : '',
    ].filter(Boolean);
    if (cells.length > 0)
        parts.push(`cells ${cells.join(', ')}`);
    const tabs = [
        counts.tabsInserted > 0 ? `${counts.tabsInserted} inserted` : '',
        counts.tabsRemoved > 0 ? `${counts.tabsRemoved} removed` : '',
    ].filter(Boolean);
    if (tabs.length > 0)
        parts.push(`tabs ${tabs.join(', ')}`);
    if (counts.blocksChanged > 0)
        parts.push(`${counts.blocksChanged} other blocks changed`);
    if (counts.alreadyPresent > 0)
        parts.push(`${counts.alreadyPresent} English changes already in the translation`);
    if (counts.targetOnlyRemoved > 0)
        parts.push(`${counts.targetOnlyRemoved} translation-only blocks removed with their section`);
    if (counts.targetOnlyKept > 0)
        parts.push(`${counts.targetOnlyKept} translation-only blocks kept`);
    return parts.join('; ');
}
function commentNote(carried, dropped) {
    if (carried === 0 && dropped === 0)
        return '';
    return dropped === 0
        ? ` (${carried} translated comments kept)`
        : ` (${carried} translated comments kept, ${dropped} lost)`;
}

;// CONCATENATED MODULE: ./src/sync/completeOutBook.ts



/**
 * Makes a sync's output a complete book: beside the chapters the sync wrote, every other file of the translation
 * (unchanged chapters, origins, images, config) except the chapters the sync deleted or renamed away; then the
 * whole book replaces the files in `outDir`. What the sync wrote is never overwritten by the old translation.
 */
async function completeOutBook(book) {
    const gone = new Set();
    for (const file of book.report.files) {
        const removed = file.status === 'deleted' ? file.path : file.renamedFrom;
        if (removed === undefined)
            continue;
        gone.add(removed);
        if (book.base.kind === 'origin-suffix')
            gone.add(withSuffix(removed, book.base.suffix));
    }
    await (0,promises_.cp)(book.targetDir, book.staging, {
        recursive: true,
        force: false,
        errorOnExist: false,
        filter: (source) => {
            const path = (0,external_node_path_.relative)(book.targetDir, source).split(external_node_path_.sep).join('/');
            return path !== '.git' && !path.startsWith('.git/') && !gone.has(path);
        },
    });
    await (0,promises_.cp)(book.staging, book.outDir, { recursive: true, force: true });
}

;// CONCATENATED MODULE: ./src/sync/report.ts
const report_NEW_CHAPTERS = ['draft', 'skip'];

;// CONCATENATED MODULE: ./src/commands/syncCli.ts














/** Where the old English comes from: the same flags for every command that reads a translation's old English. */
const OLD_ENGLISH_OPTIONS = {
    'origin-suffix': { type: 'string' },
    base: { type: 'string' },
    'state-file': { type: 'string' },
    state: { type: 'string' },
};
const OLD_ENGLISH_FLAGS = {
    'origin-suffix': {
        value: '<suffix>',
        description: 'Old English is <chapter><suffix>.md beside each translated chapter',
        default: '_origin, unless --base or --state-file',
    },
    base: {
        value: '<dir or git rev>',
        description: 'Old English from this directory or git revision of --source',
        default: 'none: origin files',
    },
    'state-file': {
        value: '<json>',
        description: 'Old English from the source commit recorded in this sync state file',
        default: 'none: origin files',
    },
    state: { value: '<json>', description: '', deprecatedFor: 'state-file' },
};
const syncCli_OPTIONS = {
    ...ENGINE_FLAG_OPTIONS,
    source: { type: 'string' },
    target: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    ...OLD_ENGLISH_OPTIONS,
    files: { type: 'string', multiple: true },
    'new-chapters': { type: 'string' },
    strict: { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    report: { type: 'string' },
    out: { type: 'string' },
    'price-per-million': { type: 'string' },
    jobs: { type: 'string' },
};
const syncCli_FLAGS = {
    source: { value: '<dir>', description: 'The new English book (required)' },
    target: { value: '<dir>', description: 'The translation to update, in place unless --out (required)' },
    from: { value: '<lang>', description: 'Language of the English, a code Amazon Translate accepts (required)' },
    to: {
        value: '<lang>',
        description: "Language of the translation; checked against the translation's own text (required)",
    },
    ...OLD_ENGLISH_FLAGS,
    files: { value: '<glob>', description: 'Sync only the chapters these globs match (repeatable)', default: '**/*.md' },
    'new-chapters': {
        value: '<draft|skip>',
        description: `English chapters the translation lacks: draft them whole or list them as skipped (${TARGET_CONFIG_FILE} exclude: globs leaves chapters out for good)`,
        default: 'draft',
    },
    strict: { description: 'Chapters without old English (index.md) are errors instead of skipped', default: 'off' },
    'dry-run': {
        description: 'Plan and estimate only: nothing is sent or written (AWS settings are still checked)',
        default: 'off',
    },
    report: { value: '<json>', description: 'Write the full report as JSON', default: 'none' },
    out: {
        value: '<dir>',
        description: 'Write the complete synced book (unchanged chapters too) to this new or empty directory; --target is left as it was',
        default: 'update --target in place',
    },
    'price-per-million': {
        value: '<USD>',
        description: 'List price per million characters for the estimate',
        default: "the engine's: $15 standard, $60 with a parallel data resource (ACT), 0 offline",
    },
    jobs: { value: '<n>', description: 'Threads preparing chapters', default: 'every core' },
    ...ENGINE_FLAG_HELP,
};
const syncCli = {
    name: 'sync',
    synopsis: 'sync --source <new-English dir> --target <translation dir> --from <lang> --to <lang> ' +
        '[--origin-suffix _origin | --base <old-English dir or git rev> | --state-file <state.json>] [--files <glob>]... ' +
        '[--new-chapters draft|skip] [--strict] [--dry-run] [--report <json>] [--out <dir>] [--price-per-million USD] ' +
        `[--jobs <n>] ${ENGINE_FLAGS_SYNOPSIS}`,
    summary: 'Updates a translation to its new English: human sentences whose English did not change are kept byte for byte, ' +
        'changed and new sentences are drafted. Chapters that never had old English are skipped and listed. ' +
        '--out writes the complete synced book elsewhere instead of in place.',
    flags: syncCli_FLAGS,
    async run(args, output) {
        const log = (message) => output.stderr(`amts sync: ${message}\n`);
        const values = renameDeprecatedFlags((0,commands_args/* parseCommandArgs */.Qx)(args, syncCli_OPTIONS).values, syncCli_FLAGS, log);
        const sourceDir = (0,commands_args/* requiredFlag */.SN)(values.source, '--source');
        const targetDir = (0,commands_args/* requiredFlag */.SN)(values.target, '--target');
        await requireDirectory(sourceDir, '--source');
        await requireDirectory(targetDir, '--target');
        const flagPrice = values['price-per-million'] === undefined ? undefined : Number(values['price-per-million']);
        if (flagPrice !== undefined && !(flagPrice >= 0))
            throw new commands_args/* UsageError */.eb('--price-per-million must be a number of dollars');
        const jobs = (0,commands_args/* jobsFlag */.xj)(values.jobs);
        const sourceLanguage = (0,commands_args/* languageFlag */.tY)(values.from, '--from');
        const targetLanguage = (0,commands_args/* languageFlag */.tY)(values.to, '--to');
        const newChapters = newChaptersFlag(values['new-chapters']);
        const dryRun = values['dry-run'] ?? false;
        if (values.out !== undefined)
            requireOutsideTarget(values.out, targetDir);
        const base = await baseOf(values, sourceDir);
        await refuseBookBeforeSync({ base, targetDir, targetLanguage });
        const engine = dryRun ? planningEngineFromFlags(values, { log }) : await engineFromFlags(values, { log });
        const price = flagPrice ?? engine.pricePerMillionUsd;
        // The sync writes into a fresh folder that becomes the complete book; --out receives it only when it is whole.
        const staging = values.out !== undefined && !dryRun ? await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'amts-sync-out-')) : undefined;
        let report;
        try {
            report = await syncBook({
                sourceDir,
                targetDir,
                sourceLanguage,
                targetLanguage,
                base,
                ...(values.files ? { include: values.files } : {}),
                dryRun,
                newChapters,
                strict: values.strict ?? false,
            }, engine, {
                ...(staging !== undefined ? { outDir: staging } : {}),
                pricePerMillionUsd: price,
                log,
                prepareChapters: createParallelPreparer(jobs, log),
            });
            if (staging !== undefined && values.out !== undefined)
                await completeOutBook({ targetDir, staging, outDir: values.out, report, base });
        }
        finally {
            engine.close();
            if (staging !== undefined)
                await (0,promises_.rm)(staging, { recursive: true, force: true });
        }
        if (values.report !== undefined)
            await (0,writeFileAtomic/* writeFileAtomic */.Z)(values.report, `${JSON.stringify(report, null, 2)}\n`);
        printSummary(report, output, dryRun ? undefined : values.out);
        return report.totals.filesWithErrors > 0 ? 1 : 0;
    },
};
function newChaptersFlag(value) {
    if (value === undefined)
        return 'draft';
    const choice = report_NEW_CHAPTERS.find((candidate) => candidate === value);
    if (!choice)
        throw new commands_args/* UsageError */.eb(`--new-chapters must be one of ${report_NEW_CHAPTERS.join(', ')}, not '${value}'`);
    return choice;
}
async function baseOf(values, sourceDir) {
    const chosen = [values['origin-suffix'], values.base, values['state-file']].filter((value) => value !== undefined);
    if (chosen.length > 1)
        throw new commands_args/* UsageError */.eb('choose one of --origin-suffix, --base and --state-file');
    if (values['state-file'] !== undefined)
        return { kind: 'state-file', path: (0,external_node_path_.resolve)(values['state-file']) };
    if (values.base !== undefined) {
        const isDirectory = await (0,promises_.stat)(values.base).then((info) => info.isDirectory(), () => false);
        return isDirectory
            ? { kind: 'directory', path: values.base }
            : { kind: 'git-rev', repo: sourceDir, rev: values.base };
    }
    return { kind: 'origin-suffix', suffix: values['origin-suffix'] ?? '_origin' };
}
async function requireDirectory(path, flag) {
    const isDirectory = await (0,promises_.stat)(path).then((info) => info.isDirectory(), () => false);
    if (!isDirectory)
        throw new commands_args/* UsageError */.eb(`${flag} ${path} is not a directory`);
}
/** `--out` receives a whole book, so it cannot be the translation or inside it. */
function requireOutsideTarget(out, targetDir) {
    const inside = (0,external_node_path_.relative)((0,external_node_path_.resolve)(targetDir), (0,external_node_path_.resolve)(out));
    if (!inside.startsWith('..') && !(0,external_node_path_.isAbsolute)(inside))
        throw new commands_args/* UsageError */.eb(`--out ${out} is inside --target ${targetDir}: give a directory outside the translation`);
}
function printSummary(report, output, out) {
    const { totals } = report;
    const skipped = report.files.filter((file) => file.status === 'skipped');
    const lines = [
        `${report.dryRun ? 'Plan (dry run, nothing written)' : 'Synced'}: ${totals.files} files, ${totals.filesChanged} changed, ` +
            `${skipped.length} skipped, ${totals.filesWithErrors} with problems`,
        `  units kept ${totals.kept}, reused ${totals.reused}, drafted ${totals.drafted}, removed ${totals.removed}` +
            (totals.failed ? `, failed ${totals.failed}` : ''),
        `  characters ${report.dryRun ? 'to send' : 'sent'}: ${totals.charactersSent} (estimated $${totals.estimatedCostUsd.toFixed(2)})`,
    ];
    for (const file of report.files) {
        if (file.status === 'error')
            lines.push(`  error: ${file.path}: ${file.error ?? 'unknown problem'}`);
        else if (file.status === 'skipped')
            lines.push(`  skipped: ${file.path}: ${file.reason ?? 'no reason given'}`);
        else if (file.status !== 'unchanged') {
            const restyled = file.restyled?.length ?? 0;
            const structure = structureSummary(file.structureCounts);
            lines.push(`  ${file.status}: ${file.path} (kept ${file.kept}, reused ${file.reused}, drafted ${file.drafted}, removed ${file.removed}` +
                `${restyled > 0 ? `; ${restyled} with new slide markers, translation kept` : ''}` +
                `${structure ? `; ${structure}` : ''})`);
        }
    }
    if (out !== undefined)
        lines.push(`  the complete synced book is in ${out}; the translation itself was not changed`);
    output.stdout(`${lines.join('\n')}\n`);
}

;// CONCATENATED MODULE: ./src/commands/statusCli.ts














const FORMATS = ['text', 'md', 'json'];
const statusCli_OPTIONS = {
    source: { type: 'string' },
    target: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    ...OLD_ENGLISH_OPTIONS,
    format: { type: 'string' },
    output: { type: 'string' },
    cache: { type: 'string' },
    'no-cache': { type: 'boolean' },
    jobs: { type: 'string' },
};
const statusCli_FLAGS = {
    source: { value: '<dir>', description: 'The new English book (required)' },
    target: { value: '<dir>', description: 'The translation, only read (required)' },
    from: { value: '<lang>', description: 'Language of the English (required)' },
    to: { value: '<lang>', description: 'Language of the translation (required)' },
    ...OLD_ENGLISH_FLAGS,
    format: {
        value: '<text|md|json>',
        description: 'text for a terminal, md for GitHub (a table with a bar per chapter), json for programs',
        default: 'text',
    },
    output: { value: '<file>', description: 'Write the status to this file instead of stdout', default: 'stdout' },
    cache: {
        value: '<dir>',
        description: 'Keep chapter plans here, so a later status of an unchanged chapter reads it instead of planning it',
        default: '$XDG_CACHE_HOME/amts/plans, else ~/.cache/amts/plans',
    },
    'no-cache': { description: 'Plan every chapter, reading and writing no cache', default: 'off' },
    jobs: { value: '<n>', description: 'Threads planning chapters', default: 'every core' },
};
const statusCli = {
    name: 'status',
    synopsis: 'status --source <new-English dir> --target <translation dir> --from <lang> --to <lang> ' +
        '[--origin-suffix _origin | --base <old-English dir or git rev> | --state-file <state.json>] ' +
        '[--format text|md|json] [--output <file>] [--cache <dir> | --no-cache] [--jobs <n>]',
    summary: 'Which chapters of a translation lag the English, by how much, and what catching up costs: per chapter its state ' +
        `(current, outdated, untranslated, unknown, orphaned, excluded by ${TARGET_CONFIG_FILE}), the sentences changed, ` +
        'the characters a sync would send and their price. Reads what sync reads; sends and writes nothing.',
    flags: statusCli_FLAGS,
    async run(args, output) {
        const log = (message) => output.stderr(`amts status: ${message}\n`);
        const values = renameDeprecatedFlags((0,commands_args/* parseCommandArgs */.Qx)(args, statusCli_OPTIONS).values, statusCli_FLAGS, log);
        const sourceDir = (0,commands_args/* requiredFlag */.SN)(values.source, '--source');
        const targetDir = (0,commands_args/* requiredFlag */.SN)(values.target, '--target');
        await requireDirectory(sourceDir, '--source');
        await requireDirectory(targetDir, '--target');
        const sourceLanguage = (0,commands_args/* languageFlag */.tY)(values.from, '--from');
        const targetLanguage = (0,commands_args/* languageFlag */.tY)(values.to, '--to');
        const format = formatFlag(values.format);
        if (values.cache !== undefined && values['no-cache'])
            throw new commands_args/* UsageError */.eb('give --cache <dir> or --no-cache, not both');
        const jobs = (0,commands_args/* jobsFlag */.xj)(values.jobs);
        const base = await baseOf(values, sourceDir);
        await refuseBookBeforeSync({ base, targetDir, targetLanguage });
        const parallel = createParallelPreparer(jobs);
        const cache = values['no-cache'] ? undefined : (values.cache ?? defaultCacheDirectory());
        const status = await bookStatus({ sourceDir, targetDir, sourceLanguage, targetLanguage, base, pricePerMillionUsd: statusPrices() }, { prepareChapters: parallel, ...(cache === undefined ? {} : { cacheDirectory: cache }) });
        const text = formatStatus(status, format);
        if (values.output !== undefined)
            await (0,writeFileAtomic/* writeFileAtomic */.Z)(values.output, text);
        else
            output.stdout(text);
        return 0;
    },
};
function formatStatus(status, format) {
    switch (format) {
        case 'json':
            return formatStatusJson(status);
        case 'md':
            return formatStatusMarkdown(status);
        case 'text':
            return formatStatusText(status);
    }
}
function formatFlag(value) {
    if (value === undefined)
        return 'text';
    const format = FORMATS.find((candidate) => candidate === value);
    if (!format)
        throw new commands_args/* UsageError */.eb(`--format must be one of ${FORMATS.join(', ')}, not '${value}'`);
    return format;
}
function defaultCacheDirectory(env = process.env) {
    const root = env.XDG_CACHE_HOME?.trim() || (0,external_node_path_.join)((0,external_node_os_.homedir)(), '.cache');
    return (0,external_node_path_.join)(root, 'amts', 'plans');
}

;// CONCATENATED MODULE: ./src/commands/translateCommand.ts








/**
 * Translates files and directory trees in one engine request. A file that cannot be read or parsed
 * is reported and skipped; the others are still translated. Returns whether everything succeeded.
 */
async function translateCommand(options, engine, output) {
    const inputs = await (0,listMarkdownFiles/* listMarkdownFiles */.p)(options.inputs);
    if (inputs.length === 0)
        throw new errors/* InputError */.dz(options.inputs.join(', '), 'holds no .md files');
    const destinations = await planDestinations(inputs, options.out);
    const parsed = [];
    let failedFiles = 0;
    for (const input of inputs) {
        try {
            const document = (0,parseMarkdown/* parseMarkdown */.D)(await (0,readMarkdownFile/* readMarkdownFile */._$)(input.path), input.path);
            document.warnings.forEach((warning) => output.stderr(formatDiagnostic(warning)));
            parsed.push({ input, document });
        }
        catch (error) {
            failedFiles += 1;
            output.stderr(`error: ${(0,errors/* describeError */.Uc)(error)}\n`);
        }
    }
    const result = await translateDocuments(parsed.map((entry) => entry.document), engine, options.sourceLanguage, options.targetLanguage);
    let failedUnits = 0;
    for (const [index, translated] of result.documents.entries()) {
        const entry = parsed[index];
        if (!entry)
            continue;
        for (const failure of translated.failures) {
            failedUnits += 1;
            output.stderr(`warning: ${translated.path}:${failure.line}: not translated: ${failure.reason}\n`);
        }
        const destination = destinations.get(entry.input.path);
        if (destination === undefined)
            output.stdout(translated.text);
        else
            await (0,writeFileAtomic/* writeFileAtomic */.Z)(destination, translated.text);
    }
    return {
        files: inputs.length,
        written: destinations.size === 0 ? 0 : parsed.length,
        failedFiles,
        failedUnits,
        sentCharacters: result.sentCharacters,
    };
}
/**
 * Where each input goes. A translation never replaces one of its own inputs: that would lose the
 * text it was made from.
 */
async function planDestinations(inputs, out) {
    const destinations = new Map();
    if (out === undefined) {
        const first = inputs[0];
        if (inputs.length > 1 || first?.fromDirectory) {
            throw new errors/* InputError */.dz(first?.path ?? '', 'more than one file to translate: name an output directory with --out');
        }
        return destinations;
    }
    const outIsDirectory = inputs.length > 1 || inputs.some((input) => input.fromDirectory) || (await translateCommand_isDirectory(out));
    const inputPaths = new Set(inputs.map((input) => (0,external_node_path_.resolve)(input.path)));
    for (const input of inputs) {
        const destination = outIsDirectory ? (0,external_node_path_.join)(out, input.relativePath) : out;
        if (inputPaths.has((0,external_node_path_.resolve)(destination))) {
            throw new errors/* InputError */.dz(destination, 'is one of the inputs: refusing to overwrite the text being translated');
        }
        destinations.set(input.path, destination);
    }
    return destinations;
}
async function translateCommand_isDirectory(path) {
    return (0,promises_.stat)(path).then((info) => info.isDirectory(), () => path.endsWith('/'));
}
function formatDiagnostic(diagnostic) {
    return `warning: ${diagnostic.path}:${diagnostic.line}: ${diagnostic.message}\n`;
}

;// CONCATENATED MODULE: ./src/commands/translateCli.ts



const translateCli_OPTIONS = {
    ...ENGINE_FLAG_OPTIONS,
    from: { type: 'string' },
    to: { type: 'string' },
    out: { type: 'string' },
};
const translateCli_FLAGS = {
    from: { value: '<lang>', description: 'Language of the inputs, a code Amazon Translate accepts (required)' },
    to: { value: '<lang>', description: 'Language to translate into, a code Amazon Translate accepts (required)' },
    out: {
        value: '<file-or-dir>',
        description: 'Where to write; a directory mirrors the inputs under it',
        default: 'stdout, for one input file',
    },
    ...ENGINE_FLAG_HELP,
};
const translateCli = {
    name: 'translate',
    synopsis: `translate <file-or-dir>... --from <lang> --to <lang> ${ENGINE_FLAGS_SYNOPSIS} [--out <file-or-dir>]`,
    summary: 'Translates Markdown chapters whole. A directory is mirrored under --out; one file without --out goes to stdout. ' +
        'AWS settings not given as flags come from AMTS_AWS_* variables.',
    flags: translateCli_FLAGS,
    async run(args, output) {
        const { values, positionals } = (0,commands_args/* parseCommandArgs */.Qx)(args, translateCli_OPTIONS);
        if (positionals.length === 0)
            throw new commands_args/* UsageError */.eb('name at least one Markdown file or directory to translate');
        const sourceLanguage = (0,commands_args/* languageFlag */.tY)(values.from, '--from');
        const targetLanguage = (0,commands_args/* languageFlag */.tY)(values.to, '--to');
        const engine = await engineFromFlags(values, { log: (message) => output.stderr(`amts translate: ${message}\n`) });
        try {
            const summary = await translateCommand({
                inputs: positionals,
                sourceLanguage,
                targetLanguage,
                ...(values.out !== undefined ? { out: values.out } : {}),
            }, engine, output);
            if (values.out !== undefined) {
                output.stderr(`amts translate: ${summary.written} of ${summary.files} files written, ` +
                    `${summary.sentCharacters} characters sent to ${engine.name}` +
                    `${summary.failedUnits ? `, ${summary.failedUnits} units left untranslated` : ''}\n`);
            }
            return summary.failedFiles > 0 || summary.failedUnits > 0 ? 1 : 0;
        }
        finally {
            engine.close();
        }
    },
};

;// CONCATENATED MODULE: ./src/commands/flagHelp.ts
/**
 * What each flag of a command means, for `amts <command> --help`. Every command keeps one table keyed by its
 * `parseArgs` options, so a flag without a description or without its default does not compile.
 */
/** The flags as lines: name and value, then what it does and its default, deprecated spellings last. */
function formatFlagHelp(table) {
    const entries = Object.entries(table).sort(([, a], [, b]) => Number(a.deprecatedFor !== undefined) - Number(b.deprecatedFor !== undefined));
    const names = entries.map(([flag, help]) => `--${flag}${help.value ? ` ${help.value}` : ''}`);
    const width = Math.min(34, Math.max(...names.map((name) => name.length)) + 2);
    return entries
        .map(([, help], index) => {
        const name = names[index] ?? '';
        const text = help.deprecatedFor
            ? `Deprecated spelling of --${help.deprecatedFor}.`
            : `${help.description}${help.default === undefined ? '' : ` (default: ${help.default})`}`;
        return name.length + 2 > width ? `  ${name}\n  ${' '.repeat(width)}${text}` : `  ${name.padEnd(width)}${text}`;
    })
        .join('\n');
}

;// CONCATENATED MODULE: ./package.json
const package_namespaceObject = {"rE":"0.1.0"};
;// CONCATENATED MODULE: ./src/cli.ts










const COMMANDS = [syncCli, statusCli, pairsCli/* pairsCli */.CU, translateCli, evaluateCli, experimentCli];
function usage() {
    const lines = COMMANDS.map((command) => `  amts ${command.synopsis}\n      ${command.summary}`);
    return (`Usage: amts <command> [options]\n\nCommands:\n${lines.join('\n')}\n\n` +
        'amts <command> --help describes every flag of a command and its default; amts --version prints the version.\n');
}
/** The command line: returns the exit code instead of exiting, so tests run it in-process. */
async function runCli(argv, output) {
    const [name, ...rest] = argv;
    if (name === undefined || name === '--help' || name === '-h') {
        output.stdout(usage());
        return name === undefined ? 2 : 0;
    }
    if (name === '--version' || name === '-v') {
        output.stdout(`amts ${package_namespaceObject.rE}\n`);
        return 0;
    }
    const command = COMMANDS.find((candidate) => candidate.name === name);
    if (!command) {
        output.stderr(`amts: unknown command '${name}'\n\n${usage()}`);
        return 2;
    }
    if (rest.includes('--help') || rest.includes('-h')) {
        output.stdout(`Usage: amts ${command.synopsis}\n\n${command.summary}\n\nOptions:\n${formatFlagHelp(command.flags)}\n`);
        return 0;
    }
    try {
        return await command.run(rest, output);
    }
    catch (error) {
        output.stderr(`amts ${name}: ${(0,errors/* describeError */.Uc)(error)}\n`);
        if (error instanceof commands_args/* UsageError */.eb)
            output.stderr(`Usage: amts ${command.synopsis}\n`);
        return error instanceof errors/* InputError */.dz || error instanceof commands_args/* UsageError */.eb ? 2 : 1;
    }
}


/***/ }),

/***/ 2478:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  lb: () => (/* binding */ AwsSettingsError),
  bE: () => (/* binding */ DEFAULT_PRICE_PER_MILLION),
  Pl: () => (/* binding */ enforceCostGuard),
  IP: () => (/* binding */ readAwsSettingsFromEnvironment),
  Nu: () => (/* binding */ validateAwsSettings)
});

// UNUSED EXPORTS: AWS_SETTINGS_DEFAULTS, CostGuardError, estimateCostUsd

;// CONCATENATED MODULE: ./src/engines/aws/actRegions.ts
/**
 * Where Active Custom Translation runs. Amazon Translate's developer guide lists the regions ("Customizing your
 * translations with parallel data", Region availability): US East (N. Virginia), US West (Oregon) and Europe
 * (Ireland). A batch job with parallel data elsewhere is refused by the service after everything was uploaded, so
 * the settings are checked against this list before anything is sent.
 */
const ACT_REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1'];
/** Undefined when `region` runs ACT, else the one-line reason naming the regions that do. */
function actRegionProblem(region) {
    if (ACT_REGIONS.includes(region))
        return undefined;
    return (`Active Custom Translation (parallel data) is not available in ${region}; Amazon Translate offers it in ` +
        `${ACT_REGIONS.join(', ')} only. Run in one of them, or turn parallel data off (parallel-data: off).`);
}

;// CONCATENATED MODULE: ./src/engines/aws/settings.ts
/**
 * Settings of the Amazon Translate engines, their validation (which runs before anything is
 * uploaded, so a typo never costs a job) and a reader for `AMTS_AWS_*` environment variables, the
 * one channel through which the CLI and the Action pass them.
 */

/** Amazon Translate list prices in USD (2024): ACT batch $60, standard $15 per million characters. */
const DEFAULT_PRICE_PER_MILLION = { act: 60, standard: 15 };
const AWS_SETTINGS_DEFAULTS = {
    prefix: 'amts/',
    pricePerMillion: DEFAULT_PRICE_PER_MILLION,
    jobDeadlineSeconds: 6 * 60 * 60,
    pollIntervalSeconds: 30,
    keepS3Objects: false,
};
class AwsSettingsError extends Error {
    setting;
    constructor(setting, problem) {
        super(`Invalid AWS setting "${setting}": ${problem}`);
        this.setting = setting;
        this.name = 'AwsSettingsError';
    }
}
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/u;
const ROLE_ARN = /^arn:aws(-[^:]+)?:iam::\d{12}:role\/.+$/u;
/** Parallel data and terminology names, per the Translate API model. */
const RESOURCE_NAME = /^([A-Za-z0-9-]_?)+$/u;
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/u;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/u;
function checkBucket(bucket) {
    if (!BUCKET.test(bucket))
        throw new AwsSettingsError('bucket', `"${bucket}" is not an S3 bucket name (3-63 of a-z, 0-9, ".", "-")`);
    if (bucket.includes('..') || IPV4.test(bucket) || bucket.startsWith('xn--'))
        throw new AwsSettingsError('bucket', `"${bucket}" is not an S3 bucket name`);
}
function checkPrefix(prefix) {
    if (prefix.startsWith('/'))
        throw new AwsSettingsError('prefix', `"${prefix}" must not start with "/"`);
    if (prefix !== '' && !prefix.endsWith('/'))
        throw new AwsSettingsError('prefix', `"${prefix}" must end with "/"`);
    if (prefix.split('/').includes('details'))
        throw new AwsSettingsError('prefix', `"${prefix}" contains a folder named "details", which Translate reserves`);
}
function checkEndpoint(setting, value) {
    if (value === undefined)
        return;
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw new AwsSettingsError(setting, `"${value}" is not a URL`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
        throw new AwsSettingsError(setting, `"${value}" must be an http(s) URL`);
}
function checkPositive(setting, value, integer) {
    if (value === undefined)
        return;
    if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value)))
        throw new AwsSettingsError(setting, `${value} must be a positive ${integer ? 'integer' : 'number'}`);
}
function checkResourceName(setting, value) {
    if (value === undefined)
        return;
    if (value.length > 256 || !RESOURCE_NAME.test(value))
        throw new AwsSettingsError(setting, `"${value}" must match ${RESOURCE_NAME.source} (at most 256 characters)`);
}
function checkBatchOnly(settings) {
    checkBucket(settings.bucket);
    checkPrefix(settings.prefix);
    if (!ROLE_ARN.test(settings.dataAccessRoleArn))
        throw new AwsSettingsError('dataAccessRoleArn', `"${settings.dataAccessRoleArn}" is not an IAM role ARN (arn:aws:iam::<12-digit account>:role/<name>)`);
    if (settings.parallelDataFile !== undefined && settings.parallelDataName === undefined)
        throw new AwsSettingsError('parallelDataName', 'is required when parallelDataFile is set');
    const act = settings.parallelDataName === undefined ? undefined : actRegionProblem(settings.region);
    if (act !== undefined)
        throw new AwsSettingsError('region', act);
}
/**
 * Fills defaults and checks every setting the given mode uses; throws `AwsSettingsError` naming the
 * first bad setting. Realtime translation needs no bucket or role.
 */
function validateAwsSettings(input, mode) {
    const settings = {
        ...AWS_SETTINGS_DEFAULTS,
        bucket: '',
        dataAccessRoleArn: '',
        ...stripUndefined(input),
        region: input.region,
    };
    if (!REGION.test(settings.region))
        throw new AwsSettingsError('region', `"${settings.region}" is not an AWS region such as us-east-1`);
    if (mode === 'batch')
        checkBatchOnly(settings);
    checkResourceName('parallelDataName', settings.parallelDataName);
    checkResourceName('terminologyName', settings.terminologyName);
    if (settings.terminologyFile !== undefined && settings.terminologyName === undefined)
        throw new AwsSettingsError('terminologyName', 'is required when terminologyFile is set');
    if (settings.kmsKeyId !== undefined && settings.kmsKeyId.trim() === '')
        throw new AwsSettingsError('kmsKeyId', 'must not be empty');
    if (settings.formality !== undefined && settings.formality !== 'FORMAL' && settings.formality !== 'INFORMAL')
        throw new AwsSettingsError('formality', `"${String(settings.formality)}" must be FORMAL or INFORMAL`);
    if (settings.profanity !== undefined && settings.profanity !== 'MASK')
        throw new AwsSettingsError('profanity', `"${String(settings.profanity)}" must be MASK`);
    checkEndpoint('endpoint', settings.endpoint);
    checkEndpoint('s3Endpoint', settings.s3Endpoint);
    checkEndpoint('translateEndpoint', settings.translateEndpoint);
    checkPositive('maxCharacters', settings.maxCharacters, true);
    checkPositive('jobDeadlineSeconds', settings.jobDeadlineSeconds, false);
    checkPositive('pollIntervalSeconds', settings.pollIntervalSeconds, false);
    for (const [kind, price] of Object.entries(settings.pricePerMillion))
        if (!Number.isFinite(price) || price < 0)
            throw new AwsSettingsError(`pricePerMillion.${kind}`, `${price} must be a non-negative number`);
    return settings;
}
function stripUndefined(value) {
    return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined));
}
function environmentText(env, name) {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
}
function environmentNumber(env, name) {
    const text = environmentText(env, name);
    if (text === undefined)
        return undefined;
    const value = Number(text);
    if (!Number.isFinite(value))
        throw new AwsSettingsError(name, `"${text}" is not a number`);
    return value;
}
function environmentBoolean(env, name) {
    const text = environmentText(env, name)?.toLowerCase();
    if (text === undefined)
        return undefined;
    if (['1', 'true', 'yes'].includes(text))
        return true;
    if (['0', 'false', 'no'].includes(text))
        return false;
    throw new AwsSettingsError(name, `"${text}" must be true or false`);
}
/**
 * Reads `AMTS_AWS_*` variables (region falls back to `AWS_REGION`). Unset variables stay undefined,
 * so flags can be merged over the result before `validateAwsSettings`.
 */
function readAwsSettingsFromEnvironment(env = process.env) {
    const act = environmentNumber(env, 'AMTS_AWS_PRICE_ACT');
    const standard = environmentNumber(env, 'AMTS_AWS_PRICE_STANDARD');
    const settings = {
        region: environmentText(env, 'AMTS_AWS_REGION') ?? environmentText(env, 'AWS_REGION'),
        bucket: environmentText(env, 'AMTS_AWS_BUCKET'),
        prefix: env['AMTS_AWS_PREFIX']?.trim(),
        dataAccessRoleArn: environmentText(env, 'AMTS_AWS_ROLE_ARN'),
        parallelDataName: environmentText(env, 'AMTS_AWS_PARALLEL_DATA_NAME'),
        parallelDataFile: environmentText(env, 'AMTS_AWS_PARALLEL_DATA_FILE'),
        terminologyName: environmentText(env, 'AMTS_AWS_TERMINOLOGY_NAME'),
        terminologyFile: environmentText(env, 'AMTS_AWS_TERMINOLOGY_FILE'),
        kmsKeyId: environmentText(env, 'AMTS_AWS_KMS_KEY_ID'),
        formality: environmentText(env, 'AMTS_AWS_FORMALITY')?.toUpperCase(),
        profanity: environmentText(env, 'AMTS_AWS_PROFANITY')?.toUpperCase(),
        endpoint: environmentText(env, 'AMTS_AWS_ENDPOINT'),
        s3Endpoint: environmentText(env, 'AMTS_AWS_S3_ENDPOINT'),
        translateEndpoint: environmentText(env, 'AMTS_AWS_TRANSLATE_ENDPOINT'),
        maxCharacters: environmentNumber(env, 'AMTS_AWS_MAX_CHARACTERS'),
        pricePerMillion: act === undefined && standard === undefined
            ? undefined
            : { act: act ?? DEFAULT_PRICE_PER_MILLION.act, standard: standard ?? DEFAULT_PRICE_PER_MILLION.standard },
        jobDeadlineSeconds: environmentNumber(env, 'AMTS_AWS_JOB_DEADLINE_SECONDS'),
        pollIntervalSeconds: environmentNumber(env, 'AMTS_AWS_POLL_INTERVAL_SECONDS'),
        keepS3Objects: environmentBoolean(env, 'AMTS_AWS_KEEP_S3_OBJECTS'),
    };
    return stripUndefined(settings);
}
/** Characters → USD at list price: ACT pricing applies whenever a job uses parallel data. */
function estimateCostUsd(characters, settings, usesParallelData) {
    const price = usesParallelData ? settings.pricePerMillion.act : settings.pricePerMillion.standard;
    return (characters / 1_000_000) * price;
}
class CostGuardError extends Error {
    characters;
    maxCharacters;
    estimatedUsd;
    constructor(characters, maxCharacters, estimatedUsd) {
        super(`Refusing to translate ${characters} characters (estimated $${estimatedUsd.toFixed(2)} at list price): ` +
            `more than maxCharacters=${maxCharacters}. Raise maxCharacters (AMTS_AWS_MAX_CHARACTERS) to allow it.`);
        this.characters = characters;
        this.maxCharacters = maxCharacters;
        this.estimatedUsd = estimatedUsd;
        this.name = 'CostGuardError';
    }
}
/** Throws `CostGuardError` when `characters` exceeds `settings.maxCharacters`. */
function enforceCostGuard(characters, settings, usesParallelData) {
    if (settings.maxCharacters === undefined || characters <= settings.maxCharacters)
        return;
    throw new CostGuardError(characters, settings.maxCharacters, estimateCostUsd(characters, settings, usesParallelData));
}


/***/ }),

/***/ 9449:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   bc: () => (/* binding */ parseUnitHtml),
/* harmony export */   h9: () => (/* binding */ countTranslatableCharacters),
/* harmony export */   pw: () => (/* binding */ createPseudoEngine),
/* harmony export */   tV: () => (/* binding */ isProtectedElement)
/* harmony export */ });
/* unused harmony export pseudoTranslateHtml */
/* harmony import */ var htmlparser2__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1600);
/**
 * An offline stand-in for Amazon Translate that misbehaves the way Amazon Translate does, so that
 * the code putting translations back into Markdown is tested against realistic output without AWS:
 * every translatable word changes, inline elements move within a sentence, whitespace around tags
 * appears and disappears, entities and attributes are re-serialised differently. Everything is
 * derived from hashes of the input, so the same input always gives the same output.
 */

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const SENTENCE_BOUNDARY = /[.!?。！？](?=\s|$)|\n/gu;
const CJK_TARGETS = new Set(['zh', 'ja']);
function isProtectedElement(node) {
    return node.kind === 'element' && node.attributes.some(([name, value]) => name === 'translate' && value === 'no');
}
/** Parses unit HTML into a small tree; adjacent text pieces are merged, entities decoded. */
function parseUnitHtml(html) {
    const root = [];
    const stack = [];
    const currentChildren = () => stack.at(-1)?.children ?? root;
    const parser = new htmlparser2__WEBPACK_IMPORTED_MODULE_0__/* .Parser */ .i({
        onopentag(name, attribs) {
            stack.push({ name, attributes: Object.entries(attribs), children: [], innerStart: parser.endIndex + 1 });
        },
        ontext(text) {
            const siblings = currentChildren();
            const last = siblings.at(-1);
            if (last?.kind === 'text')
                siblings[siblings.length - 1] = { kind: 'text', text: last.text + text };
            else
                siblings.push({ kind: 'text', text });
        },
        onclosetag(_name, isImplied) {
            const open = stack.pop();
            if (!open)
                return;
            const innerEnd = isImplied ? html.length : parser.startIndex;
            const element = {
                kind: 'element',
                name: open.name,
                attributes: open.attributes,
                children: open.children,
            };
            const protectedElement = isProtectedElement(element)
                ? { ...element, protectedInnerHtml: html.slice(open.innerStart, innerEnd) }
                : element;
            currentChildren().push(protectedElement);
        },
    }, { decodeEntities: true });
    parser.write(html);
    parser.end();
    return root;
}
function translatableText(nodes) {
    return nodes
        .map((node) => {
        if (node.kind === 'text')
            return node.text;
        return isProtectedElement(node) ? '' : translatableText(node.children);
    })
        .join('');
}
/** Characters (code points) of entity-decoded text outside `translate="no"` elements. */
function countTranslatableCharacters(html) {
    return [...translatableText(parseUnitHtml(html))].length;
}
function fnv1a(text) {
    let hash = 0x811c9dc5;
    for (let index = 0; index < text.length; index++) {
        hash ^= text.charCodeAt(index);
        hash = Math.imul(hash, 0x01000193);
    }
    return hash >>> 0;
}
/** mulberry32: a tiny seeded generator, so choices are reproducible without Math.random. */
function createChooser(seed) {
    let state = fnv1a(seed);
    const next = () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let value = state;
        value = Math.imul(value ^ (value >>> 15), value | 1);
        value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
        return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
    };
    return (probability) => next() < probability;
}
const ACCENTED = {
    a: 'á',
    b: 'ƀ',
    c: 'ç',
    d: 'đ',
    e: 'é',
    f: 'ƒ',
    g: 'ĝ',
    h: 'ĥ',
    i: 'í',
    j: 'ĵ',
    k: 'ķ',
    l: 'ļ',
    m: 'ɱ',
    n: 'ñ',
    o: 'ö',
    p: 'þ',
    q: 'ʠ',
    r: 'ŕ',
    s: 'š',
    t: 'ţ',
    u: 'ü',
    v: 'ṽ',
    w: 'ŵ',
    x: 'ẋ',
    y: 'ý',
    z: 'ž',
};
function accentWord(word) {
    const accented = [...word]
        .map((character) => {
        const lower = character.toLowerCase();
        const replacement = ACCENTED[lower];
        if (replacement)
            return character === lower ? replacement : replacement.toUpperCase();
        if (character >= '0' && character <= '9')
            return String.fromCodePoint(0xff10 + Number(character));
        return character;
    })
        .join('');
    // Scripts without a table entry would come back unchanged; a trailing letter still marks them.
    return accented === word ? `${word}ẍ` : accented;
}
function cjkWord(word, targetLanguage) {
    const length = Math.min(4, Math.max(1, Math.ceil([...word].length / 3)));
    let result = '';
    for (let index = 0; index < length; index++) {
        const hash = fnv1a(`${word}\u0000${index}`);
        const useKana = targetLanguage === 'ja' && index % 2 === 1;
        result += useKana ? String.fromCodePoint(0x3041 + (hash % 0x56)) : String.fromCodePoint(0x4e00 + (hash % 0x51a5));
    }
    return result === word ? `${result}的` : result;
}
function baseLanguage(code) {
    return code.toLowerCase().split(/[-_]/)[0] ?? '';
}
const FULL_WIDTH_PUNCTUATION = {
    ',': '，',
    '.': '。',
    ';': '；',
    ':': '：',
    '!': '！',
    '?': '？',
};
function translateTextForTarget(text, targetLanguage) {
    if (!CJK_TARGETS.has(targetLanguage))
        return text.replace(WORD, accentWord);
    return text
        .replace(WORD, (word) => cjkWord(word, targetLanguage))
        .replace(/(?<=[\u3040-\u30ff\u3400-\u9fff])[ \t]+(?=[\u3040-\u30ff\u3400-\u9fff])/gu, '')
        .replace(/([,.;:!?])(?:[ \t]+|(?=\n)|$)/gu, (_match, mark) => FULL_WIDTH_PUNCTUATION[mark] ?? mark);
}
function translateNodes(nodes, targetLanguage) {
    return nodes.map((node) => {
        if (node.kind === 'text')
            return { kind: 'text', text: translateTextForTarget(node.text, targetLanguage) };
        if (isProtectedElement(node))
            return node;
        return { ...node, children: translateNodes(node.children, targetLanguage) };
    });
}
function containsBoundary(text) {
    return new RegExp(SENTENCE_BOUNDARY.source, 'u').test(text);
}
/** An element may move only when moving it cannot carry a sentence end or line break along. */
function isMovable(node) {
    return node?.kind === 'element' && !containsBoundary(translatableText([node]));
}
/**
 * Where the trailing phrase of `text` starts: the last one or two words after the last sentence
 * boundary, or undefined when that stretch holds no word.
 */
function trailingPhraseStart(text, wordsWanted) {
    let sentenceStart = 0;
    for (const boundary of text.matchAll(SENTENCE_BOUNDARY))
        sentenceStart = boundary.index + boundary[0].length;
    const wordStarts = [...text.slice(sentenceStart).matchAll(/\S+/gu)]
        .filter((match) => /[\p{L}\p{N}]/u.test(match[0]))
        .map((match) => sentenceStart + match.index);
    if (wordStarts.length === 0)
        return undefined;
    return wordStarts[Math.max(0, wordStarts.length - wordsWanted)];
}
function textNode(text) {
    return text === '' ? [] : [{ kind: 'text', text }];
}
/**
 * Reorders inline elements the way translation into Chinese does: an element after a verb phrase
 * moves in front of it ("compute the mean of <x>" → "compute <x> the mean of"), or two neighbouring
 * elements trade places. Nothing moves across a sentence end or a line break.
 */
function reorderNodes(nodes, choose) {
    const result = [];
    let index = 0;
    while (index < nodes.length) {
        const node = nodes[index];
        if (!node)
            break;
        const previous = result.at(-1);
        const between = nodes[index + 1];
        const partner = between?.kind === 'text' ? nodes[index + 2] : between;
        if (isMovable(node) &&
            isMovable(partner) &&
            (between === partner || !containsBoundary(between?.kind === 'text' ? between.text : '')) &&
            choose(0.35)) {
            result.push(reorderElement(partner, choose));
            if (between !== partner && between)
                result.push(between);
            result.push(reorderElement(node, choose));
            index += between === partner ? 2 : 3;
            continue;
        }
        if (isMovable(node) && previous?.kind === 'text' && choose(0.4)) {
            const phraseStart = trailingPhraseStart(previous.text, choose(0.5) ? 2 : 1);
            if (phraseStart !== undefined) {
                result.pop();
                result.push(...textNode(previous.text.slice(0, phraseStart)), reorderElement(node, choose), ...textNode(previous.text.slice(phraseStart)));
                index += 1;
                continue;
            }
        }
        result.push(node.kind === 'element' ? reorderElement(node, choose) : node);
        index += 1;
    }
    return mergeAdjacentText(result);
}
function reorderElement(element, choose) {
    return isProtectedElement(element) ? element : { ...element, children: reorderNodes(element.children, choose) };
}
function mergeAdjacentText(nodes) {
    const merged = [];
    for (const node of nodes) {
        const last = merged.at(-1);
        if (node.kind === 'text' && last?.kind === 'text')
            merged[merged.length - 1] = { kind: 'text', text: last.text + node.text };
        else if (node.kind !== 'text' || node.text !== '')
            merged.push(node);
    }
    return merged;
}
/** Drops a space before protected spans and adds one after closing tags, as Amazon Translate does. */
function perturbWhitespace(nodes, choose) {
    const result = [];
    for (const node of nodes) {
        const previous = result.at(-1);
        if (node.kind === 'text') {
            const addSpace = previous?.kind === 'element' && /^[^\s]/u.test(node.text) && choose(0.5);
            result.push(addSpace ? { kind: 'text', text: ` ${node.text}` } : node);
            continue;
        }
        if (isProtectedElement(node) && previous?.kind === 'text' && previous.text.endsWith(' ') && choose(0.5)) {
            result[result.length - 1] = { kind: 'text', text: previous.text.slice(0, -1) };
        }
        result.push(isProtectedElement(node) ? node : { ...node, children: perturbWhitespace(node.children, choose) });
    }
    return mergeAdjacentText(result);
}
const TEXT_ESCAPES = {
    '&': ['&amp;', '&#38;', '&#x26;'],
    '<': ['&lt;', '&#60;', '&#x3C;'],
    '>': ['&gt;', '&#62;', '>'],
    '"': ['&quot;', '&#34;', '"'],
};
function escapeText(text, choose) {
    return text.replace(/[&<>"]/gu, (character) => {
        const variants = TEXT_ESCAPES[character] ?? [character];
        if (choose(0.6))
            return variants[0] ?? character;
        return (choose(0.5) ? variants[1] : variants[2]) ?? character;
    });
}
function serializeAttributes(attributes, choose) {
    const ordered = choose(0.3) ? [...attributes].reverse() : attributes;
    const singleQuotes = choose(0.3);
    return ordered
        .map(([name, value]) => {
        const escaped = value.replace(/&/gu, '&amp;');
        return singleQuotes
            ? ` ${name}='${escaped.replace(/'/gu, '&#39;')}'`
            : ` ${name}="${escaped.replace(/"/gu, '&quot;')}"`;
    })
        .join('');
}
function serializeNodes(nodes, choose) {
    return nodes
        .map((node) => {
        if (node.kind === 'text')
            return escapeText(node.text, choose);
        const inner = node.protectedInnerHtml ?? serializeNodes(node.children, choose);
        return `<${node.name}${serializeAttributes(node.attributes, choose)}>${inner}</${node.name}>`;
    })
        .join('');
}
/** Pseudo-translates one unit of inner HTML; pure and deterministic for a given seed. */
function pseudoTranslateHtml(html, targetLanguage, seed = '') {
    const choose = createChooser(`${seed}\u0000${html}`);
    const reordered = reorderNodes(parseUnitHtml(html), choose);
    const translated = translateNodes(reordered, baseLanguage(targetLanguage));
    return serializeNodes(perturbWhitespace(translated, choose), choose);
}
function createPseudoEngine(options = {}) {
    const seed = options.seed ?? '';
    return {
        name: 'pseudo',
        translate(request) {
            const units = new Map();
            let sentCharacters = 0;
            for (const unit of request.units) {
                units.set(unit.id, pseudoTranslateHtml(unit.html, request.targetLanguage, seed));
                sentCharacters += countTranslatableCharacters(unit.html);
            }
            return Promise.resolve({ units, failed: [], billedCharacters: 0, sentCharacters });
        },
    };
}


/***/ }),

/***/ 7375:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ mapWithConcurrency)
/* harmony export */ });
/** Maps with at most `limit` calls in flight; results keep the input order. */
async function mapWithConcurrency(items, limit, mapper) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const index = next++;
            results[index] = await mapper(items[index], index);
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
    return results;
}


/***/ }),

/***/ 1677:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   defaultJobs: () => (/* reexport safe */ _defaultJobs_js__WEBPACK_IMPORTED_MODULE_6__.y),
/* harmony export */   runInWorkers: () => (/* binding */ runInWorkers)
/* harmony export */ });
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8995);
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_module__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_url__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5919);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_worker_threads__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/* harmony import */ var _tasks_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1948);
/* harmony import */ var _workerData_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(977);
/* harmony import */ var _defaultJobs_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2650);
/**
 * Runs chapter tasks on every core: `jobs` worker threads take tasks from one queue while the main thread only
 * hands them out, so its heap stays small (each thread's heap grows with the chapters it parses). One job, or one
 * task, runs in the main thread without paying for a worker start. A worker that fails to start or dies hands
 * its tasks back; the main thread finishes whatever is left.
 */






/** A worker that loads but never says it is ready (a bundle entry without the worker switch) is given up on. */
const WORKER_START_TIMEOUT_MS = 30_000;
async function runInWorkers(kind, inputs, options) {
    const outcomes = new Array(inputs.length);
    const queue = inputs.map((_, index) => index);
    const stats = { workersStarted: 0, workerFailures: [], chaptersInWorkers: 0, chaptersInMainThread: 0 };
    const finish = (index, outcome) => {
        outcomes[index] = outcome;
        options.onOutcome?.(index, outcome);
    };
    const mainThread = async () => {
        for (let index = queue.shift(); index !== undefined; index = queue.shift()) {
            // Let worker replies in between tasks, so workers never wait for their next one.
            await new Promise((resolve) => setImmediate(resolve));
            finish(index, (0,_tasks_js__WEBPACK_IMPORTED_MODULE_4__/* .runTask */ .Z)(kind, inputs[index]));
            stats.chaptersInMainThread += 1;
        }
    };
    const threads = Math.min(Math.max(1, options.jobs), inputs.length);
    const useMainThread = threads === 1 || (options.mainThread ?? false);
    const workerCount = useMainThread ? threads - 1 : threads;
    const workerLane = async (worker) => {
        for (let index = queue.shift(); index !== undefined; index = queue.shift()) {
            const taken = index;
            const outcome = await worker.run(kind, inputs[taken]).catch((error) => {
                queue.unshift(taken);
                throw error;
            });
            finish(taken, outcome);
            stats.chaptersInWorkers += 1;
        }
    };
    const workers = Array.from({ length: workerCount }, async () => {
        let worker;
        try {
            worker = await startTaskWorker(options.workerHeap ?? (0,_tasks_js__WEBPACK_IMPORTED_MODULE_4__/* .workerHeapOf */ .K)(kind));
            stats.workersStarted += 1;
            // Two tasks in flight: the next one is already waiting in the worker while the main thread is busy.
            const lanes = await Promise.allSettled([workerLane(worker), workerLane(worker)]);
            const failure = lanes.find((lane) => lane.status === 'rejected');
            if (failure !== undefined)
                throw failure.reason;
        }
        catch (error) {
            stats.workerFailures.push((0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .describeError */ .Uc)(error));
        }
        finally {
            await worker?.stop();
        }
    });
    await Promise.all(useMainThread ? [mainThread(), ...workers] : workers);
    // Tasks handed back by a worker that died after the main thread ran out of work, or no worker started.
    await mainThread();
    return { outcomes: outcomes, stats };
}
function startTaskWorker(heap) {
    const entry = workerEntry();
    const worker = new node_worker_threads__WEBPACK_IMPORTED_MODULE_2__.Worker(entry.code, {
        eval: entry.eval,
        workerData: _workerData_js__WEBPACK_IMPORTED_MODULE_5__/* .AMTS_WORKER_DATA */ .k,
        resourceLimits: heap,
        // Anything a worker prints (a bundle entry that ran its CLI instead of serving) must not reach our output.
        stdout: true,
        stderr: true,
    });
    worker.stdout.resume();
    worker.stderr.resume();
    const pending = new Map();
    let failed;
    let nextId = 0;
    let timer;
    const taskWorker = {
        run(kind, input) {
            if (failed !== undefined)
                return Promise.reject(failed);
            const id = nextId++;
            const message = { type: 'task', id, kind, input };
            const reply = new Promise((resolve, reject) => {
                pending.set(id, { resolve, reject });
                worker.postMessage(message);
            });
            // The worker ran this kind, so its output is this kind's output.
            return reply;
        },
        async stop() {
            if (failed === undefined) {
                const message = { type: 'stop' };
                worker.postMessage(message);
            }
            await worker.terminate();
        },
    };
    const started = new Promise((resolve, reject) => {
        const fail = (error) => {
            failed ??= error;
            for (const waiting of pending.values())
                waiting.reject(error);
            pending.clear();
            reject(error);
        };
        timer = setTimeout(() => fail(new Error(`worker did not start within ${WORKER_START_TIMEOUT_MS} ms`)), WORKER_START_TIMEOUT_MS);
        worker.on('message', (message) => {
            if (message.type === 'ready') {
                resolve(taskWorker);
                return;
            }
            pending.get(message.id)?.resolve(message.output);
            pending.delete(message.id);
        });
        worker.on('error', fail);
        worker.on('exit', (code) => fail(new Error(`worker exited with code ${code}`)));
    });
    return started.then((ready) => {
        clearTimeout(timer);
        return ready;
    }, async (error) => {
        clearTimeout(timer);
        await worker.terminate();
        throw error;
    });
}
/** What the build names every bundle's entry file (see scripts/package.mjs). */
const BUNDLE_ENTRY = 'index.js';
/**
 * Bundled, the bundle's entry (`index.js`, beside the chunks loaded on demand, one of which may hold this
 * module) is its own worker entry. From TypeScript source
 * the worker must first register tsx: Node 20 applies neither the parent's hooks nor an `--import` loader in a
 * worker's execArgv to the worker's entry, so a small bootstrap registers tsx and then imports the entry.
 */
function workerEntry() {
    const self = import.meta.url;
    if (!self.endsWith('.ts'))
        return { code: new URL(BUNDLE_ENTRY, self), eval: false };
    const tsxApi = tsxApiUrl(self);
    const entry = new URL('./workerEntry.ts', self).href;
    const code = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
    return { code, eval: true };
}
/** tsx's ESM register API, resolved from its package exports rather than a guessed file layout. */
function tsxApiUrl(from) {
    const require = (0,node_module__WEBPACK_IMPORTED_MODULE_0__.createRequire)(from);
    const manifestPath = require.resolve('tsx/package.json');
    const manifest = require(manifestPath);
    const api = manifest.exports['./esm/api'];
    const file = typeof api === 'object' ? api.import?.default : undefined;
    if (file === undefined)
        throw new Error('tsx does not export ./esm/api for import');
    return new URL(file, (0,node_url__WEBPACK_IMPORTED_MODULE_1__.pathToFileURL)(manifestPath)).href;
}
// Where it always was for its importers; its own module keeps the command-line parsers from loading the pool.



/***/ })

};
