/**
 * Which script a text is written in, by counting letters: CJK (Han, kana, Hangul) against Latin. Enough to catch
 * a language flag that cannot match the text (`--to es` on a Chinese book, a "translation" that is still English)
 * before anything is aligned, drafted or written.
 */
import { isCjkScriptLanguage } from './codes.js';

export interface ScriptLetters {
  readonly cjk: number;
  readonly latin: number;
}

const CJK_ONE = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]$/u;
const LATIN_ONE = /^\p{Script=Latin}$/u;

const UNKNOWN = 0;
const OTHER = 1;
const CJK = 2;
const LATIN = 3;
/** The script class of each basic-plane character met so far: a book has millions of letters but few distinct ones. */
const basicPlaneScripts = new Uint8Array(0x10000);

function scriptOf(char: string): number {
  return CJK_ONE.test(char) ? CJK : LATIN_ONE.test(char) ? LATIN : OTHER;
}

/** Adds the CJK and Latin letters of `text` to `counts`. */
export function countScriptLetters(text: string, counts: { cjk: number; latin: number }): void {
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

/** Share of CJK letters among CJK and Latin ones; undefined when the text has neither. */
export function cjkShare(letters: ScriptLetters): number | undefined {
  const total = letters.cjk + letters.latin;
  return total === 0 ? undefined : letters.cjk / total;
}

/**
 * Chinese prose keeps English terms in parentheses, so a real zh chapter can have well under half CJK letters;
 * English chapters quote a few Chinese names at most. Measured on d2l-zh: every translated chapter ≥ 0.6, every
 * original 0.
 */
const MIN_CJK_SHARE_FOR_CJK_LANGUAGE = 0.3;
const MAX_CJK_SHARE_FOR_OTHER_LANGUAGE = 0.5;

/** Why text with these letters cannot be in `language`, or undefined when it can. */
export function wrongScript(letters: ScriptLetters, language: string): string | undefined {
  const share = cjkShare(letters);
  if (share === undefined) return undefined;
  const percent = `${Math.round(share * 100)}% of its prose letters are CJK`;
  if (isCjkScriptLanguage(language))
    return share < MIN_CJK_SHARE_FOR_CJK_LANGUAGE ? `is mostly Latin letters, not ${language} (${percent})` : undefined;
  return share > MAX_CJK_SHARE_FOR_OTHER_LANGUAGE ? `is mostly CJK, not ${language} (${percent})` : undefined;
}

/** Fenced code, inline code and math: Latin in every edition of a book, so they would only blur the count. */
const NOT_PROSE =
  /^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$|\$\$[\s\S]*?\$\$|`[^`\n]*`|\$[^$\n]*\$|\]\([^)\n]*\)|<[^>\n]*>/gmu;

/** CJK and Latin letters of a Markdown text's prose, without parsing it (code, math, link targets and tags left out). */
export function markdownScriptLetters(markdown: string, counts: { cjk: number; latin: number }): void {
  countScriptLetters(markdown.replace(NOT_PROSE, ' '), counts);
}
