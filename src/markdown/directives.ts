/**
 * The marks d2lbook itself turns into block-level markup, and nothing else: `label` and `eqlabel`
 * become reST targets and `:label:` options, `width` and `height` figure options, `bibliography`
 * the reference list (d2lbook's rst.py), and `begin_tab`/`end_tab` cut a chapter into framework
 * tabs (its markdown.py). Every other `:name:` mark there (`numref`, `eqref`, `ref`, `cite`,
 * `class`, `func`) is an inline role, and so are sphinxcontrib-bibtex's `citet` and `citep`: a line
 * that starts with one of them is part of its sentence, not a directive.
 */
export const D2LBOOK_DIRECTIVES: ReadonlySet<string> = new Set([
  'label',
  'eqlabel',
  'width',
  'height',
  'bibliography',
  'begin_tab',
  'end_tab',
]);

/** A line that holds only a mark `:name:` and at most one backquoted argument. */
const MARK_LINE = /^:([A-Za-z][\w-]*):(`[^`]*`)?[ \t]*$/;

/** The directive a whole line stands for, or null when the line is anything else (roles included). */
export function directiveOfLine(line: string): string | null {
  const name = MARK_LINE.exec(line)?.[1];
  return name !== undefined && D2LBOOK_DIRECTIVES.has(name) ? name : null;
}
