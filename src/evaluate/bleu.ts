/**
 * BLEU as sacreBLEU 2.6.0 computes it (sacrebleu/metrics/bleu.py): per-segment sufficient statistics against the
 * closest reference length, summed over the corpus, then brevity penalty times the geometric mean of smoothed
 * n-gram precisions.
 */
import { stripTrailingWhitespace, splitOnWhitespace, formatFixed } from './pythonText.js';
import { allWordNgrams, clippedMatches, totalCount, type NgramCounts } from './ngrams.js';
import { groupReferencesBySegment, sentenceReferenceStreams, type ReferenceStreams } from './references.js';
import { caseField, formatSignature, yesNo, type ReferenceCount } from './signature.js';
import { tokenize, type TokenizerName } from './tokenizers.js';

export type SmoothMethod = 'exp' | 'floor' | 'add-k' | 'none';

/** Defaults from Chen & Cherry (2014), as in `BLEU.SMOOTH_DEFAULTS`; `exp` and `none` take no value. */
const SMOOTH_DEFAULTS: Readonly<Record<SmoothMethod, number | undefined>> = {
  none: undefined,
  floor: 0.1,
  'add-k': 1,
  exp: undefined,
};

export interface BleuOptions {
  /** Default `13a`; use `zh` for Chinese. */
  readonly tokenize?: TokenizerName;
  readonly lowercase?: boolean;
  /** Default `exp` (mteval-v13a's NIST smoothing). */
  readonly smoothMethod?: SmoothMethod;
  /** For `floor` and `add-k`; defaults to 0.1 and 1. */
  readonly smoothValue?: number;
  readonly maxNgramOrder?: number;
  /** Stop at the highest n-gram order the hypothesis has; corpus default false, sentence default true. */
  readonly effectiveOrder?: boolean;
}

type BleuSettings = Required<Omit<BleuOptions, 'smoothValue'>> & { readonly smoothValue: number | undefined };

export interface BleuStatistics {
  readonly sysLen: number;
  readonly refLen: number;
  /** Clipped matching n-grams per order, order 1 first. */
  readonly correct: readonly number[];
  /** Hypothesis n-grams per order, order 1 first. */
  readonly total: readonly number[];
}

export interface BleuScore {
  /** 0–100. */
  readonly score: number;
  readonly counts: readonly number[];
  readonly totals: readonly number[];
  /** Per-order precisions, 0–100, after smoothing. */
  readonly precisions: readonly number[];
  /** Brevity penalty, 0–1. */
  readonly bp: number;
  readonly sysLen: number;
  readonly refLen: number;
  /** sysLen / refLen, or 0 without reference tokens. */
  readonly ratio: number;
  /** e.g. `nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0`. */
  readonly signature: string;
}

