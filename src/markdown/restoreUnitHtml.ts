import type { ChildNode } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { pairedMarkup } from './renderUnitHtml.js';
import type { InlineToken } from './types.js';

/** A translation that cannot be put back without losing protected content. */
export class RestoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreError';
  }
}

interface Pieces {
  readonly protectedSources: readonly string[];
  readonly opens: ReadonlyMap<number, string>;
  readonly closes: ReadonlyMap<number, string>;
  readonly breaks: readonly string[];
  /** `a>b` for pieces that stand side by side in the source, e.g. `c0>o1` for `**x***y*`. */
  readonly neighbours: ReadonlySet<string>;
  /** Pairs whose closer follows white space in the source (kept as written). */
  readonly closesAfterSpace: ReadonlySet<number>;
  /** Pairs whose opener is followed by white space in the source. */
  readonly opensBeforeSpace: ReadonlySet<number>;
}

/**
 * Turns the translated inner HTML of a unit back into Markdown. Protected pieces and markup come
 * from the original tokens by id, never from what the engine returned, so a reordered span, an
 * attribute re-quoted or an entity rewritten changes nothing; a missing or repeated id is an error.
 */
export function restoreUnitHtml(tokens: readonly InlineToken[], html: string): string {
  const pieces = piecesOf(tokens);
  const usedProtected = new Set<number>();
  const usedPairs = new Set<number>();
  let breakIndex = 0;
  const nextBreak = (): string => {
    const source = pieces.breaks[breakIndex] ?? pieces.breaks[pieces.breaks.length - 1] ?? ' ';
    breakIndex += 1;
    return source;
  };
  let markdown = '';
  let lastWasPiece = false;
  let openJustEmitted = '';
  /**
   * Engines drop the space between tags, which can fuse two pieces into other Markdown: `$a$ $b$`
   * into `$a$$b$`, `*a* *b*` into `*a**b*`. A space goes back where two pieces that were not
   * neighbours in the source would fuse.
   */
  let lastPieceKind: PieceKind = 'protected';
  const emitPiece = (piece: string, originalNeighbour: boolean, kind: PieceKind): void => {
    const fused = lastWasPiece && fuses(markdown, piece, lastPieceKind, kind);
    if (!originalNeighbour && (fused || (lastWasBareUrl && extendsBareUrl(piece)))) markdown += ' ';
    lastPieceKind = kind;
    lastWasBareUrl = false;
    openJustEmitted = '';
    markdown += piece;
    lastWasPiece = true;
  };
  let lastWasBareUrl = false;
  const emitText = (raw: string): void => {
    let text = raw;
    if (openJustEmitted && /^[ \t]/.test(text)) {
      // Emphasis must touch its words: the space an engine put inside the opener goes before it.
      const space = /^[ \t]+/.exec(text)?.[0] ?? '';
      markdown = markdown.slice(0, -openJustEmitted.length) + space + openJustEmitted;
      text = text.slice(space.length);
    }
    openJustEmitted = '';
    if (text === '') return;
    if ((lastWasPiece && fuses(markdown, text, lastPieceKind, 'text')) || (lastWasBareUrl && extendsBareUrl(text)))
      markdown += ' ';
    lastWasBareUrl = false;
    markdown += text;
    lastWasPiece = false;
  };
  let previousPiece = '';
  const restore = (nodes: readonly ChildNode[]): void => {
    for (const node of nodes) {
      if (node.type === 'text') {
        emitText(node.data.replace(/\r?\n/g, nextBreak));
        previousPiece = '';
      } else if (node.type === 'tag') {
        restoreElement(node.attribs, node.children);
      }
      // Comments and processing instructions an engine might add carry no text.
    }
  };
  const restoreElement = (attributes: Record<string, string>, children: readonly ChildNode[]): void => {
    const protectedId = attributes['data-p'];
    if (protectedId !== undefined) {
      const key = `p${protectedId}`;
      const source = takeOnce(Number(protectedId), usedProtected, pieces.protectedSources, 'protected span');
      emitPiece(source, pieces.neighbours.has(`${previousPiece}>${key}`), 'protected');
      lastWasBareUrl = /^(?:https?:\/\/|www\.)\S+$/.test(source);
      previousPiece = key;
      return;
    }
    const pairId = attributes['data-m'];
    if (pairId === undefined) {
      restore(children);
      return;
    }
    const pair = Number(pairId);
    const open = pieces.opens.get(pair);
    const close = pieces.closes.get(pair);
    if (open === undefined || close === undefined) throw new RestoreError(`unknown markup id data-m="${pairId}"`);
    if (usedPairs.has(pair)) throw new RestoreError(`markup data-m="${pairId}" appears twice`);
    usedPairs.add(pair);
    emitPiece(open, pieces.neighbours.has(`${previousPiece}>o${pair}`), 'open');
    openJustEmitted = pieces.opensBeforeSpace.has(pair) ? '' : open;
    previousPiece = `o${pair}`;
    restore(children);
    openJustEmitted = '';
    // Likewise the space an engine put before the closer goes after it.
    const space = /[ \t]+$/.exec(markdown)?.[0] ?? '';
    const hadSpaceInside = space !== '' && !pieces.closesAfterSpace.has(pair);
    if (hadSpaceInside) markdown = markdown.slice(0, -space.length);
    emitPiece(close, pieces.neighbours.has(`${previousPiece}>c${pair}`), 'close');
    if (hadSpaceInside) {
      markdown += space;
      lastWasPiece = false;
    }
    previousPiece = `c${pair}`;
  };
  restore(parseDocument(html, { decodeEntities: true }).children);
  const missingProtected = pieces.protectedSources.findIndex((_, index) => !usedProtected.has(index));
  if (missingProtected !== -1) {
    throw new RestoreError(
      `protected span data-p="${missingProtected}" (${pieces.protectedSources[missingProtected]}) is missing`,
    );
  }
  const missingPair = [...pieces.opens.keys()].find((pair) => !usedPairs.has(pair));
  if (missingPair !== undefined) throw new RestoreError(`markup data-m="${missingPair}" is missing`);
  return markdown;
}

