/**
 * Escaping for text that comes from files and pull requests (file names, titles, sentences) before
 * it goes into a PR body or job summary: GitHub must render it back to the literal text, never as
 * Markdown, HTML or math, and never ping a user or cross-link an issue.
 *
 * Only named entities are written (`&amp;`, `&lt;`, `&gt;`), never numeric ones: `&#39;` holds a `#`
 * followed by digits, which is what an issue reference looks like. Quotes and apostrophes need no
 * escape in text and stay as they are.
 */
import { breakAutolinks } from './breakAutolinks.js';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * GitHub renders `$…$` as math. Its documented way to show a literal dollar is a dollar alone in a
 * span, which holds where math is found in the rendered text; in Markdown the dollar in the span is
 * also backslash-escaped, as a math parser reading the Markdown otherwise opens math at it and reads
 * on through the `</span>`. Raw HTML takes no backslash escapes, so there the span alone.
 */
const DOLLAR_IN_HTML = '<span>$</span>';
const DOLLAR_IN_MARKDOWN = '<span>\\$</span>';

/** Text inside raw HTML (a `<summary>` line): Markdown is not read there, so only entities escape. */
export function escapeHtmlText(text: string): string {
  return breakAutolinks(text.replace(/\s*\r?\n\s*/g, ' ')).replace(/[&<>$]/g, (character) =>
    character === '$' ? DOLLAR_IN_HTML : (HTML_ESCAPES[character] ?? character),
  );
}

/** One line of literal text, safe in Markdown paragraphs, list items and table cells alike. */
export function escapeInline(text: string): string {
  return (
    breakAutolinks(text.replace(/\s*\r?\n\s*/g, ' '))
      .replace(/[\\`*_{}[\]()|~^&<>$]/g, (character) =>
        character === '$' ? DOLLAR_IN_MARKDOWN : (HTML_ESCAPES[character] ?? `\\${character}`),
      )
      // Only at the start of a line do these open a heading, a list or a quote.
      .replace(
        /^(\s*)([#+-]|\d+\.)/,
        (_match, space: string, marker: string) => `${space}${marker.replace(/([#+.-])/, '\\$1')}`,
      )
  );
}

/**
 * Literal text kept on its lines, for a table cell or a one-line quote: each line of the chapter is a
 * line there (`<br>`, as a GFM cell holds no newline), and a blank line between paragraphs stays blank.
 */
export function escapeCell(text: string): string {
  return text
    .replace(/^\s*\n|\n\s*$/g, '')
    .split(/\r?\n/)
    .map((line) => escapeInline(line))
    .join('<br>');
}

/** A file name in monospace, whatever characters it holds, in Markdown. */
export function codeName(name: string): string {
  return `<code>${escapeInline(name)}</code>`;
}

/** A file name in monospace inside raw HTML. */
export function codeNameHtml(name: string): string {
  return `<code>${escapeHtmlText(name)}</code>`;
}

/** A name usable as one path segment: the branch `amts/zh/pr-12` becomes `amts-zh-pr-12`. */
export function branchSafeName(branch: string): string {
  return branch.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '') || 'branch';
}
