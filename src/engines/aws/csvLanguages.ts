/** Parallel data and terminology CSVs both start with a header row of language codes. */
import Papa from 'papaparse';
import { closeLanguageCode, translateLanguageCode } from '../../language/codes.js';

/**
 * The language codes of the CSV's header row; throws naming `source` (a file name or resource)
 * when the header is missing or holds something other than two or more codes Amazon Translate accepts.
 */
export function readCsvLanguageHeader(csv: string, source: string): string[] {
  const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/u, ''), { preview: 1, skipEmptyLines: true });
  const header = (parsed.data[0] ?? []).map((cell) => cell.trim());
  if (header.length < 2)
    throw new Error(`${source}: the first row must list at least two language codes (e.g. "en,zh")`);
  const bad = header.find((code) => translateLanguageCode(code) === undefined);
  if (bad !== undefined) {
    const close = closeLanguageCode(bad);
    throw new Error(
      `${source}: header cell "${bad}" is not a language code Amazon Translate accepts` +
        `${close === undefined ? '' : ` (did you mean "${close}"?)`}; the first row must be codes like "en,zh"`,
    );
  }
  return header;
}
