/**
 * Whether the character at `index` is backslash-escaped: an odd run of backslashes stands right
 * before it (in `\\$` the backslash is the escaped one and the dollar is not). Pandoc and d2lbook
 * read `\$` this way inside math as well as outside, so a `\$` never opens or closes math.
 */
export function isEscaped(value: string, index: number): boolean {
  let backslashes = 0;
  while (index - backslashes > 0 && value.charCodeAt(index - backslashes - 1) === 92) backslashes += 1;
  return backslashes % 2 === 1;
}
