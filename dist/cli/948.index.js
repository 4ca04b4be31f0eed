export const id = 948;
export const ids = [948];
export const modules = {

/***/ 6966:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RV: () => (/* binding */ longestCommonSubsequence),
/* harmony export */   _g: () => (/* binding */ alignBlocks),
/* harmony export */   s2: () => (/* binding */ structureItems)
/* harmony export */ });
/* harmony import */ var _text_countNonWhitespace_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2612);

const DEFAULT_TARGET_ONLY_TABS = ['paddle'];
function alignBlocks(source, target, options = {}) {
    const skippedTabs = new Set(options.targetOnlyTabs ?? DEFAULT_TARGET_ONLY_TABS);
    // Most code cells are the same in both files: each is normalised once.
    const codeKeys = new Map();
    const sourceItems = structureItems(source, new Set(), codeKeys);
    const targetItems = structureItems(target, skippedTabs, codeKeys);
    return {
        regions: regionsBetweenAnchors(sourceItems, targetItems),
        lengthRatio: estimateLengthRatio(sourceItems, targetItems),
    };
}
/** Prose blocks and structural anchors of a document, in order, leaving out target-only tabs. */
function structureItems(document, skippedTabs, 
/** Keys of code cells already normalised, by source. */
codeKeys = new Map()) {
    const items = [];
    let skipping = false;
    document.blocks.forEach((block, blockIndex) => {
        if (block.kind === 'directive' && block.info === 'begin_tab') {
            const tabs = tabNames(block.source).filter((tab) => !skippedTabs.has(tab));
            skipping = tabs.length === 0;
            if (!skipping)
                items.push({ blockIndex, anchor: `tab:${tabs.join(',')}` });
            return;
        }
        if (block.kind === 'directive' && block.info === 'end_tab') {
            if (!skipping)
                items.push({ blockIndex, anchor: 'end_tab' });
            skipping = false;
            return;
        }
        if (skipping)
            return;
        if (block.kind === 'prose') {
            if (block.tokens !== undefined && block.source.trim() !== '')
                items.push({ blockIndex, prose: { blockIndex, block } });
            return;
        }
        const anchor = anchorKey(block, codeKeys);
        if (anchor !== undefined)
            items.push({ blockIndex, anchor });
    });
    return items;
}
function tabNames(source) {
    const names = /`([^`]*)`/u.exec(source)?.[1] ?? '';
    return names
        .split(',')
        .map((name) => name.trim().toLowerCase())
        .filter((name) => name !== '');
}
/** Code is compared without comments and whitespace because translators translate comments. */
function anchorKey(block, codeKeys) {
    switch (block.kind) {
        case 'code': {
            let key = codeKeys.get(block.source);
            if (key === undefined)
                codeKeys.set(block.source, (key = `code:${normalizeCode(block.source)}`));
            return key;
        }
        case 'math':
            return `math:${block.source.replace(/\s+/gu, '')}`;
        case 'image':
            return `image:${/\]\(\s*<?([^)\s>]+)/u.exec(block.source)?.[1] ?? block.source.trim()}`;
        case 'directive':
            return block.info === 'label' || block.info === 'eqlabel' ? `label:${block.source.trim()}` : undefined;
        default:
            return undefined;
    }
}
function normalizeCode(source) {
    return source
        .split('\n')
        .map((line) => (line.includes('#') ? line.replace(/(^|\s)#(?!@).*$/u, '') : line))
        .join('')
        .replace(/\s+/gu, '')
        .replace(/(['"]).*?\1/gu, '""');
}
/** Matches anchors by longest common subsequence and returns the prose between consecutive matches. */
function regionsBetweenAnchors(sourceItems, targetItems) {
    const sourceAnchors = sourceItems.filter((item) => item.anchor !== undefined);
    const targetAnchors = targetItems.filter((item) => item.anchor !== undefined);
    const matches = longestCommonSubsequence(sourceAnchors.map((item) => item.anchor ?? ''), targetAnchors.map((item) => item.anchor ?? ''));
    const regions = [];
    let sourceFrom = 0;
    let targetFrom = 0;
    const sourceCursor = { next: 0 };
    const targetCursor = { next: 0 };
    const cut = (sourceUntil, targetUntil) => {
        const sourceProse = proseBetween(sourceItems, sourceCursor, sourceFrom, sourceUntil);
        const targetProse = proseBetween(targetItems, targetCursor, targetFrom, targetUntil);
        if (sourceProse.length > 0 || targetProse.length > 0)
            regions.push({ source: sourceProse, target: targetProse });
    };
    for (const [sourceAnchor, targetAnchor] of matches) {
        const sourceBlock = sourceAnchors[sourceAnchor]?.blockIndex ?? 0;
        const targetBlock = targetAnchors[targetAnchor]?.blockIndex ?? 0;
        cut(sourceBlock, targetBlock);
        sourceFrom = sourceBlock + 1;
        targetFrom = targetBlock + 1;
    }
    cut(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY);
    return regions;
}
/**
 * Prose of the items with a block index in [fromBlock, untilBlock). Items are in block order and the cuts move
 * forward, so a cursor carries on where the last cut stopped instead of scanning from the start each time.
 */
function proseBetween(items, cursor, fromBlock, untilBlock) {
    const prose = [];
    for (; cursor.next < items.length; cursor.next += 1) {
        const item = items[cursor.next];
        if (item === undefined || item.blockIndex >= untilBlock)
            break;
        if (item.prose !== undefined && item.blockIndex >= fromBlock)
            prose.push(item.prose);
    }
    return prose;
}
function longestCommonSubsequence(a, b) {
    const columns = b.length + 1;
    const lengths = new Uint32Array((a.length + 1) * columns);
    for (let i = a.length - 1; i >= 0; i -= 1) {
        for (let j = b.length - 1; j >= 0; j -= 1) {
            lengths[i * columns + j] =
                a[i] === b[j]
                    ? (lengths[(i + 1) * columns + j + 1] ?? 0) + 1
                    : Math.max(lengths[(i + 1) * columns + j] ?? 0, lengths[i * columns + j + 1] ?? 0);
        }
    }
    const pairs = [];
    let i = 0;
    let j = 0;
    while (i < a.length && j < b.length) {
        if (a[i] === b[j]) {
            pairs.push([i, j]);
            i += 1;
            j += 1;
        }
        else if ((lengths[(i + 1) * columns + j] ?? 0) >= (lengths[i * columns + j + 1] ?? 0))
            i += 1;
        else
            j += 1;
    }
    return pairs;
}
/** Target characters per source character over all prose, ignoring whitespace and protected tokens. */
function estimateLengthRatio(sourceItems, targetItems) {
    const total = (items) => items.reduce((sum, item) => sum + textLength(item.prose?.block), 0);
    const sourceTotal = total(sourceItems);
    const targetTotal = total(targetItems);
    if (sourceTotal === 0 || targetTotal === 0)
        return 1;
    return Math.min(20, Math.max(0.05, targetTotal / sourceTotal));
}
function textLength(block) {
    let length = 0;
    for (const token of block?.tokens ?? [])
        if (token.kind === 'text')
            length += (0,_text_countNonWhitespace_js__WEBPACK_IMPORTED_MODULE_0__/* .countNonWhitespace */ .M)(token.source);
    return length;
}


/***/ }),

/***/ 4922:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  iK: () => (/* binding */ alignDocuments),
  p_: () => (/* binding */ alignUnits),
  AJ: () => (/* binding */ blockSentences)
});

// UNUSED EXPORTS: joinSentences

// EXTERNAL MODULE: ./src/align/alignBlocks.ts
var alignBlocks = __webpack_require__(6966);
;// CONCATENATED MODULE: ./src/align/anchorCost.ts
/**
 * Log-likelihood cost of an anchor whose twin is missing on the other side. Translators keep inline math, code,
 * role keys and URLs verbatim (in confident pairs over the whole book, 96–98 % of them reappear), so one left
 * unmatched is strong evidence that the two sides are not the same text; numbers are often spelt out or dropped
 * (92 % reappear), so they weigh less. Roughly log((1 − kept) / (1 − chance)).
 */
const MISSING_VERBATIM_ANCHOR_COST = 3.0;
const MISSING_NUMBER_COST = 1.8;
/** Anchor keys start with their kind: `n:` for numbers, `m:`, `c:`, `r:`, `u:` for text kept verbatim. */
function missingAnchorCost(anchor) {
    return anchor.startsWith('n:') ? MISSING_NUMBER_COST : MISSING_VERBATIM_ANCHOR_COST;
}

;// CONCATENATED MODULE: ./src/align/latticeScratch.ts
/**
 * Work arrays of the lattice, kept between calls and grown when needed: a book is aligned in thousands of small
 * groups, and allocating fresh arrays for each kept the collector busy. Each call fills what it uses first.
 */
class LatticeScratch {
    floatBuffers = [];
    intBuffers = [];
    choiceBuffers = [];
    floats(slot, size) {
        return grown(this.floatBuffers, slot, size, (length) => new Float64Array(length)).subarray(0, size);
    }
    ints(slot, size) {
        return grown(this.intBuffers, slot, size, (length) => new Int32Array(length)).subarray(0, size);
    }
    choices(size) {
        return grown(this.choiceBuffers, 0, size, (length) => new Int8Array(length)).subarray(0, size);
    }
}
/** The buffer in `slot`, replaced by one at least twice as long when it holds fewer than `size` items. */
function grown(buffers, slot, size, allocate) {
    let buffer = buffers[slot];
    if (buffer === undefined || buffer.length < size) {
        buffer = allocate(Math.max(size, 2 * (buffer?.length ?? 0)));
        buffers[slot] = buffer;
    }
    return buffer;
}
/** The one set of work arrays: alignment runs one lattice at a time per thread. */
const scratch = new LatticeScratch();

;// CONCATENATED MODULE: ./src/align/lengthModel.ts
/** Length smoothing in target characters, so very short segments do not dominate the length term. */
const LENGTH_SMOOTHING = 4;
const WIDE_SPREAD_FACTOR = 3.5;
const TAIL_WEIGHT = 0.1;
function lengthTerms(model) {
    const narrow = model.lengthSpread;
    const wide = narrow * WIDE_SPREAD_FACTOR;
    return {
        ratio: model.lengthRatio,
        narrowWeight: (1 - TAIL_WEIGHT) / narrow,
        narrowDivisor: 2 * narrow * narrow,
        wideWeight: TAIL_WEIGHT / wide,
        wideDivisor: 2 * wide * wide,
        atZero: (1 - TAIL_WEIGHT) / narrow + TAIL_WEIGHT / wide,
    };
}
/**
 * Log-likelihood of the length deviation, relative to a perfect match. A mixture of a narrow and a wide normal:
 * most true pairs agree closely, but short sentences and free translations produce a heavy tail.
 */
function lengthScore(sourceChars, targetChars, terms) {
    const deviation = Math.log((targetChars + LENGTH_SMOOTHING) / (sourceChars * terms.ratio + LENGTH_SMOOTHING));
    const squared = deviation * deviation;
    const narrowDensity = terms.narrowWeight * Math.exp(-squared / terms.narrowDivisor);
    const wideDensity = terms.wideWeight * Math.exp(-squared / terms.wideDivisor);
    return Math.log((narrowDensity + wideDensity) / terms.atZero);
}
const MIN_CALIBRATION_PAIRS = 12;
const MIN_CALIBRATION_SOURCE_CHARS = 20;
/**
 * Re-estimates the length ratio (median) and spread (median absolute deviation, robust to the misaligned few)
 * from confident one-to-one pairs of a first pass. Too few pairs: the given model stays.
 */
function calibrateLengthModel(observations, model) {
    const usable = observations.filter((observation) => observation.sourceChars >= MIN_CALIBRATION_SOURCE_CHARS && observation.targetChars > 0);
    if (usable.length < MIN_CALIBRATION_PAIRS)
        return model;
    const lengthRatio = median(usable.map((observation) => observation.targetChars / observation.sourceChars));
    const deviations = usable.map((observation) => Math.abs(Math.log((observation.targetChars + LENGTH_SMOOTHING) / (observation.sourceChars * lengthRatio + LENGTH_SMOOTHING))));
    const lengthSpread = Math.min(0.6, Math.max(0.15, 1.4826 * median(deviations)));
    return { ...model, lengthRatio, lengthSpread };
}
function median(values) {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

;// CONCATENATED MODULE: ./src/align/lattice.ts
/**
 * The lattice's view of two segment lists: per side, running lengths and counts in typed arrays, so that a bead's
 * score reads numbers instead of walking segments.
 */



/** Lists longer than this are matched word by word instead of through the bit masks (31 bits, -1 kept free). */
const MAX_MASKED_ITEMS = 30;
const UNKNOWN = -1;
function buildLattice(source, target, model) {
    const pairs = source.length * target.length;
    return {
        source: sideTable(source, SOURCE_SLOTS),
        target: sideTable(target, TARGET_SLOTS),
        model,
        length: lengthTerms(model),
        wordMatches: scratch.ints(0, pairs).fill(UNKNOWN),
        termMatches: scratch.ints(1, pairs).fill(UNKNOWN),
    };
}
const SOURCE_SLOTS = { floats: 5, ints: 2 };
const TARGET_SLOTS = { floats: 7, ints: 7 };
/** Categories as small numbers, the same for every call. */
const categoryIds = new Map();
function categoryId(category) {
    let id = categoryIds.get(category);
    if (id === undefined) {
        id = categoryIds.size;
        categoryIds.set(category, id);
    }
    return id;
}
function sideTable(segments, slots) {
    const count = segments.length;
    const table = {
        segments,
        lengthBefore: scratch.floats(slots.floats, count + 1),
        anchorCost: scratch.floats(slots.floats + 1, count),
        anchorCount: scratch.ints(slots.ints, count),
        startsBlock: scratch.ints(slots.ints + 1, count + 1),
        category: scratch.ints(slots.ints + 2, count),
        wordCount: scratch.ints(slots.ints + 3, count),
        termCount: scratch.ints(slots.ints + 4, count),
    };
    table.lengthBefore[0] = 0;
    table.startsBlock[0] = 1;
    table.startsBlock[count] = 1;
    segments.forEach((segment, index) => {
        table.lengthBefore[index + 1] = (table.lengthBefore[index] ?? 0) + segment.length;
        table.anchorCount[index] = segment.anchors.length;
        let anchorCost = 0;
        for (const anchor of segment.anchors)
            anchorCost += missingAnchorCost(anchor);
        table.anchorCost[index] = anchorCost;
        if (index > 0)
            table.startsBlock[index] = segment.startsBlock === true ? 1 : 0;
        table.category[index] = categoryId(segment.category);
        table.wordCount[index] = segment.latinWords.length;
        table.termCount[index] = segment.terms.length;
    });
    return table;
}

;// CONCATENATED MODULE: ./src/align/latticeBand.ts
function cellIndex(band, i, j) {
    if (i < 0 || j < 0 || i >= band.first.length)
        return -1;
    const first = band.first[i] ?? 0;
    if (j < first || j > (band.last[i] ?? -1))
        return -1;
    return i * band.width + (j - first);
}
/** Half-width of the search band around the diagonal, in segments: wide enough for long runs of skipped text. */
const MIN_BAND = 10;
const BAND_FRACTION = 0.05;
/**
 * Cells far off the diagonal cannot be on a sensible path; skipping them keeps long anchor-free regions (whole
 * introductions) linear rather than quadratic.
 */
function diagonalBand(sourceCount, targetCount) {
    const halfWidth = Math.max(MIN_BAND, Math.ceil(BAND_FRACTION * Math.max(sourceCount, targetCount)));
    const first = new Int32Array(sourceCount + 1);
    const last = new Int32Array(sourceCount + 1);
    for (let row = 0; row <= sourceCount; row += 1) {
        const centre = sourceCount === 0 ? 0 : Math.round((row * targetCount) / sourceCount);
        first[row] = Math.max(0, centre - halfWidth);
        last[row] = Math.min(targetCount, centre + halfWidth);
    }
    return { width: Math.min(targetCount + 1, 2 * halfWidth + 1), first, last };
}
/** Cells within a few positions of an earlier pass's path: a second pass refines, it does not wander. */
const CORRIDOR = 4;
function corridorBand(guide, sourceCount, targetCount) {
    const first = new Int32Array(sourceCount + 1).fill(targetCount);
    const last = new Int32Array(sourceCount + 1);
    const visit = (row, column) => {
        first[row] = Math.min(first[row] ?? targetCount, Math.max(0, column - CORRIDOR));
        last[row] = Math.max(last[row] ?? 0, Math.min(targetCount, column + CORRIDOR));
    };
    visit(0, 0);
    for (const bead of guide) {
        for (let row = bead.sourceStart; row <= bead.sourceEnd; row += 1) {
            for (let column = bead.targetStart; column <= bead.targetEnd; column += 1)
                visit(row, column);
        }
    }
    let width = 1;
    for (let row = 0; row <= sourceCount; row += 1)
        width = Math.max(width, (last[row] ?? 0) - (first[row] ?? 0) + 1);
    return { width, first, last };
}
/**
 * What the lattice reads about each side, one typed array per field: the hot loops below run for every cell and
 * shape, and reading numbers from arrays keeps them fast and free of object shapes. Lists (anchors, words, terms)
 * stay with the segments.
 */

;// CONCATENATED MODULE: ./src/align/holdsWordForm.ts
/**
 * Whether a segment's Latin words hold `word`, plurals folded too: a target's kept `GPU` finds the source's
 * `GPUs`, `class` finds `classes`. A segment has a few dozen words, so comparing lengths and ends beats building a
 * set of forms for each.
 */
function holdsWordForm(words, word) {
    for (const candidate of words) {
        if (candidate === word)
            return true;
        const extra = candidate.length - word.length;
        if (((extra === 1 && candidate.endsWith('s')) || (extra === 2 && candidate.endsWith('es'))) &&
            candidate.startsWith(word))
            return true;
    }
    return false;
}

;// CONCATENATED MODULE: ./src/align/latticeScore.ts
/**
 * A bead's score: shape prior and paragraph edges, length agreement and categories (structural), and what the two
 * sides share (evidence: anchors, Latin words kept in CJK text, glossary terms).
 */




const SHARED_ANCHOR_GAIN = 2.0;
/** Several missing anchors of one sentence are not independent evidence (a whole formula left out). */
const MAX_MISSING_ANCHOR_COST = 6;
const SHARED_LATIN_GAIN = 1.2;
/** A CJK translation keeps a Latin word of its source (plurals folded) in about 96 % of confident pairs. */
const UNMATCHED_LATIN_COST = 1.0;
/** Sentences that carry anchors are seldom left untranslated: a one-sided bead pays this per anchor. */
const DROPPED_ANCHOR_COST = 0.6;
const MAX_DROPPED_ANCHORS = 8;
const SHARED_TERM_GAIN = 0.8;
const CATEGORY_MISMATCH_COST = 8;
/** The shape prior and the paragraph edges: the structural score before its length and category terms. */
function edgeScore(lattice, i, j, shape) {
    return shape.logPrior - lattice.model.blockEdgeCost * blockEdgeMismatches(lattice, i, j, shape);
}
/** Everything but the evidence: shape prior and paragraph edges (`edges`), length agreement and categories. */
function structuralScore(lattice, i, j, shape, edges) {
    const { source, target } = lattice;
    let score = edges;
    if (shape.source === 0 || shape.target === 0)
        return score;
    const sourceChars = (source.lengthBefore[i + shape.source] ?? 0) - (source.lengthBefore[i] ?? 0);
    const targetChars = (target.lengthBefore[j + shape.target] ?? 0) - (target.lengthBefore[j] ?? 0);
    score += lengthScore(sourceChars, targetChars, lattice.length);
    if (!categoriesAgree(lattice, i, shape.source, j, shape.target))
        score -= CATEGORY_MISMATCH_COST;
    return score;
}
function evidenceUpperBound(lattice, i, shape, j) {
    if (shape.source === 0 || shape.target === 0)
        return 0;
    const { source, target } = lattice;
    const sourceAnchors = sumOf(source.anchorCount, i, shape.source);
    const targetAnchors = sumOf(target.anchorCount, j, shape.target);
    const targetLatin = sumOf(target.wordCount, j, shape.target);
    const targetTerms = sumOf(target.termCount, j, shape.target);
    return (Math.min(6, sourceAnchors, targetAnchors) * SHARED_ANCHOR_GAIN +
        (lattice.model.targetLatinIsEvidence ? targetLatin * SHARED_LATIN_GAIN : 0) +
        Math.min(4, targetTerms) * SHARED_TERM_GAIN);
}
/** Adds `count` entries from `from` on, in order (for costs, the order fixes the rounding). */
function sumOf(values, from, count) {
    let total = 0;
    for (let k = 0; k < count; k += 1)
        total += values[from + k] ?? 0;
    return total;
}
function categoriesAgree(lattice, i, sourceCount, j, targetCount) {
    const category = lattice.source.category[i];
    for (let k = 1; k < sourceCount; k += 1)
        if (lattice.source.category[i + k] !== category)
            return false;
    for (let k = 0; k < targetCount; k += 1)
        if (lattice.target.category[j + k] !== category)
            return false;
    return true;
}
/** Edges disagree where one side starts a paragraph at the bead start and the other does not, or inside a bead. */
function blockEdgeMismatches(lattice, i, j, shape) {
    const sourceStarts = lattice.source.startsBlock;
    const targetStarts = lattice.target.startsBlock;
    let mismatches = 0;
    if (shape.source > 0 && shape.target > 0 && sourceStarts[i] !== targetStarts[j])
        mismatches += 1;
    for (let k = 1; k < shape.source; k += 1)
        mismatches += sourceStarts[i + k] ?? 0;
    for (let k = 1; k < shape.target; k += 1)
        mismatches += targetStarts[j + k] ?? 0;
    return mismatches;
}
/** Shared anchors, Latin words and glossary terms raise the score; anchors found on one side only lower it. */
function evidenceScore(lattice, i, sourceCount, j, targetCount) {
    const { source, target } = lattice;
    const sourceAnchors = sumOf(source.anchorCount, i, sourceCount);
    const targetAnchors = sumOf(target.anchorCount, j, targetCount);
    if (sourceCount === 0 || targetCount === 0) {
        return -Math.min(sourceAnchors + targetAnchors, MAX_DROPPED_ANCHORS) * DROPPED_ANCHOR_COST;
    }
    const matched = sourceAnchors === 0 || targetAnchors === 0 ? NO_MATCH : matchAnchors(lattice, i, sourceCount, j, targetCount);
    const missingCost = sumOf(source.anchorCost, i, sourceCount) + sumOf(target.anchorCost, j, targetCount) - 2 * matched.cost;
    let score = Math.min(matched.count, 6) * SHARED_ANCHOR_GAIN - Math.min(missingCost, MAX_MISSING_ANCHOR_COST);
    let sharedTerms = 0;
    for (let t = j; t < j + targetCount; t += 1) {
        const words = target.wordCount[t] ?? 0;
        if (lattice.model.targetLatinIsEvidence && words > 0) {
            if (words <= MAX_MASKED_ITEMS) {
                let found = 0;
                for (let s = i; s < i + sourceCount; s += 1)
                    found |= wordMatches(lattice, s, t);
                for (let w = 0; w < words; w += 1)
                    score += (found & (1 << w)) !== 0 ? SHARED_LATIN_GAIN : -UNMATCHED_LATIN_COST;
            }
            else {
                for (const word of target.segments[t]?.latinWords ?? NO_ITEMS) {
                    score += sourceHasWord(lattice, i, sourceCount, word) ? SHARED_LATIN_GAIN : -UNMATCHED_LATIN_COST;
                }
            }
        }
        const terms = target.termCount[t] ?? 0;
        if (terms === 0)
            continue;
        if (terms <= MAX_MASKED_ITEMS) {
            let found = 0;
            for (let s = i; s < i + sourceCount; s += 1)
                found |= termMatches(lattice, s, t);
            sharedTerms += bitCount(found);
        }
        else {
            for (const term of target.segments[t]?.terms ?? NO_ITEMS)
                if (sourceHasTerm(lattice, i, sourceCount, term))
                    sharedTerms += 1;
        }
    }
    return score + Math.min(sharedTerms, 4) * SHARED_TERM_GAIN;
}
const NO_ITEMS = [];
/** Bit w set: source segment s holds target segment t's Latin word w (plurals folded). */
function wordMatches(lattice, s, t) {
    const index = s * lattice.target.segments.length + t;
    let found = lattice.wordMatches[index] ?? UNKNOWN;
    if (found !== UNKNOWN)
        return found;
    found = 0;
    const sourceWords = lattice.source.segments[s]?.latinWords ?? NO_ITEMS;
    const words = lattice.target.segments[t]?.latinWords ?? NO_ITEMS;
    for (let w = 0; w < words.length; w += 1)
        if (holdsWordForm(sourceWords, words[w] ?? ''))
            found |= 1 << w;
    lattice.wordMatches[index] = found;
    return found;
}
/** Bit k set: source segment s mentions target segment t's glossary term k. */
function termMatches(lattice, s, t) {
    const index = s * lattice.target.segments.length + t;
    let found = lattice.termMatches[index] ?? UNKNOWN;
    if (found !== UNKNOWN)
        return found;
    found = 0;
    // A segment mentions a handful of terms at most: a list search beats building a set per segment.
    const sourceTerms = lattice.source.segments[s]?.terms ?? NO_ITEMS;
    const terms = lattice.target.segments[t]?.terms ?? NO_ITEMS;
    for (let k = 0; k < terms.length; k += 1)
        if (sourceTerms.includes(terms[k] ?? -1))
            found |= 1 << k;
    lattice.termMatches[index] = found;
    return found;
}
function bitCount(bits) {
    let count = 0;
    for (let rest = bits; rest !== 0; rest &= rest - 1)
        count += 1;
    return count;
}
// Plain functions rather than closures: they run for every lattice cell and shape of an unusual segment.
function sourceHasWord(lattice, i, sourceCount, word) {
    for (let s = i; s < i + sourceCount; s += 1)
        if (holdsWordForm(lattice.source.segments[s]?.latinWords ?? NO_ITEMS, word))
            return true;
    return false;
}
function sourceHasTerm(lattice, i, sourceCount, term) {
    for (let s = i; s < i + sourceCount; s += 1)
        if (lattice.source.segments[s]?.terms.includes(term) === true)
            return true;
    return false;
}
const NO_MATCH = { count: 0, cost: 0 };
/**
 * Lists hold a handful of items, so pairwise matching with a bit mask over target positions is cheapest and
 * allocates nothing but the result.
 */
function matchAnchors(lattice, i, sourceCount, j, targetCount) {
    let count = 0;
    let cost = 0;
    let used = 0;
    for (let k = 0; k < sourceCount; k += 1) {
        for (const anchor of lattice.source.segments[i + k]?.anchors ?? NO_ITEMS) {
            let position = 0;
            search: for (let m = 0; m < targetCount; m += 1) {
                for (const candidate of lattice.target.segments[j + m]?.anchors ?? NO_ITEMS) {
                    if (position < 31 && (used & (1 << position)) === 0 && candidate === anchor) {
                        used |= 1 << position;
                        count += 1;
                        cost += missingAnchorCost(anchor);
                        break search;
                    }
                    position += 1;
                }
            }
        }
    }
    return count === 0 ? NO_MATCH : { count, cost };
}

;// CONCATENATED MODULE: ./src/align/alignSentences.ts
/**
 * Monotonic alignment of two segment lists (sentences, or whole paragraphs) by dynamic programming over beads
 * (1-1, 2-1, 1-0 …). A bead's score is a log-likelihood: shape prior + length agreement + shared anchors and
 * glossary terms. Forward–backward over the same lattice gives every bead of the best path its posterior
 * probability, which is the confidence callers threshold on.
 */





/** A bead of a sub-list, in the indices of the whole lists it was cut from at the given offsets. */
function shiftBead(bead, sourceOffset, targetOffset) {
    return {
        sourceStart: sourceOffset + bead.sourceStart,
        sourceEnd: sourceOffset + bead.sourceEnd,
        targetStart: targetOffset + bead.targetStart,
        targetEnd: targetOffset + bead.targetEnd,
        shape: bead.shape,
        confidence: bead.confidence,
    };
}
/** Shapes seen in human translations, en→zh first of all: translators merge sentences far more than they split. */
const SENTENCE_SHAPES = shapes({
    '1-1': 0.86,
    '2-1': 0.06,
    '1-2': 0.03,
    '1-0': 0.012,
    '0-1': 0.012,
    '3-1': 0.01,
    '1-3': 0.005,
    '2-2': 0.005,
});
function shapes(priors) {
    return Object.entries(priors).map(([shape, probability]) => {
        const [source, target] = shape.split('-').map(Number);
        if (source === undefined || target === undefined || Number.isNaN(source) || Number.isNaN(target)) {
            throw new Error(`bead shape "${shape}" is not of the form E-Z`);
        }
        return { source, target, logPrior: Math.log(probability) };
    });
}
const PRUNE_MARGIN = 12;
/** Aligns two segment lists; returns the best bead path in order, each bead with its posterior confidence. */
function alignSegments(source, target, givenModel, guide) {
    const model = modelOf(givenModel);
    const lattice = buildLattice(source, target, model);
    const band = guide === undefined
        ? diagonalBand(source.length, target.length)
        : corridorBand(guide, source.length, target.length);
    const end = cellIndex(band, source.length, target.length);
    if (end < 0)
        throw new Error('alignment band does not reach the last cell');
    const tables = latticeTables(band, model.shapes.length);
    forwardPass(lattice, band, tables);
    backwardPass(lattice, band, tables, end);
    return bestPath(lattice, band, tables, end);
}
function latticeTables(band, shapeCount) {
    const cells = band.first.length * band.width;
    const tables = {
        forward: scratch.floats(0, cells).fill(-Infinity),
        backward: scratch.floats(3, cells).fill(-Infinity),
        best: scratch.floats(1, cells).fill(-Infinity),
        choice: scratch.choices(cells).fill(-1),
        beadScores: scratch.floats(2, cells * shapeCount).fill(Number.NaN),
        terms: scratch.floats(4, shapeCount),
    };
    tables.forward[0] = 0;
    tables.best[0] = 0;
    return tables;
}
function forwardPass(lattice, band, tables) {
    for (let i = 0; i < band.first.length; i += 1) {
        const first = band.first[i] ?? 0;
        const last = band.last[i] ?? -1;
        for (let j = first; j <= last; j += 1)
            if (i > 0 || j > 0)
                forwardCell(lattice, band, tables, i, j);
    }
}
function forwardCell(lattice, band, tables, i, j) {
    const { forward, best, choice, beadScores, terms } = tables;
    const shapes = lattice.model.shapes;
    const cell = cellIndex(band, i, j);
    let termCount = 0;
    for (let shapeIndex = 0; shapeIndex < shapes.length; shapeIndex += 1) {
        const shape = shapes[shapeIndex];
        if (shape === undefined)
            continue;
        const fromI = i - shape.source;
        const fromJ = j - shape.target;
        const from = cellIndex(band, fromI, fromJ);
        if (from < 0)
            continue;
        const previousBest = best[from] ?? -Infinity;
        if (previousBest === -Infinity)
            continue;
        // A bead that cannot beat the cell's best path by any amount of evidence adds nothing to the
        // Viterbi path and a negligible share to the posteriors: skip its costly evidence. The length and
        // category terms only ever lower the score, so the bound without them already rules out some beads
        // before their logarithms (floating-point addition is monotonic: the same beads are skipped).
        const bestSoFar = best[cell] ?? -Infinity;
        const upperBound = evidenceUpperBound(lattice, fromI, shape, fromJ);
        const edges = edgeScore(lattice, fromI, fromJ, shape);
        if (previousBest + edges + upperBound < bestSoFar - PRUNE_MARGIN)
            continue;
        const structural = structuralScore(lattice, fromI, fromJ, shape, edges);
        if (previousBest + structural + upperBound < bestSoFar - PRUNE_MARGIN)
            continue;
        const score = structural + evidenceScore(lattice, fromI, shape.source, fromJ, shape.target);
        beadScores[cell * shapes.length + shapeIndex] = score;
        terms[termCount] = (forward[from] ?? -Infinity) + score;
        termCount += 1;
        if (previousBest + score > bestSoFar) {
            best[cell] = previousBest + score;
            choice[cell] = shapeIndex;
        }
    }
    forward[cell] = logSumExp(terms, termCount);
}
function backwardPass(lattice, band, tables, end) {
    const { backward, beadScores, terms } = tables;
    const shapes = lattice.model.shapes;
    backward[end] = 0;
    for (let i = band.first.length - 1; i >= 0; i -= 1) {
        const first = band.first[i] ?? 0;
        const last = band.last[i] ?? -1;
        for (let j = last; j >= first; j -= 1) {
            const cell = cellIndex(band, i, j);
            if (cell === end)
                continue;
            let termCount = 0;
            for (let shapeIndex = 0; shapeIndex < shapes.length; shapeIndex += 1) {
                const shape = shapes[shapeIndex];
                if (shape === undefined)
                    continue;
                const to = cellIndex(band, i + shape.source, j + shape.target);
                if (to < 0)
                    continue;
                const score = beadScores[to * shapes.length + shapeIndex] ?? Number.NaN;
                if (Number.isNaN(score))
                    continue;
                terms[termCount] = score + (backward[to] ?? -Infinity);
                termCount += 1;
            }
            backward[cell] = logSumExp(terms, termCount);
        }
    }
}
/** The Viterbi path from the last cell back, each bead with its posterior. */
function bestPath(lattice, band, tables, end) {
    const { forward, backward, choice, beadScores } = tables;
    const shapes = lattice.model.shapes;
    const total = forward[end] ?? -Infinity;
    const beads = [];
    let i = lattice.source.segments.length;
    let j = lattice.target.segments.length;
    while (i > 0 || j > 0) {
        const cell = cellIndex(band, i, j);
        const shapeIndex = choice[cell] ?? -1;
        const shape = shapes[shapeIndex];
        if (shape === undefined)
            throw new Error('alignment lattice has no path (a 1-0 and a 0-1 shape are required)');
        const fromI = i - shape.source;
        const fromJ = j - shape.target;
        const score = beadScores[cell * shapes.length + shapeIndex] ?? -Infinity;
        const logPosterior = (forward[cellIndex(band, fromI, fromJ)] ?? -Infinity) + score + (backward[cell] ?? -Infinity) - total;
        beads.push({
            sourceStart: fromI,
            sourceEnd: i,
            targetStart: fromJ,
            targetEnd: j,
            shape: `${shape.source}-${shape.target}`,
            confidence: Math.min(1, Math.exp(logPosterior), partSupport(lattice, fromI, shape.source, fromJ, shape.target)),
        });
        i = fromI;
        j = fromJ;
    }
    return beads.reverse();
}
/**
 * How sure the data alone is that every sentence of a many-to-one bead belongs in it. The shape priors make a merge
 * (2-1) several times likelier than a dropped sentence next to a one-to-one bead, so without evidence either way the
 * posterior still favours the merge, and a pair whose one side says more than the other becomes training data.
 * Each end segment of a side with several segments must be supported on its own: the likelihood (lengths and
 * evidence, no priors) of the bead with it, against the bead without it plus the segment left unpaired, is turned
 * into a probability with prior odds of MERGE_ODDS, milder than the shape priors' (about 6).
 */
/** Prior odds of a merge against a dropped sentence when only the end part's support is in question. */
const MERGE_ODDS = 3;
function partSupport(lattice, i, sourceCount, j, targetCount) {
    if (sourceCount === 0 || targetCount === 0 || sourceCount + targetCount <= 2)
        return 1;
    const whole = beadLikelihood(lattice, i, sourceCount, j, targetCount);
    let weakest = Infinity;
    if (sourceCount > 1) {
        const withoutFirst = beadLikelihood(lattice, i, 1, j, 0) + beadLikelihood(lattice, i + 1, sourceCount - 1, j, targetCount);
        const withoutLast = beadLikelihood(lattice, i, sourceCount - 1, j, targetCount) +
            beadLikelihood(lattice, i + sourceCount - 1, 1, j, 0);
        weakest = Math.min(weakest, whole - withoutFirst, whole - withoutLast);
    }
    if (targetCount > 1) {
        const withoutFirst = beadLikelihood(lattice, i, 0, j, 1) + beadLikelihood(lattice, i, sourceCount, j + 1, targetCount - 1);
        const withoutLast = beadLikelihood(lattice, i, sourceCount, j, targetCount - 1) +
            beadLikelihood(lattice, i, 0, j + targetCount - 1, 1);
        weakest = Math.min(weakest, whole - withoutFirst, whole - withoutLast);
    }
    return 1 / (1 + Math.exp(-(weakest + Math.log(MERGE_ODDS))));
}
/** A bead's score without its shape prior and paragraph edges: what the two sides themselves say. */
function beadLikelihood(lattice, i, sourceCount, j, targetCount) {
    const evidence = evidenceScore(lattice, i, sourceCount, j, targetCount);
    if (sourceCount === 0 || targetCount === 0)
        return evidence;
    const sourceChars = (lattice.source.lengthBefore[i + sourceCount] ?? 0) - (lattice.source.lengthBefore[i] ?? 0);
    const targetChars = (lattice.target.lengthBefore[j + targetCount] ?? 0) - (lattice.target.lengthBefore[j] ?? 0);
    return evidence + lengthScore(sourceChars, targetChars, lattice.length);
}
/** The model with its fields in one fixed order: the lattice's hot functions read it for every cell. */
function modelOf(model) {
    return {
        lengthRatio: model.lengthRatio,
        lengthSpread: model.lengthSpread,
        shapes: model.shapes,
        targetLatinIsEvidence: model.targetLatinIsEvidence,
        blockEdgeCost: model.blockEdgeCost,
    };
}
function logSumExp(values, count) {
    let max = -Infinity;
    for (let index = 0; index < count; index += 1)
        if ((values[index] ?? -Infinity) > max)
            max = values[index] ?? -Infinity;
    if (max === -Infinity)
        return -Infinity;
    let sum = 0;
    for (let index = 0; index < count; index += 1)
        sum += Math.exp((values[index] ?? -Infinity) - max);
    return max + Math.log(sum);
}

;// CONCATENATED MODULE: ./src/align/glossary.ts
/**
 * Glossary lookup for alignment evidence: which entries a sentence mentions, on either side. Entries are indexed
 * by first word (source) and first two characters (target) so a sentence is scanned once, not once per entry.
 */
const WORD = /[\p{L}\p{N}]+(?:[-'][\p{L}\p{N}]+)*/gu;
function indexGlossary(entries) {
    const byFirstWord = new Map();
    // Keyed by the first UTF-16 unit, then the second: no two-character string per text position.
    const byFirstPair = new Map();
    entries.forEach((entry, index) => {
        const words = wordsOf(entry.source);
        const first = words[0];
        if (first !== undefined)
            pushTo(byFirstWord, first, { words, entry: index });
        const target = entry.target.trim();
        if (target.length >= 2) {
            let bySecond = byFirstPair.get(target.charCodeAt(0));
            if (bySecond === undefined)
                byFirstPair.set(target.charCodeAt(0), (bySecond = new Map()));
            pushTo(bySecond, target.charCodeAt(1), { term: target, entry: index });
        }
    });
    return {
        sourceTerms(text) {
            const words = wordsOf(text);
            const found = new Set();
            const addMatches = (stem, position) => {
                const candidates = byFirstWord.get(stem);
                if (candidates === undefined)
                    return;
                for (const candidate of candidates) {
                    if (candidate.words.every((part, offset) => sameWord(part, words[position + offset]))) {
                        found.add(candidate.entry);
                    }
                }
            };
            words.forEach((word, position) => {
                addMatches(word, position);
                if (word.endsWith('es'))
                    addMatches(word.slice(0, -2), position);
                if (word.endsWith('s'))
                    addMatches(word.slice(0, -1), position);
            });
            return [...found];
        },
        targetTerms(text) {
            const found = new Set();
            for (let position = 0; position + 1 < text.length; position += 1) {
                const candidates = byFirstPair.get(text.charCodeAt(position))?.get(text.charCodeAt(position + 1));
                if (candidates === undefined)
                    continue;
                for (const candidate of candidates) {
                    if (text.startsWith(candidate.term, position))
                        found.add(candidate.entry);
                }
            }
            return [...found];
        },
    };
}
/** Plural and simple inflections still count as the term (gradient/gradients). */
function sameWord(term, word) {
    if (word === undefined)
        return false;
    return word === term || word === `${term}s` || word === `${term}es`;
}
function wordsOf(text) {
    return text.toLowerCase().match(WORD) ?? [];
}
function pushTo(map, key, value) {
    const list = map.get(key);
    if (list === undefined)
        map.set(key, [value]);
    else
        list.push(value);
}

// EXTERNAL MODULE: ./src/align/language.ts
var align_language = __webpack_require__(2167);
;// CONCATENATED MODULE: ./src/align/crossCheck.ts

/** How far from a bead a competing sentence may sit. */
const WINDOW = 3;
/** The neighbour must hold this many more misplaced items than the bead shares itself. */
const MARGIN = 1;
const CROSSING_CONFIDENCE_FACTOR = 0.5;
function penalizeCrossings(beads, source, target, 
/** Region (anchor-delimited stretch) of each source and each target segment: competitors come from the same one. */
sourceRegion, targetRegion) {
    const sourceSide = { segments: source };
    const targetSide = { segments: target };
    const partners = partnersOf(beads, target.length);
    return beads.map((bead) => {
        if (bead.sourceEnd === bead.sourceStart || bead.targetEnd === bead.targetStart)
            return bead;
        const own = sharedEvidence(source, bead.sourceStart, bead.sourceEnd, target, bead.targetStart, bead.targetEnd);
        const region = sourceRegion[bead.sourceStart];
        const ownSource = { side: sourceSide, start: bead.sourceStart, end: bead.sourceEnd };
        const ownTarget = { side: targetSide, start: bead.targetStart, end: bead.targetEnd };
        const targetItems = verbatimItems(target, bead.targetStart, bead.targetEnd);
        let misplaced = 0;
        for (let index = bead.sourceStart - WINDOW; index < bead.sourceEnd + WINDOW; index += 1) {
            if (index < 0 || index >= source.length || (index >= bead.sourceStart && index < bead.sourceEnd))
                continue;
            if (sourceRegion[index] !== region)
                continue;
            const neighbour = { side: sourceSide, start: index, end: index + 1 };
            let count = 0;
            for (const item of targetItems)
                if (holds(neighbour, item) && !holds(ownSource, item))
                    count += 1;
            misplaced = Math.max(misplaced, count);
        }
        for (let index = bead.targetStart - WINDOW; index < bead.targetEnd + WINDOW; index += 1) {
            if (index < 0 || index >= target.length || (index >= bead.targetStart && index < bead.targetEnd))
                continue;
            if (targetRegion[index] !== region)
                continue;
            // The mirror image: what the neighbouring target shares with the bead's source, the bead's target lacks,
            // and the neighbour's own source does not explain.
            const partner = { side: sourceSide, ...partners.ofTarget(index) };
            let count = 0;
            for (const item of verbatimItems(target, index, index + 1)) {
                if (holds(ownSource, item) && !holds(ownTarget, item) && !holds(partner, item))
                    count += 1;
            }
            misplaced = Math.max(misplaced, count);
        }
        return misplaced >= own + MARGIN ? { ...bead, confidence: bead.confidence * CROSSING_CONFIDENCE_FACTOR } : bead;
    });
}
/**
 * Where each segment's own bead puts it: the other side's range. In the mirror check, a neighbouring target's item
 * that its own source also holds is explained where it stands: d2l-zh glosses a term as 术语（term） at its first
 * mention only, so the English sentence after a gloss names in English what its translation says in Chinese, and
 * English words recur everywhere. The direct check needs no such test: a Latin word kept in a CJK translation is
 * rare, so one its own source lacks points to a crossing wherever else it occurs. An unpaired neighbour has an empty
 * partner.
 */
function partnersOf(beads, targetCount) {
    const targetBead = new Int32Array(targetCount).fill(-1);
    beads.forEach((bead, beadIndex) => targetBead.fill(beadIndex, bead.targetStart, bead.targetEnd));
    const none = { start: 0, end: 0 };
    return {
        ofTarget(index) {
            const bead = beads[targetBead[index] ?? -1];
            return bead === undefined ? none : { start: bead.sourceStart, end: bead.sourceEnd };
        },
    };
}
function verbatimItems(segments, start, end) {
    const items = [];
    for (let index = start; index < end; index += 1) {
        const segment = segments[index];
        if (segment === undefined)
            continue;
        for (const anchor of segment.anchors)
            items.push({ kind: 'anchor', value: anchor });
        for (const word of segment.latinWords)
            items.push({ kind: 'word', value: word });
    }
    return items;
}
function holds(range, item) {
    for (let index = range.start; index < range.end; index += 1) {
        if (item.kind === 'anchor' && range.side.segments[index]?.anchors.includes(item.value) === true)
            return true;
        if (item.kind === 'word' && holdsWordForm(range.side.segments[index]?.latinWords ?? [], item.value))
            return true;
    }
    return false;
}
/**
 * Items of evidence both sides carry: anchors (as a multiset), target Latin words found in the source, terms.
 * Sides are index ranges so that nothing is copied for the many comparisons.
 */
function sharedEvidence(source, sourceStart, sourceEnd, target, targetStart, targetEnd) {
    const sourceAnchors = [];
    for (let index = sourceStart; index < sourceEnd; index += 1)
        sourceAnchors.push(...(source[index]?.anchors ?? []));
    let shared = 0;
    for (let index = targetStart; index < targetEnd; index += 1) {
        const segment = target[index];
        if (segment === undefined)
            continue;
        for (const anchor of segment.anchors) {
            const position = sourceAnchors.indexOf(anchor);
            if (position >= 0) {
                sourceAnchors[position] = '';
                shared += 1;
            }
        }
        for (const word of segment.latinWords)
            if (anySourceHas(source, sourceStart, sourceEnd, word))
                shared += 1;
        for (const term of segment.terms)
            if (anySourceHas(source, sourceStart, sourceEnd, term))
                shared += 1;
    }
    return shared;
}
/** Whether a segment in [start, end) holds the Latin word (plurals folded) or the glossary term. */
function anySourceHas(segments, start, end, item) {
    for (let index = start; index < end; index += 1) {
        const segment = segments[index];
        if (segment === undefined)
            continue;
        if (typeof item === 'string' ? holdsWordForm(segment.latinWords, item) : segment.terms.includes(item))
            return true;
    }
    return false;
}

;// CONCATENATED MODULE: ./src/align/lexicon.ts
const MIN_PAIRS = 20;
const MIN_COOCCURRENCE = 3;
const MIN_DICE = 0.6;
/** Words in more than this share of pairs are function words (the, of, we): no single bigram translates them. */
const MAX_WORD_SHARE = 0.3;
const lexicon_WORD = /[a-z][a-z-]{2,}/gu;
/** Han and kana: the characters a CJK lexicon entry is made of. */
function isLexiconCharacter(code) {
    return (code >= 0x3400 && code <= 0x9fff) || (code >= 0x3040 && code <= 0x30ff);
}
function learnLexicon(observations) {
    if (observations.length < MIN_PAIRS)
        return [];
    let targetChars = 0;
    for (const observation of observations)
        targetChars += observation.target.length;
    const bigramCounts = new BigramCounts(targetChars);
    const sides = observations.map((observation, index) => ({
        words: new Set(observation.source.toLowerCase().match(lexicon_WORD) ?? []),
        bigrams: bigramCounts.addDistinct(observation.target, index),
    }));
    const wordCounts = new Map();
    for (const side of sides)
        for (const word of side.words)
            wordCounts.set(word, (wordCounts.get(word) ?? 0) + 1);
    // Only items frequent enough to reach the co-occurrence floor can form an entry; counting pairs of the rest is waste.
    const bigramIds = new Map();
    const bigramKeys = [];
    const sideBigrams = sides.map((side) => {
        const ids = [];
        for (const bigram of side.bigrams) {
            if (bigramCounts.count(bigram) < MIN_COOCCURRENCE)
                continue;
            let id = bigramIds.get(bigram);
            if (id === undefined) {
                id = bigramKeys.push(bigram) - 1;
                bigramIds.set(bigram, id);
            }
            ids.push(id);
        }
        return ids;
    });
    // The pairs each candidate word occurs in, words in the order they first occur.
    const wordSides = new Map();
    sides.forEach((side, index) => {
        for (const word of side.words) {
            const count = wordCounts.get(word) ?? 0;
            if (count < MIN_COOCCURRENCE || count > MAX_WORD_SHARE * sides.length)
                continue;
            let occurrences = wordSides.get(word);
            if (occurrences === undefined)
                wordSides.set(word, (occurrences = []));
            occurrences.push(index);
        }
    });
    // One bigram per word, the most associated: more would count one word's evidence several times. Joint counts
    // go in one array reused word after word; ties go to the bigram met first.
    const joint = new Int32Array(bigramKeys.length);
    const met = [];
    const entries = [];
    for (const [word, occurrences] of wordSides) {
        met.length = 0;
        for (const index of occurrences) {
            for (const id of sideBigrams[index] ?? []) {
                if (joint[id] === 0)
                    met.push(id);
                joint[id] = (joint[id] ?? 0) + 1;
            }
        }
        const wordCount = wordCounts.get(word) ?? 0;
        let best;
        for (const id of met) {
            const count = joint[id] ?? 0;
            joint[id] = 0;
            if (count < MIN_COOCCURRENCE)
                continue;
            const bigram = bigramKeys[id] ?? 0;
            const dice = (2 * count) / (wordCount + bigramCounts.count(bigram));
            if (dice >= MIN_DICE && (best === undefined || dice > best.dice))
                best = { bigram, dice };
        }
        if (best !== undefined)
            entries.push({ source: word, target: bigramText(best.bigram) });
    }
    return entries;
}
/** Lexicon characters lie in [LEXICON_FIRST, LEXICON_FIRST + LEXICON_SPAN): a bigram's number stays a small integer. */
const LEXICON_FIRST = 0x3040;
const LEXICON_SPAN = 0x9fff - LEXICON_FIRST + 1;
/**
 * How many observations each CJK bigram occurs in, a bigram being one small integer. An open-addressing table over
 * typed arrays: a chapter has tens of thousands of bigram occurrences, and a Map of numbers spent most of the
 * lexicon's time.
 */
class BigramCounts {
    keys;
    counts;
    /** The last observation that counted the bigram, so that each observation counts it once. */
    lastObservation;
    shift;
    constructor(maxDistinct) {
        let bits = 4;
        while (1 << bits < 2 * maxDistinct)
            bits += 1;
        this.keys = new Int32Array(1 << bits).fill(EMPTY);
        this.counts = new Int32Array(1 << bits);
        this.lastObservation = new Int32Array(1 << bits).fill(-1);
        this.shift = 32 - bits;
    }
    /** Counts the distinct bigrams of `text` for observation `index`; returns them in order of first occurrence. */
    addDistinct(text, index) {
        const distinct = [];
        for (let position = 0; position + 1 < text.length; position += 1) {
            const first = text.charCodeAt(position);
            const second = text.charCodeAt(position + 1);
            if (!isLexiconCharacter(first) || !isLexiconCharacter(second))
                continue;
            const bigram = (first - LEXICON_FIRST) * LEXICON_SPAN + (second - LEXICON_FIRST);
            const slot = this.slotOf(bigram);
            if (this.lastObservation[slot] === index)
                continue;
            this.keys[slot] = bigram;
            this.lastObservation[slot] = index;
            this.counts[slot] = (this.counts[slot] ?? 0) + 1;
            distinct.push(bigram);
        }
        return distinct;
    }
    count(bigram) {
        return this.counts[this.slotOf(bigram)] ?? 0;
    }
    /** The bigram's slot, or the empty slot where it would go. */
    slotOf(bigram) {
        const mask = this.keys.length - 1;
        for (let slot = Math.imul(bigram, 0x9e3779b1) >>> this.shift;; slot = (slot + 1) & mask) {
            const key = this.keys[slot];
            if (key === bigram || key === EMPTY)
                return slot;
        }
    }
}
/** No bigram is negative. */
const EMPTY = -1;
function bigramText(key) {
    return String.fromCharCode(Math.floor(key / LEXICON_SPAN) + LEXICON_FIRST, (key % LEXICON_SPAN) + LEXICON_FIRST);
}

;// CONCATENATED MODULE: ./src/align/movedParagraphs.ts


/**
 * How many regions away a moved paragraph may land: moves are local (past one figure or code cell, rarely two).
 * Within its own region the monotonic aligner has already had its say.
 */
const MAX_REGION_DISTANCE = 2;
/** Verbatim items the two paragraphs must share: one shared number or word is chance. */
const MIN_SHARED_ITEMS = 2;
/** Target characters per expected target character (from the model's ratio) a pairing may be off by. */
const MAX_LENGTH_FACTOR = 2;
/** Candidates looked at per source paragraph, so that a translation of some other text cannot make this quadratic. */
const MAX_CANDIDATES = 32;
/** Two-sided beads pairing the sentences of moved paragraphs, in source order. */
function movedParagraphBeads(search) {
    const sourceOrphans = orphanParagraphs(search, 'source');
    const targetOrphans = orphanParagraphs(search, 'target');
    if (sourceOrphans.length === 0 || targetOrphans.length === 0)
        return [];
    const taken = new Set();
    const beads = [];
    for (const source of sourceOrphans) {
        let best;
        let candidates = 0;
        for (const target of targetOrphans) {
            const distance = Math.abs(target.region - source.region);
            if (taken.has(target) || distance === 0 || distance > MAX_REGION_DISTANCE)
                continue;
            if (++candidates > MAX_CANDIDATES)
                break;
            const shared = agreement(search, source, target);
            if (shared !== undefined && (best === undefined || shared > best.shared))
                best = { paragraph: target, shared };
        }
        if (best === undefined)
            continue;
        taken.add(best.paragraph);
        beads.push(...alignOrphans(search, source, best.paragraph));
    }
    return beads;
}
/** Paragraphs (runs of sentences of one block) none of whose sentences is in a two-sided bead. */
function orphanParagraphs(search, side) {
    const blocks = side === 'source' ? search.sourceBlocks : search.targetBlocks;
    const regions = side === 'source' ? search.sourceRegion : search.targetRegion;
    const features = side === 'source' ? search.sourceFeatures : search.targetFeatures;
    const paired = new Uint8Array(blocks.length);
    for (const bead of search.beads) {
        if (bead.sourceStart === bead.sourceEnd || bead.targetStart === bead.targetEnd)
            continue;
        if (side === 'source')
            paired.fill(1, bead.sourceStart, bead.sourceEnd);
        else
            paired.fill(1, bead.targetStart, bead.targetEnd);
    }
    const paragraphs = [];
    let start = 0;
    for (let index = 1; index <= blocks.length; index += 1) {
        if (index < blocks.length && blocks[index] === blocks[start])
            continue;
        if (!paired.subarray(start, index).includes(1)) {
            const segments = features.slice(start, index);
            const anchors = segments.flatMap((segment) => segment.anchors).sort();
            paragraphs.push({
                start,
                end: index,
                region: regions[start] ?? -1,
                anchors: JSON.stringify(anchors),
                anchorCount: anchors.length,
                latinWords: segments.flatMap((segment) => segment.latinWords),
                length: segments.reduce((sum, segment) => sum + segment.length, 0),
            });
        }
        start = index;
    }
    return paragraphs;
}
/**
 * Verbatim items both paragraphs hold (anchors as a multiset, target Latin words found in the source), or undefined
 * when the pairing is implausible: too little shared, an anchor on either side without its twin, a kept word the
 * source lacks, or lengths that disagree.
 */
function agreement(search, source, target) {
    if (source.anchors !== target.anchors)
        return undefined;
    let shared = source.anchorCount;
    if (search.model.targetLatinIsEvidence) {
        for (const word of target.latinWords) {
            if (!holdsWordForm(source.latinWords, word))
                return undefined;
            shared += 1;
        }
    }
    if (shared < MIN_SHARED_ITEMS)
        return undefined;
    const expected = source.length * search.model.lengthRatio;
    if (target.length > expected * MAX_LENGTH_FACTOR || target.length * MAX_LENGTH_FACTOR < expected)
        return undefined;
    return shared;
}
function alignOrphans(search, source, target) {
    const beads = alignSegments(search.sourceFeatures.slice(source.start, source.end), search.targetFeatures.slice(target.start, target.end), search.model);
    return beads
        .filter((bead) => bead.sourceStart < bead.sourceEnd && bead.targetStart < bead.targetEnd)
        .map((bead) => shiftBead(bead, source.start, target.start));
}

// EXTERNAL MODULE: ./src/align/segmentFeatures.ts
var segmentFeatures = __webpack_require__(3195);
// EXTERNAL MODULE: ./src/align/splitSentences.ts
var splitSentences = __webpack_require__(3111);
;// CONCATENATED MODULE: ./src/align/buildPairs.ts










const DEFAULT_MIN_CONFIDENCE = 0.55;
const SENTENCE_LENGTH_SPREAD = 0.35;
/** Sentences of one prose block (empty for other blocks). */
function blockSentences(block, language) {
    return block.kind === 'prose' && block.tokens !== undefined ? (0,splitSentences/* splitSentences */.P)(block.tokens, language) : [];
}
/**
 * Sentence-level alignment of two documents, for callers that need positions rather than text: sync uses it to
 * find the human translation of each unchanged English sentence.
 */
function alignUnits(source, target, options = {}) {
    return alignWithEvidence(source, target, options).alignment;
}
function alignWithEvidence(source, target, options) {
    const sourceLanguage = options.sourceLanguage ?? 'en';
    const targetLanguage = options.targetLanguage ?? 'zh';
    // No entries: no lookups at all (an empty index would still scan every sentence).
    const glossary = options.glossary === undefined || options.glossary.length === 0 ? undefined : indexGlossary(options.glossary);
    const structure = (0,alignBlocks/* alignBlocks */._g)(source, target, {
        ...(options.targetOnlyTabs === undefined ? {} : { targetOnlyTabs: options.targetOnlyTabs }),
    });
    const sourceSentences = documentSentences(source, sourceLanguage);
    const sourceRanges = sentenceRangesByBlock(sourceSentences);
    const targetSentences = [];
    const groups = structure.regions.map((region) => {
        const targetStart = targetSentences.length;
        for (const unit of region.target)
            targetSentences.push(...unitSentences(unit, target.blocks, targetLanguage));
        const first = region.source[0];
        const last = region.source[region.source.length - 1];
        const sourceStart = first === undefined ? 0 : (sourceRanges.get(first.blockIndex)?.[0] ?? 0);
        const sourceEnd = last === undefined ? sourceStart : (sourceRanges.get(last.blockIndex)?.[1] ?? sourceStart);
        return { sourceStart, sourceEnd, targetStart, targetEnd: targetSentences.length };
    });
    const sourceFeatures = sentenceFeatures(sourceSentences, source, sourceLanguage, glossary, 'source');
    const targetFeatures = sentenceFeatures(targetSentences, target, targetLanguage, glossary, 'target');
    const firstModel = {
        lengthRatio: options.lengthRatio ?? structure.lengthRatio,
        lengthSpread: SENTENCE_LENGTH_SPREAD,
        shapes: FIRST_PASS_SHAPES,
        targetLatinIsEvidence: (0,align_language/* isSpacelessLanguage */.Gz)(targetLanguage) !== (0,align_language/* isSpacelessLanguage */.Gz)(sourceLanguage),
        blockEdgeCost: BLOCK_EDGE_COST,
    };
    const firstPassByGroup = alignGroups(groups, sourceFeatures, targetFeatures, firstModel);
    const firstPass = firstPassByGroup.flat();
    const confident = firstPass.filter((bead) => bead.shape === '1-1' && bead.confidence >= CALIBRATION_CONFIDENCE);
    const calibrated = calibrateLengthModel(confidentLengths(confident, sourceFeatures, targetFeatures), firstModel);
    const model = {
        ...calibrated,
        shapes: SENTENCE_SHAPES,
        ...(options.lengthRatio === undefined ? {} : { lengthRatio: options.lengthRatio }),
    };
    const lexicon = firstModel.targetLatinIsEvidence
        ? learnLexicon(confident.map((bead) => ({
            source: sourceSentences[bead.sourceStart]?.span.text ?? '',
            target: targetSentences[bead.targetStart]?.span.text ?? '',
        })))
        : [];
    const evidence = lexicon.length === 0 ? undefined : indexGlossary([...(options.glossary ?? []), ...lexicon]);
    const finalSource = evidence === undefined ? sourceFeatures : withTerms(sourceFeatures, evidence, 'source');
    const finalTarget = evidence === undefined ? targetFeatures : withTerms(targetFeatures, evidence, 'target');
    const aligned = alignGroups(groups, finalSource, finalTarget, model, firstPassByGroup).flat();
    const sourceRegion = new Int32Array(sourceSentences.length).fill(-1);
    const targetRegion = new Int32Array(targetSentences.length).fill(-1);
    groups.forEach((group, region) => {
        sourceRegion.fill(region, group.sourceStart, group.sourceEnd);
        targetRegion.fill(region, group.targetStart, group.targetEnd);
    });
    const beads = penalizeCrossings(aligned, finalSource, finalTarget, sourceRegion, targetRegion);
    return {
        alignment: {
            sourceSentences,
            targetSentences,
            beads,
            paragraphs: paragraphBeads(beads, sourceSentences, targetSentences),
        },
        sourceFeatures: finalSource,
        targetFeatures: finalTarget,
        sourceRegion,
        targetRegion,
        model,
    };
}
/**
 * The monotonic alignment with paragraphs the translator moved past an anchor paired too (movedParagraphs.ts):
 * their beads replace the one-sided beads of the same sentences, in source order. Parallel data wants every
 * translated sentence; sync keeps to the monotonic beads, whose order it follows.
 */
function alignWithMovedParagraphs(source, target, options) {
    const evidence = alignWithEvidence(source, target, options);
    const { alignment } = evidence;
    const moved = movedParagraphBeads({
        beads: alignment.beads,
        sourceBlocks: Int32Array.from(alignment.sourceSentences, (ref) => ref.blockIndex),
        targetBlocks: Int32Array.from(alignment.targetSentences, (ref) => ref.blockIndex),
        sourceRegion: evidence.sourceRegion,
        targetRegion: evidence.targetRegion,
        sourceFeatures: evidence.sourceFeatures,
        targetFeatures: evidence.targetFeatures,
        model: evidence.model,
    });
    if (moved.length === 0)
        return alignment;
    const sourceMoved = new Uint8Array(alignment.sourceSentences.length);
    const targetMoved = new Uint8Array(alignment.targetSentences.length);
    for (const bead of moved) {
        sourceMoved.fill(1, bead.sourceStart, bead.sourceEnd);
        targetMoved.fill(1, bead.targetStart, bead.targetEnd);
    }
    const kept = alignment.beads.filter((bead) => !sourceMoved.subarray(bead.sourceStart, bead.sourceEnd).includes(1) &&
        !targetMoved.subarray(bead.targetStart, bead.targetEnd).includes(1));
    const beads = [...kept, ...moved].sort((a, b) => a.sourceStart - b.sourceStart || a.sourceEnd - b.sourceEnd);
    return {
        ...alignment,
        beads,
        paragraphs: paragraphBeads(beads, alignment.sourceSentences, alignment.targetSentences),
    };
}
const CALIBRATION_CONFIDENCE = 0.9;
/** The first pass only calibrates lengths, learns a lexicon and guides the second: the common shapes suffice. */
const FIRST_PASS_SHAPES = SENTENCE_SHAPES.filter((shape) => shape.source + shape.target <= 3);
const BLOCK_EDGE_COST = 2;
function sentenceFeatures(refs, document, language, glossary, side) {
    return refs.map((ref) => {
        const block = document.blocks[ref.blockIndex];
        const features = (0,segmentFeatures/* segmentFeatures */.d4)({
            text: ref.span.text,
            tokens: (0,segmentFeatures/* tokensBetween */.R6)(block?.tokens ?? [], ref.span.start, ref.span.end, ref.span.firstToken, ref.span.firstTokenStart),
        }, language, glossary, side, block?.context === 'heading' ? 'heading' : 'text');
        return segmentWith(features, features.terms, ref.sentenceIndex === 0);
    });
}
/**
 * A segment rebuilt field by field in one order: a spread copies whatever shape its source had, and the
 * lattice reads thousands of these.
 */
function segmentWith(features, terms, startsBlock) {
    return {
        length: features.length,
        anchors: features.anchors,
        latinWords: features.latinWords,
        terms,
        category: features.category,
        startsBlock,
        prose: features.prose,
    };
}
/** The same features with glossary terms looked up again, for a glossary extended by a learned lexicon. */
function withTerms(features, glossary, side) {
    return features.map((feature) => segmentWith(feature, (0,segmentFeatures/* glossaryTerms */.gT)(feature.prose ?? '', glossary, side), feature.startsBlock === true));
}
/** Aligns each group on its own; the result holds each group's beads, in order. A guide holds a first pass's. */
function alignGroups(groups, sourceFeatures, targetFeatures, model, guide) {
    return groups.map((group, index) => {
        const sourceCount = group.sourceEnd - group.sourceStart;
        const targetCount = group.targetEnd - group.targetStart;
        if (sourceCount === 0 || targetCount === 0) {
            return sourceCount === 0 && targetCount === 0
                ? []
                : [{ ...group, shape: `${sourceCount}-${targetCount}`, confidence: 1 }];
        }
        const groupGuide = guide?.[index]?.map((bead) => shiftBead(bead, -group.sourceStart, -group.targetStart));
        return alignSegments(sourceFeatures.slice(group.sourceStart, group.sourceEnd), targetFeatures.slice(group.targetStart, group.targetEnd), model, groupGuide).map((bead) => shiftBead(bead, group.sourceStart, group.targetStart));
    });
}
function confidentLengths(oneToOne, sourceFeatures, targetFeatures) {
    return oneToOne.map((bead) => ({
        sourceChars: sourceFeatures[bead.sourceStart]?.length ?? 0,
        targetChars: targetFeatures[bead.targetStart]?.length ?? 0,
    }));
}
/**
 * Paragraph pairs follow from sentence beads: blocks joined by a two-sided bead belong together, transitively.
 * A group's confidence is that of its weakest bead.
 */
function paragraphBeads(beads, sourceSentences, targetSentences) {
    const paragraphs = [];
    let current;
    for (const bead of beads) {
        if (bead.sourceEnd === bead.sourceStart || bead.targetEnd === bead.targetStart)
            continue;
        const sourceBlocks = blocksOf(sourceSentences, bead.sourceStart, bead.sourceEnd);
        const targetBlocks = blocksOf(targetSentences, bead.targetStart, bead.targetEnd);
        const joins = current !== undefined &&
            (sourceBlocks.some((block) => current?.source.includes(block)) ||
                targetBlocks.some((block) => current?.target.includes(block)));
        if (current === undefined || !joins) {
            current = { source: [], target: [], confidence: 1 };
            paragraphs.push(current);
        }
        for (const block of sourceBlocks)
            if (!current.source.includes(block))
                current.source.push(block);
        for (const block of targetBlocks)
            if (!current.target.includes(block))
                current.target.push(block);
        current.confidence = Math.min(current.confidence, bead.confidence);
    }
    return paragraphs.map((paragraph) => ({
        sourceBlocks: paragraph.source,
        targetBlocks: paragraph.target,
        shape: `${paragraph.source.length}-${paragraph.target.length}`,
        confidence: paragraph.confidence,
    }));
}
function blocksOf(refs, start, end) {
    const blocks = [];
    for (const ref of refs.slice(start, end))
        if (!blocks.includes(ref.blockIndex))
            blocks.push(ref.blockIndex);
    return blocks;
}
/** Sentence pairs (and paragraph pairs) with text folded for parallel data. */
function alignDocuments(source, target, options = {}) {
    const targetLanguage = options.targetLanguage ?? 'zh';
    const minConfidence = options.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
    const alignment = alignWithMovedParagraphs(source, target, options);
    const beadsByShape = {};
    const pairs = [];
    let droppedLowConfidence = 0;
    let unalignedSourceSentences = alignment.sourceSentences.length;
    let unalignedTargetSentences = alignment.targetSentences.length;
    for (const bead of alignment.beads) {
        beadsByShape[bead.shape] = (beadsByShape[bead.shape] ?? 0) + 1;
        const sourceRefs = alignment.sourceSentences.slice(bead.sourceStart, bead.sourceEnd);
        const targetRefs = alignment.targetSentences.slice(bead.targetStart, bead.targetEnd);
        if (sourceRefs.length === 0 || targetRefs.length === 0)
            continue;
        unalignedSourceSentences -= sourceRefs.length;
        unalignedTargetSentences -= targetRefs.length;
        if (bead.confidence < minConfidence) {
            droppedLowConfidence += 1;
            continue;
        }
        pairs.push({
            source: joinSentences(sourceRefs, options.sourceLanguage ?? 'en'),
            target: joinSentences(targetRefs, targetLanguage),
            confidence: bead.confidence,
            shape: bead.shape,
            sourceLine: sourceRefs[0]?.line ?? 0,
            targetLine: targetRefs[0]?.line ?? 0,
        });
    }
    const paragraphPairs = alignment.paragraphs.flatMap((paragraph) => paragraph.confidence >= minConfidence
        ? [paragraphPair(paragraph, alignment, options.sourceLanguage ?? 'en', targetLanguage)]
        : []);
    return {
        pairs,
        paragraphPairs,
        stats: { beadsByShape, droppedLowConfidence, unalignedSourceSentences, unalignedTargetSentences },
    };
}
/** Sentences of a side are joined with a space, or with nothing in languages written without spaces. */
function joinSentences(refs, language) {
    return refs.map((ref) => ref.span.text).join((0,align_language/* isSpacelessLanguage */.Gz)(language) ? '' : ' ');
}
function paragraphPair(paragraph, alignment, sourceLanguage, targetLanguage) {
    const refsOf = (blocks, refs) => refs.filter((ref) => blocks.includes(ref.blockIndex));
    const sourceRefs = refsOf(paragraph.sourceBlocks, alignment.sourceSentences);
    const targetRefs = refsOf(paragraph.targetBlocks, alignment.targetSentences);
    return {
        source: joinSentences(sourceRefs, sourceLanguage),
        target: joinSentences(targetRefs, targetLanguage),
        confidence: paragraph.confidence,
        shape: paragraph.shape,
        sourceLine: sourceRefs[0]?.line ?? 0,
        targetLine: targetRefs[0]?.line ?? 0,
    };
}
function documentSentences(document, language) {
    return document.blocks.flatMap((block, blockIndex) => unitSentences({ blockIndex, block }, document.blocks, language));
}
function unitSentences(unit, blocks, language) {
    const block = blocks[unit.blockIndex] ?? unit.block;
    return blockSentences(block, language).map((span, sentenceIndex) => ({
        blockIndex: unit.blockIndex,
        sentenceIndex,
        span,
        line: block.line + countNewlines(block.source, span.start),
    }));
}
function countNewlines(text, until) {
    let count = 0;
    for (let index = 0; index < until; index += 1)
        if (text.charCodeAt(index) === 10)
            count += 1;
    return count;
}
function sentenceRangesByBlock(refs) {
    const ranges = new Map();
    refs.forEach((ref, index) => {
        const range = ranges.get(ref.blockIndex);
        if (range === undefined)
            ranges.set(ref.blockIndex, [index, index + 1]);
        else
            range[1] = index + 1;
    });
    return ranges;
}


/***/ }),

/***/ 2167:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gz: () => (/* reexport safe */ _language_codes_js__WEBPACK_IMPORTED_MODULE_0__.Gz),
/* harmony export */   HI: () => (/* binding */ primaryLanguage),
/* harmony export */   sB: () => (/* binding */ isCjkCharacter)
/* harmony export */ });
/* harmony import */ var _language_codes_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4148);
/**
 * Script facts the splitter and the aligner share. Languages are BCP-47 tags (`en`, `zh`, `zh-TW`, `ja`, `es` …);
 * only the primary subtag matters here. Which languages are spaceless is decided in src/language/codes.ts, the one
 * list of languages.
 */

function primaryLanguage(language) {
    return language.toLowerCase().split(/[-_]/)[0] ?? '';
}
/** Han, kana, Hangul and full-width punctuation: characters that join without a space in CJK text. */
const CJK_CHARACTER = /[\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF\u3000-\u303F]/u;
function isCjkCharacter(character) {
    return character !== undefined && CJK_CHARACTER.test(character);
}


/***/ }),

/***/ 3195:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R6: () => (/* binding */ tokensBetween),
/* harmony export */   d4: () => (/* binding */ segmentFeatures),
/* harmony export */   gT: () => (/* binding */ glossaryTerms)
/* harmony export */ });
/* unused harmony export segmentProse */
/* harmony import */ var _text_countNonWhitespace_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2612);
/* harmony import */ var _language_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2167);


const NUMBER = /\d+(?:\.\d+)?/gu;
const LATIN_WORD = /[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*/gu;
const ROLE_KEY = /^:[\w-]+:`([^`]*)`/u;
function segmentFeatures(segment, language, glossary, side, category) {
    const anchors = [];
    for (const token of segment.tokens) {
        if (token.kind !== 'protected')
            continue;
        const anchor = anchorOf(token.source, token.role);
        if (anchor !== undefined)
            anchors.push(anchor);
    }
    const prose = segmentProse(segment.tokens);
    for (const number of prose.match(NUMBER) ?? [])
        anchors.push(`n:${Number(number)}`);
    const spaceless = (0,_language_js__WEBPACK_IMPORTED_MODULE_0__/* .isSpacelessLanguage */ .Gz)(language);
    const latinWords = spaceless || side === 'source' ? (prose.match(LATIN_WORD) ?? []).map((word) => word.toLowerCase()) : [];
    // A Latin word kept in CJK text (a gloss like 术语（term）) is one unit of meaning, not one per letter.
    const length = spaceless ? prose.replace(/\s+/gu, '').replace(LATIN_WORD, 'w').length : (0,_text_countNonWhitespace_js__WEBPACK_IMPORTED_MODULE_1__/* .countNonWhitespace */ .M)(prose);
    const terms = glossaryTerms(prose, glossary, side);
    return {
        length,
        anchors,
        latinWords: spaceless ? latinWords.filter((word) => word.length >= 2) : latinWords,
        terms,
        ...(category === undefined ? {} : { category }),
        prose,
    };
}
/** The words of a segment: text tokens, with a space for each line break. */
function segmentProse(tokens) {
    let prose = '';
    for (const token of tokens) {
        if (token.kind === 'text')
            prose += token.source;
        else if (token.kind === 'break')
            prose += ' ';
    }
    return prose;
}
/** Glossary entries the segment mentions; target text is searched without whitespace (CJK lines break anywhere). */
function glossaryTerms(prose, glossary, side) {
    if (glossary === undefined)
        return [];
    return side === 'source' ? glossary.sourceTerms(prose) : glossary.targetTerms(prose.replace(/\s+/gu, ''));
}
function anchorOf(source, role) {
    switch (role) {
        case 'math': {
            const body = source.replace(/^\$+|\$+$/gu, '').replace(/\s+/gu, '');
            return /^\d+(?:\.\d+)?$/u.test(body) ? `n:${Number(body)}` : `m:${body}`;
        }
        case 'code':
            return `c:${source.replace(/`/gu, '').trim()}`;
        case 'role':
        case 'reference': {
            const key = ROLE_KEY.exec(source)?.[1];
            return `r:${key ?? source}`;
        }
        case 'url':
        case 'image':
            return `u:${source}`;
        default:
            return undefined;
    }
}
/**
 * The tokens between two offsets of a unit, the first and last cut to the bounds. A caller that knows a token at or
 * before `start` (a sentence's first token) passes it and its offset, so long units are not walked from the top.
 */
function tokensBetween(tokens, start, end, firstToken = 0, firstTokenStart = 0) {
    const result = [];
    let offset = firstTokenStart;
    for (let index = firstToken; index < tokens.length && offset < end; index += 1) {
        const token = tokens[index];
        if (token === undefined)
            break;
        const tokenStart = offset;
        offset += token.source.length;
        if (offset <= start)
            continue;
        if (tokenStart >= start && offset <= end)
            result.push(token);
        else if (token.kind === 'text') {
            result.push({ kind: 'text', source: token.source.slice(Math.max(0, start - tokenStart), end - tokenStart) });
        }
        else
            result.push(token);
    }
    return result;
}


/***/ }),

/***/ 3111:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ splitSentences)
/* harmony export */ });
/* unused harmony export foldLineBreaks */
/* harmony import */ var _language_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2167);

const PROTECTED = '\uE000';
const OPEN = '\uE001';
const CLOSE = '\uE002';
const WHITESPACE = /\s/u;
const LATIN_TERMINATORS = new Set(['.', '?', '!', '…']);
const SPACELESS_TERMINATORS = new Set(['。', '！', '？', '．', '!', '?']);
const CLOSERS = new Set(['"', "'", '”', '’', ')', ']', '}', '」', '』', '）', '】', '》', '〉', '»']);
const OPENERS = new Set(['"', "'", '“', '‘', '(', '[', '{', '「', '『', '（', '【', '《', '〈', '«', '¿', '¡']);
const LOWERCASE_START = /^\p{Ll}/u;
const CONTINUATION_PUNCTUATION = new Set([',', ';', ':', '，', '；', '：', '、']);
/**
 * Words followed by a period that do not end a sentence. Compared lower-cased; `etc` is absent on purpose
 * because it often does end one (and then a capital follows).
 */
const ABBREVIATIONS = new Set([
    'e.g',
    'i.e',
    'al',
    'vs',
    'cf',
    'fig',
    'figs',
    'eq',
    'eqs',
    'sec',
    'sect',
    'ch',
    'chap',
    'mr',
    'mrs',
    'ms',
    'dr',
    'prof',
    'jr',
    'sr',
    'st',
    'approx',
    'resp',
    'w.r.t',
    'a.k.a',
    'incl',
    'esp',
    'viz',
    'inc',
    'ltd',
    'ph.d',
    'pp',
    'vol',
    'eds',
    'appx',
    'ca',
    'no',
    'nos',
    'p',
    'ej',
    'p. ej',
    'sra',
    'dra',
    'ud',
    'uds',
    'núm',
    'pág',
    'ibid',
]);
function splitSentences(tokens, language) {
    const masked = maskUnit(tokens);
    const spaceless = (0,_language_js__WEBPACK_IMPORTED_MODULE_0__/* .isSpacelessLanguage */ .Gz)(language);
    const spans = [];
    const length = masked.text.length;
    let sentenceStart = nextContent(masked, 0);
    let index = sentenceStart;
    while (index < length) {
        const boundary = spaceless ? spacelessBoundaryAfter(masked, index) : latinBoundaryAfter(masked, index, language);
        if (boundary === undefined) {
            index += 1;
            continue;
        }
        spans.push({ start: sentenceStart, end: boundary.lastAtom });
        sentenceStart = boundary.nextStart;
        index = boundary.nextStart;
    }
    const lastContent = previousContent(masked, length - 1);
    if (sentenceStart < length && lastContent >= sentenceStart)
        spans.push({ start: sentenceStart, end: lastContent });
    return spans.map((span) => toSentenceSpan(tokens, masked, span.start, span.end, language));
}
/**
 * The unit's source between two offsets with each line break replaced: by nothing between two CJK characters,
 * by one space otherwise (the break's container prefix, `> ` or list indent, goes with it). Spaces next to a
 * break collapse into it.
 */
function foldLineBreaks(tokens, start, end, language, firstToken = 0, firstTokenStart = 0) {
    // A private-use character stands for each break until the breaks are folded.
    const BREAK = '\uE003';
    let offset = firstTokenStart;
    let raw = '';
    for (let index = firstToken; index < tokens.length && offset < end; index += 1) {
        const token = tokens[index];
        if (token === undefined)
            break;
        const tokenEnd = offset + token.source.length;
        if (tokenEnd > start) {
            raw += token.kind === 'break' ? BREAK : token.source.slice(Math.max(0, start - offset), end - offset);
        }
        offset = tokenEnd;
    }
    if (!raw.includes(BREAK))
        return raw.trim();
    const spaceless = (0,_language_js__WEBPACK_IMPORTED_MODULE_0__/* .isSpacelessLanguage */ .Gz)(language);
    return raw
        .replace(/[ \t]*\uE003[\s\uE003]*/gu, (match, position) => {
        if (!spaceless)
            return ' ';
        const before = raw[position - 1];
        const after = raw[position + match.length];
        return (0,_language_js__WEBPACK_IMPORTED_MODULE_0__/* .isCjkCharacter */ .sB)(before) && (0,_language_js__WEBPACK_IMPORTED_MODULE_0__/* .isCjkCharacter */ .sB)(after) ? '' : ' ';
    })
        .trim();
}
function maskUnit(tokens) {
    // One atom per text character and per other token: sized up front, filled in place (this runs for every unit).
    let capacity = 0;
    for (const token of tokens)
        capacity += Math.max(1, token.source.length);
    const starts = new Int32Array(capacity);
    const ends = new Int32Array(capacity);
    const owners = new Int32Array(capacity);
    let atoms = 0;
    let text = '';
    const protectedSources = new Map();
    const tokenStarts = new Int32Array(tokens.length);
    let offset = 0;
    tokens.forEach((token, tokenIndex) => {
        const start = offset;
        tokenStarts[tokenIndex] = start;
        offset += token.source.length;
        if (token.kind === 'text') {
            text += token.source;
            for (let position = start; position < offset; position += 1) {
                starts[atoms] = position;
                ends[atoms] = position + 1;
                owners[atoms] = tokenIndex;
                atoms += 1;
            }
            return;
        }
        if (token.kind === 'protected')
            protectedSources.set(text.length, token.source);
        text +=
            token.kind === 'break' ? ' ' : token.kind === 'protected' ? PROTECTED : token.kind === 'open' ? OPEN : CLOSE;
        starts[atoms] = start;
        ends[atoms] = offset;
        owners[atoms] = tokenIndex;
        atoms += 1;
    });
    return {
        text,
        starts: starts.subarray(0, atoms),
        ends: ends.subarray(0, atoms),
        tokens: owners.subarray(0, atoms),
        tokenStarts,
        protectedSources,
    };
}
function isSpaceAt(masked, index) {
    const code = masked.text.charCodeAt(index);
    // ASCII whitespace is nearly all of it; the regex only runs for the rare other space characters.
    if (code === 32 || code === 10 || code === 9 || code === 13)
        return true;
    return code > 127 && WHITESPACE.test(masked.text[index] ?? '');
}
function nextContent(masked, from) {
    let index = from;
    while (index < masked.text.length && isSpaceAt(masked, index))
        index += 1;
    return index;
}
function previousContent(masked, from) {
    let index = from;
    while (index >= 0 && isSpaceAt(masked, index))
        index -= 1;
    return index;
}
/** After a terminator, closing quotes/brackets/emphasis and further terminators still belong to the sentence. */
function extendOverClosers(masked, from, terminators) {
    let index = from;
    for (;;) {
        const char = masked.text[index + 1];
        if (char === undefined || !(char === CLOSE || CLOSERS.has(char) || terminators.has(char)))
            return index;
        index += 1;
    }
}
/**
 * Character codes that can end a sentence (terminators, and the placeholder of a protected token, which may be
 * display-like math ending in a period): every other position is passed over without making a string of it.
 */
const MAY_END_SENTENCE = new Uint8Array(0x10000);
for (const mark of [...LATIN_TERMINATORS, ...SPACELESS_TERMINATORS, PROTECTED])
    MAY_END_SENTENCE[mark.charCodeAt(0)] = 1;
function spacelessBoundaryAfter(masked, index) {
    if (MAY_END_SENTENCE[masked.text.charCodeAt(index)] !== 1)
        return undefined;
    const char = masked.text[index] ?? '';
    if (!SPACELESS_TERMINATORS.has(char))
        return undefined;
    const lastAtom = extendOverClosers(masked, index, SPACELESS_TERMINATORS);
    const nextStart = nextContent(masked, lastAtom + 1);
    if (nextStart >= masked.text.length)
        return undefined;
    // A Latin `?`/`!` inside Chinese text may belong to a quoted English phrase that goes on in lower case.
    const isLatinMark = char === '?' || char === '!';
    if (isLatinMark && (nextStart === lastAtom + 1 || startsInLowerCase(masked, nextStart)))
        return undefined;
    return { lastAtom, nextStart };
}
function latinBoundaryAfter(masked, index, language) {
    if (MAY_END_SENTENCE[masked.text.charCodeAt(index)] !== 1)
        return undefined;
    const char = masked.text[index] ?? '';
    const protectedSource = char === PROTECTED ? masked.protectedSources.get(index) : undefined;
    const endsSentence = LATIN_TERMINATORS.has(char) ||
        (protectedSource !== undefined && protectedSource.startsWith('$') && /\.\s*\$*\s*$/u.test(protectedSource));
    if (!endsSentence)
        return undefined;
    const lastAtom = extendOverClosers(masked, index, LATIN_TERMINATORS);
    const nextStart = nextContent(masked, lastAtom + 1);
    // No whitespace after the mark: a decimal (3.14), a file name, an abbreviation like e.g.
    if (nextStart === lastAtom + 1 || nextStart >= masked.text.length)
        return undefined;
    if (startsInLowerCase(masked, nextStart) || CONTINUATION_PUNCTUATION.has(masked.text[nextStart] ?? ''))
        return undefined;
    if (char === '.' && isAbbreviationBefore(masked, index, language))
        return undefined;
    return { lastAtom, nextStart };
}
/** Looks through opening quotes, brackets and emphasis to the first word of what follows. */
function startsInLowerCase(masked, from) {
    for (let index = from; index < masked.text.length; index += 1) {
        const char = masked.text[index] ?? '';
        if (char === OPEN || OPENERS.has(char) || isSpaceAt(masked, index))
            continue;
        return LOWERCASE_START.test(char);
    }
    return false;
}
function isAbbreviationBefore(masked, periodIndex, language) {
    let start = periodIndex;
    while (start > 0 && /[\p{L}.]/u.test(masked.text[start - 1] ?? ''))
        start -= 1;
    const word = masked.text.slice(start, periodIndex);
    if (word === '')
        return false;
    // A single capital is an initial (A. Smola); a single letter between periods is part of "e.g." style forms.
    if (/^\p{Lu}$/u.test(word))
        return true;
    const lower = word.toLowerCase();
    if (ABBREVIATIONS.has(lower))
        return true;
    return (0,_language_js__WEBPACK_IMPORTED_MODULE_0__/* .primaryLanguage */ .HI)(language) === 'es' && lower === 'ej';
}
function toSentenceSpan(tokens, masked, first, last, language) {
    const start = masked.starts[first] ?? 0;
    const end = masked.ends[last] ?? start;
    const firstToken = masked.tokens[first] ?? 0;
    const firstTokenStart = masked.tokenStarts[firstToken] ?? 0;
    return {
        start,
        end,
        firstToken,
        firstTokenStart,
        endToken: (masked.tokens[last] ?? 0) + 1,
        text: foldLineBreaks(tokens, start, end, language, firstToken, firstTokenStart),
    };
}


/***/ }),

/***/ 4224:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G8: () => (/* binding */ countScriptLetters),
/* harmony export */   aq: () => (/* binding */ markdownScriptLetters),
/* harmony export */   jb: () => (/* binding */ wrongScript)
/* harmony export */ });
/* unused harmony export cjkShare */
/* harmony import */ var _codes_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4148);
/**
 * Which script a text is written in, by counting letters: CJK (Han, kana, Hangul) against Latin. Enough to catch
 * a language flag that cannot match the text (`--to es` on a Chinese book, a "translation" that is still English)
 * before anything is aligned, drafted or written.
 */

const CJK_ONE = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]$/u;
const LATIN_ONE = /^\p{Script=Latin}$/u;
const UNKNOWN = 0;
const OTHER = 1;
const CJK = 2;
const LATIN = 3;
/** The script class of each basic-plane character met so far: a book has millions of letters but few distinct ones. */
const basicPlaneScripts = new Uint8Array(0x10000);
function scriptOf(char) {
    return CJK_ONE.test(char) ? CJK : LATIN_ONE.test(char) ? LATIN : OTHER;
}
/** Adds the CJK and Latin letters of `text` to `counts`. */
function countScriptLetters(text, counts) {
    for (let index = 0; index < text.length; index += 1) {
        const code = text.charCodeAt(index);
        const next = text.charCodeAt(index + 1);
        let script;
        if (code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
            script = scriptOf(String.fromCodePoint(text.codePointAt(index) ?? code));
            index += 1;
        }
        else {
            script = basicPlaneScripts[code] ?? UNKNOWN;
            if (script === UNKNOWN)
                basicPlaneScripts[code] = script = scriptOf(String.fromCharCode(code));
        }
        if (script === CJK)
            counts.cjk += 1;
        else if (script === LATIN)
            counts.latin += 1;
    }
}
/** Share of CJK letters among CJK and Latin ones; undefined when the text has neither. */
function cjkShare(letters) {
    const total = letters.cjk + letters.latin;
    return total === 0 ? undefined : letters.cjk / total;
}
/**
 * Chinese prose keeps English terms in parentheses, so a real zh chapter can have well under half CJK letters;
 * English chapters quote a few Chinese names at most. Measured on d2l-zh: every translated chapter ≥ 0.6, every
 * original 0.
 */
const MIN_CJK_SHARE_FOR_CJK_LANGUAGE = 0.3;
const MAX_CJK_SHARE_FOR_OTHER_LANGUAGE = 0.5;
/** Why text with these letters cannot be in `language`, or undefined when it can. */
function wrongScript(letters, language) {
    const share = cjkShare(letters);
    if (share === undefined)
        return undefined;
    const percent = `${Math.round(share * 100)}% of its prose letters are CJK`;
    if ((0,_codes_js__WEBPACK_IMPORTED_MODULE_0__/* .isCjkScriptLanguage */ .gH)(language))
        return share < MIN_CJK_SHARE_FOR_CJK_LANGUAGE ? `is mostly Latin letters, not ${language} (${percent})` : undefined;
    return share > MAX_CJK_SHARE_FOR_OTHER_LANGUAGE ? `is mostly CJK, not ${language} (${percent})` : undefined;
}
/** Fenced code, inline code and math: Latin in every edition of a book, so they would only blur the count. */
const NOT_PROSE = /^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$|\$\$[\s\S]*?\$\$|`[^`\n]*`|\$[^$\n]*\$|\]\([^)\n]*\)|<[^>\n]*>/gmu;
/** CJK and Latin letters of a Markdown text's prose, without parsing it (code, math, link targets and tags left out). */
function markdownScriptLetters(markdown, counts) {
    countScriptLetters(markdown.replace(NOT_PROSE, ' '), counts);
}


/***/ }),

