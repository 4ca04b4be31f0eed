import type { SentenceChanges } from '../sync/countSentences.js';
import { textCharacters, type BookPlan } from '../sync/syncBook.js';
import type { NewChapterCounts } from './newChapterCounts.js';
import type { Behind, ChapterState, ChapterStatus, CostEstimate } from './types.js';

export interface ClassifyInput {
  readonly plan: BookPlan;
  /** Book-relative paths of every English chapter and every translated chapter (origin files left out). */
  readonly englishPaths: readonly string[];
  readonly translatedPaths: readonly string[];
  readonly sourceLanguage: string;
  /** US dollars per million characters. */
  readonly pricePerMillionUsd: CostEstimate;
  readonly behind?: ReadonlyMap<string, Behind>;
  /** English chapters the translation lacks, counted as a sync would draft them (see newChapterCounts.ts). */
  readonly newChapters: ReadonlyMap<string, NewChapterCounts>;
}

interface Counts {
  readonly sentences?: SentenceChanges;
  readonly charactersToTranslate: number;
  readonly unitsToTranslate: number;
  readonly unitsReused: number;
}

const NOTHING: Counts = { charactersToTranslate: 0, unitsToTranslate: 0, unitsReused: 0 };

/**
 * Every chapter of the book in exactly one state, from the plan a sync would make: the characters are the ones that
 * plan sends (translation memory applied), so status and `sync --dry-run` never disagree.
 */
export function classifyChapters(input: ClassifyInput): ChapterStatus[] {
  const { plan } = input;
  const out = new Map<string, ChapterStatus>();
  const add = (path: string, state: ChapterState, counts: Counts, extra: Partial<ChapterStatus> = {}): void => {
    out.set(path, statusOf(path, state, counts, input, extra));
  };
  const planned = new Map(plan.planned.map((update) => [update.chapter.path, update]));
  const covered = new Set<string>();
  for (const chapter of plan.chapters) {
    covered.add(chapter.path);
    const problem = problemOf(plan, chapter.path);
    switch (chapter.kind) {
      case 'update': {
        if (chapter.renamedFrom !== undefined) covered.add(chapter.renamedFrom);
        const update = planned.get(chapter.path);
        const sentences = plan.sentences.get(chapter.path);
        const counts: Counts = update
          ? {
              ...(sentences ? { sentences } : {}),
              charactersToTranslate: update.plan.drafts.reduce((sum, draft) => sum + textCharacters(draft.tokens), 0),
              unitsToTranslate: update.plan.drafts.length,
              unitsReused: update.plan.reused,
            }
          : { ...NOTHING, ...(sentences ? { sentences } : {}) };
        const moved = sentences
          ? sentences.changed + sentences.added + sentences.removed > 0
          : chapter.oldText !== chapter.newText;
        const state =
          moved || counts.charactersToTranslate > 0 || chapter.renamedFrom !== undefined ? 'outdated' : 'current';
        add(chapter.path, state, counts, {
          ...(chapter.renamedFrom !== undefined ? { renamedFrom: chapter.renamedFrom } : {}),
          ...(problem !== undefined ? { problem } : {}),
        });
        break;
      }
      case 'new': {
        const counts = input.newChapters.get(chapter.path);
        if (counts === undefined || 'problem' in counts)
          add(chapter.path, 'untranslated', NOTHING, { problem: counts?.problem ?? problem ?? 'not counted' });
        else
          add(chapter.path, 'untranslated', {
            sentences: counts.sentences,
            charactersToTranslate: counts.characters,
            unitsToTranslate: counts.units,
            unitsReused: 0,
          });
        break;
      }
      case 'delete':
        add(chapter.path, 'orphaned', NOTHING);
        break;
      case 'skip':
        add(chapter.path, 'unknown', NOTHING);
        break;
      case 'error':
        add(chapter.path, 'unknown', NOTHING, { problem: chapter.error });
        break;
    }
  }
  const english = new Set(input.englishPaths);
  for (const path of input.translatedPaths) {
    if (covered.has(path) || plan.excluded(path)) continue;
    // A translation with neither its English nor its old English: the sync does not look at it, but it is orphaned.
    if (!english.has(path)) add(path, 'orphaned', NOTHING);
  }
  for (const path of [...input.englishPaths, ...input.translatedPaths])
    if (plan.excluded(path) && !out.has(path)) add(path, 'excluded', NOTHING);
  return [...out.values()].sort((a, b) => a.path.localeCompare(b.path));
}

function problemOf(plan: BookPlan, path: string): string | undefined {
  const report = plan.reports.get(path);
  return report?.status === 'error' ? report.error : undefined;
}

function statusOf(
  path: string,
  state: ChapterState,
  counts: Counts,
  input: ClassifyInput,
  extra: Partial<ChapterStatus>,
): ChapterStatus {
  const behind = input.behind?.get(path);
  const millions = counts.charactersToTranslate / 1_000_000;
  return {
    path,
    state,
    sentencesChanged: counts.sentences?.changed ?? 0,
    sentencesAdded: counts.sentences?.added ?? 0,
    sentencesRemoved: counts.sentences?.removed ?? 0,
    sentences: counts.sentences?.total ?? 0,
    charactersToTranslate: counts.charactersToTranslate,
    englishCharacters: counts.sentences?.characters ?? 0,
    unitsToTranslate: counts.unitsToTranslate,
    unitsReused: counts.unitsReused,
    estimatedCostUsd: {
      standard: millions * input.pricePerMillionUsd.standard,
      act: millions * input.pricePerMillionUsd.act,
    },
    ...(behind && state !== 'untranslated' && state !== 'excluded' ? { behind } : {}),
    ...extra,
  };
}
