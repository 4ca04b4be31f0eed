/**
 * What a reader sees of a PR body or job summary on GitHub: the Markdown rendered by micromark with
 * GFM and math (GitHub renders `$…$` as math), raw HTML passed through as GitHub passes its allowed
 * tags, then the visible text of the HTML as a browser shows it.
 */
import type { ChildNode, Document, Element } from 'domhandler';
import { DomUtils, parseDocument } from 'htmlparser2';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { math, mathHtml } from 'micromark-extension-math';

export function renderGfm(markdown: string): Document {
  const html = micromark(markdown, {
    allowDangerousHtml: true,
    extensions: [gfm(), math()],
    htmlExtensions: [gfmHtml(), mathHtml({ throwOnError: false })],
  });
  return parseDocument(html);
}

const BLOCKS = new Set([
  'p',
  'li',
  'ul',
  'ol',
  'tr',
  'td',
  'th',
  'table',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'details',
  'summary',
  'blockquote',
  'pre',
]);

/** Text as shown: `<br>` is a line break, block elements stand on their own lines. */
export function visibleText(node: ChildNode | Document): string {
  if (node.type === 'text') return node.data;
  if (!('children' in node)) return '';
  const element = node as Element;
  if (element.name === 'br') return '\n';
  const inner = element.children.map(visibleText).join('');
  return BLOCKS.has(element.name) ? `\n${inner}\n` : inner;
}

/** Whitespace as a browser shows it: runs collapse to one space, lines are trimmed, blank edges go. */
export function asShown(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t\r\f\v]+/g, ' ').trim())
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}

export function elementsNamed(root: Document | Element, name: string): Element[] {
  return DomUtils.findAll((element) => element.name === name, root.children);
}

export function childElements(element: Element, name: string): Element[] {
  return element.children.filter((child): child is Element => child.type === 'tag' && child.name === name);
}

/** Each row of a rendered table as the shown text of its cells, the header row first. */
export function tableCells(table: Element): string[][] {
  return elementsNamed(table, 'tr').map((row) =>
    row.children
      .filter((cell): cell is Element => cell.type === 'tag' && (cell.name === 'td' || cell.name === 'th'))
      .map((cell) => asShown(cell.children.map(visibleText).join(''))),
  );
}

/** Cells of one GFM table row in the Markdown, counting only pipes no backslash escapes. */
export function markdownCellCount(row: string): number {
  let pipes = 0;
  for (let index = 0; index < row.length; index += 1) {
    if (row[index] === '\\') index += 1;
    else if (row[index] === '|') pipes += 1;
  }
  return pipes - 1;
}