/***/ 6609:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  D: () => (/* binding */ parseMarkdown)
});

// EXTERNAL MODULE: ./node_modules/mdast-util-math/lib/index.js
var lib = __webpack_require__(3926);
// EXTERNAL MODULE: ./node_modules/micromark-extension-math/lib/syntax.js + 2 modules
var syntax = __webpack_require__(1795);
// EXTERNAL MODULE: ./node_modules/remark/index.js + 113 modules
var remark = __webpack_require__(5428);
// EXTERNAL MODULE: ./node_modules/mdast-util-gfm-footnote/lib/index.js
var mdast_util_gfm_footnote_lib = __webpack_require__(6807);
// EXTERNAL MODULE: ./node_modules/mdast-util-gfm-strikethrough/lib/index.js
var mdast_util_gfm_strikethrough_lib = __webpack_require__(870);
// EXTERNAL MODULE: ./node_modules/mdast-util-gfm-table/lib/index.js
var mdast_util_gfm_table_lib = __webpack_require__(7421);
// EXTERNAL MODULE: ./node_modules/micromark-extension-gfm-footnote/lib/syntax.js
var lib_syntax = __webpack_require__(2429);
// EXTERNAL MODULE: ./node_modules/micromark-extension-gfm-strikethrough/lib/syntax.js
var micromark_extension_gfm_strikethrough_lib_syntax = __webpack_require__(1680);
// EXTERNAL MODULE: ./node_modules/micromark-extension-gfm-table/lib/syntax.js + 2 modules
var micromark_extension_gfm_table_lib_syntax = __webpack_require__(7749);
;// CONCATENATED MODULE: ./src/markdown/directives.ts
/**
 * The marks d2lbook itself turns into block-level markup, and nothing else: `label` and `eqlabel`
 * become reST targets and `:label:` options, `width` and `height` figure options, `bibliography`
 * the reference list (d2lbook's rst.py), and `begin_tab`/`end_tab` cut a chapter into framework
 * tabs (its markdown.py). Every other `:name:` mark there (`numref`, `eqref`, `ref`, `cite`,
 * `class`, `func`) is an inline role, and so are sphinxcontrib-bibtex's `citet` and `citep`: a line
 * that starts with one of them is part of its sentence, not a directive.
 */
