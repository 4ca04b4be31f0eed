/** Sentences compare equal when only their white space (line wrapping) differs. */
export function sentenceKey(text: string): string {
  // Most sentences have single spaces only: the replacement would copy them unchanged.
  return (UNFOLDED_SPACE.test(text) ? text.replace(/\s+/gu, ' ') : text).trim();
}

/** White space that folding changes: anything but a single space. */
const UNFOLDED_SPACE = /[^\S ]| {2}/u;
