/**
 * Script facts the splitter and the aligner share. Languages are BCP-47 tags (`en`, `zh`, `zh-TW`, `ja`, `es` …);
 * only the primary subtag matters here. Which languages are spaceless is decided in src/language/codes.ts, the one
 * list of languages.
 */
export { isSpacelessLanguage } from '../language/codes.js';

export function primaryLanguage(language: string): string {
  return language.toLowerCase().split(/[-_]/)[0] ?? '';
}

/** Han, kana, Hangul and full-width punctuation: characters that join without a space in CJK text. */
const CJK_CHARACTER = /[\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF\u3000-\u303F]/u;

export function isCjkCharacter(character: string | undefined): boolean {
  return character !== undefined && CJK_CHARACTER.test(character);
}
