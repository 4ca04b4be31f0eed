/** Renders a ScoreReport as a Markdown table or as JSON, for `--format md|json`. */
import { formatFixed } from './pythonText.js';
import type { ScoreReport, TextScore } from './scoreTextFiles.js';

export const SCORE_FORMATS = ['md', 'json'] as const;
export type ScoreFormat = (typeof SCORE_FORMATS)[number];

export function parseScoreFormat(value: string): ScoreFormat {
  const format = SCORE_FORMATS.find((name) => name === value);
  if (!format) throw new Error(`Unknown score format "${value}": expected ${SCORE_FORMATS.join(' or ')}`);
  return format;
}

function escapeCell(text: string): string {
  return text.replaceAll('\\', '\\\\').replaceAll('|', '\\|').replaceAll(/\r?\n/g, ' ');
}

/** BLEU on 0–1 as well as 0–100: the former is how Amazon's published study reports it. */
function scoreCells(score: TextScore): string[] {
  return [
    String(score.segments),
    formatFixed(score.bleu / 100, 4),
    formatFixed(score.bleu, 2),
    formatFixed(score.chrf, 2),
    formatFixed(score.bp, 3),
    String(score.sysLen),
    String(score.refLen),
  ];
}

function tableRow(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

export function formatMarkdownReport(report: ScoreReport): string {
  const { corpus } = report;
  const header = ['Document', 'Lines', 'BLEU (0–1)', 'BLEU', corpus.chrfName, 'BP', 'Hyp tokens', 'Ref tokens'];
  const rows = report.documents.map((document) => tableRow([escapeCell(document.name), ...scoreCells(document)]));
  const corpusRow = tableRow(['**Corpus**', ...scoreCells(corpus).map((cell) => `**${cell}**`)]);
  return [
    tableRow(header),
    tableRow(['---', ...header.slice(1).map(() => '---:')]),
    ...rows,
    corpusRow,
    '',
    `BLEU signature: \`${corpus.bleuSignature}\``,
    '',
    `${corpus.chrfName} signature: \`${corpus.chrfSignature}\``,
    '',
  ].join('\n');
}

/** The corpus score at the top level (`bleu` 0–100, `chrf`, `signature`, …), with per-document scores under `documents`. */
export function formatJsonReport(report: ScoreReport): string {
  return `${JSON.stringify({ ...report.corpus, documents: report.documents }, null, 2)}\n`;
}

export function formatScoreReport(report: ScoreReport, format: ScoreFormat): string {
  return format === 'md' ? formatMarkdownReport(report) : formatJsonReport(report);
}
