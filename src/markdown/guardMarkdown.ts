import { InputError } from '../errors.js';
import { fenceRun, prefixLength } from './fenceRun.js';

/** Longer lines make the inline parser slow enough to look hung; no book writes a 100,000-character line. */
export const MAX_LINE_LENGTH = 100_000;
/** The tree builder recurses per container level; far below where Node's stack overflows. */
export const MAX_NESTING_DEPTH = 64;
/** Unbalanced brackets and emphasis runs make inline resolution quadratic. */
export const MAX_INLINE_OPENERS_PER_LINE = 2_000;
/**
 * The same over a whole paragraph (lines up to a blank line, code cells left out): resolution is quadratic in
 * the markers of a paragraph, so many short lines of them hang the parser as surely as one long line. The
 * longest paragraphs of the books hold a few hundred.
 */
export const MAX_INLINE_OPENERS_PER_PARAGRAPH = 20_000;

/**
 * Refuses text that would hang the Markdown parser or overflow its stack, before it is parsed:
 * megabyte lines, deeply nested block quotes or lists, and runs of thousands of unclosed openers.
 */
export function guardMarkdown(text: string, path: string): void {
  let lineStart = 0;
  let lineNumber = 1;
  const paragraph = { openers: 0, firstLine: 0 };
  let fence: string | null = null;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const openers = checkLine(text, lineStart, lineEnd, lineNumber, path);
    const contentStart = lineStart + prefixLength(text, lineStart, lineEnd);
    const fenceMarkers = fenceRun(text, contentStart, lineEnd);
    if (fence !== null) {
      if (fenceMarkers !== undefined && fenceMarkers[0] === fence[0] && fenceMarkers.length >= fence.length)
        fence = null;
    } else if (fenceMarkers !== undefined) {
      fence = fenceMarkers;
      paragraph.openers = 0;
    } else if (isBlank(text, contentStart, lineEnd)) {
      paragraph.openers = 0;
    } else {
      if (paragraph.openers === 0) paragraph.firstLine = lineNumber;
      paragraph.openers += openers;
      if (paragraph.openers > MAX_INLINE_OPENERS_PER_PARAGRAPH) {
        throw new InputError(
          path,
          `paragraph holds over ${MAX_INLINE_OPENERS_PER_PARAGRAPH} brackets, emphasis, code or math markers; ` +
            'split it with blank lines',
          paragraph.firstLine,
        );
      }
    }
    if (newline === -1) break;
    lineStart = newline + 1;
    lineNumber += 1;
  }
}

/** Whether [start, end) holds only white space; stops at the first other character. */
function isBlank(text: string, start: number, end: number): boolean {
  for (let index = start; index < end; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 32 || code === 9 || code === 13) continue;
    if (code < 128 || !/\s/.test(text.charAt(index))) return false;
  }
  return true;
}

/** Checks one line; returns how many inline markers it holds. */
function checkLine(text: string, start: number, end: number, lineNumber: number, path: string): number {
  const length = end - start;
  if (length > MAX_LINE_LENGTH) {
    throw new InputError(path, `line is ${length} characters long; the limit is ${MAX_LINE_LENGTH}`, lineNumber);
  }
  const depth = containerDepth(text, start, end);
  if (depth > MAX_NESTING_DEPTH) {
    throw new InputError(
      path,
      `block quotes or lists nest ${depth} deep; the limit is ${MAX_NESTING_DEPTH}`,
      lineNumber,
    );
  }
  let openers = 0;
  let markers = 0;
  for (let index = start; index < end; index += 1) {
    const code = text.charCodeAt(index);
    // [ * _ < ` count: each may open a construct that the parser must try to close.
    if (code === 91 || code === 42 || code === 95 || code === 60 || code === 96) openers += 1;
    // $ and ~ open inline math and strike-through, which a paragraph's resolution also pairs up.
    else if (code === 36 || code === 126) markers += 1;
  }
  if (openers > MAX_INLINE_OPENERS_PER_LINE) {
    throw new InputError(
      path,
      `line holds ${openers} brackets, emphasis or code markers; the limit is ${MAX_INLINE_OPENERS_PER_LINE}`,
      lineNumber,
    );
  }
  return openers + markers;
}

/** Counts `>` markers and list markers at the start of a line, the way containers nest. */
function containerDepth(text: string, start: number, end: number): number {
  let depth = 0;
  let index = start;
  while (index < end) {
    const code = text.charCodeAt(index);
    if (code === 32 || code === 9) {
      index += 1;
    } else if (code === 62) {
      depth += 1;
      index += 1;
    } else if ((code === 45 || code === 42 || code === 43) && isSpaceAt(text, index + 1, end)) {
      depth += 1;
      index += 2;
    } else {
      break;
    }
  }
  // A list marker indented by many columns closes into that many nested lists (two columns a level at least).
  return depth === 0 ? 0 : depth + Math.floor(leadingColumns(text, start, end) / 2);
}

function isSpaceAt(text: string, index: number, end: number): boolean {
  if (index >= end) return false;
  const code = text.charCodeAt(index);
  return code === 32 || code === 9;
}

function leadingColumns(text: string, start: number, end: number): number {
  let columns = 0;
  for (let index = start; index < end; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 32) columns += 1;
    else if (code === 9) columns += 4 - (columns % 4);
    else break;
  }
  return columns;
}
