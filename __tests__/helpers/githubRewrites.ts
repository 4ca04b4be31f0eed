/**
 * What GitHub does to the text of rendered Markdown after rendering it, written down here apart from
 * the code under test: each pattern, found in the shown text, would ping, link or turn into an emoji.
 *
 * - `@name` (a letter or digit after `@`) mentions a user or `@org/team`; `a@b.c` becomes a mail link.
 * - `#12`, `owner/repo#12` and `GH-12` link (and cross-reference) an issue or pull request.
 * - `https://…`, `http://…`, `ftp://…` and `www.…` become links (an issue URL also shows as `owner/repo#12`).
 * - `:name:` becomes an emoji when GitHub knows the name (`:label:` is one).
 */
export const GITHUB_REWRITES: ReadonlyArray<{ readonly name: string; readonly pattern: RegExp }> = [
  { name: 'mention', pattern: /@[A-Za-z0-9]/ },
  { name: 'issue reference', pattern: /#\d/ },
  { name: 'GH- issue reference', pattern: /\bGH-\d/i },
  { name: 'URL autolink', pattern: /\b(?:https?|ftp):\/\//i },
  { name: 'www autolink', pattern: /\bwww\./i },
  { name: 'emoji shortcode', pattern: /:[A-Za-z0-9_+-]+:/ },
];

export const ZERO_WIDTH_SPACE = '\u200b';

/** A zero-width space that sits inside one of the patterns above, where it is what breaks it. */
export const NEEDED_BREAK =
  /(?:@(?=\u200b[A-Za-z0-9])|#(?=\u200b\d)|GH-(?=\u200b\d)|(?:https?|ftp)(?=\u200b:\/\/)|www(?=\u200b\.)|:(?=\u200b[A-Za-z0-9_+-]+:))\u200b/gi;

/** Other invisible characters nobody should have inserted. */
export const OTHER_INVISIBLE = /\u00ad|\u200c|\u200d|\u2060|\ufeff/;

/** The patterns of GITHUB_REWRITES that occur in a text. */
export function rewritesIn(text: string): string[] {
  return GITHUB_REWRITES.filter(({ pattern }) => pattern.test(text)).map(({ name }) => name);
}
