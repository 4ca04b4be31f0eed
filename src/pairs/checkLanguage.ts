/**
 * Catches a chapter in the wrong language before it is aligned: a "translation" that is still the English text,
 * or an English side that is really the translation. Only words of prose count: code cells and inline code are
 * Latin in every edition of the book.
 */
import { isSpacelessLanguage } from '../align/language.js';
import type { ParsedDocument } from '../markdown/types.js';

const CJK_LETTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const LATIN_LETTER = /\p{Script=Latin}/gu;

/**
 * Chinese prose keeps English terms in parentheses, so a real zh chapter can have well under half CJK letters;
 * English chapters quote a few Chinese names at most. Measured on d2l-zh: every translated chapter ≥ 0.6, every original 0.
 */
const MIN_CJK_SHARE_FOR_CJK_LANGUAGE = 0.3;
const MAX_CJK_SHARE_FOR_OTHER_LANGUAGE = 0.5;

export interface ProseLetters {
  readonly cjk: number;
  readonly latin: number;
}

export function proseLetters(document: ParsedDocument): ProseLetters {
  let cjk = 0;
  let latin = 0;
  for (const block of document.blocks) {
    for (const token of block.kind === 'prose' ? (block.tokens ?? []) : []) {
      if (token.kind !== 'text') continue;
      cjk += token.source.match(CJK_LETTER)?.length ?? 0;
      latin += token.source.match(LATIN_LETTER)?.length ?? 0;
    }
  }
  return { cjk, latin };
}

/** Why the prose cannot be in `language`, or undefined when it can. */
export function wrongLanguage(letters: ProseLetters, language: string): string | undefined {
  const total = letters.cjk + letters.latin;
  if (total === 0) return undefined;
  const share = letters.cjk / total;
  const percent = `${Math.round(share * 100)}% of its prose letters are CJK`;
  if (isSpacelessLanguage(language)) {
    return share < MIN_CJK_SHARE_FOR_CJK_LANGUAGE ? `is mostly Latin letters, not ${language} (${percent})` : undefined;
  }
  return share > MAX_CJK_SHARE_FOR_OTHER_LANGUAGE ? `is mostly CJK, not ${language} (${percent})` : undefined;
}
