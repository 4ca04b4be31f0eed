import { lineRanges, type LineRange } from '../text/lineRanges.js';
import type { Leaf } from './leaf.js';
import { NeedsFullParser, scanInline, type Chunk } from './scanInline.js';

interface ListItem {
  /** Column where the item's content starts: a line continues the item when indented this far. */
  readonly contentColumn: number;
  readonly ordered: boolean;
  /** `-`, `*`, `+`, `.` or `)`: a sibling item must use the same. */
  readonly marker: string;
}

type Line = LineRange;

interface Paragraph {
  readonly chunks: Chunk[];
  readonly inQuote: boolean;
  /** Whether a lazy line continued it: whether an underline then makes it a heading is left to remark. */
  hadLazyLine?: boolean;
}

interface Fence {
  readonly start: number;
  readonly marker: string;
  readonly size: number;
}

const BULLET = /^([-+*])(?=[ \t]|$)/;
const ORDERED = /^(\d{1,9})([.)])(?=[ \t]|$)/;
const ATX = /^#{1,6}(?=[ \t]|$)/;
const FENCE_OPEN = /^(`{3,}|~{3,})(.*)$/;
const THEMATIC_BREAK = /^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
/** A line that could underline a setext heading or be a table's delimiter row. */
const UNDERLINE_LIKE = /^[ \t|:=-]*[=-][ \t|:=-]*$/;
/** Under a paragraph whose containers all continue, this turns it into a heading (a lone `-` is left out: it could be a list item). */
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-{2,})[ \t]*$/;
const QUOTE_MARKER = /^ {0,3}>/;
const DELIMITER_ROW = /^ {0,3}(?=[^\n]*\|)\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
/** Reference and footnote definitions make `[x]` and `[^x]` links: left to the full parser. */
const DEFINITION_LIKE = /^[ \t]*\[[^\n]*\]:/m;

/**
 * Leaf blocks of a chapter as remark would find them, for the Markdown the books are written in:
 * ATX headings, paragraphs (with lazy lines), fenced code and nested lists. Block quotes, HTML
 * blocks, indented code, setext headings, tables, definitions, tabs in indentation and every case
 * where micromark and CommonMark's reference parser are known to differ throw NeedsFullParser, so
 * the caller falls back to remark and the result is always remark's.
 */
export function scanBlocks(text: string): Leaf[] {
  if (text.includes('\0')) throw new NeedsFullParser('NUL character');
  if (/\r(?!\n)/.test(text)) throw new NeedsFullParser('bare carriage return');
  if (DEFINITION_LIKE.test(text)) throw new NeedsFullParser('definition-like line');
  return new BlockScanner(text).scan();
}

class BlockScanner {
  private readonly leaves: Leaf[] = [];
  private readonly items: ListItem[] = [];
  private paragraph: Paragraph | null = null;
  private table: { readonly delimiterPending: boolean } | null = null;
  private quoteOpen = false;
  private fence: Fence | null = null;
  private readonly lines: Line[];

  constructor(private readonly text: string) {
    this.lines = lineRanges(text);
  }

  scan(): Leaf[] {
    for (let index = 0; index < this.lines.length; index += 1) {
      const line = this.lines[index];
      if (line) this.line(line, this.lines[index + 1]);
    }
    if (this.fence) throw new NeedsFullParser('unclosed fence');
    this.closeParagraph();
    return this.leaves;
  }

  private line(line: Line, next: Line | undefined): void {
    if (this.fence && this.items.length === 0) {
      // Most lines of a chapter are code: at the top level only a closing fence matters.
      this.fenceLine(line, this.text.slice(line.start, line.end), 0);
      return;
    }
    const content = this.text.slice(line.start, line.end);
    const indent = leadingSpaces(content);
    const blank = indent === content.length || /^[ \t]*$/.test(content);
    if (/^[ ]*\t/.test(content) && !blank && !(this.fence && this.items.length === 0)) {
      // A tab-indented line inside a top-level paragraph (display math often is) is indented four
      // columns or more, so it can only continue the paragraph; anywhere else columns matter.
      if (this.items.length > 0 || this.quoteOpen || !this.paragraph || this.table !== null) {
        throw new NeedsFullParser('tab in indentation');
      }
      this.paragraph.chunks.push({ start: line.start + leadingWhitespace(content), end: line.end });
      this.checkUnderline(next);
      return;
    }
    if (this.table !== null) {
      if (blank) this.table = null;
      else this.tableRow(line, content);
      return;
    }
    let matched = 0;
    let column = 0;
    let sibling = false;
    for (const item of this.items) {
      if (blank || indent >= item.contentColumn) {
        matched += 1;
        column = item.contentColumn;
        continue;
      }
      const rest = content.slice(column);
      const marker = listMarker(rest.slice(leadingSpaces(rest)));
      if (
        marker &&
        leadingSpaces(rest) <= 3 &&
        marker.ordered === item.ordered &&
        marker.marker === item.marker &&
        !this.fence
      ) {
        sibling = true;
      }
      break;
    }
    if (this.fence) {
      if (matched < this.items.length) throw new NeedsFullParser('fence ended by its list item');
      this.fenceLine(line, content, column);
      return;
    }
    if (this.items.length === 0 && this.quoteLine(line, content, blank, next)) return;
    if (blank) {
      this.closeParagraph();
      return;
    }
    if (this.paragraph && matched === this.items.length && SETEXT_UNDERLINE.test(content.slice(column))) {
      if (this.paragraph.hadLazyLine) throw new NeedsFullParser('underline under a lazy line');
      this.setextHeading(this.paragraph);
      return;
    }
    if (matched < this.items.length && !sibling && this.paragraph && !startsListItem(content.slice(column))) {
      requirePlainLazyLine(content.slice(column));
      this.paragraph.hadLazyLine = true;
      this.paragraph.chunks.push({ start: line.start + indent, end: line.end });
      this.checkUnderline(next);
      return;
    }
    if (matched < this.items.length) {
      this.closeParagraph();
      this.items.length = matched;
    }
    this.openBlocks(line, content, column, next, matched === this.items.length && this.paragraph !== null);
  }

  /** Opens whatever starts at `column`: list items (nested as written), then one leaf. */
  private openBlocks(
    line: Line,
    content: string,
    startColumn: number,
    next: Line | undefined,
    canContinue: boolean,
  ): void {
    let column = startColumn;
    let continuing = canContinue;
    for (;;) {
      const rest = content.slice(column);
      const spaces = leadingSpaces(rest);
      if (spaces === rest.length) throw new NeedsFullParser('list item that starts empty');
      if (spaces >= 4) {
        if (continuing) return this.continueParagraph(line, content, next);
        throw new NeedsFullParser('indented code');
      }
      const body = rest.slice(spaces);
      const first = body[0];
      if (first === '>' || first === '<') throw new NeedsFullParser('block quote or HTML block');
      if (ATX.test(body)) {
        this.closeParagraph();
        this.heading(line.start + column + spaces, line.end, body);
        return;
      }
      const fence = FENCE_OPEN.exec(body);
      if (fence && !(fence[1]?.startsWith('`') && fence[2]?.includes('`'))) {
        this.closeParagraph();
        const marker = fence[1] ?? '```';
        this.fence = { start: line.start + column + spaces, marker: marker[0] ?? '`', size: marker.length };
        return;
      }
      if (THEMATIC_BREAK.test(body)) {
        if (continuing && /^[ \t-]+$/.test(body)) throw new NeedsFullParser('setext heading');
        this.closeParagraph();
        return;
      }
      const marker = listMarker(body);
      if (marker) {
        const after = body.slice(marker.width);
        const gap = leadingSpaces(after);
        if (gap === after.length) throw new NeedsFullParser('list item that starts empty');
        if (after[gap] === '\t' || gap === 0) throw new NeedsFullParser('tab after list marker');
        if (gap > 4) throw new NeedsFullParser('list item starting with indented code');
        const interrupts = !marker.ordered || marker.number === 1;
        if (this.paragraph && !interrupts) throw new NeedsFullParser('list marker that cannot interrupt a paragraph');
        this.closeParagraph();
        continuing = false;
        column += spaces + marker.width + gap;
        this.items.push({ contentColumn: column, ordered: marker.ordered, marker: marker.marker });
        continue;
      }
      if (continuing) return this.continueParagraph(line, content, next);
      this.closeParagraph();
      if (this.items.length === 0 && next && this.startsTable(line, content, next)) return;
      this.paragraph = { chunks: [{ start: line.start + column + spaces, end: line.end }], inQuote: false };
      this.checkUnderline(next);
      return;
    }
  }

  /**
   * Block quotes at the top level holding plain paragraphs (with lazy lines): handles the line and
   * returns true, or returns false when the line is outside any quote. Anything else in a quote is
   * left to the full parser.
   */
  private quoteLine(line: Line, content: string, blank: boolean, next: Line | undefined): boolean {
    const marker = QUOTE_MARKER.exec(content);
    if (marker) {
      const inner = content.slice(marker[0].length);
      if (/^[ ]*\t/.test(inner)) throw new NeedsFullParser('tab in a block quote');
      const body = inner.slice(leadingSpaces(inner));
      if (this.paragraph && !this.paragraph.inQuote) this.closeParagraph();
      this.quoteOpen = true;
      if (body === '' || /^[ \t]*$/.test(body)) {
        this.closeParagraph();
        return true;
      }
      if (mayOpenBlock(body) || leadingSpaces(inner) >= 4) throw new NeedsFullParser('block inside a block quote');
      const chunk = { start: line.start + marker[0].length + leadingSpaces(inner), end: line.end };
      if (this.paragraph) this.paragraph.chunks.push(chunk);
      else this.paragraph = { chunks: [chunk], inQuote: true };
      this.checkUnderline(next);
      return true;
    }
    if (!this.quoteOpen) return false;
    if (!blank && this.paragraph?.inQuote) {
      if (mayOpenBlock(content.trimStart())) throw new NeedsFullParser('line after a block quote');
      this.paragraph.chunks.push({ start: line.start + leadingSpaces(content), end: line.end });
      this.checkUnderline(next);
      return true;
    }
    this.closeParagraph();
    this.quoteOpen = false;
    return false;
  }

  private setextHeading(paragraph: Paragraph): void {
    this.paragraph = null;
    const first = paragraph.chunks[0];
    const last = paragraph.chunks.at(-1);
    if (!first || !last) return;
    const items = scanInline(this.text, paragraph.chunks);
    this.leaves.push({ type: 'unit', context: 'heading', start: first.start, end: last.end, items, inQuote: false });
  }

  private continueParagraph(line: Line, content: string, next: Line | undefined): void {
    this.paragraph?.chunks.push({ start: line.start + leadingSpaces(content), end: line.end });
    this.checkUnderline(next);
  }

  /**
   * A GFM table at the top level, after a blank line or another block: a header row with pipes, a
   * delimiter row with as many cells, then rows up to a blank line. Any row that could also open
   * another block, or a header whose cells do not match, is left to the full parser.
   */
  private startsTable(line: Line, content: string, next: Line): boolean {
    const delimiter = this.text.slice(next.start, next.end);
    if (!content.includes('|') || !DELIMITER_ROW.test(delimiter)) return false;
    const header = cellRanges(content);
    if (mayOpenBlock(content.trimStart()) || header.length !== cellRanges(delimiter).length) {
      throw new NeedsFullParser('table-like lines');
    }
    this.pushCells(line, header);
    this.table = { delimiterPending: true };
    return true;
  }

  private tableRow(line: Line, content: string): void {
    if (this.table?.delimiterPending) {
      this.table = { delimiterPending: false };
      return;
    }
    if (leadingSpaces(content) >= 4 || mayOpenBlock(content.trimStart())) {
      throw new NeedsFullParser('table row that may open a block');
    }
    this.pushCells(line, cellRanges(content));
  }

  private pushCells(line: Line, cells: readonly Chunk[]): void {
    for (const cell of cells) {
      if (cell.start === cell.end) continue;
      const start = line.start + cell.start;
      const end = line.start + cell.end;
      const items = scanInline(this.text, [{ start, end }]);
      this.leaves.push({ type: 'unit', context: 'tableCell', start, end, items, inQuote: false });
    }
  }

  private checkUnderline(next: Line | undefined): void {
    const following = next ? this.text.slice(next.start, next.end) : '';
    if (UNDERLINE_LIKE.test(following) && !(SETEXT_UNDERLINE.test(following) && !this.paragraph?.inQuote)) {
      throw new NeedsFullParser('setext underline or table delimiter row');
    }
    const last = this.paragraph?.chunks.at(-1);
    if (last && this.text.slice(last.start, last.end).includes('|') && /^[ \t|:-]+$/.test(following)) {
      throw new NeedsFullParser('table');
    }
  }

  private heading(start: number, end: number, body: string): void {
    const hashes = ATX.exec(body)?.[0].length ?? 1;
    let contentEnd = end;
    while (contentEnd > start + hashes && /[ \t]/.test(this.text[contentEnd - 1] ?? '')) contentEnd -= 1;
    let closing = contentEnd;
    while (closing > start + hashes && this.text[closing - 1] === '#') closing -= 1;
    if (closing === start + hashes) contentEnd = closing;
    else if (closing < contentEnd && /[ \t]/.test(this.text[closing - 1] ?? '')) contentEnd = closing;
    let contentStart = start + hashes;
    while (contentStart < contentEnd && /[ \t]/.test(this.text[contentStart] ?? '')) contentStart += 1;
    while (contentEnd > contentStart && /[ \t]/.test(this.text[contentEnd - 1] ?? '')) contentEnd -= 1;
    if (contentStart === contentEnd) return;
    const items = scanInline(this.text, [{ start: contentStart, end: contentEnd }]);
    this.leaves.push({ type: 'unit', context: 'heading', start: contentStart, end: contentEnd, items, inQuote: false });
  }

  private fenceLine(line: Line, content: string, column: number): void {
    const fence = this.fence;
    if (!fence) return;
    const rest = column === 0 ? content : content.slice(column);
    const spaces = leadingSpaces(rest);
    if (spaces > 3 || rest.charAt(spaces) !== fence.marker) return;
    const body = rest.slice(spaces).replace(/[ \t]+$/, '');
    if (spaces <= 3 && body.length >= fence.size && body === fence.marker.repeat(body.length)) {
      this.leaves.push({ type: 'code', start: fence.start, end: line.end });
      this.fence = null;
    }
  }

  private closeParagraph(): void {
    const paragraph = this.paragraph;
    if (!paragraph) return;
    this.paragraph = null;
    const first = paragraph.chunks[0];
    const last = paragraph.chunks.at(-1);
    if (!first || !last) return;
    const items = scanInline(this.text, paragraph.chunks);
    this.leaves.push({ type: 'paragraph', start: first.start, end: last.end, items, inQuote: paragraph.inQuote });
  }
}

