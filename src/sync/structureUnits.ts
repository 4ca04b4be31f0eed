import type { Block, ParsedDocument } from '../markdown/types.js';
import { sameWordsKey } from './sameWordsKey.js';

/**
 * A document seen as d2lbook sees it: a sequence of units, each a prose block, a code cell, a tab block
 * (`:begin_tab:` … `:end_tab:`, with the units inside it) or another non-prose block (display math, image,
 * label, HTML). Layout between units belongs to none of them.
 */
export interface StructureUnit {
  readonly kind: 'prose' | 'code' | 'tab' | 'other';
  /** Index of the unit's first and last block (inclusive) in the document's blocks. */
  readonly first: number;
  readonly last: number;
  /** Offsets of the unit's text in the document. */
  readonly start: number;
  readonly end: number;
  readonly line: number;
  /** Tab names of a code cell (`#@tab` line) or tab block, lower case, in order; [] for a cell without a tab line. */
  readonly tabs: readonly string[];
  /** Only the translation has it: every tab it names is a target-only tab (d2l-zh's Paddle). */
  readonly targetOnly: boolean;
  /** Compares two versions of the English: prose by its words (slide markers aside), anything else exactly. */
  readonly key: string;
  /**
   * Compares the English with its translation: code without comments, white space and string contents (translators
   * translate those), tab blocks by their tabs and the non-prose inside. Undefined for prose, which is aligned by
   * sentences instead.
   */
  readonly crossKey?: string;
  /**
   * A looser `crossKey` for units that have no strong one of their own: tab blocks by their tabs and the non-prose
   * inside, without the protected pieces (links, code, math) of their prose. Matched only between strong matches.
   */
  readonly weakKey?: string;
  /** Same slot: what an edited unit must share with its other version (kind, fence info, tabs). */
  readonly slot: string;
  /** Units inside a tab block. */
  readonly children: readonly StructureUnit[];
  /** Heading level of a heading (1 to 6); 0 for anything else. */
  readonly heading: number;
}

/**
 * Units already computed, by document and target-only tabs: a chapter's plan and the check of its composed text
 * ask for the same three documents' units, and computing them (keys of every block) was a tenth of a sync.
 */
const computed = new WeakMap<ParsedDocument, Map<string, readonly StructureUnit[]>>();

/** The document's top-level units, tab blocks holding their own. A `:begin_tab:` that is never closed stays a block. */
export function structureUnits(
  document: ParsedDocument,
  targetOnlyTabs: ReadonlySet<string>,
): readonly StructureUnit[] {
  const tabsKey = [...targetOnlyTabs].sort().join(',');
  let byTabs = computed.get(document);
  if (byTabs === undefined) {
    byTabs = new Map();
    computed.set(document, byTabs);
  }
  let units = byTabs.get(tabsKey);
  if (units === undefined) {
    units = Object.freeze(computeUnits(document, targetOnlyTabs));
    byTabs.set(tabsKey, units);
  }
  return units;
}

function computeUnits(document: ParsedDocument, targetOnlyTabs: ReadonlySet<string>): StructureUnit[] {
  const units: StructureUnit[] = [];
  const blocks = document.blocks;
  for (let index = 0; index < blocks.length; index += 1) {
    const block = blocks[index];
    if (!block || block.kind === 'layout') continue;
    if (block.kind === 'directive' && block.info === 'begin_tab') {
      const close = closingTab(blocks, index);
      if (close !== undefined) {
        units.push(tabUnit(document, index, close, targetOnlyTabs));
        index = close;
        continue;
      }
    }
    units.push(blockUnit(document, index, targetOnlyTabs));
  }
  return units;
}

function closingTab(blocks: readonly Block[], open: number): number | undefined {
  for (let index = open + 1; index < blocks.length; index += 1) {
    const block = blocks[index];
    if (block?.kind !== 'directive') continue;
    if (block.info === 'end_tab') return index;
    if (block.info === 'begin_tab') return undefined;
  }
  return undefined;
}

