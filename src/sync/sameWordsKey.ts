/** d2lbook's slide markers: `[**…**]`, `(**…**)` and `(~~…~~)` around words that go on the slides. */
const SLIDE_MARKER = /\[\*\*|\*\*\]|\(\*\*|\*\*\)|\(~~|~~\)/gu;

/**
 * English compared for whether a translation still holds: line wrapping aside, and without slide markers. Marking
 * words for the slides changes nothing a reader translates, and redrafting the sentence would throw away its human
 * translation; the markers reach the new origin file all the same, for the translators to mirror.
 */
export function sameWordsKey(text: string): string {
  // Both replacements copy the text; most sentences need neither, and every block of every version is keyed.
  const unmarked = text.includes('**') || text.includes('~~') ? text.replace(SLIDE_MARKER, '') : text;
  const folded = UNFOLDED_SPACE.test(unmarked) ? unmarked.replace(/\s+/gu, ' ') : unmarked;
  return folded.trim();
}

/** White space that folding changes: anything but a single space. */
const UNFOLDED_SPACE = /[^\S ]| {2}/u;
