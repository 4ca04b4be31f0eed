import type { Nodes, Parent, PhrasingContent, Root } from 'mdast';
import { mathFromMarkdown } from 'mdast-util-math';
import { math } from 'micromark-extension-math';
import { remark } from 'remark';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import type { Processor } from 'unified';
import { directiveOfLine } from './directives.js';
import { findDisplayMath, maskDisplayMath, type DisplayMath } from './findDisplayMath.js';
import { guardMarkdown } from './guardMarkdown.js';
import { maskEscapedDollars } from './maskEscapedDollars.js';
import type { Leaf } from './leaf.js';
import { scanBlocks } from './scanBlocks.js';
import { NeedsFullParser } from './scanInline.js';
import { createLineLocator } from '../text/lineLocator.js';
import { inlineItems, type InlineItem } from './inlineItems.js';
import type { Block, BlockKind, Diagnostic, InlineToken, ParsedDocument, ProseContext } from './types.js';
import { unitTokens } from './unitTokens.js';

/**
 * GitHub-flavoured Markdown as the books use it (tables, `~~` strike-through, footnotes) plus
 * inline math. Not remark-gfm whole: its literal-autolink construct runs on every character of
 * text and costs a quarter of the parse time (measured over d2l-zh: 2.7 s against 2.1 s), while
 * protecting a bare URL needs no parse at all (see unitTokens). And no block math: d2l writes
 * display math as `$$…$$` spanning lines, often with `\begin{aligned}` on the opening line, which
 * remark-math's block construct would read as a fence running to the next `$$` line.
 */
function remarkBookSyntax(this: Processor): void {
  const data = this.data();
  const { text } = math();
  (data.micromarkExtensions ??= []).push(gfmTable(), gfmStrikethrough(), gfmFootnote(), { text });
  (data.fromMarkdownExtensions ??= []).push(
    gfmTableFromMarkdown(),
    gfmStrikethroughFromMarkdown(),
    gfmFootnoteFromMarkdown(),
    mathFromMarkdown(),
  );
}

const remarkParser = remark().use(remarkBookSyntax);

const BOM = '\uFEFF';

interface Region {
  readonly kind: BlockKind;
  readonly start: number;
  readonly end: number;
  readonly tokens?: readonly InlineToken[];
  readonly context?: ProseContext;
  readonly info?: string;
}

interface Walk {
  readonly text: string;
  readonly regions: Region[];
  readonly warnings: Diagnostic[];
  readonly path: string;
  readonly lineOf: (offset: number) => number;
  readonly displayMath: readonly DisplayMath[];
}

/** Which parser found the leaf blocks: the fast scanner when it can, remark otherwise. */
export type ParserChoice = 'auto' | 'remark';

/**
 * Parses a chapter into blocks that cover its text exactly. Guarded against input that would hang
 * the parser; problems that do not stop it (an unclosed fence, unbalanced `$$` or tabs) are warnings.
 * The leaf blocks come from a fast scanner for the Markdown books are written in, and from remark
 * whenever the scanner meets anything it leaves to a full parser: the result is remark's either way
 * (the corpus tests compare the two on every file), at a fraction of the time.
 */
export function parseMarkdown(text: string, path: string, parser: ParserChoice = 'auto'): ParsedDocument {
  const hasBom = text.startsWith(BOM);
  const body = hasBom ? text.slice(1) : text;
  guardMarkdown(body, path);
  const displayMath = findDisplayMath(body);
  const masked = maskDisplayMath(body, displayMath.blocks);
  const walk: Walk = {
    text: body,
    regions: displayMath.blocks.map((block) => ({ kind: 'math', start: block.start, end: block.end })),
    warnings: [],
    path,
    lineOf: createLineLocator(body),
    displayMath: displayMath.blocks,
  };
  for (const opener of displayMath.unclosed) {
    warn(walk, opener, 'unbalanced $$: no line ends the display math, so it is kept as text');
  }
  for (const leaf of findLeaves(masked, parser)) addLeaf(leaf, walk);
  const blocks = fillGaps(walk, hasBom ? 1 : 0);
  checkTabBalance(blocks, walk);
  const all = hasBom ? [{ kind: 'layout' as const, source: BOM, start: 0, line: 1 }, ...blocks] : blocks;
  return { path, text, blocks: all, warnings: walk.warnings };
}

function findLeaves(masked: string, parser: ParserChoice): readonly Leaf[] {
  if (parser === 'auto') {
    try {
      return scanBlocks(masked);
    } catch (error) {
      if (!(error instanceof NeedsFullParser)) throw error;
    }
  }
  const leaves: Leaf[] = [];
  collectLeaves(remarkParser.parse(maskEscapedDollars(masked)) as Root, leaves, false);
  return leaves;
}

function collectLeaves(node: Parent, leaves: Leaf[], inQuote: boolean): void {
  for (const child of node.children as Nodes[]) collectLeaf(child, leaves, inQuote);
}

