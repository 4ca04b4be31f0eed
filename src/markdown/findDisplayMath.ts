import { lineRanges } from '../text/lineRanges.js';
import { fenceRun, prefixLength } from './fenceRun.js';
import { isEscaped } from './isEscaped.js';
/** A `$$…$$` display-math block found line by line, as offsets into the text. */
export interface DisplayMath {
  readonly start: number;
  readonly end: number;
}

export interface DisplayMathScan {
  readonly blocks: readonly DisplayMath[];
  /** Offsets of `$$` openers that are never closed. */
  readonly unclosed: readonly number[];
}

/**
 * Finds display math the way d2lbook writes it: a line starting with `$$` opens a block that ends
 * on the first line ending with `$$` (the same line for one-line equations). CommonMark knows no
 * such block: left to it, a line like `- \frac{…}` inside the math starts a list. Fenced code is
 * skipped, so a `$$` in a code cell opens nothing.
 */
export function findDisplayMath(text: string): DisplayMathScan {
  const lines = splitLines(text);
  const blocks: DisplayMath[] = [];
  const unclosed: number[] = [];
  let fence: string | null = null;
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index];
    if (!line) continue;
    const contentStart = prefixLength(line.text);
    const fenceMatch = fenceRun(line.text, contentStart);
    if (fence) {
      if (
        fenceMatch &&
        fenceMatch[0] === fence[0] &&
        fenceMatch.length >= fence.length &&
        line.text.trim().replace(/^[>\s]*/, '') === fenceMatch
      )
        fence = null;
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch;
      continue;
    }
    if (!line.text.startsWith('$$', contentStart)) continue;
    const content = line.text.slice(contentStart);
    const start = line.start + (line.text.length - content.length);
    const closing = closingLine(lines, index, content);
    if (closing === -1) {
      unclosed.push(start);
      continue;
    }
    const last = lines[closing];
    if (!last) continue;
    blocks.push({ start, end: last.start + last.text.trimEnd().length });
    index = closing;
  }
  return { blocks, unclosed };
}

function closingLine(lines: readonly Line[], opening: number, openingContent: string): number {
  const rest = openingContent.trimEnd();
  if (rest.length > 2 && closesMath(rest)) return opening;
  for (let index = opening + 1; index < lines.length; index += 1) {
    const text = lines[index]?.text.trimEnd() ?? '';
    if (closesMath(text)) return index;
  }
  return -1;
}

/** A line ending with `$$`, unless the first of the two is an escaped dollar (`\$$` ends with a lone `$`). */
function closesMath(text: string): boolean {
  return text.endsWith('$$') && !isEscaped(text, text.length - 2);
}

interface Line {
  readonly start: number;
  /** The line without its line ending. */
  readonly text: string;
}

function splitLines(text: string): Line[] {
  return lineRanges(text).map((line) => ({ start: line.start, text: text.slice(line.start, line.end) }));
}

/**
 * Replaces display math by same-length filler that CommonMark reads as plain paragraph text, so
 * that the parser keeps every offset and no line of math is mistaken for a list or a heading.
 */
export function maskDisplayMath(text: string, blocks: readonly DisplayMath[]): string {
  if (blocks.length === 0) return text;
  let out = '';
  let cursor = 0;
  for (const block of blocks) {
    out += text.slice(cursor, block.start);
    out += text
      .slice(block.start, block.end)
      .split('\n')
      .map((line, index) => {
        // Continuation lines keep their container prefix so block quotes and lists stay open.
        const prefix = index === 0 ? '' : (/^[ \t>]*/.exec(line)?.[0] ?? '');
        const body = line.slice(prefix.length);
        const carriage = body.endsWith('\r') ? '\r' : '';
        return prefix + 'x'.repeat(body.length - carriage.length) + carriage;
      })
      .join('\n');
    cursor = block.end;
  }
  return out + text.slice(cursor);
}
