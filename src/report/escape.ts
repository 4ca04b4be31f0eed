/**
 * Escaping for text that comes from files and pull requests (file names, titles, sentences) before
 * it goes into a PR body or job summary: it must render as the literal text, never as Markdown or
 * HTML, and never ping a user or cross-link an issue.
 */

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
}

/** One line of literal text, safe in Markdown paragraphs and table cells alike. */
export function escapeInline(text: string): string {
  return (
    escapeHtml(text.replace(/\s*\r?\n\s*/g, ' '))
      .replace(/[\\`*_{}[\]()|~$^]/g, (character) => `\\${character}`)
      // Only at the start of a line do these open a heading, a list or a quote.
      .replace(
        /^(\s*)([#+-]|\d+\.)/,
        (_match, space: string, marker: string) => `${space}${marker.replace(/([#+.-])/, '\\$1')}`,
      )
      .replace(/@(?=[A-Za-z0-9])/g, '@\u200b')
      .replace(/#(?=\d)/g, '#\u200b')
  );
}

/** Literal text kept on several lines, for a table cell. */
export function escapeCell(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => escapeInline(line))
    .join('<br>');
}

/** A file name in monospace, whatever characters it holds. */
export function codeName(name: string): string {
  return `<code>${escapeInline(name)}</code>`;
}

/** A name usable as one path segment: the branch `amts/zh/pr-12` becomes `amts-zh-pr-12`. */
export function branchSafeName(branch: string): string {
  return branch.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '') || 'branch';
}