function collectLeaf(node: Nodes, leaves: Leaf[], inQuote: boolean): void {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return;
  switch (node.type) {
    case 'blockquote':
      collectLeaves(node, leaves, true);
      return;
    case 'list':
    case 'listItem':
    case 'footnoteDefinition':
      collectLeaves(node, leaves, inQuote);
      return;
    case 'heading':
      pushUnit(node.children, 'heading', leaves, inQuote);
      return;
    case 'paragraph':
      leaves.push({ type: 'paragraph', start, end, items: inlineItems(node.children), inQuote });
      return;
    case 'table':
      for (const row of node.children)
        for (const cell of row.children) pushUnit(cell.children, 'tableCell', leaves, false);
      return;
    case 'code':
    case 'math':
    case 'html':
      leaves.push({ type: node.type, start, end });
      return;
    default:
      // Thematic breaks and link definitions stay in the layout between units.
      return;
  }
}

function pushUnit(
  children: readonly PhrasingContent[],
  context: 'heading' | 'tableCell',
  leaves: Leaf[],
  inQuote: boolean,
): void {
  const start = children[0]?.position?.start.offset;
  const end = children[children.length - 1]?.position?.end.offset;
  if (start === undefined || end === undefined) return;
  leaves.push({ type: 'unit', context, start, end, items: inlineItems(children), inQuote });
}

function addLeaf(leaf: Leaf, walk: Walk): void {
  switch (leaf.type) {
    case 'paragraph':
      addParagraph(leaf.items, leaf.start, leaf.end, walk, leaf.inQuote);
      return;
    case 'unit':
      addProseRange(leaf.start, leaf.end, leaf.items, leaf.context, walk, leaf.inQuote);
      return;
    case 'code':
      walk.regions.push({
        kind: 'code',
        start: leaf.start,
        end: leaf.end,
        info: fenceInfo(walk.text.slice(leaf.start, leaf.end)),
      });
      warnIfUnclosedFence(walk, leaf.start, leaf.end);
      return;
    case 'math':
    case 'html':
      walk.regions.push({ kind: leaf.type, start: leaf.start, end: leaf.end });
      return;
  }
}

/**
 * A paragraph as d2lbook writes it may carry directive lines (`:label:`, `:width:`, `:begin_tab:`)
 * and image lines: those become blocks of their own, and the lines between them are prose units.
 * A role alone on its line (`:numref:`, `:eqref:`, `:cite:` …) is not one: it stays in its sentence.
 */
function addParagraph(items: readonly InlineItem[], start: number, end: number, walk: Walk, inQuote: boolean): void {
  const spans = coveringSpans(items);
  const context: ProseContext = inQuote ? 'blockquote' : 'paragraph';
  const prefix = linePrefixPattern(inQuote);
  let groupStart = -1;
  let groupEnd = -1;
  const flush = (): void => {
    if (groupStart !== -1) addProseRange(groupStart, groupEnd, items, context, walk, inQuote);
    groupStart = -1;
  };
  for (const line of linesIn(walk.text, start, end, prefix)) {
    if (walk.displayMath.some((block) => block.start < line.end && block.end > line.start)) {
      flush();
      continue;
    }
    const inside = spans.some((span) => span.start < line.start && span.end > line.start);
    const content = walk.text.slice(line.start, line.end);
    const directive = inside ? null : directiveOfLine(content.trimEnd());
    if (directive) {
      flush();
      walk.regions.push({
        kind: 'directive',
        start: line.start,
        end: trimmedEnd(walk.text, line.start, line.end),
        info: directive,
      });
    } else if (!inside && isImageLine(items, line.start, line.end, walk.text)) {
      flush();
      walk.regions.push({ kind: 'image', start: line.start, end: trimmedEnd(walk.text, line.start, line.end) });
    } else {
      if (groupStart === -1) groupStart = line.start;
      groupEnd = line.end;
    }
  }
  flush();
}

function addProseRange(
  rawStart: number,
  rawEnd: number,
  items: readonly InlineItem[],
  context: ProseContext,
  walk: Walk,
  inQuote: boolean,
): void {
  const start = trimmedStart(walk.text, rawStart, rawEnd);
  const end = trimmedEnd(walk.text, start, rawEnd);
  if (start >= end) return;
  const tokens = unitTokens(walk.text, start, end, items, linePrefixPattern(inQuote));
  const kind = proseKind(tokens);
  if (kind === 'prose') walk.regions.push({ kind, start, end, tokens, context });
  else walk.regions.push({ kind, start, end });
}

/** A unit without a single letter to translate is math or layout, copied as written. */
function proseKind(tokens: readonly InlineToken[]): BlockKind {
  if (tokens.some((token) => token.kind === 'text' && /\p{L}/u.test(token.source))) return 'prose';
  const protectedRoles = tokens.filter((token) => token.kind === 'protected').map((token) => token.role);
  if (protectedRoles.length > 0 && protectedRoles.every((role) => role === 'math')) return 'math';
  if (protectedRoles.length > 0 && protectedRoles.every((role) => role === 'image')) return 'image';
  return 'layout';
}