function resolveSettings(options: BleuOptions, defaultEffectiveOrder: boolean): BleuSettings {
  const smoothMethod = options.smoothMethod ?? 'exp';
  if (!(smoothMethod in SMOOTH_DEFAULTS)) throw new Error(`Unknown BLEU smoothing method "${smoothMethod}"`);
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

function preprocess(segment: string, settings: BleuSettings): string[] {
  const cased = settings.lowercase ? segment.toLowerCase() : segment;
  return splitOnWhitespace(tokenize(stripTrailingWhitespace(cased), settings.tokenize));
}

interface ReferenceInfo {
  /** Per order, each n-gram's highest count over the references. */
  readonly ngrams: readonly NgramCounts[];
  readonly lengths: readonly number[];
}

function referenceInfo(references: readonly (readonly string[])[], maxOrder: number): ReferenceInfo {
  const ngrams = Array.from({ length: maxOrder }, (): NgramCounts => new Map());
  for (const words of references) {
    allWordNgrams(words, maxOrder).forEach((counts, order) => {
      const merged = ngrams[order];
      if (!merged) return;
      for (const [ngram, count] of counts) merged.set(ngram, Math.max(merged.get(ngram) ?? 0, count));
    });
  }
  return { ngrams, lengths: references.map((words) => words.length) };
}

/** The reference length nearest the hypothesis length; on a tie, the shorter one. */
export function closestReferenceLength(hypothesisLength: number, referenceLengths: readonly number[]): number {
  let closestDiff = -1;
  let closestLength = -1;
  for (const length of referenceLengths) {
    const diff = Math.abs(hypothesisLength - length);
    if (closestDiff === -1 || diff < closestDiff) {
      closestDiff = diff;
      closestLength = length;
    } else if (diff === closestDiff && length < closestLength) {
      closestLength = length;
    }
  }
  return closestLength;
}

function segmentStatistics(hypothesis: readonly string[], references: ReferenceInfo, maxOrder: number): BleuStatistics {
  const hypothesisNgrams = allWordNgrams(hypothesis, maxOrder);
  return {
    sysLen: hypothesis.length,
    refLen: closestReferenceLength(hypothesis.length, references.lengths),
    correct: hypothesisNgrams.map((counts, order) => clippedMatches(counts, references.ngrams[order] ?? new Map())),
    total: hypothesisNgrams.map(totalCount),
  };
}

function addStatistics(sum: BleuStatistics, next: BleuStatistics): BleuStatistics {
  return {
    sysLen: sum.sysLen + next.sysLen,
    refLen: sum.refLen + next.refLen,
    correct: sum.correct.map((value, order) => value + (next.correct[order] ?? 0)),
    total: sum.total.map((value, order) => value + (next.total[order] ?? 0)),
  };
}

/** Python's `my_log`: log with 0 floored to a huge negative number, so a zero precision zeroes the score. */
function flooredLog(value: number): number {
  return value === 0 ? -9999999999 : Math.log(value);
}

export function brevityPenalty(sysLen: number, refLen: number): number {
  if (sysLen >= refLen) return 1;
  return sysLen > 0 ? Math.exp(1 - refLen / sysLen) : 0;
}

/** `BLEU.compute_bleu`: the score from summed statistics. */
export function computeBleu(statistics: BleuStatistics, options: BleuOptions = {}): Omit<BleuScore, 'signature'> {
  const settings = resolveSettings(options, false);
  const { sysLen, refLen } = statistics;
  const correct = [...statistics.correct];
  const total = [...statistics.total];
  const bp = brevityPenalty(sysLen, refLen);
  const precisions = new Array<number>(settings.maxNgramOrder).fill(0);
  const ratio = refLen ? sysLen / refLen : 0;
  const result = (score: number) => ({ score, counts: correct, totals: total, precisions, bp, sysLen, refLen, ratio });

  // No match at all scores 0 whatever the smoothing (sacreBLEU #141).
  if (!correct.some((count) => count !== 0)) return result(0);

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
    if (orderTotal === 0) break;
    if (settings.effectiveOrder) effectiveOrder = n;
    if (orderCorrect !== 0) {
      precisions[index] = (100 * orderCorrect) / orderTotal;
    } else if (settings.smoothMethod === 'exp') {
      smoothMteval *= 2;
      precisions[index] = 100 / (smoothMteval * orderTotal);
    } else if (settings.smoothMethod === 'floor') {
      precisions[index] = (100 * smoothValue) / orderTotal;
    }
  }
  const logSum = precisions.slice(0, effectiveOrder).reduce((sum, precision) => sum + flooredLog(precision), 0);
  return result(bp * Math.exp(logSum / effectiveOrder));
}

function smoothingField(settings: BleuSettings): string {
  const defaultValue = SMOOTH_DEFAULTS[settings.smoothMethod];
  if (defaultValue === undefined) return settings.smoothMethod;
  return `${settings.smoothMethod}[${formatFixed(settings.smoothValue ?? defaultValue, 2)}]`;
}

function bleuSignatureFor(settings: BleuSettings, nrefs: ReferenceCount): string {
  return formatSignature(nrefs, [
    caseField(settings.lowercase),
    ['eff', yesNo(settings.effectiveOrder)],
    ['tok', settings.tokenize],
    ['smooth', smoothingField(settings)],
  ]);
}

/** The signature sacreBLEU prints for these options, e.g. `nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0`. */
export function bleuSignature(options: BleuOptions = {}, nrefs: ReferenceCount = 1): string {
  return bleuSignatureFor(resolveSettings(options, false), nrefs);
}

function scoreSegments(hypotheses: readonly string[], references: ReferenceStreams, settings: BleuSettings): BleuScore {
  const grouped = groupReferencesBySegment(hypotheses.length, references);
  const order = settings.maxNgramOrder;
  const zero: BleuStatistics = {
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
export function corpusBleu(
  hypotheses: readonly string[],
  references: ReferenceStreams,
  options: BleuOptions = {},
): BleuScore {
  return scoreSegments(hypotheses, references, resolveSettings(options, false));
}

/** `BLEU(effective_order=True).sentence_score(hypothesis, references)`: one segment, any number of references. */
export function sentenceBleu(hypothesis: string, references: readonly string[], options: BleuOptions = {}): BleuScore {
  return scoreSegments([hypothesis], sentenceReferenceStreams(references), resolveSettings(options, true));
}
