/**
 * Structure-first alignment of an original and its translation. Code cells, display math, labels, images and tab
 * markers appear in both files almost unchanged, so their longest common subsequence cuts the documents into short
 * regions; prose is aligned only inside a region. Target-only tabs (d2l-zh's Paddle code and prose) are dropped
 * before anything is compared.
 */
import type { Block, ParsedDocument } from '../markdown/types.js';
import { countNonWhitespace } from '../text/countNonWhitespace.js';

export interface ProseUnit {
  /** Index of the prose block in its document's `blocks`. */
  readonly blockIndex: number;
  readonly block: Block;
}

/** Prose between two consecutive matched anchors: aligned with each other, never with prose elsewhere. */
export interface Region {
  readonly source: readonly ProseUnit[];
  readonly target: readonly ProseUnit[];
}

export interface BlockAlignmentOptions {
  /** Tab names (`:begin_tab:`paddle``) only the translation has; their content is skipped. Default: paddle. */
  readonly targetOnlyTabs?: readonly string[];
}

export interface StructureItem {
  readonly blockIndex: number;
  /** Set for blocks that anchor the structure (same key in both languages). */
  readonly anchor?: string;
  readonly prose?: ProseUnit;
}

const DEFAULT_TARGET_ONLY_TABS = ['paddle'];

export function alignBlocks(
  source: ParsedDocument,
  target: ParsedDocument,
  options: BlockAlignmentOptions = {},
): { readonly regions: Region[]; readonly lengthRatio: number } {
  const skippedTabs = new Set(options.targetOnlyTabs ?? DEFAULT_TARGET_ONLY_TABS);
  // Most code cells are the same in both files: each is normalised once.
  const codeKeys = new Map<string, string>();
  const sourceItems = structureItems(source, new Set(), codeKeys);
  const targetItems = structureItems(target, skippedTabs, codeKeys);
  return {
    regions: regionsBetweenAnchors(sourceItems, targetItems),
    lengthRatio: estimateLengthRatio(sourceItems, targetItems),
  };
}

/** Prose blocks and structural anchors of a document, in order, leaving out target-only tabs. */
export function structureItems(
  document: ParsedDocument,
  skippedTabs: ReadonlySet<string>,
  /** Keys of code cells already normalised, by source. */
  codeKeys = new Map<string, string>(),
): StructureItem[] {
  const items: StructureItem[] = [];
  let skipping = false;
  document.blocks.forEach((block, blockIndex) => {
    if (block.kind === 'directive' && block.info === 'begin_tab') {
      const tabs = tabNames(block.source).filter((tab) => !skippedTabs.has(tab));
      skipping = tabs.length === 0;
      if (!skipping) items.push({ blockIndex, anchor: `tab:${tabs.join(',')}` });
      return;
    }
    if (block.kind === 'directive' && block.info === 'end_tab') {
      if (!skipping) items.push({ blockIndex, anchor: 'end_tab' });
      skipping = false;
      return;
    }
    if (skipping) return;
    if (block.kind === 'prose') {
      if (block.tokens !== undefined && block.source.trim() !== '')
        items.push({ blockIndex, prose: { blockIndex, block } });
      return;
    }
    const anchor = anchorKey(block, codeKeys);
    if (anchor !== undefined) items.push({ blockIndex, anchor });
  });
  return items;
}

