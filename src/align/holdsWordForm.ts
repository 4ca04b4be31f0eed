/**
 * Whether a segment's Latin words hold `word`, plurals folded too: a target's kept `GPU` finds the source's
 * `GPUs`, `class` finds `classes`. A segment has a few dozen words, so comparing lengths and ends beats building a
 * set of forms for each.
 */
export function holdsWordForm(words: readonly string[], word: string): boolean {
  for (const candidate of words) {
    if (candidate === word) return true;
    const extra = candidate.length - word.length;
    if (
      ((extra === 1 && candidate.endsWith('s')) || (extra === 2 && candidate.endsWith('es'))) &&
      candidate.startsWith(word)
    )
      return true;
  }
  return false;
}
