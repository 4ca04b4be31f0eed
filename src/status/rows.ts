import { shareBar } from './bar.js';
import { byHowFarBehind, shareToTranslate } from './order.js';
import { CHAPTER_STATES, type BookStatus, type ChapterStatus, type CostEstimate } from './types.js';

/** One table row, cell by cell, as plain text; the Markdown and terminal tables lay out the same rows. */
export interface StatusRow {
  readonly chapter: ChapterStatus;
  readonly state: string;
  readonly behind: string;
  readonly sentences: string;
  readonly characters: string;
  readonly cost: string;
  readonly bar: string;
  readonly share: string;
}

export const COLUMN_TITLES = {
  chapter: 'Chapter',
  state: 'State',
  behind: 'Behind',
  sentences: 'Sentences ~ + −',
  characters: 'To translate',
  cost: 'Cost std / ACT',
  bar: 'Share to translate',
} as const;

export function statusRows(status: BookStatus): StatusRow[] {
  return byHowFarBehind(status.chapters).map((chapter) => ({
    chapter,
    state: chapter.problem !== undefined ? `${chapter.state} ⚠` : chapter.state,
    behind: behindText(chapter),
    sentences: sentencesText(chapter),
    characters: chapter.charactersToTranslate > 0 ? count(chapter.charactersToTranslate) : '',
    cost: chapter.charactersToTranslate > 0 ? costText(chapter.estimatedCostUsd) : '',
    bar: hasBar(chapter) ? shareBar(shareToTranslate(chapter)) : '',
    share: hasBar(chapter) ? `${Math.round(100 * shareToTranslate(chapter))}%` : '',
  }));
}

function hasBar(chapter: ChapterStatus): boolean {
  return chapter.state === 'outdated' || chapter.state === 'untranslated' || chapter.state === 'current';
}

function behindText(chapter: ChapterStatus): string {
  const behind = chapter.behind;
  if (!behind) return '';
  const commits = behind.commitsBehind === 1 ? '1 commit' : `${behind.commitsBehind} commits`;
  return `${commits} since ${behind.originCommit.slice(0, 7)}`;
}

function sentencesText(chapter: ChapterStatus): string {
  if (chapter.sentencesChanged + chapter.sentencesAdded + chapter.sentencesRemoved === 0) return '';
  return `~${chapter.sentencesChanged} +${chapter.sentencesAdded} −${chapter.sentencesRemoved}`;
}

export function count(value: number): string {
  return value.toLocaleString('en-US');
}

/** Cents, but a cost too small for a cent still shows as one ("<$0.01"), never as nothing. */
export function dollars(value: number): string {
  if (value > 0 && value < 0.005) return '<$0.01';
  return `$${value.toFixed(2)}`;
}

export function costText(cost: CostEstimate): string {
  return `${dollars(cost.standard)} / ${dollars(cost.act)}`;
}

/** The lines above the table: chapters by state, and the whole catch-up. */
export function headlineLines(status: BookStatus): string[] {
  const { totals } = status;
  const states = CHAPTER_STATES.filter((state) => totals.byState[state] > 0).map(
    (state) => `${totals.byState[state]} ${state}`,
  );
  const reused = totals.unitsReused > 0 ? ` (${count(totals.unitsReused)} more filled from translation memory)` : '';
  const refused =
    totals.withProblems > 0
      ? [`${totals.withProblems} chapter(s) a sync would leave as they are (⚠), not counted: see below.`]
      : [];
  return [
    `${totals.chapters} chapters: ${states.join(', ')}.`,
    `To translate: ${count(totals.charactersToTranslate)} characters in ${count(totals.unitsToTranslate)} units${reused}, ` +
      `about ${dollars(totals.estimatedCostUsd.standard)} at the standard price or ${dollars(totals.estimatedCostUsd.act)} with ACT ` +
      `(${dollars(status.pricePerMillionUsd.standard)} / ${dollars(status.pricePerMillionUsd.act)} per million characters).`,
    `Old English: ${status.oldEnglish}.`,
    ...refused,
  ];
}

export function sentencesLegend(): string {
  return 'Sentences: ~ changed, + added, − removed since the English the translation was made from (slide markers aside).';
}
