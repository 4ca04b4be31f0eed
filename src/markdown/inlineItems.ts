import type { Nodes, PhrasingContent } from 'mdast';
import type { MarkupTag, ProtectedRole } from './types.js';

/** A protected piece or a markup marker found by the parser, as offsets into the document text. */
export type InlineItem =
  | { readonly kind: 'protected'; readonly start: number; readonly end: number; readonly role: ProtectedRole }
  | {
      readonly kind: 'open' | 'close';
      readonly start: number;
      readonly end: number;
      readonly pair: number;
      readonly tag: MarkupTag;
    };

interface Counter {
  next: number;
}

/**
 * Flattens the phrasing content of a paragraph, heading or table cell into protected pieces and
 * markup markers, in source order. Plain text is whatever lies between them.
 */
export function inlineItems(children: readonly PhrasingContent[], counter: Counter = { next: 0 }): InlineItem[] {
  const items: InlineItem[] = [];
  for (const child of children) collect(child, items, counter);
  return items;
}

function collect(node: PhrasingContent, items: InlineItem[], counter: Counter): void {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return;
  switch (node.type) {
    case 'text':
    case 'break':
      return;
    case 'inlineCode':
      items.push({ kind: 'protected', start, end, role: 'code' });
      return;
    case 'inlineMath':
      items.push({ kind: 'protected', start, end, role: 'math' });
      return;
    case 'html':
      items.push({ kind: 'protected', start, end, role: 'html' });
      return;
    case 'image':
    case 'imageReference':
      items.push({ kind: 'protected', start, end, role: 'image' });
      return;
    case 'footnoteReference':
      items.push({ kind: 'protected', start, end, role: 'reference' });
      return;
    case 'link':
      if (isBareLink(node)) {
        items.push({ kind: 'protected', start, end, role: 'url' });
        return;
      }
      collectMarkup(node.children, start, end, 'a', items, counter);
      return;
    case 'linkReference':
      collectMarkup(node.children, start, end, 'a', items, counter);
      return;
    case 'emphasis':
      collectMarkup(node.children, start, end, 'em', items, counter);
      return;
    case 'strong':
      collectMarkup(node.children, start, end, 'strong', items, counter);
      return;
    case 'delete':
      collectMarkup(node.children, start, end, 'del', items, counter);
      return;
    default:
      // Anything else a plugin might add is kept as written rather than risked in translation.
      items.push({ kind: 'protected', start, end, role: 'html' });
  }
}

function collectMarkup(
  children: readonly PhrasingContent[],
  start: number,
  end: number,
  tag: MarkupTag,
  items: InlineItem[],
  counter: Counter,
): void {
  const first = children[0]?.position?.start.offset;
  const last = children[children.length - 1]?.position?.end.offset;
  if (first === undefined || last === undefined || first < start || last > end) {
    items.push({ kind: 'protected', start, end, role: 'html' });
    return;
  }
  const pair = counter.next;
  counter.next += 1;
  items.push({ kind: 'open', start, end: first, pair, tag });
  for (const child of children) collect(child, items, counter);
  items.push({ kind: 'close', start: last, end, pair, tag });
}

/** Autolinks and GFM literal URLs: the visible text is the address, so there is nothing to translate. */
function isBareLink(node: Extract<Nodes, { type: 'link' }>): boolean {
  if (node.children.length !== 1) return node.children.length === 0;
  const only = node.children[0];
  if (only?.type !== 'text') return false;
  const url = node.url.replace(/^mailto:/, '');
  return only.value === node.url || only.value === url || url.endsWith(only.value);
}
