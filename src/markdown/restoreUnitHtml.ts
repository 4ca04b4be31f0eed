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
  const restore = (nodes: readonly ChildNode[]): string => {
    let markdown = '';
    for (const node of nodes) {
      if (node.type === 'text') {
        markdown += node.data.replace(/\r?\n/g, nextBreak);
      } else if (node.type === 'tag') {
        markdown += restoreElement(node.attribs, () => restore(node.children));
      }
      // Comments and processing instructions an engine might add carry no text.
    }
    return markdown;
  };
  const restoreElement = (attributes: Record<string, string>, inner: () => string): string => {
    const protectedId = attributes['data-p'];
    if (protectedId !== undefined) return takeOnce(Number(protectedId), usedProtected, pieces.protectedSources, 'protected span');
    const pairId = attributes['data-m'];
    if (pairId !== undefined) {
      const pair = Number(pairId);
      const open = pieces.opens.get(pair);
      const close = pieces.closes.get(pair);
      if (open === undefined || close === undefined) throw new RestoreError(`unknown markup id data-m="${pairId}"`);
      if (usedPairs.has(pair)) throw new RestoreError(`markup data-m="${pairId}" appears twice`);
      usedPairs.add(pair);
      return open + inner() + close;
    }
    return inner();
  };
  const markdown = restore(parseDocument(html, { decodeEntities: true }).children);
  const missingProtected = pieces.protectedSources.findIndex((_, index) => !usedProtected.has(index));
  if (missingProtected !== -1) {
    throw new RestoreError(`protected span data-p="${missingProtected}" (${pieces.protectedSources[missingProtected]}) is missing`);
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
function piecesOf(tokens: readonly InlineToken[]): Pieces {
  const paired = pairedMarkup(tokens);
  const protectedSources: string[] = [];
  const opens = new Map<number, string>();
  const closes = new Map<number, string>();
  const breaks: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'break') breaks.push(token.source);
    else if (token.kind === 'protected' || ((token.kind === 'open' || token.kind === 'close') && !paired.has(token.pair))) {
      protectedSources.push(token.source);
    } else if (token.kind === 'open') opens.set(token.pair, token.source);
    else if (token.kind === 'close') closes.set(token.pair, token.source);
  }
  return { protectedSources, opens, closes, breaks };
}
