/**
 * Reads parallel data a user supplies next to the book (CSV, TSV or TMX, by file extension) into
 * sentence pairs with confidence 1. Columns and `<tuv>` elements are picked by language code, with
 * region subtags matched loosely (`zh-CN` is `zh`, `pt` is `pt-BR`; Simplified and Traditional
 * Chinese never match each other). Every error names the file and where in it the problem is.
 *
 * CSV: RFC 4180, a header row of language codes is required (Amazon Translate requires it too).
 * TSV: no quoting; the header row of language codes is optional. When the first line is not made
 * of language codes, the first column is the source and the second the target.
 * TMX: any version; `xml:lang` (1.4) or `lang` (1.1) on `<tuv>`; inline codes (`<bpt>`, `<ept>`,
 * `<ph>`, `<it>`, `<ut>`) are dropped, the text of `<hi>` kept. A `<tu>` lacking one of the two
 * languages is ignored, as multilingual memories often hold such units.
 */
import { Parser } from 'htmlparser2';
import Papa from 'papaparse';
import { findLanguage, looksLikeLanguageCode } from './languages.js';
import type { LanguagePair, SentencePair } from './types.js';
import { createLineLocator } from '../text/lineLocator.js';

interface Row {
  readonly fields: readonly string[];
  readonly line: number;
}

/** Line number (1-based) of an offset, in O(log n) per lookup. */
function csvRows(text: string, file: string): Row[] {
  const lineAt = createLineLocator(text);
  const rows: Row[] = [];
  const problems: string[] = [];
  let rowStart = 0;
  Papa.parse<string[]>(text, {
    delimiter: ',',
    step(result) {
      const line = lineAt(rowStart);
      for (const error of result.errors) problems.push(`${file}: line ${line}: ${error.message}`);
      if (result.data.some((field) => field !== '')) rows.push({ fields: result.data, line });
      rowStart = result.meta.cursor;
      // The cursor stops before the line break that ends the row.
      while (text[rowStart] === '\r' || text[rowStart] === '\n') rowStart += 1;
    },
  });
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return rows;
}

function tsvRows(text: string): Row[] {
  return text
    .split('\n')
    .map((line, index) => ({ fields: line.replace(/\r$/u, '').split('\t'), line: index + 1 }))
    .filter((row) => row.fields.some((field) => field.trim() !== ''));
}

function languageColumns(header: Row, file: string, languages: LanguagePair): readonly [number, number] {
  const codes = header.fields.map((field) => field.trim());
  const column = (language: string): number => {
    const found = findLanguage(codes, language);
    if (found === undefined) {
      throw new Error(
        `${file}: line ${header.line}: the header row has no column for language "${language}" (found: ${codes.join(', ')})`,
      );
    }
    return found;
  };
  return [column(languages.sourceLanguage), column(languages.targetLanguage)];
}

function pairsFromRows(
  rows: readonly Row[],
  columns: readonly [number, number],
  width: number,
  file: string,
): SentencePair[] {
  return rows.map((row) => {
    if (row.fields.length !== width) {
      throw new Error(`${file}: line ${row.line}: expected ${width} fields, found ${row.fields.length}`);
    }
    const [source, target] = columns.map((column) => row.fields[column] ?? '') as [string, string];
    return { source, target, confidence: 1, origin: { file, line: row.line } };
  });
}

function readCsv(text: string, file: string, languages: LanguagePair): SentencePair[] {
  const [header, ...rows] = csvRows(text, file);
  if (!header) return [];
  if (!header.fields.every(looksLikeLanguageCode)) {
    throw new Error(
      `${file}: line ${header.line}: the first row must hold language codes such as "${languages.sourceLanguage},${languages.targetLanguage}"`,
    );
  }
  return pairsFromRows(rows, languageColumns(header, file, languages), header.fields.length, file);
}

function readTsv(text: string, file: string, languages: LanguagePair): SentencePair[] {
  const rows = tsvRows(text);
  const [first, ...rest] = rows;
  if (!first) return [];
  const hasHeader = first.fields.length >= 2 && first.fields.every(looksLikeLanguageCode);
  if (!hasHeader) return pairsFromRows(rows, [0, 1], 2, file);
  return pairsFromRows(rest, languageColumns(first, file, languages), first.fields.length, file);
}