const D2LBOOK_DIRECTIVES = new Set([
    'label',
    'eqlabel',
    'width',
    'height',
    'bibliography',
    'begin_tab',
    'end_tab',
]);
/** A line that holds only a mark `:name:` and at most one backquoted argument. */
const MARK_LINE = /^:([A-Za-z][\w-]*):(`[^`]*`)?[ \t]*$/;
/** The directive a whole line stands for, or null when the line is anything else (roles included). */
function directiveOfLine(line) {
    const name = MARK_LINE.exec(line)?.[1];
    return name !== undefined && D2LBOOK_DIRECTIVES.has(name) ? name : null;
}

;// CONCATENATED MODULE: ./src/text/lineRanges.ts
/** Every line of `text`, the last one included even when empty. */
function lineRanges(text) {
    const lines = [];
    let start = 0;
    for (;;) {
        const newline = text.indexOf('\n', start);
        const lineEnd = newline === -1 ? text.length : newline;
        lines.push({ start, end: lineEnd > start && text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd });
        if (newline === -1)
            return lines;
        start = newline + 1;
    }
}

;// CONCATENATED MODULE: ./src/markdown/fenceRun.ts
/** Length of the container prefix (spaces, tabs, `>`) at `start`, up to `end`. */
function prefixLength(text, start = 0, end = text.length) {
    let index = start;
    while (index < end) {
        const code = text.charCodeAt(index);
        if (code !== 32 && code !== 9 && code !== 62)
            break;
        index += 1;
    }
    return index - start;
}
/** The run of three or more backticks or tildes at `start` (a code fence), or undefined. */
function fenceRun(text, start, end = text.length) {
    const marker = text.charCodeAt(start);
    if (start >= end || (marker !== 96 && marker !== 126))
        return undefined;
    let runEnd = start;
    while (runEnd < end && text.charCodeAt(runEnd) === marker)
        runEnd += 1;
    return runEnd - start >= 3 ? text.slice(start, runEnd) : undefined;
}

;// CONCATENATED MODULE: ./src/markdown/isEscaped.ts
/**
 * Whether the character at `index` is backslash-escaped: an odd run of backslashes stands right
 * before it (in `\\$` the backslash is the escaped one and the dollar is not). Pandoc and d2lbook
 * read `\$` this way inside math as well as outside, so a `\$` never opens or closes math.
 */
function isEscaped(value, index) {
    let backslashes = 0;
    while (index - backslashes > 0 && value.charCodeAt(index - backslashes - 1) === 92)
        backslashes += 1;
    return backslashes % 2 === 1;
}

;// CONCATENATED MODULE: ./src/markdown/findDisplayMath.ts



/**
 * Finds display math the way d2lbook writes it: a line starting with `$$` opens a block that ends
 * on the first line ending with `$$` (the same line for one-line equations). CommonMark knows no
 * such block: left to it, a line like `- \frac{…}` inside the math starts a list. Fenced code is
 * skipped, so a `$$` in a code cell opens nothing.
 */
function findDisplayMath(text) {
    const lines = splitLines(text);
    const blocks = [];
    const unclosed = [];
    let fence = null;
    for (let index = 0; index < lines.length; index += 1) {
        const line = lines[index];
        if (!line)
            continue;
        const contentStart = prefixLength(line.text);
        const fenceMatch = fenceRun(line.text, contentStart);
        if (fence) {
            if (fenceMatch &&
                fenceMatch[0] === fence[0] &&
                fenceMatch.length >= fence.length &&
                line.text.trim().replace(/^[>\s]*/, '') === fenceMatch)
                fence = null;
            continue;
        }
        if (fenceMatch) {
            fence = fenceMatch;
            continue;
        }
        if (!line.text.startsWith('$$', contentStart))
            continue;
        const content = line.text.slice(contentStart);
        const start = line.start + (line.text.length - content.length);
        const closing = closingLine(lines, index, content);
        if (closing === -1) {
            unclosed.push(start);
            continue;
        }
        const last = lines[closing];
        if (!last)
            continue;
        blocks.push({ start, end: last.start + last.text.trimEnd().length });
        index = closing;
    }
    return { blocks, unclosed };
}
function closingLine(lines, opening, openingContent) {
    const rest = openingContent.trimEnd();
    if (rest.length > 2 && closesMath(rest))
        return opening;
    for (let index = opening + 1; index < lines.length; index += 1) {
        const text = lines[index]?.text.trimEnd() ?? '';
        if (closesMath(text))
            return index;
    }
    return -1;
}
/** A line ending with `$$`, unless the first of the two is an escaped dollar (`\$$` ends with a lone `$`). */
function closesMath(text) {
    return text.endsWith('$$') && !isEscaped(text, text.length - 2);
}
function splitLines(text) {
    return lineRanges(text).map((line) => ({ start: line.start, text: text.slice(line.start, line.end) }));
}
/**
 * Replaces display math by same-length filler that CommonMark reads as plain paragraph text, so
 * that the parser keeps every offset and no line of math is mistaken for a list or a heading.
 */
function maskDisplayMath(text, blocks) {
    if (blocks.length === 0)
        return text;
    let out = '';
    let cursor = 0;
    for (const block of blocks) {
        out += text.slice(cursor, block.start);
        out += text
            .slice(block.start, block.end)
            .split('\n')
            .map((line, index) => {
            // Continuation lines keep their container prefix so block quotes and lists stay open.
            const prefix = index === 0 ? '' : (/^[ \t>]*/.exec(line)?.[0] ?? '');
            const body = line.slice(prefix.length);
            const carriage = body.endsWith('\r') ? '\r' : '';
            return prefix + 'x'.repeat(body.length - carriage.length) + carriage;
        })
            .join('\n');
        cursor = block.end;
    }
    return out + text.slice(cursor);
}

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/markdown/guardMarkdown.ts


/** Longer lines make the inline parser slow enough to look hung; no book writes a 100,000-character line. */
const MAX_LINE_LENGTH = 100_000;
/** The tree builder recurses per container level; far below where Node's stack overflows. */
const MAX_NESTING_DEPTH = 64;
/** Unbalanced brackets and emphasis runs make inline resolution quadratic. */
const MAX_INLINE_OPENERS_PER_LINE = 2_000;
/**
 * The same over a whole paragraph (lines up to a blank line, code cells left out): resolution is quadratic in
 * the markers of a paragraph, so many short lines of them hang the parser as surely as one long line. The
 * longest paragraphs of the books hold a few hundred.
 */
const MAX_INLINE_OPENERS_PER_PARAGRAPH = 20_000;
/**
 * Refuses text that would hang the Markdown parser or overflow its stack, before it is parsed:
 * megabyte lines, deeply nested block quotes or lists, and runs of thousands of unclosed openers.
 */
function guardMarkdown(text, path) {
    let lineStart = 0;
    let lineNumber = 1;
    const paragraph = { openers: 0, firstLine: 0 };
    let fence = null;
    while (lineStart <= text.length) {
        const newline = text.indexOf('\n', lineStart);
        const lineEnd = newline === -1 ? text.length : newline;
        const openers = checkLine(text, lineStart, lineEnd, lineNumber, path);
        const contentStart = lineStart + prefixLength(text, lineStart, lineEnd);
        const fenceMarkers = fenceRun(text, contentStart, lineEnd);
        if (fence !== null) {
            if (fenceMarkers !== undefined && fenceMarkers[0] === fence[0] && fenceMarkers.length >= fence.length)
                fence = null;
        }
        else if (fenceMarkers !== undefined) {
            fence = fenceMarkers;
            paragraph.openers = 0;
        }
        else if (isBlank(text, contentStart, lineEnd)) {
            paragraph.openers = 0;
        }
        else {
            if (paragraph.openers === 0)
                paragraph.firstLine = lineNumber;
            paragraph.openers += openers;
            if (paragraph.openers > MAX_INLINE_OPENERS_PER_PARAGRAPH) {
                throw new errors/* InputError */.dz(path, `paragraph holds over ${MAX_INLINE_OPENERS_PER_PARAGRAPH} brackets, emphasis, code or math markers; ` +
                    'split it with blank lines', paragraph.firstLine);
            }
        }
        if (newline === -1)
            break;
        lineStart = newline + 1;
        lineNumber += 1;
    }
}
/** Whether [start, end) holds only white space; stops at the first other character. */
function isBlank(text, start, end) {
    for (let index = start; index < end; index += 1) {
        const code = text.charCodeAt(index);
        if (code === 32 || code === 9 || code === 13)
            continue;
        if (code < 128 || !/\s/.test(text.charAt(index)))
            return false;
    }
    return true;
}
/** Checks one line; returns how many inline markers it holds. */
function checkLine(text, start, end, lineNumber, path) {
    const length = end - start;
    if (length > MAX_LINE_LENGTH) {
        throw new errors/* InputError */.dz(path, `line is ${length} characters long; the limit is ${MAX_LINE_LENGTH}`, lineNumber);
    }
    const depth = containerDepth(text, start, end);
    if (depth > MAX_NESTING_DEPTH) {
        throw new errors/* InputError */.dz(path, `block quotes or lists nest ${depth} deep; the limit is ${MAX_NESTING_DEPTH}`, lineNumber);
    }
    let openers = 0;
    let markers = 0;
    for (let index = start; index < end; index += 1) {
        const code = text.charCodeAt(index);
        // [ * _ < ` count: each may open a construct that the parser must try to close.
        if (code === 91 || code === 42 || code === 95 || code === 60 || code === 96)
            openers += 1;
        // $ and ~ open inline math and strike-through, which a paragraph's resolution also pairs up.
        else if (code === 36 || code === 126)
            markers += 1;
    }
    if (openers > MAX_INLINE_OPENERS_PER_LINE) {
        throw new errors/* InputError */.dz(path, `line holds ${openers} brackets, emphasis or code markers; the limit is ${MAX_INLINE_OPENERS_PER_LINE}`, lineNumber);
    }
    return openers + markers;
}
/** Counts `>` markers and list markers at the start of a line, the way containers nest. */
function containerDepth(text, start, end) {
    let depth = 0;
    let index = start;
    while (index < end) {
        const code = text.charCodeAt(index);
        if (code === 32 || code === 9) {
            index += 1;
        }
        else if (code === 62) {
            depth += 1;
            index += 1;
        }
        else if ((code === 45 || code === 42 || code === 43) && isSpaceAt(text, index + 1, end)) {
            depth += 1;
            index += 2;
        }
        else {
            break;
        }
    }
    // A list marker indented by many columns closes into that many nested lists (two columns a level at least).
    return depth === 0 ? 0 : depth + Math.floor(leadingColumns(text, start, end) / 2);
}
function isSpaceAt(text, index, end) {
    if (index >= end)
        return false;
    const code = text.charCodeAt(index);
    return code === 32 || code === 9;
}
function leadingColumns(text, start, end) {
    let columns = 0;
    for (let index = start; index < end; index += 1) {
        const code = text.charCodeAt(index);
        if (code === 32)
            columns += 1;
        else if (code === 9)
            columns += 4 - (columns % 4);
        else
            break;
    }
    return columns;
}

