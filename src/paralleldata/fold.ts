import { isUnspacedLanguage } from './languages.js';

const UNSPACED_CHARACTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u;

/**
 * Folds the line breaks of Markdown source text into a single line, as a reader sees it rendered:
 * one space, except between two Chinese or Japanese characters in those languages, where a line
 * break stands for nothing. Leading and trailing whitespace goes too.
 */
export function foldLineBreaks(text: string, language: string): string {
  const unspaced = isUnspacedLanguage(language);
  return text
    .replace(/[^\S\r\n]*(?:\r\n|\r|\n)\s*/gu, (lineBreak, offset: number, whole: string) => {
      if (!unspaced) return ' ';
      const before = whole[offset - 1] ?? '';
      const after = whole[offset + lineBreak.length] ?? '';
      return UNSPACED_CHARACTER.test(before) && UNSPACED_CHARACTER.test(after) ? '' : ' ';
    })
    .trim();
}