/** htmlparser2 reports `<x/>` and a missing `</x>` alike, as implied closes; the source tells them apart. */
function isSelfClosing(tagSource: string): boolean {
  return tagSource.startsWith('<') && tagSource.endsWith('/>');
}

const TMX_INLINE_CODES = new Set(['bpt', 'ept', 'ph', 'it', 'ut']);

interface VariantInProgress {
  readonly language: string;
  text: string;
}

interface UnitInProgress {
  readonly line: number;
  readonly variants: Array<{ language: string; text: string }>;
}

function readTmx(text: string, file: string, languages: LanguagePair): SentencePair[] {
  const lineAt = createLineLocator(text);
  const pairs: SentencePair[] = [];
  let sawRoot = false;
  let unitCount = 0;
  let unit: UnitInProgress | undefined;
  let variant: VariantInProgress | undefined;
  let inSegment = false;
  let inlineCodeDepth = 0;
  const fail = (message: string): never => {
    throw new Error(`${file}: line ${lineAt(parser.startIndex)}: ${message}`);
  };
  const finishUnit = (finished: UnitInProgress): void => {
    const codes = finished.variants.map((candidate) => candidate.language);
    const source = finished.variants[findLanguage(codes, languages.sourceLanguage) ?? -1];
    const target = finished.variants[findLanguage(codes, languages.targetLanguage) ?? -1];
    if (source && target && source !== target) {
      pairs.push({ source: source.text, target: target.text, confidence: 1, origin: { file, line: finished.line } });
    }
  };
  const parser = new Parser(
    {
      onopentag(rawName, attributes) {
        const name = rawName.toLowerCase();
        if (name === 'tmx') sawRoot = true;
        else if (name === 'tu') {
          unitCount += 1;
          unit = { line: lineAt(parser.startIndex), variants: [] };
        } else if (name === 'tuv') {
          if (!unit) fail('<tuv> outside a <tu>');
          const language = attributes['xml:lang'] ?? attributes['lang'];
          variant = { language: language ?? fail('<tuv> without an xml:lang attribute'), text: '' };
        } else if (name === 'seg') {
          if (!variant) fail('<seg> outside a <tuv>');
          inSegment = true;
        } else if (inSegment && TMX_INLINE_CODES.has(name)) inlineCodeDepth += 1;
      },
      ontext(data) {
        if (variant && inSegment && inlineCodeDepth === 0) variant.text += data;
      },
      onclosetag(rawName, isImplied) {
        const name = rawName.toLowerCase();
        if (isImplied && !isSelfClosing(text.slice(parser.startIndex, parser.endIndex + 1)))
          fail(`<${name}> is not closed`);
        if (name === 'seg') inSegment = false;
        else if (inSegment && TMX_INLINE_CODES.has(name)) inlineCodeDepth -= 1;
        else if (name === 'tuv' && variant) {
          unit?.variants.push({ language: variant.language, text: variant.text });
          variant = undefined;
        } else if (name === 'tu' && unit) {
          finishUnit(unit);
          unit = undefined;
        }
      },
    },
    { xmlMode: true },
  );
  parser.write(text);
  parser.end();
  if (!sawRoot) throw new Error(`${file}: not a TMX file (no <tmx> element)`);
  if (unitCount > 0 && pairs.length === 0) {
    throw new Error(
      `${file}: none of its ${unitCount} <tu> elements holds both "${languages.sourceLanguage}" and "${languages.targetLanguage}"`,
    );
  }
  return pairs;
}

const READERS: Readonly<Record<string, (text: string, file: string, languages: LanguagePair) => SentencePair[]>> = {
  csv: readCsv,
  tsv: readTsv,
  tmx: readTmx,
};

export function readParallelData(text: string, fileName: string, languages: LanguagePair): SentencePair[] {
  const extension = /\.([^./\\]+)$/u.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const reader = READERS[extension];
  if (!reader)
    throw new Error(`${fileName}: unknown parallel data format ".${extension}" (expected .csv, .tsv or .tmx)`);
  return reader(text.replace(/^\uFEFF/u, ''), fileName, languages);
}
