/**
 * What a pairs run did, for --report (JSON) and the summary on stderr: pairs written, bead shapes, pairs left out
 * and why, unaligned sentences per file, how confident the alignments were, and the files that gave nothing.
 */
import type { RewriteReason, SkipReason } from '../paralleldata/index.js';
import type { PoolStats } from '../workers/pool.js';
import type { AlignedChapter, CacheStats, Granularity } from './buildBookPairs.js';
import type { FileProblem } from './types.js';

export type PairsSkipReason = SkipReason | 'low-confidence';

export interface FileReport {
  /** The translation. */
  readonly file: string;
  /** Its English counterpart. */
  readonly source: string;
  /** Pairs at the chosen granularity that reached the confidence threshold, before the parallel data rules. */
  readonly pairs: number;
  /** Sentence beads under the threshold (at paragraph granularity, a paragraph holding one is dropped whole). */
  readonly droppedLowConfidence: number;
  readonly unalignedSourceSentences: number;
  readonly unalignedTargetSentences: number;
  readonly fromCache: boolean;
}

export interface PairsReport {
  readonly out: string;
  readonly format: string;
  readonly granularity: Granularity;
  /** Absent when the aligner's default applies. */
  readonly minConfidence?: number;
  readonly pairsWritten: number;
  readonly chaptersAligned: number;
  /** Pairs read from --merge files. */
  readonly userPairs: number;
  /** Sentence beads of every aligned chapter by shape (`1-1`, `2-1`, `1-0` …). */
  readonly beadsByShape: Readonly<Record<string, number>>;
  readonly skipped: Readonly<Record<PairsSkipReason, number>>;
  readonly rewritten: Readonly<Record<RewriteReason, number>>;
  /** Pairs at the chosen granularity that reached the threshold, by confidence: bin i holds [i/10, (i+1)/10), 1 in the last. */
  readonly confidenceHistogram: readonly number[];
  readonly files: readonly FileReport[];
  readonly problems: readonly FileProblem[];
  readonly cache?: CacheStats;
  readonly workers?: PoolStats;
}

export const HISTOGRAM_BINS = 10;

export function confidenceHistogram(chapters: readonly AlignedChapter[], granularity: Granularity): number[] {
  const bins = new Array<number>(HISTOGRAM_BINS).fill(0);
  for (const chapter of chapters) {
    const pairs = granularity === 'sentence' ? chapter.alignment.pairs : chapter.alignment.paragraphPairs;
    for (const pair of pairs) {
      const bin = Math.min(HISTOGRAM_BINS - 1, Math.max(0, Math.floor(pair.confidence * HISTOGRAM_BINS)));
      bins[bin] = (bins[bin] ?? 0) + 1;
    }
  }
  return bins;
}

export function totalBeadsByShape(chapters: readonly AlignedChapter[]): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const chapter of chapters) {
    for (const [shape, count] of Object.entries(chapter.alignment.beadsByShape))
      totals[shape] = (totals[shape] ?? 0) + count;
  }
  return Object.fromEntries(
    Object.entries(totals).sort(([a], [b]) => (totals[b] ?? 0) - (totals[a] ?? 0) || a.localeCompare(b)),
  );
}

export function addCounts<Reason extends string>(
  ...counts: ReadonlyArray<Partial<Record<Reason, number>>>
): Record<Reason, number> {
  const sum = {} as Record<Reason, number>;
  for (const count of counts) {
    for (const [reason, value] of Object.entries(count) as Array<[Reason, number]>)
      sum[reason] = (sum[reason] ?? 0) + value;
  }
  return sum;
}

/** A few lines for stderr: the totals, then one line per file that gave no pairs. */
export function formatPairsSummary(report: PairsReport): string {
  const skipped = Object.entries(report.skipped)
    .filter(([, count]) => count > 0)
    .map(([reason, count]) => `${count} ${reason}`);
  const fromCache = report.cache === undefined ? '' : `, ${report.cache.hits} from cache`;
  const lines = [
    `amts pairs: ${report.pairsWritten} ${report.granularity} pairs written to ${report.out} ` +
      `(${report.chaptersAligned} chapters${fromCache}${report.userPairs > 0 ? `, ${report.userPairs} user pairs merged` : ''})`,
  ];
  if (skipped.length > 0) lines.push(`  skipped: ${skipped.join(', ')}`);
  for (const failure of report.workers?.workerFailures ?? [])
    lines.push(`  a worker stopped (its chapters ran in the main thread): ${failure}`);
  for (const failure of report.cache?.writeFailures ?? []) lines.push(`  cache entry not written: ${failure}`);
  if (report.problems.length > 0) lines.push(`  ${report.problems.length} file(s) gave no pairs:`);
  for (const problem of report.problems) lines.push(`  ${problem.file}: ${problem.message}`);
  return `${lines.join('\n')}\n`;
}