function takeOnce(index: number, used: Set<number>, sources: readonly string[], what: string): string {
  const source = sources[index];
  if (source === undefined) throw new RestoreError(`unknown ${what} id ${index}`);
  if (used.has(index)) throw new RestoreError(`${what} id ${index} appears twice`);
  used.add(index);
  return source;
}

/** The same numbering `renderUnitHtml` gives: protected tokens and unpaired markup in order. */
type PieceKind = 'protected' | 'open' | 'close' | 'text';

const FUSING_ALWAYS = new Set(['$', '`']);
const FUSING_EMPHASIS = new Set(['*', '_', '~']);

/**
 * Whether writing `after` right behind `before` would change what either means: math or code
 * delimiters running together always do; emphasis delimiters only when a closer meets an opener
 * (`*a**b*`), since closers or openers running together (`***`) still pair as written.
 */
function fuses(before: string, after: string, beforeKind: PieceKind, afterKind: PieceKind): boolean {
  const last = before[before.length - 1];
  if (last === undefined || last !== after[0]) return false;
  if (FUSING_ALWAYS.has(last)) return true;
  return FUSING_EMPHASIS.has(last) && beforeKind === 'close' && afterKind !== 'close';
}

/** A literal URL runs on until white space: words written right after it would become part of the link. */
function extendsBareUrl(text: string): boolean {
  if (/^[.,:;!?)\]}'"*_~]*(?:\s|<|$)/u.test(text)) return false;
  return true;
}

function piecesOf(tokens: readonly InlineToken[]): Pieces {
  const paired = pairedMarkup(tokens);
  const protectedSources: string[] = [];
  const opens = new Map<number, string>();
  const closes = new Map<number, string>();
  const breaks: string[] = [];
  const neighbours = new Set<string>();
  let previous = '';
  let protectedIndex = 0;
  const closesAfterSpace = new Set<number>();
  const opensBeforeSpace = new Set<number>();
  let previousToken: InlineToken | undefined;
  for (const token of tokens) {
    if (token.kind === 'close' && /[ \t]$/.test(previousToken?.source ?? '')) closesAfterSpace.add(token.pair);
    if (previousToken?.kind === 'open' && /^[ \t]/.test(token.source)) opensBeforeSpace.add(previousToken.pair);
    previousToken = token;
    const key =
      token.kind === 'protected' || ((token.kind === 'open' || token.kind === 'close') && !paired.has(token.pair))
        ? `p${protectedIndex++}`
        : token.kind === 'open'
          ? `o${token.pair}`
          : token.kind === 'close'
            ? `c${token.pair}`
            : '';
    if (previous && key) neighbours.add(`${previous}>${key}`);
    previous = key;
    if (token.kind === 'break') breaks.push(token.source);
    else if (
      token.kind === 'protected' ||
      ((token.kind === 'open' || token.kind === 'close') && !paired.has(token.pair))
    ) {
      protectedSources.push(token.source);
    } else if (token.kind === 'open') opens.set(token.pair, token.source);
    else if (token.kind === 'close') closes.set(token.pair, token.source);
  }
  return { protectedSources, opens, closes, breaks, neighbours, closesAfterSpace, opensBeforeSpace };
}
