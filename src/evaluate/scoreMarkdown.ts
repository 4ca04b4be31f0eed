/**
 * Scores a translated Markdown chapter against a reference translation of the same original, on prose only: code
 * cells, display math, labels, inline code, inline math, roles and URLs are left out, because no engine translates
 * them and counting them would flatter every system alike.
 *
 * Segments are paired by document structure, never by content. Pairing by content (the sentence aligner run on
 * two texts in the same language) would pair a good hypothesis more completely than a poor one and so bias the
 * comparison; it also drops what it cannot pair. Instead, code cells, display math, images and labels, which both
 * translations copy from the original, cut both documents into regions (alignBlocks); tabs only one side has
 * (d2l-zh's Paddle code and prose) are left out first. Inside a region, prose blocks pair one to one when both
 * sides have as many; otherwise the region's prose is joined into one segment per side. Prose one side has and the
 * other lacks becomes a segment with an empty counterpart, so omissions and additions both cost.
 */
import { alignBlocks, structureItems, type ProseUnit } from '../align/alignBlocks.js';
import { isSpacelessLanguage } from '../align/language.js';
import { InputError } from '../errors.js';
import type { Block, InlineToken, ParsedDocument } from '../markdown/types.js';
import type { LoadedDocument, ScoreReport, TextScoreOptions } from './scoreTextFiles.js';
import { scoreLoadedDocuments } from './scoreTextFiles.js';

export interface ProsePairingStats {
  /** Prose blocks paired one to one. */
  readonly pairedBlocks: number;
  /** Regions whose block counts differ, scored as one joined segment per side. */
  readonly joinedRegions: number;
  /** Segments with prose in the hypothesis only. */
  readonly hypothesisOnly: number;
  /** Segments with prose in the reference only. */
  readonly referenceOnly: number;
}

export interface ProsePairing {
  readonly hypotheses: string[];
  readonly references: string[];
  readonly stats: ProsePairingStats;
}

export interface MarkdownDocumentPair {
  readonly name: string;
  readonly hypothesis: ParsedDocument;
  readonly reference: ParsedDocument;
}

export interface MarkdownScoreOptions extends TextScoreOptions {
  /** Language of both the hypothesis and the reference. */
  readonly language: string;
}

export interface MarkdownScoreReport extends ScoreReport {
  /** Pairing figures by document name. */
  readonly pairing: Readonly<Record<string, ProsePairingStats>>;
}

/** Protected roles whose text is still words of the sentence: `\*` is an asterisk the reader sees. */
const SCORED_PROTECTED_ROLES = new Set(['escape']);

/** The words of a prose unit as a reader sees them: markup dropped, protected pieces replaced by a space. */
export function proseText(tokens: readonly InlineToken[]): string {
  const pieces = tokens.map((token) => {
    if (token.kind === 'text') return token.source;
    if (token.kind === 'break') return ' ';
    if (token.kind === 'protected') return SCORED_PROTECTED_ROLES.has(token.role) ? token.source.slice(1) : ' ';
    return '';
  });
  return pieces.join('').replace(/\s+/gu, ' ').trim();
}

function blockText(block: Block): string {
  return block.tokens === undefined ? '' : proseText(block.tokens);
}

/** Pairs the prose of a hypothesis and a reference translation of the same original (see the module comment). */
export function pairProse(hypothesis: ParsedDocument, reference: ParsedDocument, language: string): ProsePairing {
  const hypothesisTabs = tabNames(hypothesis);
  const referenceTabs = tabNames(reference);
  const { regions } = alignBlocks(
    withoutTabs(hypothesis, difference(hypothesisTabs, referenceTabs)),
    withoutTabs(reference, difference(referenceTabs, hypothesisTabs)),
    { targetOnlyTabs: [] },
  );
  const joiner = isSpacelessLanguage(language) ? '' : ' ';
  const hypotheses: string[] = [];
  const references: string[] = [];
  const stats = { pairedBlocks: 0, joinedRegions: 0, hypothesisOnly: 0, referenceOnly: 0 };
  for (const region of regions) {
    const hypothesisTexts = unitTexts(region.source);
    const referenceTexts = unitTexts(region.target);
    if (hypothesisTexts.length === 0 && referenceTexts.length === 0) continue;
    if (hypothesisTexts.length === referenceTexts.length) {
      hypotheses.push(...hypothesisTexts);
      references.push(...referenceTexts);
      stats.pairedBlocks += hypothesisTexts.length;
      continue;
    }
    hypotheses.push(hypothesisTexts.join(joiner));
    references.push(referenceTexts.join(joiner));
    if (referenceTexts.length === 0) stats.hypothesisOnly += 1;
    else if (hypothesisTexts.length === 0) stats.referenceOnly += 1;
    else stats.joinedRegions += 1;
  }
  return { hypotheses, references, stats };
}

function unitTexts(units: readonly ProseUnit[]): string[] {
  return units.map((unit) => blockText(unit.block)).filter((text) => text !== '');
}

/** Tab names used by a document's `:begin_tab:` directives. */
function tabNames(document: ParsedDocument): Set<string> {
  const names = new Set<string>();
  for (const item of structureItems(document, new Set())) {
    if (item.anchor?.startsWith('tab:')) for (const name of item.anchor.slice(4).split(',')) names.add(name);
  }
  return names;
}

function difference(left: ReadonlySet<string>, right: ReadonlySet<string>): Set<string> {
  return new Set([...left].filter((name) => !right.has(name)));
}

/**
 * The document reduced to its prose and anchors, without the content of tabs named only in `tabs` (a
 * `:begin_tab:` that also names another tab stays). Pairing reads nothing else, so layout blocks can go too.
 */
function withoutTabs(document: ParsedDocument, tabs: ReadonlySet<string>): ParsedDocument {
  if (tabs.size === 0) return document;
  const blocks = structureItems(document, tabs).flatMap((item) => {
    const block = document.blocks[item.blockIndex];
    return block === undefined ? [] : [block];
  });
  return { ...document, blocks };
}

/** A chapter pair as scorable segments, with how they were paired. */
export function loadMarkdownPair(
  pair: MarkdownDocumentPair,
  language: string,
): { readonly document: LoadedDocument; readonly pairing: ProsePairingStats } {
  const paired = pairProse(pair.hypothesis, pair.reference, language);
  if (paired.hypotheses.length === 0) {
    throw new InputError(pair.hypothesis.path, 'has no prose to score (code and math are not scored)');
  }
  return {
    document: { name: pair.name, hypotheses: paired.hypotheses, references: [paired.references] },
    pairing: paired.stats,
  };
}

/** Scores each chapter's prose, then all chapters as one corpus. */
export function scoreMarkdownDocuments(
  documents: readonly MarkdownDocumentPair[],
  options: MarkdownScoreOptions,
): MarkdownScoreReport {
  const loaded = documents.map((document) => loadMarkdownPair(document, options.language));
  return {
    ...scoreLoadedDocuments(
      loaded.map((entry) => entry.document),
      options,
    ),
    pairing: Object.fromEntries(loaded.map((entry) => [entry.document.name, entry.pairing])),
  };
}
