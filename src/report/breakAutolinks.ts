/**
 * GitHub rewrites the text of a rendered description after Markdown: `@name` pings a user or team, `#12`, `GH-12`
 * and `owner/repo#12` link an issue (and cross-reference it), `https://…`, `www.…` and `a@b.c` become links, and
 * `:name:` becomes an emoji. A sentence of the book shown for review must do none of that, so a zero-width space
 * (invisible, and not whitespace to Markdown) goes inside each such pattern, before any escaping, so that it never
 * lands inside an entity or an escape the escaping writes.
 */

/** The only character the report inserts into shown text. */
export const INVISIBLE_BREAK = '\u200b';

const BREAKS: ReadonlyArray<readonly [RegExp, string]> = [
  // Mentions and e-mail addresses.
  [/@(?=[A-Za-z0-9])/g, `@${INVISIBLE_BREAK}`],
  // Issue and pull request references, with or without a repository before them.
  [/#(?=\d)/g, `#${INVISIBLE_BREAK}`],
  [/\b(GH-)(?=\d)/gi, `$1${INVISIBLE_BREAK}`],
  // Bare URLs: GitHub's autolinks, which for an issue URL also cross-reference the issue.
  [/\b(https?|ftp)(?=:\/\/)/gi, `$1${INVISIBLE_BREAK}`],
  [/\b(www)(?=\.)/gi, `$1${INVISIBLE_BREAK}`],
  // Emoji shortcodes (`:label:` is one, and d2l writes `:label:` and `:numref:` often).
  [/:(?=[A-Za-z0-9_+-]+:)/g, `:${INVISIBLE_BREAK}`],
];

export function breakAutolinks(text: string): string {
  return BREAKS.reduce((result, [pattern, replacement]) => result.replace(pattern, replacement), text);
}
