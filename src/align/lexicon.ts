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
  let targetChars = 0;
  for (const observation of observations) targetChars += observation.target.length;
  const bigramCounts = new BigramCounts(targetChars);
  const sides = observations.map((observation, index) => ({
    words: new Set(observation.source.toLowerCase().match(WORD) ?? []),
    bigrams: bigramCounts.addDistinct(observation.target, index),
  }));
  const wordCounts = new Map<string, number>();
  for (const side of sides) for (const word of side.words) wordCounts.set(word, (wordCounts.get(word) ?? 0) + 1);
  // Only items frequent enough to reach the co-occurrence floor can form an entry; counting pairs of the rest is waste.
  const bigramIds = new Map<number, number>();
  const bigramKeys: number[] = [];
  const sideBigrams = sides.map((side) => {
    const ids: number[] = [];
    for (const bigram of side.bigrams) {
      if (bigramCounts.count(bigram) < MIN_COOCCURRENCE) continue;
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
      const dice = (2 * count) / (wordCount + bigramCounts.count(bigram));
      if (dice >= MIN_DICE && (best === undefined || dice > best.dice)) best = { bigram, dice };
    }
    if (best !== undefined) entries.push({ source: word, target: bigramText(best.bigram) });
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
  private readonly keys: Int32Array;
  private readonly counts: Int32Array;
  /** The last observation that counted the bigram, so that each observation counts it once. */
  private readonly lastObservation: Int32Array;
  private readonly shift: number;

  constructor(maxDistinct: number) {
    let bits = 4;
    while (1 << bits < 2 * maxDistinct) bits += 1;
    this.keys = new Int32Array(1 << bits).fill(EMPTY);
    this.counts = new Int32Array(1 << bits);
    this.lastObservation = new Int32Array(1 << bits).fill(-1);
    this.shift = 32 - bits;
  }

  /** Counts the distinct bigrams of `text` for observation `index`; returns them in order of first occurrence. */
  addDistinct(text: string, index: number): number[] {
    const distinct: number[] = [];
    for (let position = 0; position + 1 < text.length; position += 1) {
      const first = text.charCodeAt(position);
      const second = text.charCodeAt(position + 1);
      if (!isLexiconCharacter(first) || !isLexiconCharacter(second)) continue;
      const bigram = (first - LEXICON_FIRST) * LEXICON_SPAN + (second - LEXICON_FIRST);
      const slot = this.slotOf(bigram);
      if (this.lastObservation[slot] === index) continue;
      this.keys[slot] = bigram;
      this.lastObservation[slot] = index;
      this.counts[slot] = (this.counts[slot] ?? 0) + 1;
      distinct.push(bigram);
    }
    return distinct;
  }

  count(bigram: number): number {
    return this.counts[this.slotOf(bigram)] ?? 0;
  }

  /** The bigram's slot, or the empty slot where it would go. */
  private slotOf(bigram: number): number {
    const mask = this.keys.length - 1;
    for (let slot = Math.imul(bigram, 0x9e3779b1) >>> this.shift; ; slot = (slot + 1) & mask) {
      const key = this.keys[slot];
      if (key === bigram || key === EMPTY) return slot;
    }
  }
}

/** No bigram is negative. */
const EMPTY = -1;

function bigramText(key: number): string {
  return String.fromCharCode(Math.floor(key / LEXICON_SPAN) + LEXICON_FIRST, (key % LEXICON_SPAN) + LEXICON_FIRST);
}
