/**
 * The structure changes of a sync (code cells, tab blocks, other blocks), one collapsed block per file, for the PR
 * body, the drafts file and the job summary. Reviewers read prose drafts in the drafts table; what changed around
 * them (a cell replaced by the new English code, translated comments that could not be carried, a Paddle block
 * removed with its section) is listed here so it is checked too, not found later in the diff.
 */
import type { SyncReport } from '../sync/report.js';
import type { StructureChange } from '../sync/types.js';
import { codeName, codeNameHtml, escapeHtmlText } from './escape.js';
import { structureSummary } from './structureSummary.js';

const KIND_TEXT: Readonly<Record<StructureChange['kind'], string>> = {
  'cell-updated': 'code cell updated to the new English code',
  'cell-inserted': 'code cell inserted',
  'cell-removed': 'code cell removed',
  'cell-moved': 'code cell moved where the English moved it, with its translated comments',
  'tab-inserted': 'tab block inserted',
  'tab-removed': 'tab block removed',
  'block-updated': 'block updated',
  'block-inserted': 'block inserted',
  'block-removed': 'block removed',
  'block-moved': 'block moved where the English moved it',
  'target-only-removed': 'translation-only block removed with its English section',
};

export function renderStructure(report: SyncReport): string {
  const sections = report.files
    .filter((file) => (file.structure ?? []).length > 0)
    .map((file) => {
      const changes = file.structure ?? [];
      const summary = structureSummary(file.structureCounts) || `${changes.length} changes`;
      return [
        `<details><summary>${codeNameHtml(file.path)}: ${escapeHtmlText(summary)}</summary>`,
        '',
        ...changes.map(renderChange),
        '',
        '</details>',
      ].join('\n');
    });
  if (sections.length === 0) return '';
  return `#### Structure to check

Code cells, tabs and other blocks the English changed. Comments a translator wrote stay where their English line did not change; the ones marked *lost* need translating again.

${sections.join('\n\n')}`;
}

function renderChange(change: StructureChange): string {
  const comments = commentText(change);
  return `- line ${change.line}: ${KIND_TEXT[change.kind]}${change.what === '' ? '' : ` ${codeName(change.what)}`}${comments}`;
}

function commentText(change: StructureChange): string {
  const carried = change.commentsCarried ?? 0;
  const dropped = change.commentsDropped ?? 0;
  if (carried === 0 && dropped === 0) return '';
  const parts = [carried > 0 ? `${carried} translated comments kept` : '', dropped > 0 ? `**${dropped} lost**` : ''];
  return ` (${parts.filter(Boolean).join(', ')})`;
}