function tabUnit(
  document: ParsedDocument,
  open: number,
  close: number,
  targetOnlyTabs: ReadonlySet<string>,
): StructureUnit {
  const begin = document.blocks[open] as Block;
  const end = document.blocks[close] as Block;
  const children: StructureUnit[] = [];
  for (let index = open + 1; index < close; index += 1) {
    if (document.blocks[index]?.kind !== 'layout') children.push(blockUnit(document, index, targetOnlyTabs));
  }
  const tabs = tabNames(/`([^`]*)`/u.exec(begin.source)?.[1] ?? '');
  const shared = tabs.filter((tab) => !targetOnlyTabs.has(tab));
  const names = shared.join(',');
  const inner = children.flatMap((child) => (child.crossKey ? [child.crossKey] : [])).join('\u0000');
  return {
    kind: 'tab',
    first: open,
    last: close,
    start: begin.start,
    end: end.start + end.source.length,
    line: begin.line,
    tabs,
    targetOnly: tabs.length > 0 && shared.length === 0,
    key: `tab:${tabs.join(',')}:${children.map((child) => child.key).join('\u0000')}`,
    crossKey: `tab:${names}:${inner}:${protectedPieces(document, open, close).join('\u0000')}`,
    weakKey: `tab:${names}:${inner}`,
    // Tab blocks pair across tab names (d2l merges `mxnet` and `pytorch` tabs into one `mxnet,pytorch`): see diffUnits.
    slot: 'tab',
    children,
    heading: 0,
  };
}

/**
 * Links, code, math and references in the prose between two blocks: translators keep them as they are, so they tell
 * one tab block from another with the same tabs (d2l's `Discussions` links, say). Sorted, since word order changes.
 */
function protectedPieces(document: ParsedDocument, from: number, to: number): string[] {
  const pieces: string[] = [];
  for (let index = from + 1; index < to; index += 1) {
    for (const token of document.blocks[index]?.tokens ?? []) {
      if (token.kind === 'protected' && STRONG_ROLES.has(token.role)) pieces.push(token.source.replace(/\s+/gu, ''));
    }
  }
  return pieces.sort();
}

const STRONG_ROLES: ReadonlySet<string> = new Set(['code', 'math', 'role', 'url', 'reference']);

function blockUnit(document: ParsedDocument, index: number, targetOnlyTabs: ReadonlySet<string>): StructureUnit {
  const block = document.blocks[index] as Block;
  if (block.kind === 'prose') {
    return unitOf(block, index, {
      kind: 'prose',
      tabs: NO_TABS,
      targetOnly: false,
      key: `prose:${sameWordsKey(block.source)}`,
      crossKey: undefined,
      slot: `prose:${block.context ?? ''}`,
      heading: block.context === 'heading' ? headingLevel(document.text, block.start) : 0,
    });
  }
  if (block.kind === 'code') {
    const cell = codeCell(block.source);
    const shared = cell.tabs.filter((tab) => !targetOnlyTabs.has(tab));
    const names = shared.join(',');
    return unitOf(block, index, {
      kind: 'code',
      tabs: cell.tabs,
      targetOnly: cell.tabs.length > 0 && shared.length === 0,
      key: `code:${block.source.trim()}`,
      crossKey: `code:${block.info ?? ''}:${names}:${normalizeCode(cell.body)}`,
      slot: `code:${block.info ?? ''}:${names}`,
      heading: 0,
    });
  }
  const slot = block.kind === 'directive' ? `directive:${block.info ?? ''}` : block.kind;
  return unitOf(block, index, {
    kind: 'other',
    tabs: NO_TABS,
    targetOnly: false,
    key: `${block.kind}:${block.source.trim()}`,
    crossKey: `${slot}:${crossText(block)}`,
    slot,
    heading: 0,
  });
}

const NO_TABS: readonly string[] = Object.freeze([]);
const NO_CHILDREN: readonly StructureUnit[] = Object.freeze([]);

type BlockFacts = Pick<StructureUnit, 'kind' | 'tabs' | 'targetOnly' | 'key' | 'crossKey' | 'slot' | 'heading'>;

/**
 * One block's unit, written out field by field: an object spread here was a third of the time spent on units (a
 * sync keys every block of four documents per chapter), and one literal keeps every unit of the same shape.
 */
function unitOf(block: Block, index: number, facts: BlockFacts): StructureUnit {
  return {
    kind: facts.kind,
    first: index,
    last: index,
    start: block.start,
    end: block.start + block.source.length,
    line: block.line,
    tabs: facts.tabs,
    targetOnly: facts.targetOnly,
    key: facts.key,
    slot: facts.slot,
    crossKey: facts.crossKey,
    weakKey: undefined,
    children: NO_CHILDREN,
    heading: facts.heading,
  };
}

/** Images compare by their file, labels and math by their text without white space. */
function crossText(block: Block): string {
  if (block.kind === 'image') return /\]\(\s*<?([^)\s>]+)/u.exec(block.source)?.[1] ?? block.source.trim();
  return block.source.replace(/\s+/gu, '');
}

function headingLevel(text: string, start: number): number {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const hashes = /^ {0,3}(#{1,6})[ \t]/u.exec(text.slice(lineStart, start));
  return hashes?.[1]?.length ?? 1;
}

export interface CodeCell {
  /** The opening fence line, the `#@tab` line (or undefined), the code lines, the closing fence line. */
  readonly open: string;
  readonly tabLine: string | undefined;
  readonly body: readonly string[];
  readonly close: string;
  readonly tabs: readonly string[];
}

/** A fenced code cell cut into its fences, its d2lbook `#@tab` line and its code lines. */
export function codeCell(source: string): CodeCell {
  const lines = source.split('\n');
  const fenced = lines.length >= 2 && /^\s*(`{3,}|~{3,})/u.test(lines[0] ?? '');
  const open = fenced ? (lines[0] ?? '') : '';
  const close = fenced ? (lines[lines.length - 1] ?? '') : '';
  const inner = fenced ? lines.slice(1, -1) : lines;
  const first = inner[0];
  const tabLine = first !== undefined && /^#@tab\b/u.test(first) ? first : undefined;
  const body = tabLine === undefined ? inner : inner.slice(1);
  return { open, tabLine, body, close, tabs: tabLine === undefined ? [] : tabNames(tabLine.slice(5)) };
}

export function tabNames(list: string): string[] {
  return list
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');
}

/** Code compared across languages: comments, white space and the contents of string literals left out. */
export function normalizeCode(lines: readonly string[]): string {
  return lines
    .map(codeOfLine)
    .join('')
    .replace(/\s+/gu, '')
    .replace(/(['"]).*?\1/gu, '""');
}

/** A code line without its comment (a `#` at the start or after white space; `#@` lines are d2lbook's, kept). */
export function codeOfLine(line: string): string {
  return line.includes('#') ? line.replace(/(^|\s)#(?!@).*$/u, '') : line;
}

/** Units in document order, tab blocks followed by the units inside them. */
export function flattenUnits(units: readonly StructureUnit[]): StructureUnit[] {
  return units.flatMap((unit) => [unit, ...flattenUnits(unit.children)]);
}
