/**
 * Catches a chapter in the wrong language before it is aligned: a "translation" that is still the English text,
 * or an English side that is really the translation. Only words of prose count: code cells and inline code are
 * Latin in every edition of the book.
 */
import { countScriptLetters, wrongScript, type ScriptLetters } from '../language/scriptShare.js';
import type { ParsedDocument } from '../markdown/types.js';

export type ProseLetters = ScriptLetters;

export function proseLetters(document: ParsedDocument): ProseLetters {
  const counts = { cjk: 0, latin: 0 };
  for (const block of document.blocks) {
    for (const token of block.kind === 'prose' ? (block.tokens ?? []) : []) {
      if (token.kind === 'text') countScriptLetters(token.source, counts);
    }
  }
  return counts;
}

/** Why the prose cannot be in `language`, or undefined when it can. */
export function wrongLanguage(letters: ProseLetters, language: string): string | undefined {
  return wrongScript(letters, language);
}
