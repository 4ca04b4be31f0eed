/** Sentences compare equal when only their white space (line wrapping) differs. */
export function sentenceKey(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}
