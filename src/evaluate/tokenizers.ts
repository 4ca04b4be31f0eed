/**
 * Ports of sacreBLEU 2.6.0's `13a`, `zh` and `none` tokenizers (sacrebleu/tokenizers/tokenizer_13a.py,
 * tokenizer_zh.py, tokenizer_re.py, tokenizer_none.py). BLEU is only comparable with sacreBLEU when the
 * tokens are the same, so every step, including the odd ones, follows the Python source.
 */
import { codePoints, splitOnWhitespace, stripWhitespace } from './pythonText.js';

export const TOKENIZER_NAMES = ['13a', 'zh', 'none'] as const;
export type TokenizerName = (typeof TOKENIZER_NAMES)[number];

export function isTokenizerName(name: string): name is TokenizerName {
  return (TOKENIZER_NAMES as readonly string[]).includes(name);
}

/**
 * sacreBLEU's TokenizerRegexp, shared by `13a` and `zh`. The first class is the mteval-v13a punctuation set
 * `[\{-\~\[-\` -\&\(-\+\:-\@\/]`, written with hex escapes because the `u` flag rejects most of those escapes.
 */
const MTEVAL_RULES: readonly (readonly [RegExp, string])[] = [
  [/([\x7b-\x7e\x5b-\x60\x20-\x26\x28-\x2b\x3a-\x40\x2f])/gu, ' $1 '],
  // period and comma split off unless preceded by a digit
  [/([^0-9])([.,])/gu, '$1 $2 '],
  // period and comma split off unless followed by a digit
  [/([.,])([^0-9])/gu, ' $1 $2'],
  // dash split off when preceded by a digit
  [/([0-9])(-)/gu, '$1 $2 '],
];

function applyMtevalRules(line: string): string {
  let tokenized = line;
  for (const [pattern, replacement] of MTEVAL_RULES) {
    tokenized = tokenized.replace(pattern, replacement);
  }
  return splitOnWhitespace(tokenized).join(' ');
}

export function tokenize13a(line: string): string {
  let text = line.replaceAll('<skipped>', '').replaceAll('-\n', '').replaceAll('\n', ' ');
  if (text.includes('&')) {
    text = text.replaceAll('&quot;', '"').replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>');
  }
  // The padding spaces matter: they let a leading "." or "," be split off by the second rule.
  return applyMtevalRules(` ${text} `);
}

/**
 * TokenizerZh's `_UCODE_RANGES`, as the Python code actually evaluates them. The source writes two ranges as
 * `u'\u20000'`–`u'\u2a6d6'` and `u'\u2f800'`–`u'\u2fa1d'` meaning Extension B and the Compatibility Supplement,
 * but `\u` takes four hex digits, so those are two-character strings and the one-character comparison
 * `start <= char <= end` holds for U+2001–U+2A6D and U+2F81–U+2FA1. That widening reaches general punctuation
 * (curly quotes, dashes, ellipsis), arrows and maths symbols, which sacreBLEU therefore splits off like
 * Chinese characters; matching its scores means keeping it.
 */
const ZH_CHARACTER_RANGES: readonly (readonly [number, number])[] = [
  [0x3400, 0x4db5],
  [0x4e00, 0x9fa5],
  [0x9fa6, 0x9fbb],
  [0xf900, 0xfa2d],
  [0xfa30, 0xfa6a],
  [0xfa70, 0xfad9],
  [0x2001, 0x2a6d],
  [0x2f81, 0x2fa1],
  [0xff00, 0xffef],
  [0x2e80, 0x2eff],
  [0x3000, 0x303f],
  [0x31c0, 0x31ef],
  [0x2f00, 0x2fdf],
  [0x2ff0, 0x2fff],
  [0x3100, 0x312f],
  [0x31a0, 0x31bf],
  [0xfe10, 0xfe1f],
  [0xfe30, 0xfe4f],
  [0x2600, 0x26ff],
  [0x2700, 0x27bf],
  [0x3200, 0x32ff],
  [0x3300, 0x33ff],
];

export function isZhTokenizerCharacter(character: string): boolean {
  const codePoint = character.codePointAt(0);
  if (codePoint === undefined) return false;
  return ZH_CHARACTER_RANGES.some(([start, end]) => codePoint >= start && codePoint <= end);
}

export function tokenizeZh(line: string): string {
  const spaced = codePoints(stripWhitespace(line))
    .map((character) => (isZhTokenizerCharacter(character) ? ` ${character} ` : character))
    .join('');
  return applyMtevalRules(spaced);
}

export function tokenizeNone(line: string): string {
  return line;
}

const TOKENIZERS: Readonly<Record<TokenizerName, (line: string) => string>> = {
  '13a': tokenize13a,
  zh: tokenizeZh,
  none: tokenizeNone,
};

export function tokenize(text: string, name: TokenizerName = '13a'): string {
  const tokenizer = TOKENIZERS[name];
  if (!tokenizer) {
    throw new Error(`Unknown tokenizer "${String(name)}": expected one of ${TOKENIZER_NAMES.join(', ')}`);
  }
  return tokenizer(text);
}

/**
 * sacreBLEU picks `zh` for a Chinese target and `13a` otherwise; it would pick MeCab for Japanese and Korean,
 * which this port does not have, so those fall back to `13a` too.
 */
export function tokenizerForLanguage(languageCode: string): TokenizerName {
  return languageCode.toLowerCase().split(/[-_]/)[0] === 'zh' ? 'zh' : '13a';
}