function tabNames(source: string): string[] {
  const names = /`([^`]*)`/u.exec(source)?.[1] ?? '';
  return names
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');
}

/** Code is compared without comments and whitespace because translators translate comments. */
function anchorKey(block: Block, codeKeys: Map<string, string>): string | undefined {
  switch (block.kind) {
    case 'code': {
      let key = codeKeys.get(block.source);
      if (key === undefined) codeKeys.set(block.source, (key = `code:${normalizeCode(block.source)}`));
      return key;
    }
    case 'math':
      return `math:${block.source.replace(/\s+/gu, '')}`;
    case 'image':
      return `image:${/\]\(\s*<?([^)\s>]+)/u.exec(block.source)?.[1] ?? block.source.trim()}`;
    case 'directive':
      return block.info === 'label' || block.info === 'eqlabel' ? `label:${block.source.trim()}` : undefined;
    default:
      return undefined;
  }
}

function normalizeCode(source: string): string {
  return source
    .split('\n')
    .map((line) => (line.includes('#') ? line.replace(/(^|\s)#(?!@).*$/u, '') : line))
    .join('')
    .replace(/\s+/gu, '')
    .replace(/(['"]).*?\1/gu, '""');
}

/** Matches anchors by longest common subsequence and returns the prose between consecutive matches. */
function regionsBetweenAnchors(sourceItems: readonly StructureItem[], targetItems: readonly StructureItem[]): Region[] {
  const sourceAnchors = sourceItems.filter((item) => item.anchor !== undefined);
  const targetAnchors = targetItems.filter((item) => item.anchor !== undefined);
  const matches = longestCommonSubsequence(
    sourceAnchors.map((item) => item.anchor ?? ''),
    targetAnchors.map((item) => item.anchor ?? ''),
  );
  const regions: Region[] = [];
  let sourceFrom = 0;
  let targetFrom = 0;
  const sourceCursor = { next: 0 };
  const targetCursor = { next: 0 };
  const cut = (sourceUntil: number, targetUntil: number): void => {
    const sourceProse = proseBetween(sourceItems, sourceCursor, sourceFrom, sourceUntil);
    const targetProse = proseBetween(targetItems, targetCursor, targetFrom, targetUntil);
    if (sourceProse.length > 0 || targetProse.length > 0) regions.push({ source: sourceProse, target: targetProse });
  };
  for (const [sourceAnchor, targetAnchor] of matches) {
    const sourceBlock = sourceAnchors[sourceAnchor]?.blockIndex ?? 0;
    const targetBlock = targetAnchors[targetAnchor]?.blockIndex ?? 0;
    cut(sourceBlock, targetBlock);
    sourceFrom = sourceBlock + 1;
    targetFrom = targetBlock + 1;
  }
  cut(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY);
  return regions;
}

/**
 * Prose of the items with a block index in [fromBlock, untilBlock). Items are in block order and the cuts move
 * forward, so a cursor carries on where the last cut stopped instead of scanning from the start each time.
 */
function proseBetween(
  items: readonly StructureItem[],
  cursor: { next: number },
  fromBlock: number,
  untilBlock: number,
): ProseUnit[] {
  const prose: ProseUnit[] = [];
  for (; cursor.next < items.length; cursor.next += 1) {
    const item = items[cursor.next];
    if (item === undefined || item.blockIndex >= untilBlock) break;
    if (item.prose !== undefined && item.blockIndex >= fromBlock) prose.push(item.prose);
  }
  return prose;
}

export function longestCommonSubsequence(a: readonly string[], b: readonly string[]): Array<[number, number]> {
  const columns = b.length + 1;
  const lengths = new Uint32Array((a.length + 1) * columns);
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      lengths[i * columns + j] =
        a[i] === b[j]
          ? (lengths[(i + 1) * columns + j + 1] ?? 0) + 1
          : Math.max(lengths[(i + 1) * columns + j] ?? 0, lengths[i * columns + j + 1] ?? 0);
    }
  }
  const pairs: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      pairs.push([i, j]);
      i += 1;
      j += 1;
    } else if ((lengths[(i + 1) * columns + j] ?? 0) >= (lengths[i * columns + j + 1] ?? 0)) i += 1;
    else j += 1;
  }
  return pairs;
}

/** Target characters per source character over all prose, ignoring whitespace and protected tokens. */
function estimateLengthRatio(sourceItems: readonly StructureItem[], targetItems: readonly StructureItem[]): number {
  const total = (items: readonly StructureItem[]): number =>
    items.reduce((sum, item) => sum + textLength(item.prose?.block), 0);
  const sourceTotal = total(sourceItems);
  const targetTotal = total(targetItems);
  if (sourceTotal === 0 || targetTotal === 0) return 1;
  return Math.min(20, Math.max(0.05, targetTotal / sourceTotal));
}

function textLength(block: Block | undefined): number {
  let length = 0;
  for (const token of block?.tokens ?? []) if (token.kind === 'text') length += countNonWhitespace(token.source);
  return length;
}
