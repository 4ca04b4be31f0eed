/**
 * Counts the pieces of a chapter that translation must keep as written, with a scanner of its own
 * rather than the parser under test: code spans, d2lbook roles (`:name:` and a code span), inline
 * math and backslash escapes. Code spans are literal and end at a backtick run of their opener's
 * length; math ends at the next dollar run of its opener's length that is not escaped, a backslash
 * taking the character after it along (pandoc's reading, so `$\$10 \pm \$1$` is one formula and
 * `\$5` an escape). Fenced code and display math lines are skipped: they are copied whole.
 */

const FENCE = /^[ \t>]*(`{3,}|~{3,})/u;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/u;
const BLOCK_START = /^(?:[-*+][ \t]|\d{1,9}[.)][ \t]|#{1,6}[ \t])/u;
const ROLE_BEFORE = /:[A-Za-z][\w-]*:$/u;

/** How often each protected piece occurs in the prose of `text`. */
export function protectedTokenCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (token: string): void => {
    counts.set(token, (counts.get(token) ?? 0) + 1);
  };
  for (const paragraph of proseParagraphs(text)) scanParagraph(paragraph, add);
  return counts;
}

/** The text outside fenced code and `$$` display math, one string per paragraph, list item or heading. */
function proseParagraphs(text: string): string[] {
  const paragraphs: string[] = [];
  let current: string[] = [];
  let fence: string | null = null;
  let inDisplayMath = false;
  const flush = (): void => {
    if (current.length > 0) paragraphs.push(current.join('\n'));
    current = [];
  };
  for (const line of text.split(/\r?\n/u)) {
    const body = line.replace(/^[ \t>]*/u, '');
    const run = FENCE.exec(line)?.[1];
    if (fence !== null) {
      if (run !== undefined && run[0] === fence[0] && run.length >= fence.length) fence = null;
      continue;
    }
    if (inDisplayMath) {
      if (body.trimEnd().endsWith('$$')) inDisplayMath = false;
      continue;
    }
    if (run !== undefined) {
      flush();
      fence = run;
    } else if (body.startsWith('$$')) {
      flush();
      inDisplayMath = !(body.trimEnd().length > 2 && body.trimEnd().endsWith('$$'));
    } else if (body.trim() === '') flush();
    else {
      // Inline pieces never cross into the next list item or heading.
      if (BLOCK_START.test(body)) flush();
      current.push(line);
    }
  }
  flush();
  return paragraphs;
}

function scanParagraph(value: string, add: (token: string) => void): void {
  let index = 0;
  while (index < value.length) {
    const char = value[index];
    if (char === '\\') {
      const next = value[index + 1] ?? '';
      if (ASCII_PUNCTUATION.test(next)) add(value.slice(index, index + 2));
      index += ASCII_PUNCTUATION.test(next) ? 2 : 1;
    } else if (char === '`') {
      const end = closingRun(value, index, '`', false);
      if (end === -1) index += runLength(value, index, '`');
      else {
        const role = ROLE_BEFORE.exec(value.slice(Math.max(0, index - 40), index))?.[0] ?? '';
        add(role + value.slice(index, end));
        index = end;
      }
    } else if (char === '$') {
      const end = closingRun(value, index, '$', true);
      if (end !== -1) add(value.slice(index, end));
      index = end === -1 ? index + runLength(value, index, '$') : end;
    } else index += 1;
  }
}

/** The end of the run that closes the one at `start`, or -1; in math a backslash takes the next character along. */
function closingRun(value: string, start: number, marker: string, escapes: boolean): number {
  const size = runLength(value, start, marker);
  let index = start + size;
  while (index < value.length) {
    if (escapes && value[index] === '\\') index += 2;
    else if (value[index] === marker) {
      const length = runLength(value, index, marker);
      if (length === size) return index + length;
      index += length;
    } else index += 1;
  }
  return -1;
}

function runLength(value: string, start: number, marker: string): number {
  let end = start;
  while (value[end] === marker) end += 1;
  return end - start;
}
