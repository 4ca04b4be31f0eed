/**
 * What a run did about its Active Custom Translation parallel data, for the job summary, the PR body and the JSON
 * report: where the pairs came from, how many were built and dropped (by reason), which chapters gave none (and
 * why), and what became of the resource.
 */

/**
 * `created`, `updated`, `reused` (the content hash on the resource matched: nothing uploaded), `update-failed`
 * (the previous version stays in use), `used-as-is` (parallel-data: existing), `planned` (dry run: nothing sent),
 * `not-reported` (the engine said nothing about it).
 */
export type ParallelDataResourceAction =
  'created' | 'updated' | 'reused' | 'update-failed' | 'used-as-is' | 'planned' | 'not-reported';

export interface ParallelDataReport {
  /** The resource the batch job names. */
  readonly name: string;
  /** `build`: from the translation repository this run; `file`: a hand-kept file; `existing`: the resource as it is. */
  readonly mode: 'build' | 'file' | 'existing';
  /** Where the pairs came from, e.g. `d2l-ai/d2l-zh@master (1a2b3c4d5e6f)` or the hand-kept file. */
  readonly source: string;
  readonly format?: string;
  /** Pairs in the file (built mode: after the screen). */
  readonly pairs?: number;
  readonly chaptersAligned?: number;
  /** Chapters whose alignment came from the pairs cache. */
  readonly chaptersFromCache?: number;
  readonly chaptersSkipped?: ReadonlyArray<{ readonly file: string; readonly reason: string }>;
  /** Pairs left out, by reason (`re-drafted`, `low-confidence`, `too-long`, `duplicate`, …). */
  readonly dropped?: Readonly<Record<string, number>>;
  readonly bytes?: number;
  readonly sha256?: string;
  readonly resource: ParallelDataResourceAction;
  /** Records Translate holds for the resource after this run. */
  readonly records?: { readonly imported: number; readonly failed: number; readonly skipped: number };
  /** Why the update failed; the previous version stays in use. */
  readonly warning?: string;
  /** List price per million characters the batch job is billed at (the ACT price). */
  readonly pricePerMillionUsd?: number;
}
