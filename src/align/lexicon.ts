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
  const bigramCounts = new Map<string, number>();
  for (const side of sides) {
    for (const word of side.words) increment(wordCounts, word);
    for (const bigram of side.bigrams) increment(bigramCounts, bigram);
  }
  // Only items frequent enough to reach the co-occurrence floor can form an entry; counting pairs of the rest is waste.
  // Bigrams are counted by number: the joint counts take one update per word and bigram of every pair.
  const bigramIds = new Map<string, number>();
  const bigramTexts: string[] = [];
  const jointCounts = new Map<string, Map<number, number>>();
  for (const side of sides) {
    const bigrams: number[] = [];
    for (const bigram of side.bigrams) {
      if ((bigramCounts.get(bigram) ?? 0) < MIN_COOCCURRENCE) continue;
      let id = bigramIds.get(bigram);
      if (id === undefined) {
        id = bigramTexts.push(bigram) - 1;
        bigramIds.set(bigram, id);
      }
      bigrams.push(id);
    }
    for (const word of side.words) {
      const count = wordCounts.get(word) ?? 0;
      if (count < MIN_COOCCURRENCE || count > MAX_WORD_SHARE * sides.length) continue;
      let joint = jointCounts.get(word);
      if (joint === undefined) jointCounts.set(word, (joint = new Map()));
      for (const bigram of bigrams) joint.set(bigram, (joint.get(bigram) ?? 0) + 1);
    }
  }
  // One bigram per word, the most associated: more would count one word's evidence several times.
  const entries: GlossaryEntry[] = [];
  for (const [word, joint] of jointCounts) {
    const wordCount = wordCounts.get(word) ?? 0;
    let best: { bigram: string; dice: number } | undefined;
    for (const [bigramId, count] of joint) {
      if (count < MIN_COOCCURRENCE) continue;
      const bigram = bigramTexts[bigramId] ?? '';
      const dice = (2 * count) / (wordCount + (bigramCounts.get(bigram) ?? 0));
      if (dice >= MIN_DICE && (best === undefined || dice > best.dice)) best = { bigram, dice };
    }
    if (best !== undefined) entries.push({ source: word, target: best.bigram });
  }
  return entries;
}

function cjkBigrams(text: string): Set<string> {
  const bigrams = new Set<string>();
  for (let index = 0; index + 1 < text.length; index += 1) {
    if (isLexiconCharacter(text.charCodeAt(index)) && isLexiconCharacter(text.charCodeAt(index + 1))) {
      bigrams.add(text.slice(index, index + 2));
    }
  }
  return bigrams;
}

function increment(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}
