import type { UnitAlignment } from '../align/buildPairs.js';
import { isSpacelessLanguage } from '../align/language.js';
import type { ParsedDocument } from '../markdown/types.js';

/**
 * Reasons not to touch a chapter at all: a translation with merge-conflict markers, an "old
 * English" that is not in the source language, a translation that does not correspond to it.
 * Returns the problem, or undefined when the chapter can be synced safely.
 */
export function checkChapter(
  oldEnglish: ParsedDocument,
  target: ParsedDocument,
  alignment: UnitAlignment,
  sourceLanguage: string,
  targetLanguage: string,
): string | undefined {
  const conflict = /^(?:<{7}|>{7})(?: |$)/m.exec(target.text);
  if (conflict)
    return `has unresolved merge-conflict markers at line ${lineOf(target.text, conflict.index)}; resolve them first`;
  const sourceShare = cjkShare(oldEnglish);
  if (!isSpacelessLanguage(sourceLanguage) && sourceShare > 0.3) {
    return `its old English (${oldEnglish.path}) is mostly CJK text, not ${sourceLanguage}`;
  }
  if (
    isSpacelessLanguage(targetLanguage) &&
    !isSpacelessLanguage(sourceLanguage) &&
    proseLetters(target) > 200 &&
    cjkShare(target) < 0.2
  ) {
    return `the translation is not in ${targetLanguage} (almost no CJK text)`;
  }
  const sourceCount = alignment.sourceSentences.length;
  const targetCount = alignment.targetSentences.length;
  const confident = alignment.beads.filter(
    (bead) =>
      bead.sourceEnd > bead.sourceStart && bead.targetEnd > bead.targetStart && bead.confidence >= CONFIDENT_BEAD,
  );
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

function cjkShare(document: ParsedDocument): number {
  let letters = 0;
  let cjk = 0;
  for (const block of document.blocks) {
    for (const token of block.tokens ?? []) {
      if (token.kind !== 'text') continue;
      const text = token.source;
      for (let index = 0; index < text.length; index += 1) {
        const kind = letterKind(text, index);
        if ((kind & IS_LETTER) !== 0) letters += 1;
        if ((kind & IS_CJK) !== 0) cjk += 1;
        // A character outside the basic plane takes two code units.
        if ((kind & IS_WIDE) !== 0) index += 1;
      }
    }
  }
  return letters === 0 ? 0 : cjk / letters;
}

/** Bits of letterKind. */
export const IS_LETTER = 1;
export const IS_CJK = 2;
export const IS_WIDE = 4;

/**
 * The character at `index` as `\p{L}` and the CJK scripts tell (IS_CJK only with IS_LETTER; IS_WIDE for a
 * surrogate pair): ASCII and the CJK Unified Ideographs, the bulk of either language, by their code; the rest by
 * the regular expressions, which cost a string and two matches a character.
 */
export function letterKind(text: string, index: number): number {
  const code = text.charCodeAt(index);
  if (code < 0x80) return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) ? IS_LETTER : 0;
  if (code >= 0x4e00 && code <= 0x9fff) return IS_LETTER | IS_CJK;
  const point = text.codePointAt(index) ?? code;
  const character = String.fromCodePoint(point);
  const wide = point > 0xffff ? IS_WIDE : 0;
  if (!LETTER.test(character)) return wide;
  return (CJK.test(character) ? IS_LETTER | IS_CJK : IS_LETTER) | wide;
}

const LETTER = /\p{L}/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

function proseLetters(document: ParsedDocument): number {
  let letters = 0;
  for (const block of document.blocks)
    for (const token of block.tokens ?? []) if (token.kind === 'text') letters += token.source.length;
  return letters;
}

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}