;// CONCATENATED MODULE: ./src/markdown/maskEscapedDollars.ts

/**
 * Replaces every escaped dollar by an escaped percent sign for remark's eyes: micromark's math
 * construct, like a code span, closes at any `$` run of the opener's length, so `$\$10 \pm \$1$`
 * would become two formulas with text between them. `\%` keeps every offset, is still a backslash
 * escape outside math and, being punctuation like `$`, leaves emphasis flanking as it was.
 */
function maskEscapedDollars(text) {
    if (!text.includes('\\$'))
        return text;
    let out = '';
    let cursor = 0;
    for (let index = text.indexOf('\\$'); index !== -1; index = text.indexOf('\\$', index + 2)) {
        const dollar = index + 1;
        if (!isEscaped(text, dollar))
            continue;
        out += text.slice(cursor, dollar) + '%';
        cursor = dollar + 1;
    }
    return out + text.slice(cursor);
}

// EXTERNAL MODULE: ./src/text/lastAtMost.ts
var lastAtMost = __webpack_require__(4273);
;// CONCATENATED MODULE: ./src/markdown/scanInline.ts


/**
 * Thrown when the content holds something this scanner leaves to the full parser (strike-through,
 * footnote calls, unusual link destinations, HTML it does not recognise …). It is a signal, not an
 * error: parseMarkdown catches it and parses the file with remark.
 */
class NeedsFullParser extends Error {
    constructor(reason) {
        super(reason);
        this.name = 'NeedsFullParser';
    }
}
const BACKTICK = 96;
const DOLLAR = 36;
const ASTERISK = 42;
const UNDERSCORE = 95;
const TILDE = 126;
/** The resolvers micromark runs inside a link, an emphasis or a strike-through. */
const INSIDE_SPAN = ['attention', 'strike'];
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const UNICODE_PUNCTUATION = /\p{P}|\p{S}/u;
const WHITESPACE = /\s/;
const AUTOLINK_URI = /<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\0- <>]*>/y;
const AUTOLINK_EMAIL = /<[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*>/y;
const ATTRIBUTE = String.raw `[ \t]+[A-Za-z_:][A-Za-z0-9_.:-]*(?:[ \t]*=[ \t]*(?:[^\s"'=<>\x60]+|'[^'\n]*'|"[^"\n]*"))?`;
const OPEN_TAG = new RegExp(String.raw `<[A-Za-z][A-Za-z0-9-]*(?:${ATTRIBUTE})*[ \t]*/?>`, 'y');
const CLOSING_TAG = /<\/[A-Za-z][A-Za-z0-9-]*[ \t]*>/y;
const COMMENT = /<!--(?!>|->)(?:(?!--)[^])*?(?<!-)-->/y;
const SIMPLE_TITLE = /"[^"\\\n&]*"/y;
/**
 * The inline structure of one paragraph, heading or table cell, as the protected pieces and markup
 * markers `inlineItems` would give for remark's tree of the same content: code spans, inline math,
 * autolinks, raw HTML, images, links and emphasis, found by CommonMark's rules (delimiter runs,
 * flanking, the rule of three, links not in links) as micromark applies them. Anything outside that
 * set throws NeedsFullParser, so the result is either exactly remark's or not given at all.
 */
function scanInline(text, chunks) {
    const scanner = new InlineScanner(text, chunks);
    return scanner.scan();
}
class InlineScanner {
    text;
    chunks;
    /** The content with container prefixes removed and lines joined by `\n`. */
    value;
    chunkValueStarts = [];
    spans = [];
    delimiters = [];
    brackets = [];
    /**
     * micromark runs its resolvers in the order their constructs first succeeded in the content, so
     * strike-through pairs win over emphasis when a tilde run comes before any `*` or `_` run.
     */
    attentionSeen = false;
    /** The destination of the last resource `resource` read, for telling a bare link. */
    destinationStart = 0;
    destinationEnd = 0;
    strikeFirst = false;
    constructor(text, chunks) {
        this.text = text;
        this.chunks = chunks;
        let value = '';
        for (const chunk of chunks) {
            if (value !== '' || this.chunkValueStarts.length > 0)
                value += '\n';
            this.chunkValueStarts.push(value.length);
            value += text.slice(chunk.start, chunk.end);
        }
        this.value = value;
    }
    scan() {
        const value = this.value;
        let index = 0;
        while (index < value.length) {
            const code = value.charCodeAt(index);
            switch (code) {
                case 92: // backslash: an escaped punctuation character or a hard break is plain text
                    index += index + 1 < value.length && ASCII_PUNCTUATION.test(value[index + 1] ?? '') ? 2 : 1;
                    break;
                case BACKTICK:
                case DOLLAR:
                    index = this.codeOrMath(index, code);
                    break;
                case 60: // <
                    index = this.angle(index);
                    break;
                case 33: // !
                    if (value.charCodeAt(index + 1) === 91) {
                        if (value.charCodeAt(index + 2) === 94)
                            throw new NeedsFullParser('footnote-like image label');
                        this.brackets.push({ start: index, image: true, delimiterIndex: this.delimiters.length, active: true });
                        index += 2;
                    }
                    else
                        index += 1;
                    break;
                case 91: // [
                    if (value.charCodeAt(index + 1) === 94)
                        throw new NeedsFullParser('footnote call');
                    this.brackets.push({ start: index, image: false, delimiterIndex: this.delimiters.length, active: true });
                    index += 1;
                    break;
                case 93: // ]
                    index = this.closeBracket(index);
                    break;
                case ASTERISK:
                case UNDERSCORE:
                    index = this.delimiterRun(index, code);
                    break;
                case TILDE:
                    index = this.tildeRun(index);
                    break;
                default:
                    index += 1;
            }
        }
        this.resolve(this.delimiters, this.strikeFirst ? ['strike', 'attention'] : INSIDE_SPAN);
        return this.items();
    }
    /**
     * A code span or inline math from the run at `start` to the next run of the same length. In math
     * an escaped dollar is part of the formula (pandoc's and d2lbook's rule, which parseMarkdown also
     * gives remark): `$\$10 \pm \$1$` is one formula. In code a backslash is just a character.
     */
    codeOrMath(start, marker) {
        const value = this.value;
        const size = runLength(value, start, marker);
        let cursor = start + size;
        for (;;) {
            const next = value.indexOf(String.fromCharCode(marker), cursor);
            if (next === -1)
                return start + size;
            if (marker === DOLLAR && isEscaped(value, next)) {
                cursor = next + 1;
                continue;
            }
            const closing = runLength(value, next, marker);
            if (closing === size) {
                this.spans.push(protectedSpan(start, next + closing, marker === BACKTICK ? 'code' : 'math'));
                return next + closing;
            }
            cursor = next + closing;
        }
    }
    angle(start) {
        const value = this.value;
        for (const pattern of [AUTOLINK_URI, AUTOLINK_EMAIL]) {
            pattern.lastIndex = start;
            if (pattern.test(value)) {
                this.spans.push(protectedSpan(start, pattern.lastIndex, 'url'));
                return pattern.lastIndex;
            }
        }
        const next = value[start + 1] ?? '';
        if (!/[A-Za-z/!?]/.test(next))
            return start + 1;
        for (const pattern of [OPEN_TAG, CLOSING_TAG, COMMENT]) {
            pattern.lastIndex = start;
            if (pattern.test(value)) {
                this.spans.push(protectedSpan(start, pattern.lastIndex, 'html'));
                return pattern.lastIndex;
            }
        }
        throw new NeedsFullParser('unusual inline HTML');
    }
    delimiterRun(start, marker) {
        const value = this.value;
        const length = runLength(value, start, marker);
        const previous = start === 0 ? null : value.charCodeAt(start - 1);
        const afterIndex = start + length;
        const next = afterIndex >= value.length ? null : value.charCodeAt(afterIndex);
        const before = classify(previous);
        const after = classify(next);
        // A tilde next to the run counts as an opening or closing side, as strike-through's attention marker.
        const open = after === 0 || (after === 2 && before !== 0) || next === TILDE;
        const close = before === 0 || (before === 2 && after !== 0) || previous === TILDE;
        const canOpen = marker === ASTERISK ? open : open && (before !== 0 || !close);
        const canClose = marker === ASTERISK ? close : close && (after !== 0 || !open);
        this.delimiters.push({ marker, start, length, canOpen, canClose });
        this.attentionSeen = true;
        return afterIndex;
    }
    /** GFM strike-through: a run of one or two tildes; longer runs are plain text. */
    tildeRun(start) {
        const value = this.value;
        const length = runLength(value, start, TILDE);
        if (length > 2)
            return start + length;
        const before = classify(start === 0 ? null : value.charCodeAt(start - 1));
        const after = classify(start + length >= value.length ? null : value.charCodeAt(start + length));
        const canOpen = after === 0 || (after === 2 && before !== 0);
        const canClose = before === 0 || (before === 2 && after !== 0);
        this.delimiters.push({ marker: TILDE, start, length, canOpen, canClose });
        if (!this.attentionSeen)
            this.strikeFirst = true;
        return start + length;
    }
    closeBracket(index) {
        const opener = this.brackets.pop();
        if (!opener)
            return index + 1;
        if (!opener.active)
            return index + 1;
        const end = this.resource(index + 1);
        if (end === -1)
            return index + 1;
        const contentStart = opener.start + (opener.image ? 2 : 1);
        this.resolve(this.delimiters.slice(opener.delimiterIndex), INSIDE_SPAN);
        this.delimiters.length = Math.min(this.delimiters.length, opener.delimiterIndex);
        if (opener.image) {
            this.spans.push(protectedSpan(opener.start, end, 'image'));
        }
        else {
            for (const earlier of this.brackets)
                if (!earlier.image)
                    earlier.active = false;
            this.spans.push(this.linkSpan(opener.start, contentStart, index, end));
        }
        return end;
    }
    /** A link whose text is just its address (or empty) is protected whole, as inlineItems does. */
    linkSpan(start, contentStart, contentEnd, end) {
        const inside = this.spans.some((span) => span.start >= contentStart && span.end <= contentEnd);
        if (contentStart === contentEnd)
            return protectedSpan(start, end, 'url');
        if (!inside) {
            const rawContent = this.value.slice(contentStart, contentEnd);
            const rawUrl = this.value.slice(this.destinationStart, this.destinationEnd);
            // Character references need decoding before the comparison. An address has no line break (nor one written
            // as a reference, when it holds no `&`), so a link whose text breaks a line is never its own address.
            const multiLine = rawContent.includes('\n');
            if (rawUrl.includes('&') || (!multiLine && rawContent.includes('&')))
                throw new NeedsFullParser('link needing decoding');
            if (!multiLine) {
                const content = unescapeMarkdown(rawContent);
                const url = unescapeMarkdown(rawUrl);
                const bare = url.replace(/^mailto:/, '');
                if (content === url || content === bare || bare.endsWith(content))
                    return protectedSpan(start, end, 'url');
            }
        }
        const innerEndAtLineStart = this.value.charCodeAt(contentEnd - 1) === 10;
        return {
            kind: 'markup',
            tag: 'a',
            start,
            end,
            innerStart: contentStart,
            innerEnd: contentEnd,
            innerEndAtLineStart,
        };
    }
    /**
     * The end of an inline link resource `(destination "title")` starting at `start`, or -1 when there
     * is none (the bracket is then plain text, as there are no reference definitions).
     */
    resource(start) {
        const value = this.value;
        if (value.charCodeAt(start) !== 40) {
            return -1;
        }
        let cursor = skipWhitespace(value, start + 1);
        this.destinationStart = cursor;
        this.destinationEnd = cursor;
        if (value.charCodeAt(cursor) === 41)
            return cursor + 1;
        if (value.charCodeAt(cursor) === 60)
            throw new NeedsFullParser('angle-bracket link destination');
        let balance = 0;
        for (;;) {
            const code = cursor < value.length ? value.charCodeAt(cursor) : -1;
            if (balance === 0 && (code === -1 || code === 41 || code === 32 || code === 9 || code === 10))
                break;
            if (code === 40) {
                if (balance >= 32)
                    return -1;
                balance += 1;
            }
            else if (code === 41)
                balance -= 1;
            else if (code === -1 || code === 32 || code < 32 || code === 127)
                return -1;
            else if (code === 92 && /[()\\]/.test(value[cursor + 1] ?? ''))
                cursor += 1;
            cursor += 1;
        }
        if (cursor >= value.length)
            return -1;
        this.destinationEnd = cursor;
        if (value.charCodeAt(cursor) !== 41) {
            cursor = skipWhitespace(value, cursor);
            const code = value.charCodeAt(cursor);
            if (code === 34) {
                SIMPLE_TITLE.lastIndex = cursor;
                if (!SIMPLE_TITLE.test(value))
                    throw new NeedsFullParser('unusual link title');
                cursor = skipWhitespace(value, SIMPLE_TITLE.lastIndex);
            }
            else if (code === 39 || code === 40)
                throw new NeedsFullParser('unusual link title');
        }
        return value.charCodeAt(cursor) === 41 ? cursor + 1 : -1;
    }
    /**
     * Resolves emphasis and strike-through among `list` in the given order, as micromark's resolvers
     * do: closers left to right, each with the nearest opener it may pair with; the runs between a
     * matched pair are resolved on their own (emphasis first) and can then match nothing outside.
     */
    resolve(list, order) {
        for (const kind of order)
            this.resolveKind(list, kind);
    }
    resolveKind(list, kind) {
        let closerIndex = 0;
        while (closerIndex < list.length) {
            const closer = list[closerIndex];
            if (!closer || !closer.canClose || closer.length === 0 || kindOf(closer) !== kind) {
                closerIndex += 1;
                continue;
            }
            const openerIndex = findOpener(list, closerIndex, closer);
            const opener = list[openerIndex];
            if (!opener) {
                closerIndex += 1;
                continue;
            }
            const use = kind === 'strike' ? closer.length : opener.length > 1 && closer.length > 1 ? 2 : 1;
            const openerEnd = opener.start + opener.length;
            this.spans.push({
                kind: 'markup',
                tag: kind === 'strike' ? 'del' : use === 2 ? 'strong' : 'em',
                start: openerEnd - use,
                end: closer.start + use,
                innerStart: openerEnd,
                innerEnd: closer.start,
            });
            opener.length -= use;
            closer.start += use;
            closer.length -= use;
            const inner = list.slice(openerIndex + 1, closerIndex);
            this.resolve(inner, INSIDE_SPAN);
            for (const run of inner)
                run.length = 0;
            if (closer.length === 0)
                closerIndex += 1;
        }
    }
    /** The spans as inlineItems gives them: source offsets, document order, pairs numbered in pre-order. */
    items() {
        const spans = [...this.spans].sort((a, b) => a.start - b.start || b.end - a.end);
        const items = [];
        const stack = [];
        let pair = 0;
        // An image or a bare link is protected whole: what the scanner found inside it is not an item.
        let protectedEnd = -1;
        const closeUntil = (position) => {
            for (let top = stack.at(-1); top && top.span.end <= position; top = stack.at(-1)) {
                stack.pop();
                items.push(this.closeItem(top.span, top.pair));
            }
        };
        for (const span of spans) {
            if (span.start < protectedEnd)
                continue;
            closeUntil(span.start);
            const parent = stack.at(-1);
            if (parent && span.end > parent.span.innerEnd)
                throw new NeedsFullParser('overlapping inline spans');
            if (span.kind === 'protected') {
                protectedEnd = span.end;
                items.push({
                    kind: 'protected',
                    start: this.toSource(span.start),
                    end: this.toSource(span.end),
                    role: span.role ?? 'html',
                });
                continue;
            }
            items.push({
                kind: 'open',
                start: this.toSource(span.start),
                end: this.toSource(span.innerStart),
                pair,
                tag: span.tag ?? 'em',
            });
            stack.push({ span, pair });
            pair += 1;
        }
        closeUntil(Number.POSITIVE_INFINITY);
        return items;
    }
    closeItem(span, pair) {
        const innerEnd = this.toSource(span.innerEnd);
        return {
            kind: 'close',
            start: span.innerEndAtLineStart ? this.text.lastIndexOf('\n', innerEnd - 1) + 1 : innerEnd,
            end: this.toSource(span.end),
            pair,
            tag: span.tag ?? 'em',
        };
    }
    /** Maps an offset in the joined content back to the document text. */
    toSource(offset) {
        const index = (0,lastAtMost/* lastAtMost */.f)(this.chunkValueStarts, offset);
        return (this.chunks[index]?.start ?? 0) + offset - (this.chunkValueStarts[index] ?? 0);
    }
}
/** The text a backslash escape stands for, as remark gives it in node values. */
function unescapeMarkdown(value) {
    return value.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}
function kindOf(run) {
    return run.marker === TILDE ? 'strike' : 'attention';
}
/** The nearest run before the closer that may open it, or -1. */
function findOpener(list, closerIndex, closer) {
    for (let index = closerIndex - 1; index >= 0; index -= 1) {
        const opener = list[index];
        if (!opener || !opener.canOpen || opener.length === 0 || opener.marker !== closer.marker)
            continue;
        if (closer.marker === TILDE) {
            if (opener.length === closer.length)
                return index;
            continue;
        }
        const ruleOfThree = (opener.canClose || closer.canOpen) && closer.length % 3 !== 0 && (opener.length + closer.length) % 3 === 0;
        if (!ruleOfThree)
            return index;
    }
    return -1;
}
function protectedSpan(start, end, role) {
    return { kind: 'protected', role, start, end, innerStart: start, innerEnd: end };
}
function runLength(value, start, marker) {
    let end = start;
    while (value.charCodeAt(end) === marker)
        end += 1;
    return end - start;
}
function skipWhitespace(value, start) {
    let cursor = start;
    while (cursor < value.length && WHITESPACE.test(value[cursor] ?? ''))
        cursor += 1;
    return cursor;
}
/** micromark's classes: 1 white space (or the edge of the content), 2 punctuation or symbol, 0 other. */
function classify(code) {
    if (code === null)
        return 1;
    const char = String.fromCharCode(code);
    if (WHITESPACE.test(char))
        return 1;
    if (UNICODE_PUNCTUATION.test(char))
        return 2;
    return 0;
}

;// CONCATENATED MODULE: ./src/markdown/scanBlocks.ts


