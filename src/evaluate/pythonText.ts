/**
 * sacreBLEU splits and strips with Python's `str.split()` / `str.strip()`, whose whitespace is `str.isspace()`.
 * JavaScript's `\s` differs (it includes U+FEFF and leaves out U+001C–U+001F and U+0085), and the difference
 * changes token counts, so scoring uses this set instead.
 */
const PYTHON_WHITESPACE =
  '\\t\\n\\x0b\\x0c\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';

const WHITESPACE_RUN = new RegExp(`[${PYTHON_WHITESPACE}]+`, 'u');
const LEADING_WHITESPACE = new RegExp(`^[${PYTHON_WHITESPACE}]+`, 'u');
const TRAILING_WHITESPACE = new RegExp(`[${PYTHON_WHITESPACE}]+$`, 'u');

/** Python's `text.split()`: runs of whitespace separate words, and no word is empty. */
export function splitOnWhitespace(text: string): string[] {
  return text.split(WHITESPACE_RUN).filter((word) => word !== '');
}

/** Python's `text.rstrip()`. */
export function stripTrailingWhitespace(text: string): string {
  return text.replace(TRAILING_WHITESPACE, '');
}

/** Python's `text.strip()`. */
export function stripWhitespace(text: string): string {
  return stripTrailingWhitespace(text.replace(LEADING_WHITESPACE, ''));
}

/** Python's `''.join(text.split())`: chrF's character n-grams ignore whitespace. */
export function removeWhitespace(text: string): string {
  return splitOnWhitespace(text).join('');
}

/**
 * Python indexes strings by code point, JavaScript by UTF-16 unit: characters outside the BMP (emoji, CJK
 * Extension B) must count as one character, as they do in sacreBLEU.
 */
export function codePoints(text: string): string[] {
  return Array.from(text);
}

/**
 * Python's `f'{value:.{digits}f}'`. Both languages round the exact binary value, but on an exact tie
 * (0.125 to two places) Python rounds half to even where `toFixed` rounds away from zero.
 */
export function formatFixed(value: number, digits: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  // toFixed drops the sign of negative zero; Python keeps it.
  const rounded = Object.is(value, -0) ? `-${(0).toFixed(digits)}` : value.toFixed(digits);
  if (Math.abs(value) >= 1e21) return rounded;
  const exact = value.toFixed(100);
  const cut = exact.indexOf('.') + (digits === 0 ? 0 : digits + 1);
  const isTie = /^50*$/.test(exact.slice(cut).replace('.', ''));
  if (!isTie) return rounded;
  const truncated = exact.slice(0, cut);
  const lastDigit = Number(truncated.replace(/\D/g, '').slice(-1));
  return lastDigit % 2 === 0 ? truncated : rounded;
}
