/**
 * A small translation lexicon learned from the confident one-to-one pairs of a first alignment pass (in the spirit
 * of Moore's aligner): source words and target character bigrams that keep occurring in the same pairs. The second
 * pass uses the entries as glossary evidence, which separates reordered or dropped sentences that lengths alone
 * cannot.
 */
import type { GlossaryEntry } from './glossary.js';

export interface LexiconObservation {
  /** The source sentence text. */
  readonly source: string;
  /** The target sentence text. */
  readonly target: string;
}

const MIN_PAIRS = 20;
const MIN_COOCCURRENCE = 3;
const MIN_DICE = 0.6;
/** Words in more than this share of pairs are function words (the, of, we): no single bigram translates them. */
const MAX_WORD_SHARE = 0.3;
const WORD = /[a-z][a-z-]{2,}/gu;
/** Han and kana: the characters a CJK lexicon entry is made of. */
function isLexiconCharacter(code: number): boolean {
  return (code >= 0x3400 && code <= 0x9fff) || (code >= 0x3040 && code <= 0x30ff);
}

export function learnLexicon(observations: readonly LexiconObservation[]): GlossaryEntry[] {
  if (observations.length < MIN_PAIRS) return [];
  const sides = observations.map((observation) => ({
    words: new Set(observation.source.toLowerCase().match(WORD) ?? []),
    bigrams: cjkBigrams(observation.target),
  }));
  const wordCounts = new Map<string, number>();
  const bigramCounts = new Map<number, number>();
  for (const side of sides) {
    for (const word of side.words) increment(wordCounts, word);
    for (const bigram of side.bigrams) increment(bigramCounts, bigram);
  }
  // Only items frequent enough to reach the co-occurrence floor can form an entry; counting pairs of the rest is waste.
  const bigramIds = new Map<number, number>();
  const bigramKeys: number[] = [];
  const sideBigrams = sides.map((side) => {
    const ids: number[] = [];
    for (const bigram of side.bigrams) {
      if ((bigramCounts.get(bigram) ?? 0) < MIN_COOCCURRENCE) continue;
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
  const wordSides = new Map<string, number[]>();
  sides.forEach((side, index) => {
    for (const word of side.words) {
      const count = wordCounts.get(word) ?? 0;
      if (count < MIN_COOCCURRENCE || count > MAX_WORD_SHARE * sides.length) continue;
      let occurrences = wordSides.get(word);
      if (occurrences === undefined) wordSides.set(word, (occurrences = []));
      occurrences.push(index);
    }
  });
  // One bigram per word, the most associated: more would count one word's evidence several times. Joint counts
  // go in one array reused word after word; ties go to the bigram met first.
  const joint = new Int32Array(bigramKeys.length);
  const met: number[] = [];
  const entries: GlossaryEntry[] = [];
  for (const [word, occurrences] of wordSides) {
    met.length = 0;
    for (const index of occurrences) {
      for (const id of sideBigrams[index] ?? []) {
        if (joint[id] === 0) met.push(id);
        joint[id] = (joint[id] ?? 0) + 1;
      }
    }
    const wordCount = wordCounts.get(word) ?? 0;
    let best: { bigram: number; dice: number } | undefined;
    for (const id of met) {
      const count = joint[id] ?? 0;
      joint[id] = 0;
      if (count < MIN_COOCCURRENCE) continue;
      const bigram = bigramKeys[id] ?? 0;
      const dice = (2 * count) / (wordCount + (bigramCounts.get(bigram) ?? 0));
      if (dice >= MIN_DICE && (best === undefined || dice > best.dice)) best = { bigram, dice };
    }
    if (best !== undefined) entries.push({ source: word, target: bigramText(best.bigram) });
  }
  return entries;
}

/** Lexicon characters lie in [LEXICON_FIRST, LEXICON_FIRST + LEXICON_SPAN): a bigram's number stays a small integer. */
const LEXICON_FIRST = 0x3040;
const LEXICON_SPAN = 0x9fff - LEXICON_FIRST + 1;

/** Each bigram as one small integer, no two-character string per position. */
function cjkBigrams(text: string): Set<number> {
  const bigrams = new Set<number>();
  for (let index = 0; index + 1 < text.length; index += 1) {
    const first = text.charCodeAt(index);
    const second = text.charCodeAt(index + 1);
    if (isLexiconCharacter(first) && isLexiconCharacter(second)) {
      bigrams.add((first - LEXICON_FIRST) * LEXICON_SPAN + (second - LEXICON_FIRST));
    }
  }
  return bigrams;
}

function bigramText(key: number): string {
  return String.fromCharCode(Math.floor(key / LEXICON_SPAN) + LEXICON_FIRST, (key % LEXICON_SPAN) + LEXICON_FIRST);
}

function increment<K>(counts: Map<K, number>, key: K): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}
