import type { UnitAlignment } from '../align/buildPairs.js';

/** Human translations of English sentences found anywhere in the book, by normalized English text. */
export class TranslationMemory {
  private readonly entries = new Map<string, string>();

  /** Only confident one-to-one beads: a reused sentence must be a translation of exactly that sentence. */
  static readonly MIN_CONFIDENCE = 0.9;

  addAlignment(alignment: UnitAlignment): void {
    for (const bead of alignment.beads) {
      if (bead.shape !== '1-1' || bead.confidence < TranslationMemory.MIN_CONFIDENCE) continue;
      const source = alignment.sourceSentences[bead.sourceStart]?.span.text;
      const target = alignment.targetSentences[bead.targetStart]?.span.text;
      if (source === undefined || target === undefined || target === '') continue;
      const key = sentenceKey(source);
      if (!this.entries.has(key)) this.entries.set(key, target);
    }
  }

  lookup(sourceSentence: string): string | undefined {
    return this.entries.get(sentenceKey(sourceSentence));
  }

  get size(): number {
    return this.entries.size;
  }
}

/** Sentences compare equal when only their white space (line wrapping) differs. */
export function sentenceKey(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}
