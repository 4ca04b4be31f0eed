/**
 * UTF-16 units of `text` that are not white space in the sense of a regular expression's `\s`: the length of
 * `text.replace(/\s+/gu, '')` without building that string.
 */
export function countNonWhitespace(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index += 1) if (!isWhitespaceCode(text.charCodeAt(index))) count += 1;
  return count;
}

/** `\s`: ECMAScript's WhiteSpace and LineTerminator code points, all in the Basic Multilingual Plane. */
export function isWhitespaceCode(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 160) return false;
  return (
    code === 160 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}