const BULLET = /^([-+*])(?=[ \t]|$)/;
const ORDERED = /^(\d{1,9})([.)])(?=[ \t]|$)/;
const ATX = /^#{1,6}(?=[ \t]|$)/;
const FENCE_OPEN = /^(`{3,}|~{3,})(.*)$/;
const THEMATIC_BREAK = /^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
/** A line that could underline a setext heading or be a table's delimiter row. */
const UNDERLINE_LIKE = /^[ \t|:=-]*[=-][ \t|:=-]*$/;
/** Under a paragraph whose containers all continue, this turns it into a heading (a lone `-` is left out: it could be a list item). */
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-{2,})[ \t]*$/;
const QUOTE_MARKER = /^ {0,3}>/;
const DELIMITER_ROW = /^ {0,3}(?=[^\n]*\|)\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
/** Reference and footnote definitions make `[x]` and `[^x]` links: left to the full parser. */
const DEFINITION_LIKE = /^[ \t]*\[[^\n]*\]:/m;
/**
 * Leaf blocks of a chapter as remark would find them, for the Markdown the books are written in:
 * ATX headings, paragraphs (with lazy lines), fenced code and nested lists. Block quotes, HTML
 * blocks, indented code, setext headings, tables, definitions, tabs in indentation and every case
 * where micromark and CommonMark's reference parser are known to differ throw NeedsFullParser, so
 * the caller falls back to remark and the result is always remark's.
 */
function scanBlocks(text) {
    if (text.includes('\0'))
        throw new NeedsFullParser('NUL character');
    if (/\r(?!\n)/.test(text))
        throw new NeedsFullParser('bare carriage return');
    if (DEFINITION_LIKE.test(text))
        throw new NeedsFullParser('definition-like line');
    return new BlockScanner(text).scan();
}
class BlockScanner {
    text;
    leaves = [];
    items = [];
    paragraph = null;
    table = null;
    quoteOpen = false;
    fence = null;
    lines;
    constructor(text) {
        this.text = text;
        this.lines = lineRanges(text);
    }
    scan() {
        for (let index = 0; index < this.lines.length; index += 1) {
            const line = this.lines[index];
            if (line)
                this.line(line, this.lines[index + 1]);
        }
        if (this.fence)
            throw new NeedsFullParser('unclosed fence');
        this.closeParagraph();
        return this.leaves;
    }
    line(line, next) {
        if (this.fence && this.items.length === 0) {
            // Most lines of a chapter are code: at the top level only a closing fence matters.
            this.fenceLine(line, this.text.slice(line.start, line.end), 0);
            return;
        }
        const content = this.text.slice(line.start, line.end);
        const indent = leadingSpaces(content);
        const blank = indent === content.length || /^[ \t]*$/.test(content);
        if (/^[ ]*\t/.test(content) && !blank && !(this.fence && this.items.length === 0)) {
            // A tab-indented line inside a top-level paragraph (display math often is) is indented four
            // columns or more, so it can only continue the paragraph; anywhere else columns matter.
            if (this.items.length > 0 || this.quoteOpen || !this.paragraph || this.table !== null) {
                throw new NeedsFullParser('tab in indentation');
            }
            this.paragraph.chunks.push({ start: line.start + leadingWhitespace(content), end: line.end });
            this.checkUnderline(next);
            return;
        }
        if (this.table !== null) {
            if (blank)
                this.table = null;
            else
                this.tableRow(line, content);
            return;
        }
        let matched = 0;
        let column = 0;
        let sibling = false;
        for (const item of this.items) {
            if (blank || indent >= item.contentColumn) {
                matched += 1;
                column = item.contentColumn;
                continue;
            }
            const rest = content.slice(column);
            const marker = listMarker(rest.slice(leadingSpaces(rest)));
            if (marker &&
                leadingSpaces(rest) <= 3 &&
                marker.ordered === item.ordered &&
                marker.marker === item.marker &&
                !this.fence) {
                sibling = true;
            }
            break;
        }
        if (this.fence) {
            if (matched < this.items.length)
                throw new NeedsFullParser('fence ended by its list item');
            this.fenceLine(line, content, column);
            return;
        }
        if (this.items.length === 0 && this.quoteLine(line, content, blank, next))
            return;
        if (blank) {
            this.closeParagraph();
            return;
        }
        if (this.paragraph && matched === this.items.length && SETEXT_UNDERLINE.test(content.slice(column))) {
            if (this.paragraph.hadLazyLine)
                throw new NeedsFullParser('underline under a lazy line');
            this.setextHeading(this.paragraph);
            return;
        }
        if (matched < this.items.length && !sibling && this.paragraph && !startsListItem(content.slice(column))) {
            requirePlainLazyLine(content.slice(column));
            this.paragraph.hadLazyLine = true;
            this.paragraph.chunks.push({ start: line.start + indent, end: line.end });
            this.checkUnderline(next);
            return;
        }
        if (matched < this.items.length) {
            this.closeParagraph();
            this.items.length = matched;
        }
        this.openBlocks(line, content, column, next, matched === this.items.length && this.paragraph !== null);
    }
    /** Opens whatever starts at `column`: list items (nested as written), then one leaf. */
    openBlocks(line, content, startColumn, next, canContinue) {
        let column = startColumn;
        let continuing = canContinue;
        for (;;) {
            const rest = content.slice(column);
            const spaces = leadingSpaces(rest);
            if (spaces === rest.length)
                throw new NeedsFullParser('list item that starts empty');
            if (spaces >= 4) {
                if (continuing)
                    return this.continueParagraph(line, content, next);
                throw new NeedsFullParser('indented code');
            }
            const body = rest.slice(spaces);
            const first = body[0];
            if (first === '>' || first === '<')
                throw new NeedsFullParser('block quote or HTML block');
            if (ATX.test(body)) {
                this.closeParagraph();
                this.heading(line.start + column + spaces, line.end, body);
                return;
            }
            const fence = FENCE_OPEN.exec(body);
            if (fence && !(fence[1]?.startsWith('`') && fence[2]?.includes('`'))) {
                this.closeParagraph();
                const marker = fence[1] ?? '```';
                this.fence = { start: line.start + column + spaces, marker: marker[0] ?? '`', size: marker.length };
                return;
            }
            if (THEMATIC_BREAK.test(body)) {
                if (continuing && /^[ \t-]+$/.test(body))
                    throw new NeedsFullParser('setext heading');
                this.closeParagraph();
                return;
            }
            const marker = listMarker(body);
            if (marker) {
                const after = body.slice(marker.width);
                const gap = leadingSpaces(after);
                if (gap === after.length)
                    throw new NeedsFullParser('list item that starts empty');
                if (after[gap] === '\t' || gap === 0)
                    throw new NeedsFullParser('tab after list marker');
                if (gap > 4)
                    throw new NeedsFullParser('list item starting with indented code');
                const interrupts = !marker.ordered || marker.number === 1;
                if (this.paragraph && !interrupts)
                    throw new NeedsFullParser('list marker that cannot interrupt a paragraph');
                this.closeParagraph();
                continuing = false;
                column += spaces + marker.width + gap;
                this.items.push({ contentColumn: column, ordered: marker.ordered, marker: marker.marker });
                continue;
            }
            if (continuing)
                return this.continueParagraph(line, content, next);
            this.closeParagraph();
            if (this.items.length === 0 && next && this.startsTable(line, content, next))
                return;
            this.paragraph = { chunks: [{ start: line.start + column + spaces, end: line.end }], inQuote: false };
            this.checkUnderline(next);
            return;
        }
    }
    /**
     * Block quotes at the top level holding plain paragraphs (with lazy lines): handles the line and
     * returns true, or returns false when the line is outside any quote. Anything else in a quote is
     * left to the full parser.
     */
    quoteLine(line, content, blank, next) {
        const marker = QUOTE_MARKER.exec(content);
        if (marker) {
            const inner = content.slice(marker[0].length);
            if (/^[ ]*\t/.test(inner))
                throw new NeedsFullParser('tab in a block quote');
            const body = inner.slice(leadingSpaces(inner));
            if (this.paragraph && !this.paragraph.inQuote)
                this.closeParagraph();
            this.quoteOpen = true;
            if (body === '' || /^[ \t]*$/.test(body)) {
                this.closeParagraph();
                return true;
            }
            if (mayOpenBlock(body) || leadingSpaces(inner) >= 4)
                throw new NeedsFullParser('block inside a block quote');
            const chunk = { start: line.start + marker[0].length + leadingSpaces(inner), end: line.end };
            if (this.paragraph)
                this.paragraph.chunks.push(chunk);
            else
                this.paragraph = { chunks: [chunk], inQuote: true };
            this.checkUnderline(next);
            return true;
        }
        if (!this.quoteOpen)
            return false;
        if (!blank && this.paragraph?.inQuote) {
            if (mayOpenBlock(content.trimStart()))
                throw new NeedsFullParser('line after a block quote');
            this.paragraph.chunks.push({ start: line.start + leadingSpaces(content), end: line.end });
            this.checkUnderline(next);
            return true;
        }
        this.closeParagraph();
        this.quoteOpen = false;
        return false;
    }
    setextHeading(paragraph) {
        this.paragraph = null;
        const first = paragraph.chunks[0];
        const last = paragraph.chunks.at(-1);
        if (!first || !last)
            return;
        const items = scanInline(this.text, paragraph.chunks);
        this.leaves.push({ type: 'unit', context: 'heading', start: first.start, end: last.end, items, inQuote: false });
    }
    continueParagraph(line, content, next) {
        this.paragraph?.chunks.push({ start: line.start + leadingSpaces(content), end: line.end });
        this.checkUnderline(next);
    }
    /**
     * A GFM table at the top level, after a blank line or another block: a header row with pipes, a
     * delimiter row with as many cells, then rows up to a blank line. Any row that could also open
     * another block, or a header whose cells do not match, is left to the full parser.
     */
    startsTable(line, content, next) {
        const delimiter = this.text.slice(next.start, next.end);
        if (!content.includes('|') || !DELIMITER_ROW.test(delimiter))
            return false;
        const header = cellRanges(content);
        if (mayOpenBlock(content.trimStart()) || header.length !== cellRanges(delimiter).length) {
            throw new NeedsFullParser('table-like lines');
        }
        this.pushCells(line, header);
        this.table = { delimiterPending: true };
        return true;
    }
    tableRow(line, content) {
        if (this.table?.delimiterPending) {
            this.table = { delimiterPending: false };
            return;
        }
        if (leadingSpaces(content) >= 4 || mayOpenBlock(content.trimStart())) {
            throw new NeedsFullParser('table row that may open a block');
        }
        this.pushCells(line, cellRanges(content));
    }
    pushCells(line, cells) {
        for (const cell of cells) {
            if (cell.start === cell.end)
                continue;
            const start = line.start + cell.start;
            const end = line.start + cell.end;
            const items = scanInline(this.text, [{ start, end }]);
            this.leaves.push({ type: 'unit', context: 'tableCell', start, end, items, inQuote: false });
        }
    }
    checkUnderline(next) {
        const following = next ? this.text.slice(next.start, next.end) : '';
        if (UNDERLINE_LIKE.test(following) && !(SETEXT_UNDERLINE.test(following) && !this.paragraph?.inQuote)) {
            throw new NeedsFullParser('setext underline or table delimiter row');
        }
        const last = this.paragraph?.chunks.at(-1);
        if (last && this.text.slice(last.start, last.end).includes('|') && /^[ \t|:-]+$/.test(following)) {
            throw new NeedsFullParser('table');
        }
    }
    heading(start, end, body) {
        const hashes = ATX.exec(body)?.[0].length ?? 1;
        let contentEnd = end;
        while (contentEnd > start + hashes && /[ \t]/.test(this.text[contentEnd - 1] ?? ''))
            contentEnd -= 1;
        let closing = contentEnd;
        while (closing > start + hashes && this.text[closing - 1] === '#')
            closing -= 1;
        if (closing === start + hashes)
            contentEnd = closing;
        else if (closing < contentEnd && /[ \t]/.test(this.text[closing - 1] ?? ''))
            contentEnd = closing;
        let contentStart = start + hashes;
        while (contentStart < contentEnd && /[ \t]/.test(this.text[contentStart] ?? ''))
            contentStart += 1;
        while (contentEnd > contentStart && /[ \t]/.test(this.text[contentEnd - 1] ?? ''))
            contentEnd -= 1;
        if (contentStart === contentEnd)
            return;
        const items = scanInline(this.text, [{ start: contentStart, end: contentEnd }]);
        this.leaves.push({ type: 'unit', context: 'heading', start: contentStart, end: contentEnd, items, inQuote: false });
    }
    fenceLine(line, content, column) {
        const fence = this.fence;
        if (!fence)
            return;
        const rest = column === 0 ? content : content.slice(column);
        const spaces = leadingSpaces(rest);
        if (spaces > 3 || rest.charAt(spaces) !== fence.marker)
            return;
        const body = rest.slice(spaces).replace(/[ \t]+$/, '');
        if (spaces <= 3 && body.length >= fence.size && body === fence.marker.repeat(body.length)) {
            this.leaves.push({ type: 'code', start: fence.start, end: line.end });
            this.fence = null;
        }
    }
    closeParagraph() {
        const paragraph = this.paragraph;
        if (!paragraph)
            return;
        this.paragraph = null;
        const first = paragraph.chunks[0];
        const last = paragraph.chunks.at(-1);
        if (!first || !last)
            return;
        const items = scanInline(this.text, paragraph.chunks);
        this.leaves.push({ type: 'paragraph', start: first.start, end: last.end, items, inQuote: paragraph.inQuote });
    }
}
/**
 * Whether a line that misses some of the open list items starts a list item with text after its marker. The
 * paragraph it would continue lazily is then inside a list item the line does not reach, so the rule that only some
 * items may interrupt a paragraph does not apply (CommonMark checks it against the deepest container the line
 * reaches): the item ends the ones it does not reach, as in exercise lists with ` * choice` under `4. question`.
 */
function startsListItem(rest) {
    const spaces = leadingSpaces(rest);
    if (spaces >= 4)
        return false;
    const body = rest.slice(spaces);
    const marker = listMarker(body);
    return marker !== null && !THEMATIC_BREAK.test(body) && /^ +[^ \t]/.test(body.slice(marker.width));
}
/** A lazy line must be plain text: anything that could open a block is left to the full parser. */
function requirePlainLazyLine(rest) {
    const spaces = leadingSpaces(rest);
    if (spaces < 4 && mayOpenBlock(rest.slice(spaces)))
        throw new NeedsFullParser('lazy line that may open a block');
}
/** Could this line content (without its indentation) open a block other than a paragraph? */
function mayOpenBlock(body) {
    return (/^[>#<]/.test(body) ||
        FENCE_OPEN.test(body) ||
        THEMATIC_BREAK.test(body) ||
        listMarker(body) !== null ||
        UNDERLINE_LIKE.test(body));
}
/**
 * The cells of a table row, as trimmed ranges within the line: split at pipes that are not escaped,
 * without the empty cells before a leading pipe and after a trailing one.
 */
function cellRanges(row) {
    const dividers = [];
    for (let index = 0; index < row.length; index += 1) {
        const char = row[index];
        if (char === '\\' && (row[index + 1] === '\\' || row[index + 1] === '|'))
            index += 1;
        else if (char === '|')
            dividers.push(index);
    }
    const bounds = [-1, ...dividers, row.length];
    const cells = [];
    for (let index = 0; index + 1 < bounds.length; index += 1) {
        let start = (bounds[index] ?? 0) + 1;
        let end = bounds[index + 1] ?? row.length;
        while (start < end && /[ \t]/.test(row[start] ?? ''))
            start += 1;
        while (end > start && /[ \t]/.test(row[end - 1] ?? ''))
            end -= 1;
        const edge = index === 0 || index + 2 === bounds.length;
        if (edge && start === end)
            continue;
        cells.push({ start, end });
    }
    return cells;
}
function listMarker(body) {
    const bullet = BULLET.exec(body);
    if (bullet)
        return { ordered: false, marker: bullet[1] ?? '-', width: 1, number: 0 };
    const ordered = ORDERED.exec(body);
    if (ordered) {
        const digits = ordered[1] ?? '';
        return { ordered: true, marker: ordered[2] ?? '.', width: digits.length + 1, number: Number(digits) };
    }
    return null;
}
function leadingWhitespace(value) {
    let count = 0;
    while (value.charCodeAt(count) === 32 || value.charCodeAt(count) === 9)
        count += 1;
    return count;
}
function leadingSpaces(value) {
    let count = 0;
    while (value.charCodeAt(count) === 32)
        count += 1;
    return count;
}

// EXTERNAL MODULE: ./src/text/lineLocator.ts
var lineLocator = __webpack_require__(7723);
;// CONCATENATED MODULE: ./src/markdown/inlineItems.ts
/**
 * Flattens the phrasing content of a paragraph, heading or table cell into protected pieces and
 * markup markers, in source order. Plain text is whatever lies between them.
 */
function inlineItems(children, counter = { next: 0 }) {
    const items = [];
    for (const child of children)
        collect(child, items, counter);
    return items;
}
function collect(node, items, counter) {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined)
        return;
    switch (node.type) {
        case 'text':
        case 'break':
            return;
        case 'inlineCode':
            items.push({ kind: 'protected', start, end, role: 'code' });
            return;
        case 'inlineMath':
            items.push({ kind: 'protected', start, end, role: 'math' });
            return;
        case 'html':
            items.push({ kind: 'protected', start, end, role: 'html' });
            return;
        case 'image':
        case 'imageReference':
            items.push({ kind: 'protected', start, end, role: 'image' });
            return;
        case 'footnoteReference':
            items.push({ kind: 'protected', start, end, role: 'reference' });
            return;
        case 'link':
            if (isBareLink(node)) {
                items.push({ kind: 'protected', start, end, role: 'url' });
                return;
            }
            collectMarkup(node.children, start, end, 'a', items, counter);
            return;
        case 'linkReference':
            collectMarkup(node.children, start, end, 'a', items, counter);
            return;
        case 'emphasis':
            collectMarkup(node.children, start, end, 'em', items, counter);
            return;
        case 'strong':
            collectMarkup(node.children, start, end, 'strong', items, counter);
            return;
        case 'delete':
            collectMarkup(node.children, start, end, 'del', items, counter);
            return;
        default:
            // Anything else a plugin might add is kept as written rather than risked in translation.
            items.push({ kind: 'protected', start, end, role: 'html' });
    }
}
function collectMarkup(children, start, end, tag, items, counter) {
    const first = children[0]?.position?.start.offset;
    const last = children[children.length - 1]?.position?.end.offset;
    if (first === undefined || last === undefined || first < start || last > end) {
        items.push({ kind: 'protected', start, end, role: 'html' });
        return;
    }
    const pair = counter.next;
    counter.next += 1;
    items.push({ kind: 'open', start, end: first, pair, tag });
    for (const child of children)
        collect(child, items, counter);
    items.push({ kind: 'close', start: last, end, pair, tag });
}
/** Autolinks and GFM literal URLs: the visible text is the address, so there is nothing to translate. */
function isBareLink(node) {
    if (node.children.length !== 1)
        return node.children.length === 0;
    const only = node.children[0];
    if (only?.type !== 'text')
        return false;
    const url = node.url.replace(/^mailto:/, '');
    return only.value === node.url || only.value === url || url.endsWith(only.value);
}

;// CONCATENATED MODULE: ./src/markdown/unitTokens.ts
/**
 * Cuts the source range [start, end) of one translatable unit into inline tokens. `items` are the
 * protected pieces and markup markers the parser found (any order; those outside the range are
 * ignored). `linePrefix` matches what a container puts before a continuation line (`> `, list
 * indentation): it belongs to the line break, not to the words.
 */
function unitTokens(text, start, end, items, linePrefix) {
    const inRange = items.filter((item) => item.start >= start && item.end <= end).sort((a, b) => a.start - b.start);
    const tokens = [];
    let cursor = start;
    for (const item of inRange) {
        if (item.start < cursor)
            continue;
        pushText(text, cursor, item.start, linePrefix, tokens);
        const source = text.slice(item.start, item.end);
        tokens.push(item.kind === 'protected'
            ? { kind: 'protected', source, role: item.role }
            : { kind: item.kind, source, pair: item.pair, tag: item.tag });
        cursor = item.end;
    }
    pushText(text, cursor, end, linePrefix, tokens);
    return refineTokens(tokens);
}
/** Plain text with its line breaks (and the container prefixes after them) split out. */
function pushText(text, start, end, linePrefix, tokens) {
    let cursor = start;
    while (cursor < end) {
        const newline = text.indexOf('\n', cursor);
        if (newline === -1 || newline >= end) {
            tokens.push({ kind: 'text', source: text.slice(cursor, end) });
            return;
        }
        const breakStart = newline > cursor && text[newline - 1] === '\r' ? newline - 1 : newline;
        if (breakStart > cursor)
            tokens.push({ kind: 'text', source: text.slice(cursor, breakStart) });
        const lineStart = newline + 1;
        const rest = text.slice(lineStart, end);
        const prefix = linePrefix.exec(rest)?.[0] ?? '';
        tokens.push({ kind: 'break', source: text.slice(breakStart, lineStart + prefix.length) });
        cursor = lineStart + prefix.length;
    }
}
const ROLE_NAME = /:[A-Za-z][\w-]*:$/;
const SLIDE_MARKER = /\[\*\*|\*\*\]|\(\*\*|\*\*\)|\(~~|~~\)/g;
const BACKSLASH_ESCAPE = /\\[!-/:-@[-`{-~]/g;
/**
 * A literal URL as GitHub links it: `http(s)://` or `www.` after a boundary, up to white space or
 * `<`, without trailing punctuation.
 */
const BARE_URL = /(?<![\w/@.-])(?:https?:\/\/|www\.)[^\s<]*[^\s<?!.,:*_~'")]/g;
const PROTECTED_IN_TEXT = new RegExp(`${BARE_URL.source}|${SLIDE_MARKER.source}|${BACKSLASH_ESCAPE.source}`, 'g');
/** Every match of PROTECTED_IN_TEXT holds one of these: most text needs no search at all. */
const MAY_NEED_PROTECTION = /\\|https?:|www\.|\*\*|~~/;
/**
 * d2lbook conventions the CommonMark parser cannot know: `:numref:`key`` is one role, not text
 * plus code; `[**…**]`, `(**…**)` and `(~~…~~)` mark slide content around translatable words.
 */
function refineTokens(tokens) {
    const merged = mergeRoles(tokens);
    const withSlides = mergeSlideMarkers(merged);
    return withSlides.flatMap(protectInText).filter((token) => token.source !== '');
}
function protectedRoleOf(piece) {
    if (piece.startsWith('\\'))
        return 'escape';
    return /^(?:https?:|www\.)/.test(piece) ? 'url' : 'marker';
}
function mergeRoles(tokens) {
    const out = [];
    for (const token of tokens) {
        const previous = out[out.length - 1];
        if (token.kind === 'protected' && token.role === 'code' && previous?.kind === 'text') {
            const role = ROLE_NAME.exec(previous.source);
            if (role) {
                out[out.length - 1] = { kind: 'text', source: previous.source.slice(0, role.index) };
                out.push({ kind: 'protected', role: 'role', source: role[0] + token.source });
                continue;
            }
        }
        out.push(token);
    }
    return out;
}
const SLIDE_BRACKETS = { '[': ']', '(': ')' };
function mergeSlideMarkers(tokens) {
    const out = [...tokens];
    for (let index = 1; index < out.length; index += 1) {
        const open = out[index];
        const before = out[index - 1];
        if (open?.kind !== 'open' || (open.tag !== 'strong' && open.tag !== 'del') || before?.kind !== 'text')
            continue;
        const bracket = before.source.slice(-1);
        const closing = SLIDE_BRACKETS[bracket];
        if (!closing)
            continue;
        const closeIndex = out.findIndex((token, at) => at > index && token.kind === 'close' && token.pair === open.pair);
        const close = out[closeIndex];
        const after = out[closeIndex + 1];
        if (close?.kind !== 'close' || after?.kind !== 'text' || !after.source.startsWith(closing))
            continue;
        out[index - 1] = { kind: 'text', source: before.source.slice(0, -1) };
        out[index] = { kind: 'open', pair: open.pair, tag: 'slide', source: bracket + open.source };
        out[closeIndex] = { kind: 'close', pair: open.pair, tag: 'slide', source: close.source + closing };
        out[closeIndex + 1] = { kind: 'text', source: after.source.slice(1) };
    }
    return out;
}
/** Literal URLs, slide markers that span units, and backslash escapes are kept as written. */
function protectInText(token) {
    if (token.kind !== 'text' || !MAY_NEED_PROTECTION.test(token.source))
        return [token];
    const out = [];
    let cursor = 0;
    for (const match of token.source.matchAll(PROTECTED_IN_TEXT)) {
        out.push({ kind: 'text', source: token.source.slice(cursor, match.index) });
        out.push({ kind: 'protected', role: protectedRoleOf(match[0]), source: match[0] });
        cursor = match.index + match[0].length;
    }
    out.push({ kind: 'text', source: token.source.slice(cursor) });
    return out;
}

;// CONCATENATED MODULE: ./src/markdown/parseMarkdown.ts


















/**
 * GitHub-flavoured Markdown as the books use it (tables, `~~` strike-through, footnotes) plus
 * inline math. Not remark-gfm whole: its literal-autolink construct runs on every character of
 * text and costs a quarter of the parse time (measured over d2l-zh: 2.7 s against 2.1 s), while
 * protecting a bare URL needs no parse at all (see unitTokens). And no block math: d2l writes
 * display math as `$$…$$` spanning lines, often with `\begin{aligned}` on the opening line, which
 * remark-math's block construct would read as a fence running to the next `$$` line.
 */
function remarkBookSyntax() {
    const data = this.data();
    const { text } = (0,syntax/* math */.D)();
    (data.micromarkExtensions ??= []).push((0,micromark_extension_gfm_table_lib_syntax/* gfmTable */.x)(), (0,micromark_extension_gfm_strikethrough_lib_syntax/* gfmStrikethrough */.K)(), (0,lib_syntax/* gfmFootnote */.r)(), { text });
    (data.fromMarkdownExtensions ??= []).push((0,mdast_util_gfm_table_lib/* gfmTableFromMarkdown */.c)(), (0,mdast_util_gfm_strikethrough_lib/* gfmStrikethroughFromMarkdown */.p)(), (0,mdast_util_gfm_footnote_lib/* gfmFootnoteFromMarkdown */.i)(), (0,lib/* mathFromMarkdown */.c)());
}
const remarkParser = (0,remark/* remark */.V)().use(remarkBookSyntax);
const BOM = '\uFEFF';
/**
 * Parses a chapter into blocks that cover its text exactly. Guarded against input that would hang
 * the parser; problems that do not stop it (an unclosed fence, unbalanced `$$` or tabs) are warnings.
 * The leaf blocks come from a fast scanner for the Markdown books are written in, and from remark
 * whenever the scanner meets anything it leaves to a full parser: the result is remark's either way
 * (the corpus tests compare the two on every file), at a fraction of the time.
 */
function parseMarkdown(text, path, parser = 'auto') {
    const hasBom = text.startsWith(BOM);
    const body = hasBom ? text.slice(1) : text;
    guardMarkdown(body, path);
    const displayMath = findDisplayMath(body);
    const masked = maskDisplayMath(body, displayMath.blocks);
    const walk = {
        text: body,
        regions: displayMath.blocks.map((block) => ({ kind: 'math', start: block.start, end: block.end })),
        warnings: [],
        path,
        lineOf: (0,lineLocator/* createLineLocator */.h)(body),
        displayMath: displayMath.blocks,
    };
    for (const opener of displayMath.unclosed) {
        warn(walk, opener, 'unbalanced $$: no line ends the display math, so it is kept as text');
    }
    for (const leaf of findLeaves(masked, parser))
        addLeaf(leaf, walk);
    const blocks = fillGaps(walk, hasBom ? 1 : 0);
    checkTabBalance(blocks, walk);
    const all = hasBom ? [{ kind: 'layout', source: BOM, start: 0, line: 1 }, ...blocks] : blocks;
    return { path, text, blocks: all, warnings: walk.warnings };
}
function findLeaves(masked, parser) {
    if (parser === 'auto') {
        try {
            return scanBlocks(masked);
        }
        catch (error) {
            if (!(error instanceof NeedsFullParser))
                throw error;
        }
    }
    const leaves = [];
    collectLeaves(remarkParser.parse(maskEscapedDollars(masked)), leaves, false);
    return leaves;
}
function collectLeaves(node, leaves, inQuote) {
    for (const child of node.children)
        collectLeaf(child, leaves, inQuote);
}
function collectLeaf(node, leaves, inQuote) {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined)
        return;
    switch (node.type) {
        case 'blockquote':
            collectLeaves(node, leaves, true);
            return;
        case 'list':
        case 'listItem':
        case 'footnoteDefinition':
            collectLeaves(node, leaves, inQuote);
            return;
        case 'heading':
            pushUnit(node.children, 'heading', leaves, inQuote);
            return;
        case 'paragraph':
            leaves.push({ type: 'paragraph', start, end, items: inlineItems(node.children), inQuote });
            return;
        case 'table':
            for (const row of node.children)
                for (const cell of row.children)
                    pushUnit(cell.children, 'tableCell', leaves, false);
            return;
        case 'code':
        case 'math':
        case 'html':
            leaves.push({ type: node.type, start, end });
            return;
        default:
            // Thematic breaks and link definitions stay in the layout between units.
            return;
    }
}
function pushUnit(children, context, leaves, inQuote) {
    const start = children[0]?.position?.start.offset;
    const end = children[children.length - 1]?.position?.end.offset;
    if (start === undefined || end === undefined)
        return;
    leaves.push({ type: 'unit', context, start, end, items: inlineItems(children), inQuote });
}
function addLeaf(leaf, walk) {
    switch (leaf.type) {
        case 'paragraph':
            addParagraph(leaf.items, leaf.start, leaf.end, walk, leaf.inQuote);
            return;
        case 'unit':
            addProseRange(leaf.start, leaf.end, leaf.items, leaf.context, walk, leaf.inQuote);
            return;
        case 'code':
            walk.regions.push({
                kind: 'code',
                start: leaf.start,
                end: leaf.end,
                info: fenceInfo(walk.text.slice(leaf.start, leaf.end)),
            });
            warnIfUnclosedFence(walk, leaf.start, leaf.end);
            return;
        case 'math':
        case 'html':
            walk.regions.push({ kind: leaf.type, start: leaf.start, end: leaf.end });
            return;
    }
}
/**
 * A paragraph as d2lbook writes it may carry directive lines (`:label:`, `:width:`, `:begin_tab:`)
 * and image lines: those become blocks of their own, and the lines between them are prose units.
 * A role alone on its line (`:numref:`, `:eqref:`, `:cite:` …) is not one: it stays in its sentence.
 */
function addParagraph(items, start, end, walk, inQuote) {
    const spans = coveringSpans(items);
    const context = inQuote ? 'blockquote' : 'paragraph';
    const prefix = linePrefixPattern(inQuote);
    let groupStart = -1;
    let groupEnd = -1;
    const flush = () => {
        if (groupStart !== -1)
            addProseRange(groupStart, groupEnd, items, context, walk, inQuote);
        groupStart = -1;
    };
    for (const line of linesIn(walk.text, start, end, prefix)) {
        if (walk.displayMath.some((block) => block.start < line.end && block.end > line.start)) {
            flush();
            continue;
        }
        const inside = spans.some((span) => span.start < line.start && span.end > line.start);
        const content = walk.text.slice(line.start, line.end);
        const directive = inside ? null : directiveOfLine(content.trimEnd());
        if (directive) {
            flush();
            walk.regions.push({
                kind: 'directive',
                start: line.start,
                end: trimmedEnd(walk.text, line.start, line.end),
                info: directive,
            });
        }
        else if (!inside && isImageLine(items, line.start, line.end, walk.text)) {
            flush();
            walk.regions.push({ kind: 'image', start: line.start, end: trimmedEnd(walk.text, line.start, line.end) });
        }
        else {
            if (groupStart === -1)
                groupStart = line.start;
            groupEnd = line.end;
        }
    }
    flush();
}
function addProseRange(rawStart, rawEnd, items, context, walk, inQuote) {
    const start = trimmedStart(walk.text, rawStart, rawEnd);
    const end = trimmedEnd(walk.text, start, rawEnd);
    if (start >= end)
        return;
    const tokens = unitTokens(walk.text, start, end, items, linePrefixPattern(inQuote));
    const kind = proseKind(tokens);
    if (kind === 'prose')
        walk.regions.push({ kind, start, end, tokens, context });
    else
        walk.regions.push({ kind, start, end });
}
/** A unit without a single letter to translate is math or layout, copied as written. */
function proseKind(tokens) {
    if (tokens.some((token) => token.kind === 'text' && /\p{L}/u.test(token.source)))
        return 'prose';
    const protectedRoles = tokens.filter((token) => token.kind === 'protected').map((token) => token.role);
    if (protectedRoles.length > 0 && protectedRoles.every((role) => role === 'math'))
        return 'math';
    if (protectedRoles.length > 0 && protectedRoles.every((role) => role === 'image'))
        return 'image';
    return 'layout';
}
/** Lines of [start, end), each starting after its container prefix and ending before its line ending. */
function* linesIn(text, start, end, prefix) {
    let lineStart = start;
    while (lineStart < end) {
        const newline = text.indexOf('\n', lineStart);
        const lineEnd = newline === -1 || newline >= end ? end : newline;
        const contentEnd = lineEnd > lineStart && text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
        yield { start: lineStart, end: contentEnd };
        if (lineEnd >= end)
            return;
        const next = lineEnd + 1;
        lineStart = next + (prefix.exec(text.slice(next, Math.min(end, next + 200)))?.[0].length ?? 0);
    }
}
function linePrefixPattern(inQuote) {
    return inQuote ? /^(?:[ \t]*>)*[ \t]*/ : /^[ \t]*/;
}
/** Ranges a line must not be cut inside: protected pieces, and markup from its opener to its closer. */
function coveringSpans(items) {
    const spans = [];
    const opens = new Map();
    for (const item of items) {
        if (item.kind === 'protected')
            spans.push({ start: item.start, end: item.end });
        else if (item.kind === 'open')
            opens.set(item.pair, item.start);
        else
            spans.push({ start: opens.get(item.pair) ?? item.start, end: item.end });
    }
    return spans;
}
function isImageLine(items, start, end, text) {
    const inLine = items.filter((item) => item.start >= start && item.end <= end);
    const image = inLine.length === 1 && inLine[0]?.kind === 'protected' && inLine[0].role === 'image' ? inLine[0] : null;
    if (!image)
        return false;
    return text.slice(start, image.start).trim() === '' && text.slice(image.end, end).trim() === '';
}
function trimmedStart(text, start, end) {
    let index = start;
    while (index < end && /\s/.test(text[index] ?? ''))
        index += 1;
    return index;
}
function trimmedEnd(text, start, end) {
    let index = end;
    while (index > start && /\s/.test(text[index - 1] ?? ''))
        index -= 1;
    return index;
}
function fenceInfo(source) {
    const firstLine = source.split('\n', 1)[0] ?? '';
    return firstLine.replace(/^[ \t]*(`{3,}|~{3,})/, '').trim();
}
function warnIfUnclosedFence(walk, start, end) {
    const source = walk.text.slice(start, end);
    const fence = /^[ \t]*(`{3,}|~{3,})/.exec(source)?.[1];
    if (!fence)
        return;
    const lines = source.split(/\r?\n/);
    const closing = lines.length > 1 ? (lines[lines.length - 1] ?? '').trim() : '';
    const closes = closing.startsWith(fence[0] ?? '`') && closing.length >= fence.length && /^(`+|~+)$/.test(closing);
    if (!closes) {
        warn(walk, start, `code fence ${fence} is never closed: everything after it is kept as code, untranslated`);
    }
}
function checkTabBalance(blocks, walk) {
    let open = null;
    for (const block of blocks) {
        if (block.kind !== 'directive')
            continue;
        if (block.info === 'begin_tab') {
            if (open)
                warnAtLine(walk, open.line, ':begin_tab: is not closed by :end_tab: before the next :begin_tab:');
            open = block;
        }
        else if (block.info === 'end_tab') {
            if (!open)
                warnAtLine(walk, block.line, ':end_tab: without a :begin_tab:');
            open = null;
        }
    }
    if (open)
        warnAtLine(walk, open.line, ':begin_tab: is never closed by :end_tab:');
}
function warn(walk, offset, message) {
    warnAtLine(walk, walk.lineOf(offset), message);
}
function warnAtLine(walk, line, message) {
    walk.warnings.push({ path: walk.path, line, message });
}
/** Orders the regions and fills what lies between them with layout, so that blocks cover the text. */
function fillGaps(walk, shift) {
    const regions = [...walk.regions].sort((a, b) => a.start - b.start);
    const blocks = [];
    let cursor = 0;
    const push = (region) => {
        // Field by field, in the order a spread would give: conditional spreads copy through temporary objects,
        // and this runs for every block of every document.
        const block = {
            kind: region.kind,
            source: walk.text.slice(region.start, region.end),
            start: region.start + shift,
            line: walk.lineOf(region.start),
        };
        if (region.tokens)
            block.tokens = region.tokens;
        if (region.context)
            block.context = region.context;
        if (region.info !== undefined)
            block.info = region.info;
        blocks.push(block);
    };
    for (const region of regions) {
        if (region.start < cursor)
            continue;
        if (region.start > cursor)
            push({ kind: 'layout', start: cursor, end: region.start });
        push(region);
        cursor = region.end;
    }
    if (cursor < walk.text.length)
        push({ kind: 'layout', start: cursor, end: walk.text.length });
    return blocks;
}


/***/ }),

/***/ 5482:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ ComposeError),
/* harmony export */   u: () => (/* binding */ composeChapter)
/* harmony export */ });
/** Thrown when edits cannot be applied without risking human text; the chapter is then left as it is. */
class ComposeError extends Error {
    constructor(message) {
        super(message);
        this.name = 'ComposeError';
    }
}
/**
 * Applies a chapter plan to the translation's text. Everything between edits is copied as it is.
 * `draftText` gives the Markdown of each draft.
 */
function composeChapter(target, edits, drafts, draftText) {
    let text = '';
    let line = 1;
    const append = (piece) => {
        text += piece;
        line += countNewlines(piece);
    };
    let cursor = 0;
    const placed = [];
    for (const edit of edits) {
        if (edit.start < cursor) {
            throw new ComposeError(`two changes overlap at offset ${edit.start}: the translation's structure differs too much from its English`);
        }
        append(target.slice(cursor, edit.start));
        for (const part of edit.parts)
            append(renderPart(part, line, drafts, draftText, placed));
        cursor = edit.end;
    }
    append(target.slice(cursor));
    return { text, drafts: placed };
}
function renderPart(part, line, drafts, draftText, placed) {
    if (typeof part === 'string')
        return part;
    if ('reused' in part)
        return part.reused;
    const request = drafts[part.draft];
    const markdown = draftText(part.draft);
    if (request) {
        placed.push({
            line,
            source: request.source,
            draft: markdown,
            reason: request.reason,
            ...(request.replaces ? { replaces: request.replaces } : {}),
        });
    }
    return markdown;
}
function countNewlines(text) {
    let count = 0;
    for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1))
        count += 1;
    return count;
}


