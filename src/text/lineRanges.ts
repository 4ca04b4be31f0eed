/** One line of a text: where it starts, and where its content ends (before `\r\n` or `\n`). */
export interface LineRange {
  readonly start: number;
  readonly end: number;
}

/** Every line of `text`, the last one included even when empty. */
export function lineRanges(text: string): LineRange[] {
  const lines: LineRange[] = [];
  let start = 0;
  for (;;) {
    const newline = text.indexOf('\n', start);
    const lineEnd = newline === -1 ? text.length : newline;
    lines.push({ start, end: lineEnd > start && text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd });
    if (newline === -1) return lines;
    start = newline + 1;
  }
}
