import type { InlineToken, ParsedDocument } from '../markdown/types.js';
import type { UnitAlignment } from '../align/buildPairs.js';

/** A piece of new English the engine must translate. */
export interface DraftRequest {
  readonly tokens: readonly InlineToken[];
  /** The English, line breaks folded, for the report. */
  readonly source: string;
  readonly reason: 'changed' | 'inserted';
  /** What the draft (with the drafts after it in the same place) replaces, for reviewers. */
  readonly replaces?: ReplacedTranslation;
}

export interface ReplacedTranslation {
  /** The old English. */
  readonly source: string;
  /** Its human translation, as it stood. */
  readonly translation: string;
}

/** Text written into the translation: literal text, a machine draft, or a reused human translation. */
export type Part = string | { readonly draft: number } | { readonly reused: string; readonly source: string };

/** Replace target[start, end) by `parts`. Insertions have start === end. */
export interface TargetEdit {
  readonly start: number;
  readonly end: number;
  readonly parts: readonly Part[];
}

/**
 * A change to the book's structure that reviewers must look at: code cells and tab blocks replaced, inserted or
 * removed, translated comments carried over or lost, blocks only the translation has kept or removed.
 */
export interface StructureChange {
  readonly kind:
    | 'cell-updated'
    | 'cell-inserted'
    | 'cell-removed'
    | 'cell-moved'
    | 'tab-inserted'
    | 'tab-removed'
    | 'block-updated'
    | 'block-inserted'
    | 'block-removed'
    | 'block-moved'
    | 'target-only-removed';
  /** 1-based line in the translation as it was (for insertions: the line the new block follows). */
  readonly line: number;
  /** What it is, for people: the code cell's first code line, the tab's names, the block's first words. */
  readonly what: string;
  /** For updated code cells: translated comment lines carried into the new English code, and those that were lost. */
  readonly commentsCarried?: number;
  readonly commentsDropped?: number;
}

/** Counts of the structure changes, for the report's one-line summary. */
export interface StructureCounts {
  readonly cellsUpdated: number;
  readonly cellsInserted: number;
  readonly cellsRemoved: number;
  /** Cells the English moved, taken with their comments (and the translation-only cells after them) to the new place. */
  readonly cellsMoved: number;
  readonly tabsInserted: number;
  readonly tabsRemoved: number;
  readonly blocksChanged: number;
  readonly commentsCarried: number;
  readonly commentsDropped: number;
  /** Blocks only the translation has (Paddle cells and tabs): kept where they were, or removed with their section. */
  readonly targetOnlyKept: number;
  readonly targetOnlyRemoved: number;
  /** English changes the translation already had (a cell or tab translators brought in ahead of the origin). */
  readonly alreadyPresent: number;
}

export interface ChapterPlan {
  readonly edits: readonly TargetEdit[];
  readonly drafts: readonly DraftRequest[];
  /** Human translations kept byte for byte (sentence beads). */
  readonly kept: number;
  /** Drafts filled from translation memory instead (see applyTranslationMemory). */
  readonly reused: number;
  readonly reusedSources: readonly string[];
  /** Target sentences (beads) removed because their English changed or went away. */
  readonly removed: number;
  /**
   * New English sentences that only gained or lost slide markers: their human translation was kept as it was,
   * without the markers, for translators to mirror them.
   */
  readonly restyled: readonly string[];
  /** New English sentences the translation already has (in a cell or tab brought in ahead of its origin): not drafted. */
  readonly alreadyTranslated: readonly string[];
  readonly structure: readonly StructureChange[];
  readonly structureCounts: StructureCounts;
  /** Source text of every block only the translation has that this plan removes (checked after composing). */
  readonly removedTargetOnly: readonly string[];
}

export interface PlanInput {
  readonly oldEnglish: ParsedDocument;
  readonly newEnglish: ParsedDocument;
  readonly target: ParsedDocument;
  readonly alignment: UnitAlignment;
  readonly sourceLanguage: string;
  readonly targetLanguage: string;
  readonly targetOnlyTabs?: readonly string[];
}

/** d2l-zh's Paddle tabs and cells: the translation's own code, which no English file has. */
export const DEFAULT_TARGET_ONLY_TABS: readonly string[] = ['paddle'];
