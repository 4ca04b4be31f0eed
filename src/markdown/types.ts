/**
 * The Markdown model every later stage works on. A document is cut into blocks that cover the
 * source exactly, in order: concatenating every block's `source` gives the file back byte for
 * byte. Prose blocks hold translatable units; everything else is copied verbatim.
 */

/** One inline piece of a translatable unit. Concatenating `source` of all tokens gives the unit's source text. */
export type InlineToken =
  /** Words a translator changes. */
  | { readonly kind: 'text'; readonly source: string }
  /** Never translated: inline code, inline math, roles with their keys, URLs, raw HTML, link targets. */
  | { readonly kind: 'protected'; readonly source: string; readonly role: ProtectedRole }
  /**
   * Markup around translatable words (emphasis, strong, strike-through, link text, d2l slide markers):
   * the markers are kept, the words inside are translated. `pair` joins an open to its close within a unit.
   */
  | { readonly kind: 'open'; readonly source: string; readonly pair: number; readonly tag: MarkupTag }
  | { readonly kind: 'close'; readonly source: string; readonly pair: number; readonly tag: MarkupTag }
  /** A line break inside a unit; `source` is the newline plus the container prefix (`> `, list indent) of the next line. */
  | { readonly kind: 'break'; readonly source: string };

export type ProtectedRole = 'code' | 'math' | 'role' | 'url' | 'html' | 'image' | 'reference' | 'escape' | 'marker';

export type MarkupTag = 'em' | 'strong' | 'del' | 'a' | 'slide';

export type BlockKind =
  /** Holds one translatable unit (heading, paragraph text, list item text, table cell, caption). */
  | 'prose'
  /** Fenced or indented code cell; `info` holds the fence info string, e.g. `{.python .input}`. */
  | 'code'
  /** Display math, `$$…$$` or a bare `\begin{…}` environment. */
  | 'math'
  /** A d2lbook directive line: `:label:`, `:eqlabel:`, `:width:`, `:begin_tab:` … (the names in directives.ts; a role line is prose). */
  | 'directive'
  /** A block image line. */
  | 'image'
  /** Block HTML, HTML comments. */
  | 'html'
  /** Structure between units: blank lines, heading hashes, list bullets, table pipes, thematic breaks. */
  | 'layout';

export interface Block {
  readonly kind: BlockKind;
  /** Byte-exact source text of the block. */
  readonly source: string;
  /** Offset (UTF-16 code units) of `source` in the document text. */
  readonly start: number;
  /** 1-based line of `start`. */
  readonly line: number;
  /** For prose blocks: the unit's inline tokens (their sources concatenate to `source`). */
  readonly tokens?: readonly InlineToken[];
  /** For prose blocks: what the unit is. */
  readonly context?: ProseContext;
  /** For code blocks: the fence info string; for directives: the directive name (`label`, `begin_tab` …). */
  readonly info?: string;
}

export type ProseContext = 'heading' | 'paragraph' | 'listItem' | 'blockquote' | 'tableCell';

export interface ParsedDocument {
  /** Path for messages; not read again. */
  readonly path: string;
  readonly text: string;
  readonly blocks: readonly Block[];
  /** Problems that did not stop parsing but that a user must hear about (unclosed fence, unbalanced `$$` …). */
  readonly warnings: readonly Diagnostic[];
}

export interface Diagnostic {
  readonly path: string;
  readonly line: number;
  readonly message: string;
}
