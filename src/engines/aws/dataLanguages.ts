/**
 * The languages a parallel data file covers, per format: the header row of a CSV or TSV, the `srclang` and the
 * `xml:lang` of the first translation unit of a TMX. The batch engine checks them against each request before a
 * job is started with the resource.
 */
import { closeLanguageCode, translateLanguageCode } from '../../language/codes.js';
import { readCsvLanguageHeader } from './csvLanguages.js';

export type ParallelDataFileFormat = 'csv' | 'tsv' | 'tmx';

/** The format a file name says (`.tsv`, `.tmx`, anything else CSV); Translate's `Format` is its upper case. */
export function parallelDataFormatOf(fileName: string): ParallelDataFileFormat {
  const lower = fileName.toLowerCase();
  return lower.endsWith('.tsv') ? 'tsv' : lower.endsWith('.tmx') ? 'tmx' : 'csv';
}

function checkCodes(codes: readonly string[], source: string, where: string): string[] {
  const bad = codes.find((code) => translateLanguageCode(code) === undefined);
  if (bad !== undefined) {
    const close = closeLanguageCode(bad);
    throw new Error(
      `${source}: ${where} "${bad}" is not a language code Amazon Translate accepts` +
        `${close === undefined ? '' : ` (did you mean "${close}"?)`}`,
    );
  }
  return [...codes];
}

function tsvLanguages(text: string, source: string): string[] {
  const first =
    text
      .replace(/^\uFEFF/u, '')
      .split(/\r?\n/u)
      .find((line) => line.trim() !== '') ?? '';
  const header = first.split('\t').map((cell) => cell.trim());
  if (header.length < 2)
    throw new Error(`${source}: the first line must list at least two tab-separated language codes (e.g. "en\tzh")`);
  return checkCodes(header, source, 'header cell');
}

function tmxLanguages(text: string, source: string): string[] {
  const srclang = /<header\b[^>]*\bsrclang="([^"]+)"/u.exec(text)?.[1];
  const unit = /<tu\b[\s\S]*?<\/tu>/u.exec(text)?.[0] ?? '';
  const languages = [...unit.matchAll(/<tuv\b[^>]*\bxml:lang="([^"]+)"/gu)].map((match) => match[1] ?? '');
  if (srclang === undefined || languages.length < 2)
    throw new Error(`${source}: a TMX file needs a header srclang and translation units in at least two languages`);
  const ordered = [srclang, ...languages.filter((language) => language !== srclang)];
  return checkCodes(ordered, source, 'language');
}

/** The file's languages, source first; throws naming `source` when the file does not say them clearly. */
export function readParallelDataLanguages(text: string, format: ParallelDataFileFormat, source: string): string[] {
  if (format === 'tsv') return tsvLanguages(text, source);
  if (format === 'tmx') return tmxLanguages(text, source);
  return readCsvLanguageHeader(text, source);
}
