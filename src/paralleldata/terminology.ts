/**
 * Reads a glossary such as d2l-zh's TERMINOLOGY.md: one term per line written "中文，English"
 * (the full-width comma is the separator, list markers allowed), or a two-column Markdown table.
 * Whichever side holds CJK characters is the target; the English side is the source. Terms are
 * kept exactly as written, alternatives like "准确率/精度" and glosses like "(LSTM)" included.
 */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

export interface TermPair {
  readonly source: string;
  readonly target: string;
}

function orient(left: string, right: string, where: string): TermPair {
  const leftIsCjk = CJK.test(left);
  if (leftIsCjk === CJK.test(right)) {
    throw new Error(`${where}: cannot tell which side of "${left}" / "${right}" is the English term`);
  }
  return leftIsCjk ? { source: right, target: left } : { source: left, target: right };
}

function tableCells(line: string): string[] {
  return line
    .replace(/^\s*\|/u, '')
    .replace(/\|\s*$/u, '')
    .split('|')
    .map((cell) => cell.trim());
}

const isTableSeparator = (line: string | undefined): boolean => /^\s*\|?\s*:?-{3,}/u.test(line ?? '');

export function readTerminologyTable(markdown: string, file: string): TermPair[] {
  const lines = markdown.replace(/^\uFEFF/u, '').split(/\r?\n/u);
  const terms: TermPair[] = [];
  lines.forEach((rawLine, index) => {
    const where = `${file}: line ${index + 1}`;
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#') || line.startsWith('<!--') || isTableSeparator(line)) return;
    if (line.startsWith('|')) {
      // A row followed by the separator row is the table's header.
      if (isTableSeparator(lines[index + 1])) return;
      const cells = tableCells(line);
      if (cells.length !== 2 || cells.some((cell) => cell === '')) {
        throw new Error(`${where}: expected a table row with two terms, found ${cells.length} cells`);
      }
      const [left = '', right = ''] = cells;
      terms.push(orient(left, right, where));
      return;
    }
    const entry = line.replace(/^[-*+]\s+/u, '');
    const separator = entry.indexOf('，');
    if (separator <= 0 || separator === entry.length - 1) {
      throw new Error(`${where}: expected "中文，English", found "${line}"`);
    }
    terms.push(orient(entry.slice(0, separator).trim(), entry.slice(separator + 1).trim(), where));
  });
  return terms;
}
