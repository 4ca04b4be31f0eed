/**
 * The parallel data section of the PR body and the job summary: the resource and what became of it, the pairs
 * built and left out (by reason), the chapters that gave none and why, and, for a dry run, the estimate at the
 * price of a job with Active Custom Translation. A failed update is a warning at the top of the section.
 */
import type { ParallelDataReport } from '../sync/parallelDataReport.js';
import type { SyncReport } from '../sync/report.js';
import { codeName, escapeInline } from './escape.js';
import { formatUsd } from './syncTables.js';

const RESOURCE_LINES: Readonly<Record<ParallelDataReport['resource'], string>> = {
  created: 'created from this file',
  updated: 'updated to this file',
  reused: 'reused: its content hash matched, nothing was uploaded',
  'update-failed': 'update FAILED: the previous version stays in use',
  'used-as-is': 'used as it is (parallel-data: existing)',
  planned: 'dry run: created or updated when its content hash differs, nothing was sent',
  'not-reported': 'not reported by the engine',
};

/** Chapters listed by name before the rest is only counted. */
const MAX_SKIPPED_LISTED = 30;

export function renderParallelData(report: SyncReport): string {
  const data = report.parallelData;
  if (data === undefined) return '';
  const lines = ['#### Parallel data (Active Custom Translation)', ''];
  if (data.warning !== undefined) lines.push(`> **Warning:** ${escapeInline(data.warning)}`, '');
  lines.push(`- Resource: ${codeName(data.name)}, ${RESOURCE_LINES[data.resource]}`);
  lines.push(
    `- Built from: ${escapeInline(data.source)}${data.format ? ` (${escapeInline(data.format.toUpperCase())})` : ''}`,
  );
  if (data.pairs !== undefined)
    lines.push(
      `- Pairs: ${data.pairs} sentence pairs from ${data.chaptersAligned ?? 0} chapters aligned` +
        `${data.chaptersFromCache ? ` (${data.chaptersFromCache} from the cache)` : ''}` +
        `, ${data.chaptersSkipped?.length ?? 0} chapters skipped`,
    );
  const dropped = Object.entries(data.dropped ?? {}).filter(([, count]) => count > 0);
  if (dropped.length > 0)
    lines.push(`- Pairs dropped: ${dropped.map(([reason, count]) => `${count} ${escapeInline(reason)}`).join(', ')}`);
  if (data.records)
    lines.push(
      `- Records in the resource: ${data.records.imported} imported, ${data.records.failed} failed, ${data.records.skipped} skipped`,
    );
  if (data.pricePerMillionUsd !== undefined)
    lines.push(
      `- Batch job priced at ${escapeInline(formatUsd(data.pricePerMillionUsd))} per million characters` +
        ` (estimated ${escapeInline(formatUsd((report.totals.charactersSent / 1_000_000) * data.pricePerMillionUsd))} for this run)`,
    );
  const skipped = data.chaptersSkipped ?? [];
  if (skipped.length > 0) {
    lines.push('', `<details><summary>Chapters without pairs: ${skipped.length}</summary>`, '');
    for (const chapter of skipped.slice(0, MAX_SKIPPED_LISTED))
      lines.push(`- ${codeName(chapter.file)}: ${escapeInline(chapter.reason)}`);
    if (skipped.length > MAX_SKIPPED_LISTED) lines.push(`- … and ${skipped.length - MAX_SKIPPED_LISTED} more`);
    lines.push('', '</details>');
  }
  return lines.join('\n');
}
