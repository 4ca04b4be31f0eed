/**
 * Glossary lookup for alignment evidence: which entries a sentence mentions, on either side. Entries are indexed
 * by first word (source) and first two characters (target) so a sentence is scanned once, not once per entry.
 */

export interface GlossaryEntry {
  readonly source: string;
  readonly target: string;
}

export interface GlossaryIndex {
  /** Entry indices whose source term occurs in the text (whole words, case-insensitive). */
  sourceTerms(text: string): number[];
  /** Entry indices whose target term occurs in the text. */
  targetTerms(text: string): number[];
}

const WORD = /[\p{L}\p{N}]+(?:[-'][\p{L}\p{N}]+)*/gu;

export function indexGlossary(entries: readonly GlossaryEntry[]): GlossaryIndex {
  const byFirstWord = new Map<string, Array<{ words: string[]; entry: number }>>();
  // Keyed by the first UTF-16 unit, then the second: no two-character string per text position.
  const byFirstPair = new Map<number, Map<number, Array<{ term: string; entry: number }>>>();
  entries.forEach((entry, index) => {
    const words = wordsOf(entry.source);
    const first = words[0];
    if (first !== undefined) pushTo(byFirstWord, first, { words, entry: index });
    const target = entry.target.trim();
    if (target.length >= 2) {
      let bySecond = byFirstPair.get(target.charCodeAt(0));
      if (bySecond === undefined) byFirstPair.set(target.charCodeAt(0), (bySecond = new Map()));
      pushTo(bySecond, target.charCodeAt(1), { term: target, entry: index });
    }
  });
  return {
    sourceTerms(text) {
      const words = wordsOf(text);
      const found = new Set<number>();
      const addMatches = (stem: string, position: number): void => {
        const candidates = byFirstWord.get(stem);
        if (candidates === undefined) return;
        for (const candidate of candidates) {
          if (candidate.words.every((part, offset) => sameWord(part, words[position + offset]))) {
            found.add(candidate.entry);
          }
        }
      };
      words.forEach((word, position) => {
        addMatches(word, position);
        if (word.endsWith('es')) addMatches(word.slice(0, -2), position);
        if (word.endsWith('s')) addMatches(word.slice(0, -1), position);
      });
      return [...found];
    },
    targetTerms(text) {
      const found = new Set<number>();
      for (let position = 0; position + 1 < text.length; position += 1) {
        const candidates = byFirstPair.get(text.charCodeAt(position))?.get(text.charCodeAt(position + 1));
        if (candidates === undefined) continue;
        for (const candidate of candidates) {
          if (text.startsWith(candidate.term, position)) found.add(candidate.entry);
        }
      }
      return [...found];
    },
  };
}

/** Plural and simple inflections still count as the term (gradient/gradients). */
function sameWord(term: string, word: string | undefined): boolean {
  if (word === undefined) return false;
  return word === term || word === `${term}s` || word === `${term}es`;
}

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

function pushTo<K, T>(map: Map<K, T[]>, key: K, value: T): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
