/**
 * Catches a chapter in the wrong language before it is aligned: a "translation" that is still the English text,
 * or an English side that is really the translation. Only words of prose count: code cells and inline code are
 * Latin in every edition of the book.
 */
import { isSpacelessLanguage } from '../align/language.js';
import type { ParsedDocument } from '../markdown/types.js';

const CJK_ONE = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]$/u;
const LATIN_ONE = /^\p{Script=Latin}$/u;

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
  const counts = { cjk: 0, latin: 0 };
  for (const block of document.blocks) {
    for (const token of block.kind === 'prose' ? (block.tokens ?? []) : []) {
      if (token.kind === 'text') countLetters(token.source, counts);
    }
  }
  return counts;
}

const UNKNOWN = 0;
const OTHER = 1;
const CJK = 2;
const LATIN = 3;
/** The script class of each basic-plane character met so far: a chapter has a million letters but few distinct ones. */
const basicPlaneScripts = new Uint8Array(0x10000);

function scriptOf(char: string): number {
  return CJK_ONE.test(char) ? CJK : LATIN_ONE.test(char) ? LATIN : OTHER;
}

function countLetters(text: string, counts: { cjk: number; latin: number }): void {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    const next = text.charCodeAt(index + 1);
    let script: number;
    if (code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      script = scriptOf(String.fromCodePoint(text.codePointAt(index) ?? code));
      index += 1;
    } else {
      script = basicPlaneScripts[code] ?? UNKNOWN;
      if (script === UNKNOWN) basicPlaneScripts[code] = script = scriptOf(String.fromCharCode(code));
    }
    if (script === CJK) counts.cjk += 1;
    else if (script === LATIN) counts.latin += 1;
  }
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
