import { isEscaped } from './isEscaped.js';

/**
 * Replaces every escaped dollar by an escaped percent sign for remark's eyes: micromark's math
 * construct, like a code span, closes at any `$` run of the opener's length, so `$\$10 \pm \$1$`
 * would become two formulas with text between them. `\%` keeps every offset, is still a backslash
 * escape outside math and, being punctuation like `$`, leaves emphasis flanking as it was.
 */
export function maskEscapedDollars(text: string): string {
  if (!text.includes('\\$')) return text;
  let out = '';
  let cursor = 0;
  for (let index = text.indexOf('\\$'); index !== -1; index = text.indexOf('\\$', index + 2)) {
    const dollar = index + 1;
    if (!isEscaped(text, dollar)) continue;
    out += text.slice(cursor, dollar) + '%';
    cursor = dollar + 1;
  }
  return out + text.slice(cursor);
}