/***/ }),

/***/ 8824:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $0: () => (/* binding */ alignedKeysByBlock),
/* harmony export */   EM: () => (/* binding */ countSentences),
/* harmony export */   LA: () => (/* binding */ countNewChapter),
/* harmony export */   q9: () => (/* binding */ sentenceKeysByBlock)
/* harmony export */ });
/* unused harmony export newSentenceKeys */
/* harmony import */ var _align_buildPairs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4922);
/* harmony import */ var _sameWordsKey_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7453);
/**
 * How many English sentences of a chapter changed, were added or removed (for `amts status`), by comparing the
 * sentence sequences of the old and new English, slide markers and line wrapping aside.
 */


/**
 * Sentences of the new English that differ from the old, by a diff of the two sentence sequences: within each run
 * of differences, as many as both sides have are counted changed, the rest added or removed.
 */
function countSentences(oldEnglish, newEnglish, language, 
/** The old English's sentenceKeysByBlock, when the caller has them. */
beforeByBlock = sentenceKeysByBlock(oldEnglish, language)) {
    const before = beforeByBlock.flat();
    const after = newEnglish === oldEnglish ? before : newSentenceKeys(oldEnglish, beforeByBlock, newEnglish, language).flat();
    const whole = { total: after.length, characters: proseCharacters(newEnglish) };
    let start = 0;
    while (start < before.length && start < after.length && before[start] === after[start])
        start += 1;
    let endBefore = before.length;
    let endAfter = after.length;
    while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
        endBefore -= 1;
        endAfter -= 1;
    }
    const left = before.slice(start, endBefore);
    const right = after.slice(start, endAfter);
    // Longest common subsequence of what is left between the common ends (usually a few sentences).
    const width = right.length + 1;
    const table = new Uint32Array((left.length + 1) * width);
    for (let i = left.length - 1; i >= 0; i--)
        for (let j = right.length - 1; j >= 0; j--)
            table[i * width + j] =
                left[i] === right[j]
                    ? (table[(i + 1) * width + j + 1] ?? 0) + 1
                    : Math.max(table[(i + 1) * width + j] ?? 0, table[i * width + j + 1] ?? 0);
    const counts = { changed: 0, added: 0, removed: 0, ...whole };
    let deleted = 0;
    let inserted = 0;
    const closeRun = () => {
        const paired = Math.min(deleted, inserted);
        counts.changed += paired;
        counts.removed += deleted - paired;
        counts.added += inserted - paired;
        deleted = 0;
        inserted = 0;
    };
    let i = 0;
    let j = 0;
    while (i < left.length || j < right.length) {
        if (i < left.length && j < right.length && left[i] === right[j]) {
            closeRun();
            i += 1;
            j += 1;
        }
        else if (j >= right.length ||
            (i < left.length && (table[(i + 1) * width + j] ?? 0) >= (table[i * width + j + 1] ?? 0))) {
            deleted += 1;
            i += 1;
        }
        else {
            inserted += 1;
            j += 1;
        }
    }
    closeRun();
    return counts;
}
/** Every sentence of a chapter's English as a new chapter (all of them added). */
function countNewChapter(newEnglish, language) {
    const total = sentenceKeysByBlock(newEnglish, language).flat().length;
    return { changed: 0, added: total, removed: 0, total, characters: proseCharacters(newEnglish) };
}
/** Characters of translatable text in the prose (what a sync counts: text tokens, not code or math). */
function proseCharacters(document) {
    let characters = 0;
    for (const block of document.blocks)
        if (block.kind === 'prose')
            for (const token of block.tokens ?? [])
                if (token.kind === 'text')
                    characters += token.source.length;
    return characters;
}
function sentenceKeysByBlock(document, language) {
    return document.blocks.map((block) => blockKeys(block, language));
}
/** The old English's sentences as the alignment split them, by block and keyed as sentenceKeysByBlock keys them. */
function alignedKeysByBlock(alignment, blockCount) {
    const keys = Array.from({ length: blockCount }, () => []);
    for (const sentence of alignment.sourceSentences) {
        const key = (0,_sameWordsKey_js__WEBPACK_IMPORTED_MODULE_1__/* .sameWordsKey */ .d)(sentence.span.text);
        if (key !== '')
            keys[sentence.blockIndex]?.push(key);
    }
    return keys;
}
/**
 * The new English's keys by block. Most blocks are as they were: a block with the same tokens as an old one has its
 * sentences, so it is not split again (sentences depend on the tokens and the language only).
 */
function newSentenceKeys(oldEnglish, beforeByBlock, newEnglish, language) {
    const oldBySource = new Map();
    oldEnglish.blocks.forEach((block, index) => {
        if (block.kind !== 'prose')
            return;
        const same = oldBySource.get(block.source);
        if (same === undefined)
            oldBySource.set(block.source, [index]);
        else
            same.push(index);
    });
    return newEnglish.blocks.map((block) => {
        if (block.kind !== 'prose')
            return NO_KEYS;
        for (const index of oldBySource.get(block.source) ?? NO_INDICES) {
            const old = oldEnglish.blocks[index];
            const keys = beforeByBlock[index];
            if (old !== undefined && keys !== undefined && sameTokens(old.tokens, block.tokens))
                return keys;
        }
        return blockKeys(block, language);
    });
}
const NO_KEYS = [];
const NO_INDICES = [];
function blockKeys(block, language) {
    const keys = [];
    for (const span of (0,_align_buildPairs_js__WEBPACK_IMPORTED_MODULE_0__/* .blockSentences */ .AJ)(block, language)) {
        const key = (0,_sameWordsKey_js__WEBPACK_IMPORTED_MODULE_1__/* .sameWordsKey */ .d)(span.text);
        if (key !== '')
            keys.push(key);
    }
    return keys;
}
function sameTokens(a, b) {
    if (a === b)
        return true;
    if (a === undefined || b === undefined || a.length !== b.length)
        return false;
    for (let index = 0; index < a.length; index += 1) {
        const left = a[index];
        const right = b[index];
        if (left === undefined || right === undefined || !sameToken(left, right))
            return false;
    }
    return true;
}
/** Tokens alike in every field (sentence splitting reads the tokens and nothing else of a block). */
function sameToken(a, b) {
    if (a.kind !== b.kind || a.source !== b.source)
        return false;
    switch (a.kind) {
        case 'protected':
            return b.kind === 'protected' && a.role === b.role;
        case 'open':
        case 'close':
            return (b.kind === 'open' || b.kind === 'close') && a.pair === b.pair && a.tag === b.tag;
        default:
            return true;
    }
}


/***/ }),

/***/ 9107:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  H: () => (/* binding */ prepareChapter)
});

// EXTERNAL MODULE: ./src/align/buildPairs.ts + 12 modules
var buildPairs = __webpack_require__(4922);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/markdown/parseMarkdown.ts + 11 modules
var parseMarkdown = __webpack_require__(6609);
// EXTERNAL MODULE: ./src/align/language.ts
var language = __webpack_require__(2167);
;// CONCATENATED MODULE: ./src/sync/checkChapter.ts

/**
 * Reasons not to touch a chapter at all: a translation with merge-conflict markers, an "old
 * English" that is not in the source language, a translation that does not correspond to it.
 * Returns the problem, or undefined when the chapter can be synced safely.
 */
function checkChapter(oldEnglish, target, alignment, sourceLanguage, targetLanguage) {
    const conflict = /^(?:<{7}|>{7})(?: |$)/m.exec(target.text);
    if (conflict)
        return `has unresolved merge-conflict markers at line ${lineOf(target.text, conflict.index)}; resolve them first`;
    const sourceShare = cjkShare(oldEnglish);
    if (!(0,language/* isSpacelessLanguage */.Gz)(sourceLanguage) && sourceShare > 0.3) {
        return `its old English (${oldEnglish.path}) is mostly CJK text, not ${sourceLanguage}`;
    }
    if ((0,language/* isSpacelessLanguage */.Gz)(targetLanguage) &&
        !(0,language/* isSpacelessLanguage */.Gz)(sourceLanguage) &&
        proseLetters(target) > 200 &&
        cjkShare(target) < 0.2) {
        return `the translation is not in ${targetLanguage} (almost no CJK text)`;
    }
    const sourceCount = alignment.sourceSentences.length;
    const targetCount = alignment.targetSentences.length;
    const confident = alignment.beads.filter((bead) => bead.sourceEnd > bead.sourceStart && bead.targetEnd > bead.targetStart && bead.confidence >= CONFIDENT_BEAD);
    const comparable = Math.min(sourceCount, targetCount);
    if (comparable >= MIN_SENTENCES_TO_JUDGE && confident.length < comparable * MIN_CONFIDENT_SHARE) {
        return `the translation does not align with its old English (${confident.length} of ${sourceCount} sentences matched with confidence): is it the translation of another chapter?`;
    }
    return undefined;
}
/**
 * Measured on d2l-zh: real translations have at least 28% of their sentences in confident beads
 * (short index pages excepted), a chapter against another chapter's translation 15-16%.
 */
const CONFIDENT_BEAD = 0.9;
const MIN_CONFIDENT_SHARE = 0.2;
const MIN_SENTENCES_TO_JUDGE = 15;
function cjkShare(document) {
    let letters = 0;
    let cjk = 0;
    for (const block of document.blocks) {
        for (const token of block.tokens ?? []) {
            if (token.kind !== 'text')
                continue;
            const text = token.source;
            for (let index = 0; index < text.length; index += 1) {
                const kind = letterKind(text, index);
                if ((kind & IS_LETTER) !== 0)
                    letters += 1;
                if ((kind & IS_CJK) !== 0)
                    cjk += 1;
                // A character outside the basic plane takes two code units.
                if ((kind & IS_WIDE) !== 0)
                    index += 1;
            }
        }
    }
    return letters === 0 ? 0 : cjk / letters;
}
/** Bits of letterKind. */
const IS_LETTER = 1;
const IS_CJK = 2;
const IS_WIDE = 4;
/**
 * The character at `index` as `\p{L}` and the CJK scripts tell (IS_CJK only with IS_LETTER; IS_WIDE for a
 * surrogate pair): ASCII and the CJK Unified Ideographs, the bulk of either language, by their code; the rest by
 * the regular expressions, which cost a string and two matches a character.
 */
function letterKind(text, index) {
    const code = text.charCodeAt(index);
    if (code < 0x80)
        return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) ? IS_LETTER : 0;
    if (code >= 0x4e00 && code <= 0x9fff)
        return IS_LETTER | IS_CJK;
    const point = text.codePointAt(index) ?? code;
    const character = String.fromCodePoint(point);
    const wide = point > 0xffff ? IS_WIDE : 0;
    if (!LETTER.test(character))
        return wide;
    return (CJK.test(character) ? IS_LETTER | IS_CJK : IS_LETTER) | wide;
}
const LETTER = /\p{L}/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
function proseLetters(document) {
    let letters = 0;
    for (const block of document.blocks)
        for (const token of block.tokens ?? [])
            if (token.kind === 'text')
                letters += token.source.length;
    return letters;
}
function lineOf(text, offset) {
    return text.slice(0, offset).split('\n').length;
}

// EXTERNAL MODULE: ./src/sync/composeChapter.ts
var composeChapter = __webpack_require__(5482);
// EXTERNAL MODULE: ./src/align/splitSentences.ts
var splitSentences = __webpack_require__(3111);
;// CONCATENATED MODULE: ./src/sync/sentenceKey.ts
/** Sentences compare equal when only their white space (line wrapping) differs. */
function sentenceKey(text) {
    // Most sentences have single spaces only: the replacement would copy them unchanged.
    return (UNFOLDED_SPACE.test(text) ? text.replace(/\s+/gu, ' ') : text).trim();
}
/** White space that folding changes: anything but a single space. */
const UNFOLDED_SPACE = /[^\S ]| {2}/u;

// EXTERNAL MODULE: ./src/align/alignBlocks.ts
var alignBlocks = __webpack_require__(6966);
;// CONCATENATED MODULE: ./src/sync/diffUnits.ts

/**
 * The old → new English diff of one level of units, in the new English's order (deletions where the old units
 * stood). Equal units by longest common subsequence; between two equal ones an edited unit is paired with its new
 * version (same slot: prose of the same kind sharing words, code of the same tabs, a tab block of the same tabs).
 */
function diffUnits(oldUnits, newUnits, oldBlocks, newBlocks) {
    const matches = (0,alignBlocks/* longestCommonSubsequence */.RV)(oldUnits.map((unit) => unit.key), newUnits.map((unit) => unit.key));
    const ops = [];
    let oldFrom = 0;
    let newFrom = 0;
    const gap = (oldTo, newTo) => {
        let cursor = oldFrom;
        for (let newIndex = newFrom; newIndex < newTo; newIndex += 1) {
            const after = newUnits[newIndex];
            let found = -1;
            for (let candidate = cursor; candidate < oldTo; candidate += 1) {
                const before = oldUnits[candidate];
                if (before.slot === after.slot && similarEnough(before, after, oldBlocks, newBlocks)) {
                    found = candidate;
                    break;
                }
            }
            if (found === -1) {
                ops.push({ op: 'insert', new: after });
                continue;
            }
            for (let skipped = cursor; skipped < found; skipped += 1)
                ops.push({ op: 'delete', old: oldUnits[skipped] });
            ops.push({ op: 'change', old: oldUnits[found], new: after });
            cursor = found + 1;
        }
        for (let skipped = cursor; skipped < oldTo; skipped += 1)
            ops.push({ op: 'delete', old: oldUnits[skipped] });
    };
    for (const [oldIndex, newIndex] of matches) {
        gap(oldIndex, newIndex);
        ops.push({ op: 'keep', old: oldUnits[oldIndex], new: newUnits[newIndex] });
        oldFrom = oldIndex + 1;
        newFrom = newIndex + 1;
    }
    gap(oldUnits.length, newUnits.length);
    return ops;
}
/**
 * Edited, not replaced: prose sharing at least a third of its word bigrams; tab blocks sharing a tab; any other unit
 * of the same slot.
 */
function similarEnough(before, after, oldBlocks, newBlocks) {
    if (before.kind === 'tab')
        return before.tabs.some((tab) => after.tabs.includes(tab));
    if (before.kind !== 'prose')
        return true;
    const left = bigrams(oldBlocks[before.first]?.source ?? '');
    const right = bigrams(newBlocks[after.first]?.source ?? '');
    if (left.size === 0 || right.size === 0)
        return left.size === right.size;
    let shared = 0;
    for (const gram of left)
        if (right.has(gram))
            shared += 1;
    return shared / Math.min(left.size, right.size) >= 1 / 3;
}
function bigrams(text) {
    const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    const grams = new Set();
    for (let index = 0; index + 1 < words.length; index += 1)
        grams.add(`${words[index]} ${words[index + 1]}`);
    if (words.length === 1 && words[0])
        grams.add(words[0]);
    return grams;
}

;// CONCATENATED MODULE: ./src/sync/matchTargets.ts

/**
 * Non-prose units of an English version and the translation's units that are the same cell, tab block or block
 * (code compared without comments and string contents): equal ones by longest common subsequence of their strong
 * keys, then of their weak keys between two strong matches. Target-only units
 * (Paddle) never match. Prose is not matched here: sentence alignment places it.
 */
function equalTargets(english, target) {
    const left = english.filter((unit) => unit.crossKey !== undefined);
    const right = target.filter((unit) => unit.crossKey !== undefined && !unit.targetOnly);
    const pairs = new Map();
    const strong = (0,alignBlocks/* longestCommonSubsequence */.RV)(left.map((unit) => unit.crossKey ?? ''), right.map((unit) => unit.crossKey ?? ''));
    // Between two strong matches, units whose strong keys differ (a link the translators dropped) by their weak keys.
    let leftFrom = 0;
    let rightFrom = 0;
    for (const [leftIndex, rightIndex] of [...strong, [left.length, right.length]]) {
        const leftGap = left.slice(leftFrom, leftIndex);
        const rightGap = right.slice(rightFrom, rightIndex);
        if (leftGap.length > 0 && rightGap.length > 0) {
            for (const [a, b] of (0,alignBlocks/* longestCommonSubsequence */.RV)(leftGap.map((unit) => unit.weakKey ?? unit.crossKey ?? ''), rightGap.map((unit) => unit.weakKey ?? unit.crossKey ?? ''))) {
                pairs.set(leftGap[a], rightGap[b]);
            }
        }
        const match = left[leftIndex];
        const counterpart = right[rightIndex];
        if (match && counterpart)
            pairs.set(match, counterpart);
        leftFrom = leftIndex + 1;
        rightFrom = rightIndex + 1;
    }
    return pairs;
}
/**
 * The translation's counterpart of each non-prose old-English unit: the equal ones, then, between two equal ones,
 * edited units paired in order with a translation unit of the same slot (same kind, fence and tabs) that is neither
 * matched already nor `reserved` (units that already equal the new English).
 */
function counterparts(english, target, equal, reserved) {
    const pairs = new Map(equal);
    const taken = new Set(equal.values());
    const free = (unit) => unit.crossKey !== undefined && !unit.targetOnly && !taken.has(unit) && !reserved.has(unit);
    let targetFrom = 0;
    let pending = [];
    const pairPending = (targetTo) => {
        let cursor = targetFrom;
        for (const unit of pending) {
            for (let index = cursor; index < targetTo; index += 1) {
                const candidate = target[index];
                if (free(candidate) && candidate.slot === unit.slot && sameTabs(candidate, unit)) {
                    pairs.set(unit, candidate);
                    taken.add(candidate);
                    cursor = index + 1;
                    break;
                }
            }
        }
        pending = [];
    };
    for (const unit of english) {
        if (unit.crossKey === undefined)
            continue;
        const match = equal.get(unit);
        if (match === undefined) {
            pending.push(unit);
            continue;
        }
        const at = target.indexOf(match);
        pairPending(at);
        targetFrom = at + 1;
    }
    pairPending(target.length);
    return pairs;
}
/** Tab blocks of the translation pair with the English's of the same tabs (translation-only tabs aside). */
function sameTabs(target, english) {
    if (english.kind !== 'tab')
        return true;
    return english.tabs.every((tab) => target.tabs.includes(tab));
}

// EXTERNAL MODULE: ./src/sync/structureUnits.ts
var structureUnits = __webpack_require__(6719);
;// CONCATENATED MODULE: ./src/sync/countStructure.ts

/** The plan's structure changes counted, for the report's one-line summary. */
function countStructure(structure, targetUnits, removed, alreadyPresent) {
    const count = (kind) => structure.filter((change) => change.kind === kind).length;
    const targetOnly = (0,structureUnits/* flattenUnits */.ym)(targetUnits).filter((unit) => unit.targetOnly);
    return {
        cellsUpdated: count('cell-updated'),
        cellsInserted: count('cell-inserted'),
        cellsRemoved: count('cell-removed'),
        cellsMoved: count('cell-moved'),
        tabsInserted: count('tab-inserted'),
        tabsRemoved: count('tab-removed'),
        blocksChanged: count('block-updated') + count('block-inserted') + count('block-removed') + count('block-moved'),
        commentsCarried: structure.reduce((sum, change) => sum + (change.commentsCarried ?? 0), 0),
        commentsDropped: structure.reduce((sum, change) => sum + (change.commentsDropped ?? 0), 0),
        targetOnlyKept: targetOnly.filter((unit) => !removed.has(unit)).length,
        targetOnlyRemoved: count('target-only-removed'),
        alreadyPresent,
    };
}

;// CONCATENATED MODULE: ./src/sync/describeUnit.ts
/** A short name for a unit in the report: the first line that says something (a code line, the tab's names). */
function describeUnit(source) {
    const lines = source.split('\n').map((line) => line.trim());
    const telling = lines.find((line) => line !== '' && !/^(`{3,}|~{3,})/u.test(line) && !/^#@tab\b|^:(begin|end)_tab:/u.test(line));
    const tab = lines.find((line) => /^#@tab\b|^:begin_tab:/u.test(line));
    const text = [tab, telling].filter(Boolean).join(' ');
    return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

;// CONCATENATED MODULE: ./src/sync/imageCaption.ts

const IMAGE = /^!\[([^\]\n]*)\]\(([^)\n]*)\)([\s\S]*)$/u;
function imageBlock(source) {
    const match = IMAGE.exec(source);
    if (!match)
        return undefined;
    return { caption: match[1] ?? '', target: match[2] ?? '', rest: match[3] ?? '' };
}
/** The caption's inline tokens, read as prose, so that math, code and roles in it stay protected in its draft. */
function captionTokens(caption) {
    const block = (0,parseMarkdown/* parseMarkdown */.D)(caption, 'caption').blocks.find((candidate) => candidate.kind === 'prose');
    return block?.tokens ?? [{ kind: 'text', source: caption }];
}

;// CONCATENATED MODULE: ./src/sync/inPlaceFinder.ts


/**
 * Finds what an English insertion already has in the translation, at the place it goes to: prose the English moved
 * that the translators had moved the same way, or a block of the same kind they added there (a label). The plan
 * keeps those instead of drafting the English again next to them.
 */
class InPlaceFinder {
    input;
    prose;
    state;
    removedTargets;
    /** Translation units an inserted English unit found already in place (each is found once). */
    matched = new Set();
    /** Target blocks holding a sentence the aligner paired with the old English. */
    alignedTargetBlocks;
    constructor(input, prose, state, removedTargets) {
        this.input = input;
        this.prose = prose;
        this.state = state;
        this.removedTargets = removedTargets;
        const { beads, targetSentences } = input.alignment;
        this.alignedTargetBlocks = new Set(beads
            .filter((bead) => bead.sourceEnd > bead.sourceStart)
            .flatMap((bead) => targetSentences.slice(bead.targetStart, bead.targetEnd).map((ref) => ref.blockIndex)));
    }
    /**
     * Prose the English moved whose translation already stands where the English now has it (between the translation
     * of the unit before and of the unit after): kept there, edited if the English also changed its words. Returns the
     * end of that translation, or undefined when the translation does not have it there.
     */
    movedProseHere(before, after, targetUnits, anchor, limit) {
        const inRoom = (range) => (anchor === undefined || range.start >= anchor) && (limit === undefined || range.end <= limit);
        const { oldEnglish, newEnglish } = this.input;
        const oldBlock = blockOf(oldEnglish.blocks, before);
        const newBlock = blockOf(newEnglish.blocks, after);
        const range = this.prose.targetRange(before.first);
        if (range) {
            if (!inRoom(range))
                return undefined;
            if (before.key === after.key)
                this.prose.keep(before.first, oldBlock.source, newBlock);
            else if (!this.prose.change(before.first, newBlock))
                return undefined;
            return range.end;
        }
        // The aligner pairs sentences between the cells both sides share, so prose the translators moved past a cell
        // is left unaligned on both sides. Unaligned translated prose of the same kind in the room, holding every piece
        // the English protects (code, math, references), is that translation.
        const own = targetUnits.find((unit) => unit.kind === 'prose' &&
            unit.slot === after.slot &&
            unit.heading === after.heading &&
            !this.matched.has(unit) &&
            inRoom(unit) &&
            this.isUnaligned(unit) &&
            protectedPieces(oldBlock).every((piece) => this.input.target.text.slice(unit.start, unit.end).includes(piece)));
        if (!own)
            return undefined;
        this.matched.add(own);
        if (before.key === after.key) {
            this.state.kept += 1;
            const was = new Set((0,splitSentences/* splitSentences */.P)(oldBlock.tokens ?? [], this.input.sourceLanguage).map((s) => sentenceKey(s.text)));
            for (const sentence of (0,splitSentences/* splitSentences */.P)(newBlock.tokens ?? [], this.input.sourceLanguage))
                if (!was.has(sentenceKey(sentence.text)))
                    this.state.restyled.push(sentence.text);
        }
        else {
            this.state.removed += 1;
            this.state.edits.push({ start: own.start, end: own.end, parts: this.prose.translated(newBlock, 'changed') });
        }
        return own.end;
    }
    /** A translated prose unit none of whose sentences the aligner paired with the old English. */
    isUnaligned(unit) {
        for (let index = unit.first; index <= unit.last; index += 1)
            if (this.alignedTargetBlocks.has(index))
                return false;
        return true;
    }
    /**
     * A non-prose unit of the translation in the room an inserted English unit goes to, of the same slot, that no unit
     * of the old English accounts for; found once.
     */
    unmatchedHere(after, targetUnits, targetOf, anchor, limit) {
        if (after.kind !== 'other')
            return undefined;
        const accounted = new Set(targetOf.values());
        const own = targetUnits.find((unit) => unit.slot === after.slot &&
            !unit.targetOnly &&
            !accounted.has(unit) &&
            !this.matched.has(unit) &&
            unit.start >= (anchor ?? 0) &&
            (limit === undefined || unit.end <= limit) &&
            !this.removedTargets.has(unit));
        if (own)
            this.matched.add(own);
        return own;
    }
}
function protectedPieces(block) {
    return (block.tokens ?? []).flatMap((token) => (token.kind === 'protected' ? [token.source] : []));
}
function blockOf(blocks, unit) {
    return blocks[unit.first];
}

;// CONCATENATED MODULE: ./src/sync/mergeCodeCell.ts


/**
 * The new English code cell with the translation's own comments kept: a stanza (the comment and blank lines above a
 * code line, and the line itself) whose English did not change is taken from the translation as it is, so its
 * translated comments stay; a stanza whose code line is unchanged but whose English comment above changed keeps the
 * new English. The `#@tab` line keeps the tabs only the translation has (`mxnet, pytorch, paddle`).
 */
function mergeCodeCell(oldSource, newSource, targetSource, targetOnlyTabs) {
    const before = (0,structureUnits/* codeCell */.MZ)(oldSource);
    const after = (0,structureUnits/* codeCell */.MZ)(newSource);
    const target = (0,structureUnits/* codeCell */.MZ)(targetSource);
    const oldStanzas = stanzas(before.body);
    const newStanzas = stanzas(after.body);
    const targetStanzas = stanzas(target.body);
    const newOfOld = new Map((0,alignBlocks/* longestCommonSubsequence */.RV)(oldStanzas.map((stanza) => stanza.lines.join('\n')), newStanzas.map((stanza) => stanza.lines.join('\n'))).map(([oldIndex, newIndex]) => [newIndex, oldIndex]));
    const targetOfOld = new Map((0,alignBlocks/* longestCommonSubsequence */.RV)(oldStanzas.map((stanza) => stanza.codeKey), targetStanzas.map((stanza) => stanza.codeKey)));
    const used = new Set();
    const lines = [];
    let lastUsed = -1;
    newStanzas.forEach((stanza, index) => {
        const oldIndex = newOfOld.get(index);
        const targetIndex = oldIndex === undefined ? aheadStanza(stanza, targetStanzas, lastUsed, before.body) : targetOfOld.get(oldIndex);
        const translated = targetIndex === undefined || used.has(targetIndex) ? undefined : targetStanzas[targetIndex];
        if (translated && targetIndex !== undefined) {
            used.add(targetIndex);
            lastUsed = Math.max(lastUsed, targetIndex);
            lines.push(...translated.lines);
        }
        else
            lines.push(...stanza.lines);
    });
    let carried = 0;
    let dropped = 0;
    targetStanzas.forEach((stanza, index) => {
        const own = stanza.lines.filter((line) => isOwnComment(line, before.body)).length;
        if (used.has(index))
            carried += own;
        else
            dropped += own;
    });
    const tabLine = mergedTabLine(before, after, target, targetOnlyTabs);
    const text = [after.open, ...(tabLine === undefined ? [] : [tabLine]), ...lines, after.close].join('\n');
    return { text, carried, dropped };
}
/**
 * A stanza of the translation that already has the new English code line (translators brought it in ahead of its
 * origin), after the last stanza taken, when the English comments above the line are ones the old English had: the
 * translators' version of those comments (translated, or removed) stands.
 */
function aheadStanza(stanza, targetStanzas, lastUsed, oldBody) {
    if (stanza.codeKey === '')
        return undefined;
    if (!stanza.lines.slice(0, -1).every((line) => oldBody.includes(line)))
        return undefined;
    // A trailing comment on the line itself that the English wrote must be the translation's too.
    const line = stanza.lines.at(-1) ?? '';
    const commented = (0,structureUnits/* codeOfLine */.Bh)(line) !== line;
    const found = targetStanzas.findIndex((candidate, index) => index > lastUsed && candidate.codeKey === stanza.codeKey && (!commented || candidate.lines.at(-1) === line));
    return found === -1 ? undefined : found;
}
function stanzas(body) {
    const out = [];
    let pending = [];
    for (const line of body) {
        pending.push(line);
        if ((0,structureUnits/* codeOfLine */.Bh)(line).trim() === '')
            continue;
        out.push({ lines: pending, codeKey: (0,structureUnits/* normalizeCode */.vz)([line]) });
        pending = [];
    }
    if (pending.length > 0)
        out.push({ lines: pending, codeKey: '' });
    return out;
}
/** A line with a comment that the English cell does not have word for word: the translators' own. */
function isOwnComment(line, english) {
    return (0,structureUnits/* codeOfLine */.Bh)(line) !== line && !english.includes(line);
}
/**
 * The new English `#@tab` line, plus the tabs only the translation has. When the English tab line did not change, the
 * translation's own line stays as it is.
 */
function mergedTabLine(before, after, target, targetOnlyTabs) {
    if (before.tabLine === after.tabLine)
        return target.tabLine ?? after.tabLine;
    if (after.tabLine === undefined)
        return undefined;
    const names = (0,structureUnits/* tabNames */.eq)(after.tabLine.slice(5));
    if (names.includes('all'))
        return after.tabLine;
    const extra = target.tabs.filter((tab) => targetOnlyTabs.has(tab) && !names.includes(tab));
    return extra.length === 0 ? after.tabLine : `${after.tabLine.trimEnd()}, ${extra.join(', ')}`;
}

;// CONCATENATED MODULE: ./src/sync/tabDirective.ts
/** The new English `:begin_tab:` line, with the tabs only the translation has added to its list. */
function mergedTabDirective(english, targetTabs, targetOnly) {
    const list = /`([^`]*)`/u.exec(english)?.[1] ?? '';
    const names = list.split(',').map((name) => name.trim().toLowerCase());
    const extra = targetTabs.filter((tab) => targetOnly.has(tab) && !names.includes(tab));
    return extra.length === 0 ? english : english.replace(`\`${list}\``, `\`${[list, ...extra].join(',')}\``);
}