/**
 * Whether a line that misses some of the open list items starts a list item with text after its marker. The
 * paragraph it would continue lazily is then inside a list item the line does not reach, so the rule that only some
 * items may interrupt a paragraph does not apply (CommonMark checks it against the deepest container the line
 * reaches): the item ends the ones it does not reach, as in exercise lists with ` * choice` under `4. question`.
 */
function startsListItem(rest: string): boolean {
  const spaces = leadingSpaces(rest);
  if (spaces >= 4) return false;
  const body = rest.slice(spaces);
  const marker = listMarker(body);
  return marker !== null && !THEMATIC_BREAK.test(body) && /^ +[^ \t]/.test(body.slice(marker.width));
}

/** A lazy line must be plain text: anything that could open a block is left to the full parser. */
function requirePlainLazyLine(rest: string): void {
  const spaces = leadingSpaces(rest);
  if (spaces < 4 && mayOpenBlock(rest.slice(spaces))) throw new NeedsFullParser('lazy line that may open a block');
}

/** Could this line content (without its indentation) open a block other than a paragraph? */
function mayOpenBlock(body: string): boolean {
  return (
    /^[>#<]/.test(body) ||
    FENCE_OPEN.test(body) ||
    THEMATIC_BREAK.test(body) ||
    listMarker(body) !== null ||
    UNDERLINE_LIKE.test(body)
  );
}

/**
 * The cells of a table row, as trimmed ranges within the line: split at pipes that are not escaped,
 * without the empty cells before a leading pipe and after a trailing one.
 */
function cellRanges(row: string): Chunk[] {
  const dividers: number[] = [];
  for (let index = 0; index < row.length; index += 1) {
    const char = row[index];
    if (char === '\\' && (row[index + 1] === '\\' || row[index + 1] === '|')) index += 1;
    else if (char === '|') dividers.push(index);
  }
  const bounds = [-1, ...dividers, row.length];
  const cells: Chunk[] = [];
  for (let index = 0; index + 1 < bounds.length; index += 1) {
    let start = (bounds[index] ?? 0) + 1;
    let end = bounds[index + 1] ?? row.length;
    while (start < end && /[ \t]/.test(row[start] ?? '')) start += 1;
    while (end > start && /[ \t]/.test(row[end - 1] ?? '')) end -= 1;
    const edge = index === 0 || index + 2 === bounds.length;
    if (edge && start === end) continue;
    cells.push({ start, end });
  }
  return cells;
}

interface Marker {
  readonly ordered: boolean;
  readonly marker: string;
  readonly width: number;
  readonly number: number;
}

function listMarker(body: string): Marker | null {
  const bullet = BULLET.exec(body);
  if (bullet) return { ordered: false, marker: bullet[1] ?? '-', width: 1, number: 0 };
  const ordered = ORDERED.exec(body);
  if (ordered) {
    const digits = ordered[1] ?? '';
    return { ordered: true, marker: ordered[2] ?? '.', width: digits.length + 1, number: Number(digits) };
  }
  return null;
}

function leadingWhitespace(value: string): number {
  let count = 0;
  while (value.charCodeAt(count) === 32 || value.charCodeAt(count) === 9) count += 1;
  return count;
}

function leadingSpaces(value: string): number {
  let count = 0;
  while (value.charCodeAt(count) === 32) count += 1;
  return count;
}
