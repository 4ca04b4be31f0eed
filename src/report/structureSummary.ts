import type { StructureCounts } from '../sync/types.js';

/**
 * The structure changes of one chapter in a few words, for the CLI line, the PR table and the job summary
 * ("cells 2 updated (5 comments kept, 1 lost), 1 inserted; tabs 1 inserted; 3 translation-only blocks kept").
 * Empty when the chapter's structure did not change and it has no translation-only blocks.
 */
export function structureSummary(counts: StructureCounts | undefined): string {
  if (!counts) return '';
  const parts: string[] = [];
  const cells = [
    counts.cellsUpdated > 0
      ? `${counts.cellsUpdated} updated${commentNote(counts.commentsCarried, counts.commentsDropped)}`
      : '',
    counts.cellsInserted > 0 ? `${counts.cellsInserted} inserted` : '',
    counts.cellsRemoved > 0 ? `${counts.cellsRemoved} removed` : '',
    counts.cellsMoved > 0 ? `${counts.cellsMoved} moved` : '',
  ].filter(Boolean);
  if (cells.length > 0) parts.push(`cells ${cells.join(', ')}`);
  const tabs = [
    counts.tabsInserted > 0 ? `${counts.tabsInserted} inserted` : '',
    counts.tabsRemoved > 0 ? `${counts.tabsRemoved} removed` : '',
  ].filter(Boolean);
  if (tabs.length > 0) parts.push(`tabs ${tabs.join(', ')}`);
  if (counts.blocksChanged > 0) parts.push(`${counts.blocksChanged} other blocks changed`);
  if (counts.alreadyPresent > 0) parts.push(`${counts.alreadyPresent} English changes already in the translation`);
  if (counts.targetOnlyRemoved > 0)
    parts.push(`${counts.targetOnlyRemoved} translation-only blocks removed with their section`);
  if (counts.targetOnlyKept > 0) parts.push(`${counts.targetOnlyKept} translation-only blocks kept`);
  return parts.join('; ');
}

function commentNote(carried: number, dropped: number): string {
  if (carried === 0 && dropped === 0) return '';
  return dropped === 0
    ? ` (${carried} translated comments kept)`
    : ` (${carried} translated comments kept, ${dropped} lost)`;
}
