/**
 * The rules a pair must pass to be worth sending to Amazon Translate as parallel data. Each rule
 * that fails is counted by reason, so a report can say what was left out and why.
 */
import { foldLineBreaks } from './fold.js';
import { hasTextOutsideProtected } from './protectedMarkdown.js';
import { REWRITE_REASONS, SKIP_REASONS, zeroCounts } from './types.js';
import type { LanguagePair, ParallelDataFormat, RewriteReason, SentencePair, SkipReason } from './types.js';

/** Amazon Translate silently ignores parallel data fields longer than this (UTF-8 bytes). */
export const MAX_FIELD_BYTES = 1000;

/** Control characters other than tab and line breaks, and lone surrogates (not valid UTF-8). */
const CONTROL_CHARACTER = /[^\P{Cc}\t\n\r]|\p{Cs}/u;
/** Spreadsheet formula starters; Amazon Translate rejects fields that begin with them, quoted or not. */
const FORMULA_PREFIX = /^[+\-=@]/u;

/**
 * The same text whether or not its line breaks were folded yet: whitespace runs count as
 * one space, and none at all between two CJK characters.
 */
function comparableText(source: string): string {
  const spaced = source.replace(/\s+/gu, ' ');
  if (!HAS_CJK.test(spaced)) return spaced.trim();
  return spaced
    .replace(
      /(?<=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]) (?=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])/gu,
      '',
    )
    .trim();
}

function withoutWhitespace(text: string): string {
  return text.replace(/\s+/gu, '');
}

const HAS_CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

type PairRule = readonly [SkipReason, (pair: SentencePair) => boolean];

const eitherSide =
  (test: (field: string) => boolean) =>
  (pair: SentencePair): boolean =>
    test(pair.source) || test(pair.target);

/** Rules about what a pair says, whatever file it ends up in. */
export const CONTENT_RULES: readonly PairRule[] = [
  ['empty', eitherSide((field) => field.trim() === '')],
  ['control-character', eitherSide((field) => CONTROL_CHARACTER.test(field))],
  // The first visible characters, then the text without any white space, rule out nearly every pair cheaply:
  // comparableText only changes white space.
  [
    'identical',
    (pair) =>
      pair.source.trimStart()[0] === pair.target.trimStart()[0] &&
      withoutWhitespace(pair.source) === withoutWhitespace(pair.target) &&
      comparableText(pair.source) === comparableText(pair.target),
  ],
  ['no-text', eitherSide((field) => !hasTextOutsideProtected(field))],
];

/** Rules Amazon Translate imposes on the fields of a parallel data file. */
export const FILE_RULES: readonly PairRule[] = [
  ['formula-prefix', eitherSide((field) => FORMULA_PREFIX.test(field))],
  ['too-long', eitherSide((field) => mayExceedBytes(field) && Buffer.byteLength(field, 'utf8') > MAX_FIELD_BYTES)],
];

/** A UTF-16 unit takes at most 3 UTF-8 bytes (a surrogate pair 4 for two units). */
function mayExceedBytes(field: string): boolean {
  return 3 * field.length > MAX_FIELD_BYTES;
}

export interface ScreenResult {
  readonly pairs: SentencePair[];
  readonly skipped: Record<SkipReason, number>;
  readonly rewritten: Record<RewriteReason, number>;
}

export function emptyScreenResult(): ScreenResult {
  return { pairs: [], skipped: zeroCounts(SKIP_REASONS), rewritten: zeroCounts(REWRITE_REASONS) };
}

/**
 * Puts a pair on one line, as every format needs: line breaks folded per language, tabs (which
 * TSV cannot hold) turned into spaces. Returns what had to change.
 */
function normalizePair(
  pair: SentencePair,
  languages: LanguagePair,
  format: ParallelDataFormat,
): { pair: SentencePair; rewrites: RewriteReason[] } {
  const rewrites = new Set<RewriteReason>();
  const normalize = (field: string, language: string): string => {
    // Aligned sentences arrive folded already; only other sources still hold line breaks.
    const hasLineBreak = field.includes('\n') || field.includes('\r');
    if (hasLineBreak && /[\r\n]/u.test(field.trim())) rewrites.add('line-break');
    const folded = hasLineBreak ? foldLineBreaks(field, language) : field.trim();
    if (format !== 'tsv' || !folded.includes('\t')) return folded;
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
export function keepBestPerSource(pairs: readonly SentencePair[], skipped: Record<SkipReason, number>): SentencePair[] {
  const bestBySource = new Map<string, SentencePair>();
  for (const pair of pairs) {
    const key = comparableText(pair.source);
    const kept = bestBySource.get(key);
    if (kept !== undefined) skipped.duplicate += 1;
    if (kept === undefined || pair.confidence > kept.confidence) bestBySource.set(key, pair);
  }
  return [...bestBySource.values()];
}

/** Applies `rules` in order; the first that fails decides the reason a pair is skipped. */
export function applyRules(pairs: readonly SentencePair[], rules: readonly PairRule[], result: ScreenResult): void {
  for (const pair of pairs) {
    const failed = rules.find(([, fails]) => fails(pair));
    if (failed) result.skipped[failed[0]] += 1;
    else result.pairs.push(pair);
  }
}

/** Every rule, for pairs about to be written in `format`. */
export function screenForFile(
  pairs: readonly SentencePair[],
  languages: LanguagePair,
  format: ParallelDataFormat,
): ScreenResult {
  const screened = emptyScreenResult();
  const rewritesByPair = new Map<SentencePair, RewriteReason[]>();
  const normalized = pairs.map((pair) => {
    const { pair: onOneLine, rewrites } = normalizePair(pair, languages, format);
    rewritesByPair.set(onOneLine, rewrites);
    return onOneLine;
  });
  applyRules(normalized, [...CONTENT_RULES, ...FILE_RULES], screened);
  const kept = keepBestPerSource(screened.pairs, screened.skipped);
  // Only pairs that reach the file count as rewritten; the others are already counted as skipped.
  for (const pair of kept) for (const reason of rewritesByPair.get(pair) ?? []) screened.rewritten[reason] += 1;
  return { ...screened, pairs: kept };
}
