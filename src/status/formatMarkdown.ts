import { cutAtLine } from '../report/cutAtLine.js';
import { codeName, escapeInline } from '../report/escape.js';
import { COLUMN_TITLES, count, costText, headlineLines, sentencesLegend, statusRows, type StatusRow } from './rows.js';
import type { BookStatus } from './types.js';

export interface MarkdownOptions {
  /** Heading level of the title (the job summary nests it under the run's own). */
  readonly headingLevel?: number;
  /** A GitHub issue body holds 65,536 characters: rows past this are left out, least behind first. */
  readonly maxCharacters?: number;
}

/** The status as GitHub Markdown: a table sorted by how far behind, a bar per chapter, and the totals. */
export function formatStatusMarkdown(status: BookStatus, options: MarkdownOptions = {}): string {
  const hashes = '#'.repeat(options.headingLevel ?? 2);
  const rows = statusRows(status);
  const head = [
    `${hashes} Translation status: ${escapeInline(status.targetLanguage)} ← ${escapeInline(status.sourceLanguage)}`,
    '',
    ...headlineLines(status).map((line) => `${escapeInline(line)}  `),
    '',
    `| ${Object.values(COLUMN_TITLES).map(escapeInline).join(' | ')} |`,
    '|:--|:--|:--|--:|--:|--:|:--|',
  ];
  const total = `| **Total** | | | ${escapeInline(
    `~${status.totals.sentencesChanged} +${status.totals.sentencesAdded} −${status.totals.sentencesRemoved}`,
  )} | **${count(status.totals.charactersToTranslate)}** | **${escapeInline(costText(status.totals.estimatedCostUsd))}** | |`;
  const problems = rows.filter((row) => row.chapter.problem !== undefined);
  const tail = [
    '',
    escapeInline(sentencesLegend()),
    ...(problems.length > 0
      ? [
          '',
          '**Left as they are by a sync** (⚠):',
          '',
          ...problems.map((row) => `- ${codeName(row.chapter.path)}: ${escapeInline(row.chapter.problem ?? '')}`),
        ]
      : []),
    '',
  ];
  const limit = options.maxCharacters ?? Number.POSITIVE_INFINITY;
  const body = rows.map(markdownRow);
  let shown = body.length;
  const assemble = (): string => {
    const omitted = body.length - shown;
    const note = omitted > 0 ? [`| … ${omitted} more chapters, less behind | | | | | | |`] : [];
    return [...head, ...body.slice(0, shown), ...note, total, ...tail].join('\n');
  };
  let text = assemble();
  while (text.length > limit && shown > 0) {
    shown -= Math.max(1, Math.ceil((text.length - limit) / 120));
    shown = Math.max(0, shown);
    text = assemble();
  }
  return text.length > limit ? cutAtLine(text, limit) : text;
}

function markdownRow(row: StatusRow): string {
  const chapter = row.chapter.renamedFrom
    ? `${codeName(row.chapter.path)} (was ${codeName(row.chapter.renamedFrom)})`
    : codeName(row.chapter.path);
  const bar = row.bar ? `\`${row.bar}\` ${row.share}` : '';
  return `| ${[chapter, escapeInline(row.state), escapeInline(row.behind), escapeInline(row.sentences), row.characters, escapeInline(row.cost), bar].join(' | ')} |`;
}
