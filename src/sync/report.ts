import type { ParallelDataReport } from './parallelDataReport.js';
import type { StructureChange, StructureCounts } from './types.js';

/**
 * What a sync did, file by file and unit by unit. The CLI prints it, `--report` writes it as JSON,
 * and the GitHub publisher builds the PR body and job summary from it.
 */

export type UnitAction = 'kept' | 'reused' | 'drafted' | 'removed' | 'failed';

export interface DraftedUnit {
  /** 1-based line of the draft in the written translation. */
  readonly line: number;
  /** The new English the draft translates. */
  readonly source: string;
  /** The machine draft as written into the translation (Markdown). */
  readonly draft: string;
  /** Why it was drafted. */
  readonly reason: 'changed' | 'inserted' | 'new-file';
  /** The old English and the human translation this draft replaces, when it replaces one. */
  readonly replaces?: { readonly source: string; readonly translation: string };
}

export type FileStatus = 'updated' | 'unchanged' | 'created' | 'deleted' | 'renamed' | 'skipped' | 'error';

export interface FileReport {
  /** Target path, relative to the target root, with `/` separators. */
  readonly path: string;
  readonly status: FileStatus;
  readonly renamedFrom?: string;
  readonly kept: number;
  readonly reused: number;
  readonly drafted: number;
  readonly removed: number;
  /** Units the engine failed to translate: nothing was written for them. */
  readonly failed: number;
  readonly charactersSent: number;
  readonly drafts: readonly DraftedUnit[];
  /** English sentences filled in from a human translation found elsewhere in the book (translation memory). */
  readonly reusedSources?: readonly string[];
  /** New English sentences that only gained or lost slide markers; their human translation was kept as it was. */
  readonly restyled?: readonly string[];
  /** New English sentences the translation already had (brought in ahead of its origin), so not drafted. */
  readonly alreadyTranslated?: readonly string[];
  /** Code cells, tab blocks and other blocks replaced, inserted or removed, with the translated comments kept. */
  readonly structure?: readonly StructureChange[];
  readonly structureCounts?: StructureCounts;
  /** Set when the file was left untouched because of a problem; names the problem. */
  readonly error?: string;
  /** Set when the file was skipped as a known, normal case (a chapter that never had an origin); says why. */
  readonly reason?: string;
}

export interface SyncTotals {
  readonly files: number;
  readonly filesChanged: number;
  readonly filesWithErrors: number;
  readonly kept: number;
  readonly reused: number;
  readonly drafted: number;
  readonly removed: number;
  readonly failed: number;
  /** Characters of translatable text the engine received. */
  readonly charactersSent: number;
  /** Characters the provider billed (0 for offline engines). */
  readonly charactersBilled: number;
  /** List-price estimate in US dollars for `charactersSent`. */
  readonly estimatedCostUsd: number;
}

export interface SyncReport {
  readonly sourceLanguage: string;
  readonly targetLanguage: string;
  readonly engine: string;
  readonly dryRun: boolean;
  readonly files: readonly FileReport[];
  readonly totals: SyncTotals;
  /** Provider job ids (batch engines), for the PR body and for collecting a job a later run. */
  readonly jobIds: readonly string[];
  /** The Active Custom Translation parallel data the run built and kept in step (the action's `aws` engine). */
  readonly parallelData?: ParallelDataReport;
}

/** Where the English the translation was made from comes from. */
export type BaseSpec =
  | { readonly kind: 'origin-suffix'; readonly suffix: string }
  | { readonly kind: 'directory'; readonly path: string }
  | { readonly kind: 'git-rev'; readonly repo: string; readonly rev: string }
  | { readonly kind: 'state-file'; readonly path: string };

export interface SyncOptions {
  /** Directory of the new English. */
  readonly sourceDir: string;
  /** Directory of the translation (written in place unless dryRun). */
  readonly targetDir: string;
  readonly sourceLanguage: string;
  readonly targetLanguage: string;
  readonly base: BaseSpec;
  /** Globs relative to sourceDir; default all `**\/*.md`. */
  readonly include?: readonly string[];
  /** Restrict to these source-relative paths (changed files from the event); default all that match `include`. */
  readonly files?: readonly string[];
  readonly dryRun: boolean;
  /** Chapters without old English are errors instead of being skipped. */
  readonly strict?: boolean;
  /** English chapters the translation does not have: drafted whole (the default) or skipped. */
  readonly newChapters?: NewChapters;
}

export type NewChapters = 'draft' | 'skip';
export const NEW_CHAPTERS: readonly NewChapters[] = ['draft', 'skip'];
