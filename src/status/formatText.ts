import { COLUMN_TITLES, headlineLines, sentencesLegend, statusRows, count, costText } from './rows.js';
import type { BookStatus } from './types.js';

/** The status for a terminal: the same rows as the Markdown table, in aligned columns. */
export function formatStatusText(status: BookStatus): string {
  const rows = statusRows(status);
  const table = [
    [
      COLUMN_TITLES.chapter,
      COLUMN_TITLES.state,
      COLUMN_TITLES.behind,
      COLUMN_TITLES.sentences,
      COLUMN_TITLES.characters,
      COLUMN_TITLES.cost,
      COLUMN_TITLES.bar,
    ],
    ...rows.map((row) => [
      row.chapter.renamedFrom ? `${row.chapter.path} (was ${row.chapter.renamedFrom})` : row.chapter.path,
      row.state,
      row.behind,
      row.sentences,
      row.characters,
      row.cost,
      row.bar ? `${row.bar} ${row.share}` : '',
    ]),
    [
      'Total',
      '',
      '',
      `~${status.totals.sentencesChanged} +${status.totals.sentencesAdded} −${status.totals.sentencesRemoved}`,
      count(status.totals.charactersToTranslate),
      costText(status.totals.estimatedCostUsd),
      '',
    ],
  ];
  const widths = table[0]?.map((_, column) => Math.max(...table.map((cells) => (cells[column] ?? '').length))) ?? [];
  const rightAligned = new Set([4, 5]);
  const lines = table.map((cells) =>
    cells
      .map((cell, column) =>
        rightAligned.has(column) ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd(),
  );
  const problems = rows
    .filter((row) => row.chapter.problem !== undefined)
    .map((row) => `  ⚠ ${row.chapter.path}: ${row.chapter.problem ?? ''}`);
  return [
    `Translation status (${status.sourceLanguage} → ${status.targetLanguage})`,
    ...headlineLines(status),
    '',
    ...lines,
    '',
    sentencesLegend(),
    ...(problems.length > 0 ? ['', 'Left as they are by a sync:', ...problems] : []),
    '',
  ].join('\n');
}
