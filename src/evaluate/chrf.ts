/**
 * chrF and chrF++ as sacreBLEU 2.6.0 computes them (sacrebleu/metrics/chrf.py): character n-gram (and, for
 * chrF++, word n-gram) precision and recall averaged over the orders both sides have, combined as F-beta.
 */
import { codePoints, splitOnWhitespace } from './pythonText.js';
import { allCharacterNgrams, clippedMatches, totalCount, wordNgrams, type NgramCounts } from './ngrams.js';
import { groupReferencesBySegment, sentenceReferenceStreams, type ReferenceStreams } from './references.js';
import { caseField, formatSignature, yesNo, type ReferenceCount } from './signature.js';

export interface ChrfOptions {
  /** Default 6. */
  readonly charOrder?: number;
  /** Default 0 (chrF); 2 gives chrF++. */
  readonly wordOrder?: number;
  /** Default 2: recall weighs twice as much as precision. */
  readonly beta?: number;
  readonly lowercase?: boolean;
  /** Keep whitespace inside character n-grams; default false. */
  readonly whitespace?: boolean;
  /** chrF++.py / Moses / NLTK epsilon smoothing instead of sacreBLEU's effective order; default false. */
  readonly epsSmoothing?: boolean;
}

type ChrfSettings = Required<ChrfOptions>;

export interface ChrfScore {
  /** 0–100. */
  readonly score: number;
  /** `chrF2`, or `chrF2++` with word order 2. */
  readonly name: string;
  /** e.g. `nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.6.0`. */
  readonly signature: string;
}

function resolveSettings(options: ChrfOptions): ChrfSettings {
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
  if (settings.charOrder + settings.wordOrder === 0) throw new Error('chrF needs charOrder + wordOrder > 0');
  return settings;
}

/** Python's `string.punctuation`. */
const ASCII_PUNCTUATION = new Set('!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~');

/**
 * chrF++'s word split: one punctuation mark comes off the end of a word, or else off its start. This is
 * sacreBLEU's behaviour, including splitting `(hi)` into `(hi` and `)` (its issue #124).
 */
export function splitPunctuationForChrf(sentence: string): string[] {
  return splitOnWhitespace(sentence).flatMap((word) => {
    const characters = codePoints(word);
    if (characters.length === 1) return [word];
    const last = characters[characters.length - 1] ?? '';
    const first = characters[0] ?? '';
    if (ASCII_PUNCTUATION.has(last)) return [characters.slice(0, -1).join(''), last];
    if (ASCII_PUNCTUATION.has(first)) return [first, characters.slice(1).join('')];
    return [word];
  });
}

/** Character orders 1..charOrder, then word orders 1..wordOrder. */
function allNgrams(sentence: string, settings: ChrfSettings): NgramCounts[] {
  const ngrams = allCharacterNgrams(sentence, settings.charOrder, settings.whitespace);
  if (settings.wordOrder > 0) {
    const words = splitPunctuationForChrf(sentence);
    for (let order = 1; order <= settings.wordOrder; order++) ngrams.push(wordNgrams(words, order));
  }
  return ngrams;
}

/** [hypothesis count, reference count, matches] per order, flattened. */
function matchStatistics(hypothesis: readonly NgramCounts[], reference: readonly NgramCounts[]): number[] {
  return hypothesis.flatMap((hypothesisCounts, order) => {
    const referenceCounts = reference[order] ?? new Map<string, number>();
    // Hypothesis n-grams do not count when the reference has none of that order.
    const hypothesisCount = referenceCounts.size > 0 ? totalCount(hypothesisCounts) : 0;
    return [hypothesisCount, totalCount(referenceCounts), clippedMatches(hypothesisCounts, referenceCounts)];
  });
}

/** `CHRF._compute_f_score`: the 0–100 score from flattened statistics. */
export function computeChrf(statistics: readonly number[], options: ChrfOptions = {}): number {
  const settings = resolveSettings(options);
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
  if (settings.epsSmoothing) return (100 * epsilonScore) / orders;
  if (effectiveOrder === 0) return 0;
  averagePrecision /= effectiveOrder;
  averageRecall /= effectiveOrder;
  if (averagePrecision + averageRecall === 0) return 0;
  const score = ((1 + factor) * averagePrecision * averageRecall) / (factor * averagePrecision + averageRecall);
  return 100 * score;
}

/** Of several references, the statistics of the one with the best F score; the first wins a tie. */
function bestStatistics(
  hypothesis: readonly NgramCounts[],
  references: readonly (readonly NgramCounts[])[],
  settings: ChrfSettings,
): number[] {
  let best: number[] = [];
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

function chrfSignatureFor(settings: ChrfSettings, nrefs: ReferenceCount): string {
  return formatSignature(nrefs, [
    caseField(settings.lowercase),
    ['eff', yesNo(!settings.epsSmoothing)],
    ['nc', String(settings.charOrder)],
    ['nw', String(settings.wordOrder)],
    ['space', yesNo(settings.whitespace)],
  ]);
}

/** The signature sacreBLEU prints for these options, e.g. `nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.6.0`. */
export function chrfSignature(options: ChrfOptions = {}, nrefs: ReferenceCount = 1): string {
  return chrfSignatureFor(resolveSettings(options), nrefs);
}

function scoreName(settings: ChrfSettings): string {
  return `chrF${settings.beta}${'+'.repeat(settings.wordOrder)}`;
}

function scoreSegments(hypotheses: readonly string[], references: ReferenceStreams, settings: ChrfSettings): ChrfScore {
  const grouped = groupReferencesBySegment(hypotheses.length, references);
  const prepare = (text: string) => allNgrams(settings.lowercase ? text.toLowerCase() : text, settings);
  const sums = new Array<number>(3 * (settings.charOrder + settings.wordOrder)).fill(0);
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
export function corpusChrf(
  hypotheses: readonly string[],
  references: ReferenceStreams,
  options: ChrfOptions = {},
): ChrfScore {
  return scoreSegments(hypotheses, references, resolveSettings(options));
}

/** `CHRF().sentence_score(hypothesis, references)`. */
export function sentenceChrf(hypothesis: string, references: readonly string[], options: ChrfOptions = {}): ChrfScore {
  return scoreSegments([hypothesis], sentenceReferenceStreams(references), resolveSettings(options));
}