;// CONCATENATED MODULE: ./src/sync/movedUnits.ts

/**
 * Prose the English moved: each inserted prose unit paired with a deleted one it is a version of (the same words, or
 * an edit of them), one to one, equal words first. The diff sees a move as a deletion here and an insertion there;
 * when the translators already moved their translation (d2l-zh often follows the English ahead of its origin),
 * the pair lets the plan keep that translation where it stands instead of drafting the English again.
 */
function movedProse(steps, oldBlocks, newBlocks) {
    const deleted = [];
    const inserted = [];
    for (const step of steps) {
        if (step.op === 'delete' && step.old.kind === 'prose')
            deleted.push(step.old);
        if (step.op === 'insert' && step.new.kind === 'prose')
            inserted.push(step.new);
    }
    const moves = new Map();
    if (deleted.length === 0 || inserted.length === 0)
        return moves;
    const taken = new Set();
    const pair = (accept) => {
        for (const after of inserted) {
            if (moves.has(after))
                continue;
            const before = deleted.find((candidate) => !taken.has(candidate) &&
                candidate.slot === after.slot &&
                candidate.heading === after.heading &&
                accept(candidate, after));
            if (!before)
                continue;
            moves.set(after, before);
            taken.add(before);
        }
    };
    pair((before, after) => before.key === after.key);
    pair((before, after) => similarEnough(before, after, oldBlocks, newBlocks));
    return moves;
}

;// CONCATENATED MODULE: ./src/sync/planState.ts

/** What planning a chapter has decided so far; every step of the plan adds to it. */
class PlanState {
    edits = [];
    drafts = [];
    restyled = [];
    structure = [];
    removedTargetOnly = [];
    alreadyTranslated = [];
    kept = 0;
    removed = 0;
    alreadyPresent = 0;
    draft(tokens, source, reason, replaces) {
        this.drafts.push({ tokens, source: sentenceKey(source), reason, ...(replaces ? { replaces } : {}) });
        return { draft: this.drafts.length - 1 };
    }
}

// EXTERNAL MODULE: ./src/align/segmentFeatures.ts
var segmentFeatures = __webpack_require__(3195);
// EXTERNAL MODULE: ./src/sync/sameWordsKey.ts
var sameWordsKey = __webpack_require__(7453);
;// CONCATENATED MODULE: ./src/sync/proseEdits.ts





/**
 * Edits of the translation's prose, sentence bead by sentence bead: a bead whose English survives is never touched,
 * a bead whose English changed is replaced by drafts, removed prose takes its layout along.
 */
class ProseEditor {
    alignment;
    target;
    sourceLanguage;
    separator;
    state;
    beadsByOldBlock;
    /** Prose the English deleted, by its words: a paragraph inserted elsewhere with the same words was moved. */
    deletedProse = new Map();
    constructor(alignment, target, sourceLanguage, separator, state) {
        this.alignment = alignment;
        this.target = target;
        this.sourceLanguage = sourceLanguage;
        this.separator = separator;
        this.state = state;
        this.beadsByOldBlock = beadsByBlock(alignment);
    }
    /** An unchanged English paragraph: its beads are kept; sentences that only gained slide markers are named. */
    keep(oldBlock, oldSource, after) {
        this.state.kept += this.beadsWithTarget(oldBlock).length;
        if (sentenceKey(after.source) === sentenceKey(oldSource))
            return;
        const before = new Set(this.sentencesOfOldBlock(oldBlock).map((sentence) => sentenceKey(sentence.span.text)));
        for (const sentence of (0,splitSentences/* splitSentences */.P)(after.tokens ?? [], this.sourceLanguage)) {
            if (!before.has(sentenceKey(sentence.text)))
                this.state.restyled.push(sentence.text);
        }
    }
    /**
     * Edits the translation of one English paragraph bead by bead: a bead whose English sentences all survive is not
     * touched at all; a bead whose English changed is replaced by the drafts of its new sentences; a sentence the
     * English gained goes right after the bead before it. Returns false when the paragraph has no translation to edit.
     */
    change(oldBlock, newBlock) {
        const beads = this.beadsWithTarget(oldBlock);
        if (beads.length === 0)
            return false;
        const alignment = this.alignment;
        const oldSentences = this.sentencesOfOldBlock(oldBlock);
        const firstOld = alignment.sourceSentences.indexOf(oldSentences[0]);
        const newSentences = (0,splitSentences/* splitSentences */.P)(newBlock.tokens ?? [], this.sourceLanguage);
        const matches = (0,alignBlocks/* longestCommonSubsequence */.RV)(oldSentences.map((sentence) => (0,sameWordsKey/* sameWordsKey */.d)(sentence.span.text)), newSentences.map((sentence) => (0,sameWordsKey/* sameWordsKey */.d)(sentence.text)));
        const oldOfNew = new Map(matches.map(([oldIndex, newIndex]) => [newIndex, firstOld + oldIndex]));
        const surviving = new Set(oldOfNew.values());
        const beadOfOld = new Map();
        for (const bead of beads)
            for (const index of rangeOf(bead.sourceStart, bead.sourceEnd))
                beadOfOld.set(index, bead);
        const replaced = beads.filter((bead) => rangeOf(bead.sourceStart, bead.sourceEnd).some((index) => !surviving.has(index)));
        const isKept = (newIndex) => {
            const bead = beadOfOld.get(oldOfNew.get(newIndex) ?? -1);
            return bead !== undefined && !replaced.includes(bead);
        };
        const partsOf = new Map(replaced.map((bead) => [bead, []]));
        let previousKept;
        let run = [];
        const placeRun = (nextKept) => {
            if (run.length === 0)
                return;
            const from = previousKept === undefined ? firstOld - 1 : (oldOfNew.get(previousKept) ?? firstOld - 1);
            const to = nextKept === undefined ? firstOld + oldSentences.length : (oldOfNew.get(nextKept) ?? from + 1);
            const hunkBeads = replaced.filter((bead) => bead.sourceStart > from && bead.sourceStart < to);
            const parts = this.draftsOf(run, newSentences, newBlock, this.replacedBy(hunkBeads));
            const home = hunkBeads[0];
            if (home)
                partsOf.get(home)?.push(...parts);
            else
                this.insertBesideBead(previousKept === undefined ? undefined : beadOfOld.get(from), beads[0], parts);
            run = [];
        };
        newSentences.forEach((_, index) => {
            if (!isKept(index)) {
                run.push(index);
                return;
            }
            placeRun(index);
            previousKept = index;
        });
        placeRun(undefined);
        this.state.kept += beads.length - replaced.length;
        this.state.removed += replaced.length;
        for (const [oldIndex, newIndex] of matches) {
            const before = oldSentences[oldIndex]?.span.text ?? '';
            const after = newSentences[newIndex]?.text ?? '';
            if (sentenceKey(before) !== sentenceKey(after) && isKept(newIndex))
                this.state.restyled.push(after);
        }
        for (const [bead, parts] of partsOf)
            this.replaceBead(bead, parts);
        return true;
    }
    /** The English deleted a paragraph: its translation goes, except inside ranges that must stay (`kept`). */
    delete(oldBlock, key, kept) {
        const beads = this.beadsWithTarget(oldBlock).filter((bead) => !this.targetSpansOf(bead).some((span) => kept(span)));
        if (!this.deletedProse.has(key))
            this.deletedProse.set(key, oldBlock);
        this.state.removed += beads.length;
        for (const span of mergeAdjacent(beads.flatMap((bead) => this.targetSpansOf(bead)), (a, b) => this.inSameBlock(a, b))) {
            this.state.edits.push({ ...this.removalRange(span), parts: [] });
        }
    }
    /** The translation of a new English block: drafts for prose (or the human translation of a moved paragraph). */
    translated(block, reason) {
        if (block.kind !== 'prose' || !block.tokens)
            return [block.source];
        const moved = this.movedTranslation(block);
        if (moved !== undefined)
            return [moved];
        const tokens = block.tokens;
        const sentences = (0,splitSentences/* splitSentences */.P)(tokens, this.sourceLanguage);
        if (sentences.length === 0)
            return [block.source];
        const parts = [];
        sentences.forEach((sentence, index) => {
            if (index > 0)
                parts.push(this.separator);
            parts.push(this.state.draft((0,segmentFeatures/* tokensBetween */.R6)(tokens, sentence.start, sentence.end), sentence.text, reason));
        });
        return parts;
    }
    /** The target range the translation of an old English paragraph covers, whole blocks; undefined when it has none. */
    targetRange(oldBlock) {
        const beads = this.beadsWithTarget(oldBlock);
        let start = Number.POSITIVE_INFINITY;
        let end = -1;
        for (const bead of beads) {
            const range = this.targetRangeOf(bead);
            start = Math.min(start, range.start);
            end = Math.max(end, range.end);
        }
        if (end < 0)
            return undefined;
        const blocks = this.target.blocks;
        const last = blocks.find((candidate) => candidate.start < end && end <= candidate.start + candidate.source.length);
        return { start, end: last ? last.start + last.source.length : end };
    }
    /** When a removal empties a block, the layout before it (blank line, `## `, `- `) goes too. */
    widenToWholeBlocks(range) {
        const blocks = this.target.blocks;
        const containing = blocks.findIndex((block) => block.start <= range.start && range.start < block.start + block.source.length);
        const ending = blocks.findIndex((block) => block.start < range.end && range.end <= block.start + block.source.length);
        const first = blocks[containing];
        const last = blocks[ending];
        if (!first || !last || first.start !== range.start || last.start + last.source.length !== range.end)
            return range;
        let previous = containing - 1;
        while (previous >= 0 && blocks[previous]?.kind === 'layout')
            previous -= 1;
        const previousBlock = blocks[previous];
        return { start: previousBlock ? previousBlock.start + previousBlock.source.length : 0, end: range.end };
    }
    sentencesOfOldBlock(blockIndex) {
        return this.alignment.sourceSentences.filter((sentence) => sentence.blockIndex === blockIndex);
    }
    draftsOf(indices, sentences, block, replaces) {
        const parts = [];
        for (const index of indices) {
            const sentence = sentences[index];
            if (!sentence)
                continue;
            if (parts.length > 0)
                parts.push(this.separator);
            const tokens = (0,segmentFeatures/* tokensBetween */.R6)(block.tokens ?? [], sentence.start, sentence.end);
            parts.push(this.state.draft(tokens, sentence.text, 'changed', parts.length === 0 ? replaces : undefined));
        }
        return parts;
    }
    /** The old English and human translation of beads being replaced, as reviewers should see them. */
    replacedBy(beads) {
        if (beads.length === 0)
            return undefined;
        const alignment = this.alignment;
        const source = beads
            .flatMap((bead) => alignment.sourceSentences.slice(bead.sourceStart, bead.sourceEnd).map((sentence) => sentence.span.text))
            .join(' ');
        const translation = beads
            .flatMap((bead) => alignment.targetSentences.slice(bead.targetStart, bead.targetEnd).map((sentence) => sentence.span.text))
            .join(this.separator);
        return { source, translation };
    }
    /** New sentences with no replaced bead to take their place go after the kept bead before them, or before the first. */
    insertBesideBead(previous, first, parts) {
        if (previous) {
            const end = this.targetRangeOf(previous).end;
            this.state.edits.push({ start: end, end, parts: [this.separator, ...parts] });
        }
        else if (first) {
            const start = this.targetRangeOf(first).start;
            this.state.edits.push({ start, end: start, parts: [...parts, this.separator] });
        }
    }
    /** Replaces a bead's sentences; a bead split by code or math is replaced in its first part, the rest removed. */
    replaceBead(bead, parts) {
        const spans = this.targetSpansOf(bead);
        spans.forEach((span, index) => {
            if (index === 0 && parts.length > 0)
                this.state.edits.push({ ...span, parts });
            else
                this.state.edits.push({ ...this.removalRange(span), parts: [] });
        });
    }
    /** The bead's target text, cut where it crosses anything but prose and layout. */
    targetSpansOf(bead) {
        const spans = [];
        for (const index of rangeOf(bead.targetStart, bead.targetEnd)) {
            const sentence = this.alignment.targetSentences[index];
            if (!sentence)
                continue;
            const range = { start: this.targetOffset(sentence, 'start'), end: this.targetOffset(sentence, 'end') };
            const last = spans[spans.length - 1];
            if (last && this.inSameBlock(last.end, range.start))
                spans[spans.length - 1] = { start: last.start, end: range.end };
            else
                spans.push(range);
        }
        return spans;
    }
    /** Whether the end of one sentence and the start of another lie in the same target block. */
    inSameBlock(end, start) {
        const block = this.target.blocks.find((candidate) => candidate.start < end && end <= candidate.start + candidate.source.length);
        return block !== undefined && block.start <= start && start < block.start + block.source.length;
    }
    /** Removing a whole block takes the layout before it (blank line, `## `, `- `) along; a sentence, the spaces after it. */
    removalRange(span) {
        const widened = this.widenToWholeBlocks(span);
        if (widened.start !== span.start)
            return widened;
        const text = this.target.text;
        let end = span.end;
        while (text[end] === ' ' || text[end] === '\t')
            end += 1;
        return { start: span.start, end };
    }
    /**
     * A paragraph the English moved elsewhere, word for word, keeps its human translation at the new place (it is
     * removed from the old place like any deleted paragraph).
     */
    movedTranslation(block) {
        const key = `prose:${(0,sameWordsKey/* sameWordsKey */.d)(block.source)}`;
        const oldBlock = this.deletedProse.get(key);
        if (oldBlock === undefined)
            return undefined;
        const beads = this.beadsWithTarget(oldBlock);
        const spans = beads.flatMap((bead) => this.targetSpansOf(bead));
        const first = spans[0];
        const last = spans[spans.length - 1];
        if (!first || !last || spans.some((span) => !this.inSameBlock(first.start + 1, span.start)))
            return undefined;
        this.deletedProse.delete(key);
        this.state.removed -= beads.length;
        this.state.kept += beads.length;
        return this.target.text.slice(first.start, last.end);
    }
    beadsWithTarget(oldBlock) {
        return (this.beadsByOldBlock.get(oldBlock) ?? []).filter((bead) => bead.targetEnd > bead.targetStart);
    }
    targetRangeOf(bead) {
        const first = this.alignment.targetSentences[bead.targetStart];
        const last = this.alignment.targetSentences[bead.targetEnd - 1];
        return { start: this.targetOffset(first, 'start'), end: this.targetOffset(last, 'end') };
    }
    targetOffset(sentence, side) {
        if (!sentence)
            return 0;
        const block = this.target.blocks[sentence.blockIndex];
        return (block?.start ?? 0) + (side === 'start' ? sentence.span.start : sentence.span.end);
    }
}
function beadsByBlock(alignment) {
    const byBlock = new Map();
    for (const bead of alignment.beads) {
        const first = alignment.sourceSentences[bead.sourceStart];
        if (!first || bead.sourceEnd <= bead.sourceStart)
            continue;
        const list = byBlock.get(first.blockIndex);
        if (list)
            list.push(bead);
        else
            byBlock.set(first.blockIndex, [bead]);
    }
    return byBlock;
}
/** Joins spans within one block, so that a removed paragraph goes as one piece. */
function mergeAdjacent(spans, joinable) {
    const merged = [];
    for (const span of [...spans].sort((a, b) => a.start - b.start)) {
        const last = merged[merged.length - 1];
        if (last && (span.start <= last.end || joinable(last.end, span.start))) {
            merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, span.end) };
        }
        else
            merged.push(span);
    }
    return merged;
}
function rangeOf(start, end) {
    return Array.from({ length: Math.max(0, end - start) }, (_, index) => start + index);
}

;// CONCATENATED MODULE: ./src/sync/types.ts
/** d2l-zh's Paddle tabs and cells: the translation's own code, which no English file has. */
const DEFAULT_TARGET_ONLY_TABS = ['paddle'];

;// CONCATENATED MODULE: ./src/sync/planChapter.ts
















/**
 * Works out how the translation changes when its English goes from `oldEnglish` to `newEnglish`. Structure first:
 * code cells, tab blocks and other non-prose blocks of the old English are matched with the translation's, the old →
 * new diff is taken unit by unit (a tab block is one unit, its inside diffed the same way) and applied onto the
 * translation's own text; prose inside is edited sentence bead by sentence bead. So everything the edits do not touch
 * (human sentences whose English is unchanged, translators' comments on unchanged code, Paddle cells) stays byte for
 * byte, and a change the translation already has (a cell or tab brought in ahead of its origin) is not made twice.
 */
function planChapter(input) {
    return new ChapterPlanner(input).plan();
}
class ChapterPlanner {
    input;
    state = new PlanState();
    prose;
    targetOnlyTabs;
    /** Translation units that already equal a unit of the new English: kept whole. */
    protectedRanges = [];
    runs = [];
    removedTargets = new Set();
    deletedOld = new Set();
    inPlace;
    lineOfTarget;
    constructor(input) {
        this.input = input;
        this.targetOnlyTabs = new Set(input.targetOnlyTabs ?? DEFAULT_TARGET_ONLY_TABS);
        const separator = (0,language/* isSpacelessLanguage */.Gz)(input.targetLanguage) ? '' : ' ';
        this.prose = new ProseEditor(input.alignment, input.target, input.sourceLanguage, separator, this.state);
        this.inPlace = new InPlaceFinder(input, this.prose, this.state, this.removedTargets);
        const lineStarts = [0];
        for (let index = input.target.text.indexOf('\n'); index !== -1; index = input.target.text.indexOf('\n', index + 1))
            lineStarts.push(index + 1);
        this.lineOfTarget = (offset) => {
            let low = 0;
            let high = lineStarts.length - 1;
            while (low < high) {
                const middle = (low + high + 1) >> 1;
                if ((lineStarts[middle] ?? 0) <= offset)
                    low = middle;
                else
                    high = middle - 1;
            }
            return low + 1;
        };
    }
    plan() {
        const oldUnits = (0,structureUnits/* structureUnits */.rh)(this.input.oldEnglish, new Set());
        const newUnits = (0,structureUnits/* structureUnits */.rh)(this.input.newEnglish, new Set());
        const targetUnits = (0,structureUnits/* structureUnits */.rh)(this.input.target, this.targetOnlyTabs);
        const deletedHeadings = this.walk(oldUnits, newUnits, targetUnits, undefined, 0);
        this.removeOrphanedTargetOnly(oldUnits, targetUnits, deletedHeadings);
        for (const run of this.runs)
            this.insertRun(run);
        const structure = [...this.state.structure].sort((a, b) => a.line - b.line);
        return {
            edits: this.state.edits.sort((a, b) => a.start - b.start || a.end - b.end),
            drafts: this.state.drafts,
            kept: this.state.kept,
            reused: 0,
            reusedSources: [],
            removed: this.state.removed,
            restyled: this.state.restyled,
            alreadyTranslated: this.state.alreadyTranslated,
            structure,
            structureCounts: countStructure(structure, targetUnits, this.removedTargets, this.state.alreadyPresent),
            removedTargetOnly: this.state.removedTargetOnly,
        };
    }
    /**
     * Applies the old → new diff of one level of units (the chapter, or the inside of a tab block) onto the
     * translation's units of that level. `startAnchor` is where an insertion before every counterpart goes (inside a
     * tab: right after its `:begin_tab:` line). Returns the old headings the English deleted.
     */
    walk(oldUnits, newUnits, targetUnits, startAnchor, newStart) {
        const { oldEnglish, newEnglish } = this.input;
        const equalOld = equalTargets(oldUnits, targetUnits);
        const equalNew = equalTargets(newUnits, targetUnits);
        const claimedByOld = new Set(equalOld.values());
        const reserved = new Set([...equalNew.values()].filter((unit) => !claimedByOld.has(unit)));
        // Whatever equals a unit of the new English stays: deleting it could only be undone by drafting it again.
        for (const unit of equalNew.values())
            this.protectedRanges.push(unit);
        const targetOf = counterparts(oldUnits, targetUnits, equalOld, reserved);
        const deletedHeadings = [];
        let anchor = startAnchor;
        let previousNewEnd = newStart;
        let run;
        const moveAnchor = (end) => {
            if (end === undefined)
                return;
            run = undefined;
            const extended = this.pastTargetOnly(end, targetUnits);
            anchor = anchor === undefined ? extended : Math.max(anchor, extended);
        };
        const insert = (unit, reason, copy) => {
            if (!run) {
                run = { units: [], anchor, previousNewEnd };
                this.runs.push(run);
            }
            run.units.push({ unit, reason, ...(copy ? { copy } : {}) });
        };
        const steps = diffUnits(oldUnits, newUnits, oldEnglish.blocks, newEnglish.blocks);
        const moves = movedProse(steps, oldEnglish.blocks, newEnglish.blocks);
        const moved = new Set(moves.values());
        // Moved prose is deleted only once it is known that its translation does not already stand at the new place.
        const movedInPlace = new Set();
        const targetStart = (old) => old.kind === 'prose' ? this.prose.targetRange(old.first)?.start : targetOf.get(old)?.start;
        /** Where the translation of the next unit the English kept (or edited) starts: the end of an insertion's room. */
        const roomEnd = (from) => {
            for (const step of steps.slice(from + 1)) {
                if (step.op === 'insert' || step.op === 'delete')
                    continue;
                const start = targetStart(step.old);
                if (start !== undefined)
                    return start;
            }
            return undefined;
        };
        // Translation units of old English units the English deleted: one the new English has elsewhere was moved.
        const deletedCounterparts = new Set(steps.flatMap((step) => step.op === 'delete' ? [targetOf.get(step.old)].filter((unit) => unit !== undefined) : []));
        steps.forEach((step, index) => {
            if (step.op === 'delete') {
                if (moved.has(step.old))
                    return;
                if (step.old.heading > 0)
                    deletedHeadings.push(step.old);
                this.deletedOld.add(step.old);
                this.deleteUnit(step.old, targetOf.get(step.old));
                return;
            }
            const after = step.new;
            const claimed = equalNew.get(after);
            const movedFrom = step.op === 'insert' ? moves.get(after) : undefined;
            const movedTo = movedFrom && this.inPlace.movedProseHere(movedFrom, after, targetUnits, anchor, roomEnd(index));
            if (movedFrom && movedTo !== undefined) {
                movedInPlace.add(movedFrom);
                this.state.alreadyPresent += 1;
                moveAnchor(movedTo);
            }
            else if (step.op === 'insert') {
                const room = roomEnd(index);
                const elsewhere = claimed !== undefined &&
                    ((anchor !== undefined && claimed.start < anchor) || (room !== undefined && claimed.end > room));
                if (claimed && elsewhere && deletedCounterparts.has(claimed) && !this.removedTargets.has(claimed)) {
                    // The English moved a cell and the translation still has it at the old place: the translation's own
                    // cell (its comments, and the Paddle cells after it) moves to the new place.
                    insert(after, 'inserted', this.moveTarget(claimed, targetUnits));
                }
                else if (claimed) {
                    this.alreadyPresent(after);
                    moveAnchor(claimed.end);
                }
                else {
                    const own = this.inPlace.unmatchedHere(after, targetUnits, targetOf, anchor, roomEnd(index));
                    if (own) {
                        // The translation already has a block of this kind here that its old English lacked (a label the
                        // translators added): theirs stays, the English's is not added beside it.
                        this.alreadyPresent(after);
                        moveAnchor(own.end);
                    }
                    else
                        insert(after, 'inserted');
                }
            }
            else if (step.op === 'keep') {
                if (after.kind === 'prose') {
                    this.prose.keep(step.old.first, planChapter_blockOf(oldEnglish.blocks, step.old).source, planChapter_blockOf(newEnglish.blocks, after));
                    moveAnchor(this.prose.targetRange(step.old.first)?.end);
                }
                else {
                    if (after.kind === 'tab')
                        this.keepTabProse(step.old, after);
                    moveAnchor((targetOf.get(step.old) ?? claimed)?.end);
                }
            }
            else {
                const end = this.changeUnit(step.old, after, targetOf.get(step.old), claimed);
                if (end === undefined)
                    insert(after, 'changed');
                else
                    moveAnchor(end);
            }
            previousNewEnd = after.end;
        });
        for (const old of moved) {
            if (movedInPlace.has(old))
                continue;
            if (old.heading > 0)
                deletedHeadings.push(old);
            this.deletedOld.add(old);
            this.deleteUnit(old, undefined);
        }
        return deletedHeadings;
    }
    /** An English unit edited in place; returns the end of its translation, or undefined when it has none to edit. */
    changeUnit(before, after, target, claimed) {
        const { oldEnglish, newEnglish } = this.input;
        if (after.kind === 'prose') {
            if (!this.prose.change(before.first, planChapter_blockOf(newEnglish.blocks, after)))
                return undefined;
            return this.prose.targetRange(before.first)?.end;
        }
        if (after.kind === 'tab' && target) {
            const beginTab = this.input.target.blocks[target.first];
            const beginNew = newEnglish.blocks[after.first];
            const beginOld = oldEnglish.blocks[before.first];
            if (beginTab && beginNew && beginOld && beginNew.source !== beginOld.source) {
                const directive = mergedTabDirective(beginNew.source, target.tabs, this.targetOnlyTabs);
                this.state.edits.push({
                    start: beginTab.start,
                    end: beginTab.start + beginTab.source.length,
                    parts: [directive],
                });
                this.record('block-updated', beginTab.start, directive);
            }
            this.walk(before.children, after.children, target.children, beginTab ? beginTab.start + beginTab.source.length : target.start, beginNew ? beginNew.start + beginNew.source.length : after.start);
            return target.end;
        }
        if (claimed && claimed === target && before.crossKey !== after.crossKey) {
            // The translators already brought in the English's new code (comments aside): theirs stays as it is.
            this.alreadyPresent(after);
            return target.end;
        }
        if (claimed && claimed !== target) {
            // The translation already has the new English (brought in ahead of its origin); an older copy goes.
            this.alreadyPresent(after);
            if (target)
                this.deleteUnit(before, target);
            return claimed.end;
        }
        if (!target)
            return undefined;
        const old = oldEnglish.text.slice(before.start, before.end);
        const fresh = newEnglish.text.slice(after.start, after.end);
        const current = this.input.target.text.slice(target.start, target.end);
        if (after.kind === 'code') {
            const merged = mergeCodeCell(old, fresh, current, this.targetOnlyTabs);
            if (merged.text === current) {
                // Every line the English changed the translation already had: nothing to write.
                this.alreadyPresent(after);
                return target.end;
            }
            this.state.edits.push({ start: target.start, end: target.end, parts: [merged.text] });
            this.record('cell-updated', target.start, fresh, {
                commentsCarried: merged.carried,
                commentsDropped: merged.dropped,
            });
        }
        else {
            this.state.edits.push({ start: target.start, end: target.end, parts: this.updatedBlock(old, fresh, current) });
            this.record('block-updated', target.start, fresh);
        }
        return target.end;
    }
    /**
     * A changed non-prose block: the new English, except for a figure whose translation has its own caption, which keeps
     * that caption when the English caption is unchanged and gets a draft of the new caption when it changed.
     */
    updatedBlock(old, fresh, current) {
        const before = imageBlock(old);
        const after = imageBlock(fresh);
        const translated = imageBlock(current);
        if (!before || !after || !translated || after.caption === '')
            return [fresh];
        const tail = `](${after.target})${after.rest}`;
        if (before.caption === after.caption)
            return [`![${translated.caption}`, tail];
        const draft = this.state.draft(captionTokens(after.caption), after.caption, 'changed', {
            source: before.caption,
            translation: translated.caption,
        });
        return ['![', draft, tail];
    }
    /** An unchanged tab block: the human translations of its prose are kept (and counted). */
    keepTabProse(before, after) {
        const { oldEnglish, newEnglish } = this.input;
        before.children.forEach((child, index) => {
            const twin = after.children[index];
            if (child.kind !== 'prose' || !twin)
                return;
            this.prose.keep(child.first, planChapter_blockOf(oldEnglish.blocks, child).source, planChapter_blockOf(newEnglish.blocks, twin));
        });
    }
    /** A new English unit the translation already has: its sentences are named, nothing is drafted. */
    alreadyPresent(unit) {
        this.state.alreadyPresent += 1;
        const blocks = this.input.newEnglish.blocks;
        for (let index = unit.first; index <= unit.last; index += 1) {
            const block = blocks[index];
            if (block?.kind !== 'prose')
                continue;
            for (const sentence of (0,splitSentences/* splitSentences */.P)(block.tokens ?? [], this.input.sourceLanguage))
                this.state.alreadyTranslated.push(sentenceKey(sentence.text));
        }
    }
    deleteUnit(before, target) {
        if (before.kind === 'prose') {
            this.prose.delete(before.first, before.key, (range) => this.isProtected(range));
            return;
        }
        if (!target || this.isProtected(target) || this.removedTargets.has(target))
            return;
        this.removeTarget(target, before.kind === 'code' ? 'cell-removed' : before.kind === 'tab' ? 'tab-removed' : 'block-removed');
    }
    /** Takes a translation unit, with the translation-only blocks right after it, out of its place; returns its range. */
    moveTarget(target, targetUnits) {
        const range = { start: target.start, end: this.pastTargetOnly(target.end, targetUnits) };
        for (const unit of targetUnits)
            if (unit.start >= range.start && unit.end <= range.end)
                this.removedTargets.add(unit);
        this.state.edits.push({ ...this.prose.widenToWholeBlocks(range), parts: [] });
        this.record(target.kind === 'code' ? 'cell-moved' : 'block-moved', target.start, this.input.target.text.slice(target.start, target.end));
        return range;
    }
    removeTarget(target, kind) {
        this.removedTargets.add(target);
        const source = this.input.target.text.slice(target.start, target.end);
        this.state.edits.push({ ...this.prose.widenToWholeBlocks(target), parts: [] });
        this.record(kind, target.start, source);
        if (kind === 'target-only-removed')
            this.state.removedTargetOnly.push(source);
    }
    /**
     * Blocks only the translation has stay next to the block they follow, unless the English deleted that block and its
     * whole section: then they go too (and are reported).
     */
    removeOrphanedTargetOnly(oldUnits, targetUnits, deletedHeadings) {
        for (const heading of deletedHeadings) {
            const from = oldUnits.indexOf(heading);
            let to = from + 1;
            while (to < oldUnits.length &&
                !((oldUnits[to]?.heading ?? 0) > 0 && (oldUnits[to]?.heading ?? 0) <= heading.heading))
                to += 1;
            const section = oldUnits.slice(from, to);
            const start = this.prose.targetRange(heading.first)?.start;
            if (start === undefined)
                continue;
            const nextHeading = oldUnits[to];
            const end = (nextHeading ? this.prose.targetRange(nextHeading.first)?.start : undefined) ?? this.input.target.text.length;
            if (section.some((unit) => !this.deletedOld.has(unit)))
                continue;
            let hostRemoved = false;
            for (const unit of targetUnits) {
                if (unit.start < start || unit.end > end)
                    continue;
                if (!unit.targetOnly) {
                    hostRemoved = this.removedTargets.has(unit) || unit.kind === 'prose';
                    continue;
                }
                if (hostRemoved && !this.isProtected(unit))
                    this.removeTarget(unit, 'target-only-removed');
            }
        }
    }
    /** New English units go after the translation of the unit before them, with the layout the new English has. */
    insertRun(run) {
        const newEnglish = this.input.newEnglish;
        const first = run.units[0]?.unit;
        const last = run.units[run.units.length - 1]?.unit;
        if (!first || !last)
            return;
        const parts = [];
        let cursor = run.anchor === undefined ? first.start : run.previousNewEnd;
        for (const { unit, reason, copy } of run.units) {
            parts.push(newEnglish.text.slice(cursor, unit.start));
            if (copy)
                parts.push(this.input.target.text.slice(copy.start, copy.end));
            else {
                parts.push(...this.translatedUnit(unit, reason));
                this.recordInsert(unit, run.anchor);
            }
            cursor = unit.end;
        }
        if (run.anchor === undefined) {
            // At the very start: the layout after the run separates it from what follows.
            const next = this.nextStart(last);
            parts.push(next === undefined ? '\n' : newEnglish.text.slice(last.end, next));
            const firstTarget = this.input.target.blocks.find((block) => block.kind !== 'layout')?.start ?? this.input.target.text.length;
            this.state.edits.push({ start: firstTarget, end: firstTarget, parts });
            return;
        }
        this.state.edits.push({ start: run.anchor, end: run.anchor, parts });
    }
    nextStart(unit) {
        return this.input.newEnglish.blocks.slice(unit.last + 1).find((block) => block.kind !== 'layout')?.start;
    }
    translatedUnit(unit, reason) {
        const blocks = this.input.newEnglish.blocks;
        const parts = [];
        for (let index = unit.first; index <= unit.last; index += 1) {
            const block = blocks[index];
            if (!block)
                continue;
            const image = block.kind === 'prose' ? undefined : imageBlock(block.source);
            if (image && image.caption !== '') {
                // A new figure: its caption is drafted like any new English sentence.
                const draft = this.state.draft(captionTokens(image.caption), image.caption, reason);
                parts.push('![', draft, `](${image.target})${image.rest}`);
            }
            else
                parts.push(...this.prose.translated(block, reason));
        }
        return parts;
    }
    recordInsert(unit, anchor) {
        if (unit.kind === 'prose')
            return;
        const kind = unit.kind === 'code' ? 'cell-inserted' : unit.kind === 'tab' ? 'tab-inserted' : 'block-inserted';
        this.record(kind, anchor ?? 0, this.input.newEnglish.text.slice(unit.start, unit.end));
    }
    record(kind, offset, source, comments) {
        this.state.structure.push({ kind, line: this.lineOfTarget(offset), what: describeUnit(source), ...comments });
    }
    /** After a unit's translation, past the blocks only the translation has that follow it (they stay next to it). */
    pastTargetOnly(end, targetUnits) {
        let result = end;
        for (const unit of targetUnits) {
            if (unit.end <= result)
                continue;
            if (!unit.targetOnly || this.removedTargets.has(unit))
                break;
            if (!/^\s*$/u.test(this.input.target.text.slice(result, unit.start)))
                break;
            result = unit.end;
        }
        return result;
    }
    isProtected(range) {
        return this.protectedRanges.some((kept) => kept.start <= range.start && range.end <= kept.end);
    }
}
function planChapter_blockOf(blocks, unit) {
    return blocks[unit.first];
}