interface Line {
  readonly start: number;
  readonly end: number;
}

/** Lines of [start, end), each starting after its container prefix and ending before its line ending. */
function* linesIn(text: string, start: number, end: number, prefix: RegExp): Generator<Line> {
  let lineStart = start;
  while (lineStart < end) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 || newline >= end ? end : newline;
    const contentEnd = lineEnd > lineStart && text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
    yield { start: lineStart, end: contentEnd };
    if (lineEnd >= end) return;
    const next = lineEnd + 1;
    lineStart = next + (prefix.exec(text.slice(next, Math.min(end, next + 200)))?.[0].length ?? 0);
  }
}

function linePrefixPattern(inQuote: boolean): RegExp {
  return inQuote ? /^(?:[ \t]*>)*[ \t]*/ : /^[ \t]*/;
}

/** Ranges a line must not be cut inside: protected pieces, and markup from its opener to its closer. */
function coveringSpans(items: readonly InlineItem[]): Line[] {
  const spans: Line[] = [];
  const opens = new Map<number, number>();
  for (const item of items) {
    if (item.kind === 'protected') spans.push({ start: item.start, end: item.end });
    else if (item.kind === 'open') opens.set(item.pair, item.start);
    else spans.push({ start: opens.get(item.pair) ?? item.start, end: item.end });
  }
  return spans;
}

function isImageLine(items: readonly InlineItem[], start: number, end: number, text: string): boolean {
  const inLine = items.filter((item) => item.start >= start && item.end <= end);
  const image = inLine.length === 1 && inLine[0]?.kind === 'protected' && inLine[0].role === 'image' ? inLine[0] : null;
  if (!image) return false;
  return text.slice(start, image.start).trim() === '' && text.slice(image.end, end).trim() === '';
}

function trimmedStart(text: string, start: number, end: number): number {
  let index = start;
  while (index < end && /\s/.test(text[index] ?? '')) index += 1;
  return index;
}

function trimmedEnd(text: string, start: number, end: number): number {
  let index = end;
  while (index > start && /\s/.test(text[index - 1] ?? '')) index -= 1;
  return index;
}

function fenceInfo(source: string): string {
  const firstLine = source.split('\n', 1)[0] ?? '';
  return firstLine.replace(/^[ \t]*(`{3,}|~{3,})/, '').trim();
}

function warnIfUnclosedFence(walk: Walk, start: number, end: number): void {
  const source = walk.text.slice(start, end);
  const fence = /^[ \t]*(`{3,}|~{3,})/.exec(source)?.[1];
  if (!fence) return;
  const lines = source.split(/\r?\n/);
  const closing = lines.length > 1 ? (lines[lines.length - 1] ?? '').trim() : '';
  const closes = closing.startsWith(fence[0] ?? '`') && closing.length >= fence.length && /^(`+|~+)$/.test(closing);
  if (!closes) {
    warn(walk, start, `code fence ${fence} is never closed: everything after it is kept as code, untranslated`);
  }
}

function checkTabBalance(blocks: readonly Block[], walk: Walk): void {
  let open: Block | null = null;
  for (const block of blocks) {
    if (block.kind !== 'directive') continue;
    if (block.info === 'begin_tab') {
      if (open) warnAtLine(walk, open.line, ':begin_tab: is not closed by :end_tab: before the next :begin_tab:');
      open = block;
    } else if (block.info === 'end_tab') {
      if (!open) warnAtLine(walk, block.line, ':end_tab: without a :begin_tab:');
      open = null;
    }
  }
  if (open) warnAtLine(walk, open.line, ':begin_tab: is never closed by :end_tab:');
}

function warn(walk: Walk, offset: number, message: string): void {
  warnAtLine(walk, walk.lineOf(offset), message);
}

function warnAtLine(walk: Walk, line: number, message: string): void {
  walk.warnings.push({ path: walk.path, line, message });
}

/** Orders the regions and fills what lies between them with layout, so that blocks cover the text. */
function fillGaps(walk: Walk, shift: number): Block[] {
  const regions = [...walk.regions].sort((a, b) => a.start - b.start);
  const blocks: Block[] = [];
  let cursor = 0;
  const push = (region: Region): void => {
    // Field by field, in the order a spread would give: conditional spreads copy through temporary objects,
    // and this runs for every block of every document.
    const block: { -readonly [Field in keyof Block]: Block[Field] } = {
      kind: region.kind,
      source: walk.text.slice(region.start, region.end),
      start: region.start + shift,
      line: walk.lineOf(region.start),
    };
    if (region.tokens) block.tokens = region.tokens;
    if (region.context) block.context = region.context;
    if (region.info !== undefined) block.info = region.info;
    blocks.push(block);
  };
  for (const region of regions) {
    if (region.start < cursor) continue;
    if (region.start > cursor) push({ kind: 'layout', start: cursor, end: region.start });
    push(region);
    cursor = region.end;
  }
  if (cursor < walk.text.length) push({ kind: 'layout', start: cursor, end: walk.text.length });
  return blocks;
}
