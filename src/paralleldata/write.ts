/**
 * Writes sentence pairs as an Amazon Translate parallel data file (CSV, TSV or TMX 1.4b).
 *
 * What a pair holds: the Markdown source text of a sentence and of its translation, with line
 * breaks folded (`foldLineBreaks`: English gets one space; Chinese and Japanese get nothing between
 * two CJK characters, one space otherwise). Inline code, math and roles such as :numref:`fig_x`
 * stay exactly as written, backticks and dollars included. That is what the batch job sees inside
 * its `translate="no"` spans, and Active Custom Translation learns best from examples that look
 * like its input.
 *
 * Rules applied before writing (see screen.ts), each counted by reason:
 * - a line break in a field is folded away (rewritten: 'line-break'); in TSV a tab becomes a
 *   space (rewritten: 'tab');
 * - a field over 1000 UTF-8 bytes is skipped ('too-long'): Translate would ignore it silently;
 * - a field starting with + - = @ is skipped ('formula-prefix'): Translate rejects those even
 *   when quoted, and any prefix we could add would be learnt by ACT as part of the translation;
 * - a pair identical on both sides ('identical'), or with no letter outside code and math on one
 *   side ('no-text'), teaches nothing and is skipped, as are empty fields ('empty') and fields
 *   with control characters ('control-character');
 * - one pair per source text: Translate would keep the last, we keep the best confidence at the
 *   place of the first occurrence ('duplicate').
 */
import Papa from 'papaparse';
import { screenForFile } from './screen.js';
import type {
  LanguagePair,
  ParallelDataFormat,
  RewriteReason,
  SegmentType,
  SentencePair,
  SkipReason,
} from './types.js';

export interface WriteOptions extends LanguagePair {
  readonly format: ParallelDataFormat;
  /** TMX `segtype`; 'sentence' unless pairs hold whole paragraphs. */
  readonly segType?: SegmentType;
}

export interface WriteResult {
  readonly text: string;
  readonly written: number;
  readonly skipped: Record<SkipReason, number>;
  readonly rewritten: Record<RewriteReason, number>;
}

const TOOL_VERSION = '0.1.0';

function toCsv(pairs: readonly SentencePair[], languages: LanguagePair): string {
  const data = pairs.map((pair) => [pair.source, pair.target]);
  const fields = [languages.sourceLanguage, languages.targetLanguage];
  // Formulae are skipped by the rules, so papaparse must not rewrite them with its own quote prefix.
  return `${Papa.unparse({ fields, data }, { newline: '\r\n', escapeFormulae: false })}\r\n`;
}

/** TSV has no quoting: fields are written verbatim, which is why tabs and line breaks are gone. */
function toTsv(pairs: readonly SentencePair[], languages: LanguagePair): string {
  const rows = [
    [languages.sourceLanguage, languages.targetLanguage],
    ...pairs.map((pair) => [pair.source, pair.target]),
  ];
  return rows.map((row) => `${row.join('\t')}\n`).join('');
}

export function escapeXml(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');
}

function toTmx(pairs: readonly SentencePair[], languages: LanguagePair, segType: SegmentType): string {
  const source = escapeXml(languages.sourceLanguage);
  const target = escapeXml(languages.targetLanguage);
  const units = pairs.map(
    (pair) =>
      `    <tu>\n` +
      `      <tuv xml:lang="${source}"><seg>${escapeXml(pair.source)}</seg></tuv>\n` +
      `      <tuv xml:lang="${target}"><seg>${escapeXml(pair.target)}</seg></tuv>\n` +
      `    </tu>\n`,
  );
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<tmx version="1.4">\n` +
    `  <header creationtool="amts" creationtoolversion="${TOOL_VERSION}" segtype="${segType}" o-tmf="amts"` +
    ` adminlang="en" srclang="${source}" datatype="plaintext"/>\n` +
    `  <body>\n${units.join('')}  </body>\n` +
    `</tmx>\n`
  );
}

export function writeParallelData(pairs: readonly SentencePair[], options: WriteOptions): WriteResult {
  const { pairs: kept, skipped, rewritten } = screenForFile(pairs, options, options.format);
  const text =
    options.format === 'csv'
      ? toCsv(kept, options)
      : options.format === 'tsv'
        ? toTsv(kept, options)
        : toTmx(kept, options, options.segType ?? 'sentence');
  return { text, written: kept.length, skipped, rewritten };
}