// EXTERNAL MODULE: ./src/sync/verifyChapter.ts
var verifyChapter = __webpack_require__(1341);
// EXTERNAL MODULE: ./src/sync/translationMemory.ts
var translationMemory = __webpack_require__(1663);
// EXTERNAL MODULE: ./src/sync/countSentences.ts
var countSentences = __webpack_require__(8824);
;// CONCATENATED MODULE: ./src/sync/prepareChapter.ts











/** Parses the three texts of a chapter, aligns the translation with its old English, checks it and plans the edits. */
function prepareChapter(task) {
    try {
        const oldEnglish = (0,parseMarkdown/* parseMarkdown */.D)(task.oldText, task.oldLabel);
        // Most chapters did not change: their English is parsed once.
        const newEnglish = task.newText === task.oldText ? oldEnglish : (0,parseMarkdown/* parseMarkdown */.D)(task.newText, task.newLabel);
        if (task.skipIfUnchanged && sameUnits(oldEnglish, newEnglish)) {
            const keysByBlock = (0,countSentences/* sentenceKeysByBlock */.q9)(oldEnglish, task.sourceLanguage);
            const sentences = (0,countSentences/* countSentences */.EM)(oldEnglish, newEnglish, task.sourceLanguage, keysByBlock);
            return { path: task.path, unchanged: true, sentences, sentenceKeys: keysByBlock.flat() };
        }
        const target = (0,parseMarkdown/* parseMarkdown */.D)(task.targetText, task.targetLabel);
        const tabs = task.targetOnlyTabs ? { targetOnlyTabs: task.targetOnlyTabs } : {};
        const alignment = (0,buildPairs/* alignUnits */.p_)(oldEnglish, target, {
            sourceLanguage: task.sourceLanguage,
            targetLanguage: task.targetLanguage,
            ...tabs,
        });
        // The alignment split the old English into sentences already.
        const sentences = task.countSentences
            ? {
                sentences: (0,countSentences/* countSentences */.EM)(oldEnglish, newEnglish, task.sourceLanguage, (0,countSentences/* alignedKeysByBlock */.$0)(alignment, oldEnglish.blocks.length)),
            }
            : {};
        const problem = checkChapter(oldEnglish, target, alignment, task.sourceLanguage, task.targetLanguage);
        if (problem)
            return { path: task.path, problem, ...sentences };
        const plan = planChapter({
            oldEnglish,
            newEnglish,
            target,
            alignment,
            sourceLanguage: task.sourceLanguage,
            targetLanguage: task.targetLanguage,
            ...tabs,
        });
        // Structure does not depend on what the engine writes: the plan is composed with each draft's English in its
        // place and checked now, so that a chapter the sync would damage is refused before anything is sent.
        if (plan.edits.length === 0)
            return { path: task.path, plan, memory: (0,translationMemory/* memoryEntries */._X)(alignment), ...sentences };
        const trial = (0,composeChapter/* composeChapter */.u)(task.targetText, plan.edits, plan.drafts, (index) => (plan.drafts[index]?.tokens ?? []).map((token) => token.source).join(''));
        const violation = (0,verifyChapter/* verifyChapter */.R)({
            oldEnglish,
            newEnglish,
            target,
            composed: (0,parseMarkdown/* parseMarkdown */.D)(trial.text, task.targetLabel),
            targetOnlyTabs: new Set(task.targetOnlyTabs ?? DEFAULT_TARGET_ONLY_TABS),
            removedTargetOnly: plan.removedTargetOnly,
        });
        if (violation)
            return { path: task.path, problem: `left as it was: ${violation}`, ...sentences };
        return { path: task.path, plan, memory: (0,translationMemory/* memoryEntries */._X)(alignment), ...sentences };
    }
    catch (error) {
        return { path: task.path, problem: (0,errors/* describeError */.Uc)(error) };
    }
}
/**
 * Whether every unit of the two English versions compares equal as the planner compares them (prose by its words,
 * slide markers aside; anything else exactly): then the plan changes no translated text and drafts nothing.
 */
function sameUnits(oldEnglish, newEnglish) {
    if (oldEnglish === newEnglish)
        return true;
    const before = (0,structureUnits/* structureUnits */.rh)(oldEnglish, NO_TABS);
    const after = (0,structureUnits/* structureUnits */.rh)(newEnglish, NO_TABS);
    return before.length === after.length && before.every((unit, index) => unit.key === after[index]?.key);
}
const NO_TABS = new Set();


/***/ }),

/***/ 7453:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ sameWordsKey)
/* harmony export */ });
/** d2lbook's slide markers: `[**…**]`, `(**…**)` and `(~~…~~)` around words that go on the slides. */
const SLIDE_MARKER = /\[\*\*|\*\*\]|\(\*\*|\*\*\)|\(~~|~~\)/gu;
/**
 * English compared for whether a translation still holds: line wrapping aside, and without slide markers. Marking
 * words for the slides changes nothing a reader translates, and redrafting the sentence would throw away its human
 * translation; the markers reach the new origin file all the same, for the translators to mirror.
 */
function sameWordsKey(text) {
    // Both replacements copy the text; most sentences need neither, and every block of every version is keyed.
    const unmarked = text.includes('**') || text.includes('~~') ? text.replace(SLIDE_MARKER, '') : text;
    const folded = UNFOLDED_SPACE.test(unmarked) ? unmarked.replace(/\s+/gu, ' ') : unmarked;
    return folded.trim();
}
/** White space that folding changes: anything but a single space. */
const UNFOLDED_SPACE = /[^\S ]| {2}/u;


/***/ }),

/***/ 6719:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bh: () => (/* binding */ codeOfLine),
/* harmony export */   MZ: () => (/* binding */ codeCell),
/* harmony export */   eq: () => (/* binding */ tabNames),
/* harmony export */   rh: () => (/* binding */ structureUnits),
/* harmony export */   vz: () => (/* binding */ normalizeCode),
/* harmony export */   ym: () => (/* binding */ flattenUnits)
/* harmony export */ });
/* harmony import */ var _sameWordsKey_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7453);

/**
 * Units already computed, by document and target-only tabs: a chapter's plan and the check of its composed text
 * ask for the same three documents' units, and computing them (keys of every block) was a tenth of a sync.
 */
const computed = new WeakMap();
/** The document's top-level units, tab blocks holding their own. A `:begin_tab:` that is never closed stays a block. */
function structureUnits(document, targetOnlyTabs) {
    const tabsKey = [...targetOnlyTabs].sort().join(',');
    let byTabs = computed.get(document);
    if (byTabs === undefined) {
        byTabs = new Map();
        computed.set(document, byTabs);
    }
    let units = byTabs.get(tabsKey);
    if (units === undefined) {
        units = Object.freeze(computeUnits(document, targetOnlyTabs));
        byTabs.set(tabsKey, units);
    }
    return units;
}
function computeUnits(document, targetOnlyTabs) {
    const units = [];
    const blocks = document.blocks;
    for (let index = 0; index < blocks.length; index += 1) {
        const block = blocks[index];
        if (!block || block.kind === 'layout')
            continue;
        if (block.kind === 'directive' && block.info === 'begin_tab') {
            const close = closingTab(blocks, index);
            if (close !== undefined) {
                units.push(tabUnit(document, index, close, targetOnlyTabs));
                index = close;
                continue;
            }
        }
        units.push(blockUnit(document, index, targetOnlyTabs));
    }
    return units;
}
function closingTab(blocks, open) {
    for (let index = open + 1; index < blocks.length; index += 1) {
        const block = blocks[index];
        if (block?.kind !== 'directive')
            continue;
        if (block.info === 'end_tab')
            return index;
        if (block.info === 'begin_tab')
            return undefined;
    }
    return undefined;
}
function tabUnit(document, open, close, targetOnlyTabs) {
    const begin = document.blocks[open];
    const end = document.blocks[close];
    const children = [];
    for (let index = open + 1; index < close; index += 1) {
        if (document.blocks[index]?.kind !== 'layout')
            children.push(blockUnit(document, index, targetOnlyTabs));
    }
    const tabs = tabNames(/`([^`]*)`/u.exec(begin.source)?.[1] ?? '');
    const shared = tabs.filter((tab) => !targetOnlyTabs.has(tab));
    const names = shared.join(',');
    const inner = children.flatMap((child) => (child.crossKey ? [child.crossKey] : [])).join('\u0000');
    return {
        kind: 'tab',
        first: open,
        last: close,
        start: begin.start,
        end: end.start + end.source.length,
        line: begin.line,
        tabs,
        targetOnly: tabs.length > 0 && shared.length === 0,
        key: `tab:${tabs.join(',')}:${children.map((child) => child.key).join('\u0000')}`,
        crossKey: `tab:${names}:${inner}:${protectedPieces(document, open, close).join('\u0000')}`,
        weakKey: `tab:${names}:${inner}`,
        // Tab blocks pair across tab names (d2l merges `mxnet` and `pytorch` tabs into one `mxnet,pytorch`): see diffUnits.
        slot: 'tab',
        children,
        heading: 0,
    };
}
/**
 * Links, code, math and references in the prose between two blocks: translators keep them as they are, so they tell
 * one tab block from another with the same tabs (d2l's `Discussions` links, say). Sorted, since word order changes.
 */
function protectedPieces(document, from, to) {
    const pieces = [];
    for (let index = from + 1; index < to; index += 1) {
        for (const token of document.blocks[index]?.tokens ?? []) {
            if (token.kind === 'protected' && STRONG_ROLES.has(token.role))
                pieces.push(token.source.replace(/\s+/gu, ''));
        }
    }
    return pieces.sort();
}
const STRONG_ROLES = new Set(['code', 'math', 'role', 'url', 'reference']);
function blockUnit(document, index, targetOnlyTabs) {
    const block = document.blocks[index];
    if (block.kind === 'prose') {
        return unitOf(block, index, {
            kind: 'prose',
            tabs: NO_TABS,
            targetOnly: false,
            key: `prose:${(0,_sameWordsKey_js__WEBPACK_IMPORTED_MODULE_0__/* .sameWordsKey */ .d)(block.source)}`,
            crossKey: undefined,
            slot: `prose:${block.context ?? ''}`,
            heading: block.context === 'heading' ? headingLevel(document.text, block.start) : 0,
        });
    }
    if (block.kind === 'code') {
        const cell = codeCell(block.source);
        const shared = cell.tabs.filter((tab) => !targetOnlyTabs.has(tab));
        const names = shared.join(',');
        return unitOf(block, index, {
            kind: 'code',
            tabs: cell.tabs,
            targetOnly: cell.tabs.length > 0 && shared.length === 0,
            key: `code:${block.source.trim()}`,
            crossKey: `code:${block.info ?? ''}:${names}:${normalizeCode(cell.body)}`,
            slot: `code:${block.info ?? ''}:${names}`,
            heading: 0,
        });
    }
    const slot = block.kind === 'directive' ? `directive:${block.info ?? ''}` : block.kind;
    return unitOf(block, index, {
        kind: 'other',
        tabs: NO_TABS,
        targetOnly: false,
        key: `${block.kind}:${block.source.trim()}`,
        crossKey: `${slot}:${crossText(block)}`,
        slot,
        heading: 0,
    });
}
const NO_TABS = Object.freeze([]);
const NO_CHILDREN = Object.freeze([]);
/**
 * One block's unit, written out field by field: an object spread here was a third of the time spent on units (a
 * sync keys every block of four documents per chapter), and one literal keeps every unit of the same shape.
 */
function unitOf(block, index, facts) {
    return {
        kind: facts.kind,
        first: index,
        last: index,
        start: block.start,
        end: block.start + block.source.length,
        line: block.line,
        tabs: facts.tabs,
        targetOnly: facts.targetOnly,
        key: facts.key,
        slot: facts.slot,
        crossKey: facts.crossKey,
        weakKey: undefined,
        children: NO_CHILDREN,
        heading: facts.heading,
    };
}
/** Images compare by their file, labels and math by their text without white space. */
function crossText(block) {
    if (block.kind === 'image')
        return /\]\(\s*<?([^)\s>]+)/u.exec(block.source)?.[1] ?? block.source.trim();
    return block.source.replace(/\s+/gu, '');
}
function headingLevel(text, start) {
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    const hashes = /^ {0,3}(#{1,6})[ \t]/u.exec(text.slice(lineStart, start));
    return hashes?.[1]?.length ?? 1;
}
/** A fenced code cell cut into its fences, its d2lbook `#@tab` line and its code lines. */
function codeCell(source) {
    const lines = source.split('\n');
    const fenced = lines.length >= 2 && /^\s*(`{3,}|~{3,})/u.test(lines[0] ?? '');
    const open = fenced ? (lines[0] ?? '') : '';
    const close = fenced ? (lines[lines.length - 1] ?? '') : '';
    const inner = fenced ? lines.slice(1, -1) : lines;
    const first = inner[0];
    const tabLine = first !== undefined && /^#@tab\b/u.test(first) ? first : undefined;
    const body = tabLine === undefined ? inner : inner.slice(1);
    return { open, tabLine, body, close, tabs: tabLine === undefined ? [] : tabNames(tabLine.slice(5)) };
}
function tabNames(list) {
    return list
        .split(',')
        .map((name) => name.trim().toLowerCase())
        .filter((name) => name !== '');
}
/** Code compared across languages: comments, white space and the contents of string literals left out. */
function normalizeCode(lines) {
    return lines
        .map(codeOfLine)
        .join('')
        .replace(/\s+/gu, '')
        .replace(/(['"]).*?\1/gu, '""');
}
/** A code line without its comment (a `#` at the start or after white space; `#@` lines are d2lbook's, kept). */
function codeOfLine(line) {
    return line.includes('#') ? line.replace(/(^|\s)#(?!@).*$/u, '') : line;
}
/** Units in document order, tab blocks followed by the units inside them. */
function flattenUnits(units) {
    return units.flatMap((unit) => [unit, ...flattenUnits(unit.children)]);
}


/***/ }),

/***/ 1663:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _X: () => (/* binding */ memoryEntries),
/* harmony export */   f$: () => (/* binding */ applyTranslationMemory),
/* harmony export */   ve: () => (/* binding */ TranslationMemory)
/* harmony export */ });
/* harmony import */ var _sameWordsKey_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7453);

/** Only confident one-to-one beads: a reused sentence must be a translation of exactly that sentence. */
const MIN_CONFIDENCE = 0.9;
/** The human translations of one chapter that translation memory may reuse. */
function memoryEntries(alignment) {
    const entries = [];
    for (const bead of alignment.beads) {
        if (bead.shape !== '1-1' || bead.confidence < MIN_CONFIDENCE)
            continue;
        const source = alignment.sourceSentences[bead.sourceStart]?.span.text;
        const target = alignment.targetSentences[bead.targetStart]?.span.text;
        if (source !== undefined && target !== undefined && target !== '')
            entries.push([source, target]);
    }
    return entries;
}
/** Human translations of English sentences found anywhere in the book, by their words (see sameWordsKey). */
class TranslationMemory {
    entries = new Map();
    add(entries) {
        for (const [source, target] of entries) {
            const key = (0,_sameWordsKey_js__WEBPACK_IMPORTED_MODULE_0__/* .sameWordsKey */ .d)(source);
            if (!this.entries.has(key))
                this.entries.set(key, target);
        }
    }
    lookup(sourceSentence) {
        return this.entries.get((0,_sameWordsKey_js__WEBPACK_IMPORTED_MODULE_0__/* .sameWordsKey */ .d)(sourceSentence));
    }
    get size() {
        return this.entries.size;
    }
}

/** Fills every draft whose English already has a human translation somewhere in the book, at no cost. */
function applyTranslationMemory(plan, memory) {
    const replacement = new Map();
    const drafts = [];
    const reusedSources = [...plan.reusedSources];
    plan.drafts.forEach((draft, index) => {
        const reused = memory.lookup(draft.source);
        if (reused === undefined) {
            replacement.set(index, { draft: drafts.length });
            drafts.push(draft);
        }
        else {
            replacement.set(index, { reused, source: draft.source });
            reusedSources.push(draft.source);
        }
    });
    if (drafts.length === plan.drafts.length)
        return plan;
    const edits = plan.edits.map((edit) => ({
        ...edit,
        parts: edit.parts.map((part) => typeof part === 'object' && 'draft' in part ? (replacement.get(part.draft) ?? part) : part),
    }));
    return { ...plan, edits, drafts, reused: plan.reused + plan.drafts.length - drafts.length, reusedSources };
}


/***/ }),

/***/ 1341:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ verifyChapter),
/* harmony export */   n: () => (/* binding */ lostProtectedPiece)
/* harmony export */ });
/* harmony import */ var _align_alignBlocks_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6966);
/* harmony import */ var _structureUnits_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6719);


/**
 * Checks a composed chapter before it is written, against what the sync promises: tab blocks balanced, every block only
 * the translation has still there (or removed on purpose), headings in the English's order, code cells in the
 * English's order under the same heading (protected pieces of drafts: see lostProtectedPiece). What the
 * translation already got wrong against its old English is not held against the sync: a check that the input
 * passed must pass, and misplaced cells must not grow. Returns the first violation, or undefined.
 */
function verifyChapter(input) {
    const { composed, target } = input;
    const tabs = tabProblem(composed);
    if (tabs && !tabProblem(target))
        return tabs;
    const missing = missingTargetOnly(input);
    if (missing)
        return missing;
    const composedUnits = (0,_structureUnits_js__WEBPACK_IMPORTED_MODULE_0__/* .structureUnits */ .rh)(composed, input.targetOnlyTabs);
    const targetUnits = (0,_structureUnits_js__WEBPACK_IMPORTED_MODULE_0__/* .structureUnits */ .rh)(target, input.targetOnlyTabs);
    const oldUnits = (0,_structureUnits_js__WEBPACK_IMPORTED_MODULE_0__/* .structureUnits */ .rh)(input.oldEnglish, new Set());
    const newUnits = (0,_structureUnits_js__WEBPACK_IMPORTED_MODULE_0__/* .structureUnits */ .rh)(input.newEnglish, new Set());
    const headingsBefore = headingLevels(oldUnits).join() === headingLevels(targetUnits).join();
    if (headingsBefore) {
        const wanted = headingLevels(newUnits);
        const got = headingLevels(composedUnits);
        if (wanted.join() !== got.join()) {
            const at = wanted.findIndex((level, index) => got[index] !== level);
            const index = at === -1 ? Math.min(wanted.length, got.length) : at;
            return `headings differ from the English's: heading ${index + 1} is ${describeLevel(got[index])} where the English has ${describeLevel(wanted[index])}`;
        }
    }
    const misplacedBefore = misplacedCells(oldUnits, targetUnits).length;
    const misplacedAfter = misplacedCells(newUnits, composedUnits);
    if (misplacedAfter.length > misplacedBefore) {
        const first = misplacedAfter[0];
        return `code cells out of the English's order: the cell at line ${first?.line ?? 0} of the new English is missing or under another heading (${misplacedAfter.length} such cells, ${misplacedBefore} before)`;
    }
    return undefined;
}
/** The first protected piece (code, math, role, URL …) of a drafted English sentence that its draft does not hold. */
function lostProtectedPiece(drafts) {
    for (const draft of drafts) {
        for (const token of draft.tokens) {
            if (token.kind === 'protected' && !draft.markdown.includes(token.source))
                return `a draft lost the protected piece ${JSON.stringify(token.source)} of its English`;
        }
    }
    return undefined;
}
/** The first nested or stray tab marker, or an unclosed tab block. */
function tabProblem(document) {
    let open;
    for (const block of document.blocks) {
        if (block.kind !== 'directive')
            continue;
        if (block.info === 'begin_tab') {
            if (open !== undefined)
                return `line ${block.line}: :begin_tab: inside the tab opened at line ${open}`;
            open = block.line;
        }
        else if (block.info === 'end_tab') {
            if (open === undefined)
                return `line ${block.line}: :end_tab: without a :begin_tab:`;
            open = undefined;
        }
    }
    return open === undefined ? undefined : `line ${open}: :begin_tab: never closed`;
}
function missingTargetOnly(input) {
    const wanted = new Map();
    for (const unit of (0,_structureUnits_js__WEBPACK_IMPORTED_MODULE_0__/* .flattenUnits */ .ym)((0,_structureUnits_js__WEBPACK_IMPORTED_MODULE_0__/* .structureUnits */ .rh)(input.target, input.targetOnlyTabs))) {
        if (!unit.targetOnly)
            continue;
        const source = input.target.text.slice(unit.start, unit.end);
        wanted.set(source, (wanted.get(source) ?? 0) + 1);
    }
    for (const source of input.removedTargetOnly)
        wanted.set(source, (wanted.get(source) ?? 0) - 1);
    for (const [source, count] of wanted) {
        if (count > 0 && occurrences(input.composed.text, source) < count) {
            const line = input.target.text.slice(0, input.target.text.indexOf(source)).split('\n').length;
            return `the block only the translation has at line ${line} (${source.split('\n')[0] ?? ''} …) would be lost`;
        }
    }
    return undefined;
}
function occurrences(text, piece) {
    let count = 0;
    for (let index = text.indexOf(piece); index !== -1; index = text.indexOf(piece, index + piece.length))
        count += 1;
    return count;
}
function headingLevels(units) {
    return units.filter((unit) => unit.heading > 0).map((unit) => unit.heading);
}
function describeLevel(level) {
    return level === undefined ? 'missing' : `level ${level}`;
}
/**
 * Code cells of the English (outside target-only tabs) that the translation lacks, or has under another heading:
 * compared without comments and string contents, in order.
 */
function misplacedCells(english, translation) {
    const left = cellsWithSection(english);
    const right = cellsWithSection(translation);
    const matched = new Set((0,_align_alignBlocks_js__WEBPACK_IMPORTED_MODULE_1__/* .longestCommonSubsequence */ .RV)(left.map((cell) => cell.key), right.map((cell) => cell.key)).map(([index]) => index));
    return left.filter((_, index) => !matched.has(index)).map((cell) => cell.unit);
}
function cellsWithSection(units) {
    const cells = [];
    let section = 0;
    for (const unit of (0,_structureUnits_js__WEBPACK_IMPORTED_MODULE_0__/* .flattenUnits */ .ym)(units)) {
        if (unit.heading > 0)
            section += 1;
        if (unit.kind === 'code' && !unit.targetOnly)
            cells.push({ key: `${section}:${unit.crossKey ?? ''}`, unit });
    }
    return cells;
}


/***/ }),

/***/ 2612:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ countNonWhitespace)
/* harmony export */ });
/* unused harmony export isWhitespaceCode */
/**
 * UTF-16 units of `text` that are not white space in the sense of a regular expression's `\s`: the length of
 * `text.replace(/\s+/gu, '')` without building that string.
 */
function countNonWhitespace(text) {
    let count = 0;
    for (let index = 0; index < text.length; index += 1)
        if (!isWhitespaceCode(text.charCodeAt(index)))
            count += 1;
    return count;
}
/** `\s`: ECMAScript's WhiteSpace and LineTerminator code points, all in the Basic Multilingual Plane. */
function isWhitespaceCode(code) {
    if (code <= 32)
        return code === 32 || (code >= 9 && code <= 13);
    if (code < 160)
        return false;
    return (code === 160 ||
        code === 0x1680 ||
        (code >= 0x2000 && code <= 0x200a) ||
        code === 0x2028 ||
        code === 0x2029 ||
        code === 0x202f ||
        code === 0x205f ||
        code === 0x3000 ||
        code === 0xfeff);
}


/***/ }),

/***/ 4273:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ lastAtMost)
/* harmony export */ });
/** Index of the last element of the ascending `sorted` that is at most `value` (0 when none is). */
function lastAtMost(sorted, value) {
    let low = 0;
    let high = sorted.length - 1;
    while (low < high) {
        const middle = Math.ceil((low + high) / 2);
        if ((sorted[middle] ?? 0) <= value)
            low = middle;
        else
            high = middle - 1;
    }
    return low;
}


/***/ }),

/***/ 7723:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ createLineLocator)
/* harmony export */ });
/* harmony import */ var _lastAtMost_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4273);

/** Returns a function giving the 1-based line of an offset in `text` (binary search over line starts). */
function createLineLocator(text) {
    const lineStarts = [0];
    for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1))
        lineStarts.push(index + 1);
    return (offset) => (0,_lastAtMost_js__WEBPACK_IMPORTED_MODULE_0__/* .lastAtMost */ .f)(lineStarts, offset) + 1;
}


/***/ }),

/***/ 1948:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Z: () => (/* binding */ runTask),
  K: () => (/* binding */ workerHeapOf)
});

// EXTERNAL MODULE: ./src/align/buildPairs.ts + 12 modules
var buildPairs = __webpack_require__(4922);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/markdown/parseMarkdown.ts + 11 modules
var parseMarkdown = __webpack_require__(6609);
// EXTERNAL MODULE: ./src/language/scriptShare.ts
var scriptShare = __webpack_require__(4224);
;// CONCATENATED MODULE: ./src/pairs/checkLanguage.ts
/**
 * Catches a chapter in the wrong language before it is aligned: a "translation" that is still the English text,
 * or an English side that is really the translation. Only words of prose count: code cells and inline code are
 * Latin in every edition of the book.
 */

function proseLetters(document) {
    const counts = { cjk: 0, latin: 0 };
    for (const block of document.blocks) {
        for (const token of block.kind === 'prose' ? (block.tokens ?? []) : []) {
            if (token.kind === 'text')
                (0,scriptShare/* countScriptLetters */.G8)(token.source, counts);
        }
    }
    return counts;
}
/** Why the prose cannot be in `language`, or undefined when it can. */
function wrongLanguage(letters, language) {
    return (0,scriptShare/* wrongScript */.jb)(letters, language);
}

;// CONCATENATED MODULE: ./src/pairs/alignChapter.ts
/**
 * The work of one chapter, wherever it runs (a worker thread or the main thread): parse both files once, make
 * sure each is prose in the language it should be, and align them keeping every bead.
 */




function alignChapter(task, parse = parseMarkdown/* parseMarkdown */.D) {
    const source = parseSide(task.sourceText, task.sourcePath, task.options.sourceLanguage, parse);
    if (!source.ok)
        return source;
    const target = parseSide(task.targetText, task.targetPath, task.options.targetLanguage, parse);
    if (!target.ok)
        return target;
    try {
        const result = (0,buildPairs/* alignDocuments */.iK)(source.document, target.document, task.options);
        return {
            ok: true,
            alignment: {
                pairs: result.pairs,
                paragraphPairs: result.paragraphPairs,
                beadsByShape: result.stats.beadsByShape,
                droppedLowConfidence: result.stats.droppedLowConfidence,
                unalignedSourceSentences: result.stats.unalignedSourceSentences,
                unalignedTargetSentences: result.stats.unalignedTargetSentences,
            },
        };
    }
    catch (error) {
        return failure(task.targetPath, 'align-error', `cannot be aligned with ${task.sourcePath}: ${(0,errors/* describeError */.Uc)(error)}`);
    }
}
function parseSide(text, path, language, parse) {
    let document;
    try {
        document = parse(text, path);
    }
    catch (error) {
        return failure(path, 'parse-error', `cannot be parsed: ${parseFailure(error)}`);
    }
    const letters = proseLetters(document);
    if (letters.cjk + letters.latin === 0)
        return failure(path, 'empty', 'has no prose to align');
    const wrong = wrongLanguage(letters, language);
    return wrong === undefined ? { ok: true, document } : failure(path, 'wrong-language', wrong);
}
function failure(file, kind, message) {
    return { ok: false, problem: { file, kind, message } };
}
/** InputError already names the file, which the problem line names too. */
function parseFailure(error) {
    if (!(error instanceof errors/* InputError */.dz))
        return (0,errors/* describeError */.Uc)(error);
    return error.line === undefined ? error.problem : `line ${error.line}: ${error.problem}`;
}

// EXTERNAL MODULE: ./src/sync/prepareChapter.ts + 15 modules
var prepareChapter = __webpack_require__(9107);
;// CONCATENATED MODULE: ./src/workers/tasks.ts


const TASKS = {
    'align-chapter': {
        run: alignChapter,
        /**
         * V8 grows a heap long before it has to collect, so an uncapped worker holds far more than the one chapter it
         * works on (measured on d2l-zh: 273 MB peak for the process with one uncapped worker beside a working main
         * thread, 224 MB with two capped workers), and `amts pairs` must stay under 300 MB. The cap makes it collect
         * sooner; a chapter too large for it kills only the worker, and the main thread aligns that chapter instead.
         */
        workerHeap: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 8 },
    },
    'prepare-sync-chapter': {
        run: prepareChapter/* prepareChapter */.H,
        /**
         * No old-generation cap: a sync chapter holds three parsed documents and their alignment, and under a cap V8
         * collects so often that it costs more than the second core gains (d2l-zh's 138 changed chapters in one
         * worker: 11-12 s of CPU uncapped, 16-22 s with a 64 MB old generation, 14-15 s at 1 GB). A young generation
         * larger than V8's default lets parsing's short-lived nodes die young instead of being promoted: 13 s of CPU
         * for two workers instead of 14 s, for about 90 MB more peak memory.
         */
        workerHeap: { maxYoungGenerationSizeMb: 96 },
    },
};
function runTask(kind, input) {
    const task = TASKS[kind];
    return task.run(input);
}
function workerHeapOf(kind) {
    return TASKS[kind].workerHeap;
}


/***/ })

};
