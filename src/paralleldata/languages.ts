/**
 * Language codes as they appear in parallel data headers and TMX `xml:lang` attributes, matched
 * against the codes Amazon Translate uses (`zh` is Simplified Chinese, `zh-TW` Traditional).
 */

const CHINESE_ALIASES: Readonly<Record<string, string>> = {
  'zh-cn': 'zh',
  'zh-sg': 'zh',
  'zh-hans': 'zh',
  'zh-hans-cn': 'zh',
  'zh-hk': 'zh-tw',
  'zh-hant': 'zh-tw',
  'zh-hant-tw': 'zh-tw',
  'zh-hant-hk': 'zh-tw',
};

export function canonicalLanguage(code: string): string {
  const lower = code.trim().toLowerCase().replace(/_/gu, '-');
  return CHINESE_ALIASES[lower] ?? lower;
}

export function baseLanguage(code: string): string {
  return canonicalLanguage(code).split('-')[0] ?? '';
}

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
  return /^[a-z]{2,3}(?:[-_][a-z0-9]{2,8})*$/iu.test(text.trim());
}

/** Languages written without spaces between words. */
export function isUnspacedLanguage(code: string): boolean {
  return ['zh', 'ja'].includes(baseLanguage(code));
}
