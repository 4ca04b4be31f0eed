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
      for (const character of token.source) {
        if (!/\p{L}/u.test(character)) continue;
        letters += 1;
        if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(character)) cjk += 1;
      }
    }
  }
  return letters === 0 ? 0 : cjk / letters;
}

function proseLetters(document: ParsedDocument): number {
  let letters = 0;
  for (const block of document.blocks)
    for (const token of block.tokens ?? []) if (token.kind === 'text') letters += token.source.length;
  return letters;
}

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}
