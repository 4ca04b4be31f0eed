/**
 * Keeps the evaluated chapters out of the parallel data. Every sentence of an evaluated chapter, on either side, is
 * indexed; a training pair with one of them as a whole sentence of a field (fields hold one or more sentences joined
 * by a space, or by nothing in Chinese and Japanese) is removed, and the written file is checked again the same way.
 * "Whole sentence" means the match starts the field or follows a sentence end, and ends the field or ends with a
 * sentence end itself: a heading such as "Summary" shared by every chapter is a leak when it stands alone, but the
 * word "Summary" opening another sentence is not.
 */
import { blockSentences } from '../align/buildPairs.js';
import { isSpacelessLanguage } from '../align/language.js';
import type { ParsedDocument } from '../markdown/types.js';

/** Returns the first indexed sentence found inside `text`, if any. */
export type SentenceMatcher = (text: string) => string | undefined;

export interface SentenceIndex {
  readonly language: string;
  /** Distinct sentences with at least one letter. */
  readonly sentences: readonly string[];
  readonly find: SentenceMatcher;
}

const HAS_LETTER = /\p{L}/u;
const KEY_LENGTH = 4;

/** Sentences of every prose block of the documents; sentences without a letter teach no translation and are left out. */
export function indexSentences(documents: readonly ParsedDocument[], language: string): SentenceIndex {
  const sentences = new Set<string>();
  for (const document of documents) {
    for (const block of document.blocks) {
      for (const span of blockSentences(block, language)) if (HAS_LETTER.test(span.text)) sentences.add(span.text);
    }
  }
  const list = [...sentences];
  return { language, sentences: list, find: sentenceMatcher(list, language) };
}

/** Characters a sentence ends with, closing quotes and brackets included (they follow the terminator). */
const SENTENCE_END = /[.!?…。！？．"'”’)\]}」』）】》〉»*_`]$/u;

function startsSentence(text: string, index: number): boolean {
  return index === 0 || SENTENCE_END.test(text.slice(0, index).trimEnd());
}

function endsSentence(text: string, end: number, needle: string, spaceless: boolean): boolean {
  if (end === text.length) return true;
  if (!SENTENCE_END.test(needle)) return false;
  return spaceless || /\s/u.test(text.charAt(end));
}

/**
 * Finds needles that stand as whole sentences in a text. Needles are bucketed by their first characters, so each
 * position of the text costs one map lookup instead of one comparison per needle.
 */
export function sentenceMatcher(needles: readonly string[], language: string): SentenceMatcher {
  const spaceless = isSpacelessLanguage(language);
  const buckets = new Map<string, string[]>();
  for (const needle of needles) {
    const key = needle.slice(0, KEY_LENGTH);
    const bucket = buckets.get(key);
    if (bucket === undefined) buckets.set(key, [needle]);
    else bucket.push(needle);
  }
  const keyLengths = [...new Set([...buckets.keys()].map((key) => key.length))];
  const wholeSentenceAt = (text: string, index: number, needle: string): boolean =>
    text.startsWith(needle, index) &&
    startsSentence(text, index) &&
    endsSentence(text, index + needle.length, needle, spaceless);
  return (text) => {
    for (let index = 0; index < text.length; index += 1) {
      for (const length of keyLengths) {
        const found = buckets
          .get(text.slice(index, index + length))
          ?.find((needle) => wholeSentenceAt(text, index, needle));
        if (found !== undefined) return found;
      }
    }
    return undefined;
  };
}
