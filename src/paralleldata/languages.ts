/**
 * Language codes as they appear in parallel data headers and TMX `xml:lang` attributes, matched against the codes
 * Amazon Translate uses (`zh` is Simplified Chinese, `zh-TW` Traditional). The spellings themselves live in
 * src/language/codes.ts, the one list of languages.
 */
import { baseLanguage, canonicalLanguage, isSpacelessLanguage, LANGUAGE_TAG_SHAPE } from '../language/codes.js';

export { baseLanguage, canonicalLanguage };

/**
 * 2 for the same language, 1 when one side only adds a region (`pt` ~ `pt-BR`), 0 otherwise.
 * Chinese scripts never match each other: Simplified and Traditional are different targets.
 */
export function languageMatch(code: string, wanted: string): number {
  const canonicalCode = canonicalLanguage(code);
  const canonicalWanted = canonicalLanguage(wanted);
  if (canonicalCode === canonicalWanted) return 2;
  if (baseLanguage(code) !== baseLanguage(wanted) || baseLanguage(code) === 'zh') return 0;
  return canonicalCode.includes('-') && canonicalWanted.includes('-') ? 0 : 1;
}

/** Index of the best-matching code, or undefined when none matches. */
export function findLanguage(codes: readonly string[], wanted: string): number | undefined {
  let best: number | undefined;
  let bestScore = 0;
  codes.forEach((code, index) => {
    const score = languageMatch(code, wanted);
    if (score > bestScore) {
      best = index;
      bestScore = score;
    }
  });
  return best;
}

export function looksLikeLanguageCode(text: string): boolean {
  return LANGUAGE_TAG_SHAPE.test(text.trim());
}

/** Languages written without spaces between words. */
export function isUnspacedLanguage(code: string): boolean {
  return isSpacelessLanguage(code);
}
