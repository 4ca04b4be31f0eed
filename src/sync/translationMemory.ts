import type { UnitAlignment } from '../align/buildPairs.js';
import type { ChapterPlan, DraftRequest, Part } from './types.js';
import { sameWordsKey } from './sameWordsKey.js';

/** An English sentence and its human translation. */
export type MemoryEntry = readonly [source: string, target: string];

/** Only confident one-to-one beads: a reused sentence must be a translation of exactly that sentence. */
const MIN_CONFIDENCE = 0.9;

/** The human translations of one chapter that translation memory may reuse. */
export function memoryEntries(alignment: UnitAlignment): MemoryEntry[] {
  const entries: MemoryEntry[] = [];
  for (const bead of alignment.beads) {
    if (bead.shape !== '1-1' || bead.confidence < MIN_CONFIDENCE) continue;
    const source = alignment.sourceSentences[bead.sourceStart]?.span.text;
    const target = alignment.targetSentences[bead.targetStart]?.span.text;
    if (source !== undefined && target !== undefined && target !== '') entries.push([source, target]);
  }
  return entries;
}

/** Human translations of English sentences found anywhere in the book, by their words (see sameWordsKey). */
export class TranslationMemory {
  private readonly entries = new Map<string, string>();

  add(entries: readonly MemoryEntry[]): void {
    for (const [source, target] of entries) {
      const key = sameWordsKey(source);
      if (!this.entries.has(key)) this.entries.set(key, target);
    }
  }

  lookup(sourceSentence: string): string | undefined {
    return this.entries.get(sameWordsKey(sourceSentence));
  }

  get size(): number {
    return this.entries.size;
  }
}

export { sentenceKey } from './sentenceKey.js';

/** Fills every draft whose English already has a human translation somewhere in the book, at no cost. */
export function applyTranslationMemory(plan: ChapterPlan, memory: TranslationMemory): ChapterPlan {
  const replacement = new Map<number, Part>();
  const drafts: DraftRequest[] = [];
  const reusedSources = [...plan.reusedSources];
  plan.drafts.forEach((draft, index) => {
    const reused = memory.lookup(draft.source);
    if (reused === undefined) {
      replacement.set(index, { draft: drafts.length });
      drafts.push(draft);
    } else {
      replacement.set(index, { reused, source: draft.source });
      reusedSources.push(draft.source);
    }
  });
  if (drafts.length === plan.drafts.length) return plan;
  const edits = plan.edits.map((edit) => ({
    ...edit,
    parts: edit.parts.map((part) =>
      typeof part === 'object' && 'draft' in part ? (replacement.get(part.draft) ?? part) : part,
    ),
  }));
  return { ...plan, edits, drafts, reused: plan.reused + plan.drafts.length - drafts.length, reusedSources };
}
