import { escapeHtml } from './escapeHtml.js';
import type { InlineToken, MarkupTag } from './types.js';

const OPEN_TAG: Record<MarkupTag, string> = {
  em: 'em',
  strong: 'strong',
  del: 'del',
  a: 'a',
  slide: 'span class="slide"',
};

const CLOSE_TAG: Record<MarkupTag, string> = { em: 'em', strong: 'strong', del: 'del', a: 'a', slide: 'span' };

/**
 * Renders a unit's tokens as the inner HTML Amazon Translate receives: words as text, markup as
 * elements whose `data-m` names the marker pair, protected pieces as `translate="no"` spans whose
 * `data-p` is their position among the unit's protected tokens, line breaks as newlines.
 * Markup whose partner lies outside `tokens` (a sentence cut from a paragraph) is protected instead.
 */
export function renderUnitHtml(tokens: readonly InlineToken[]): string {
  const paired = pairedMarkup(tokens);
  let html = '';
  let protectedIndex = 0;
  for (const token of tokens) {
    if (token.kind === 'text') html += escapeHtml(token.source);
    else if (token.kind === 'break') html += '\n';
    else if (token.kind === 'protected' || !paired.has(token.pair)) {
      html += `<span translate="no" data-p="${protectedIndex}">${escapeHtml(token.source)}</span>`;
      protectedIndex += 1;
    } else if (token.kind === 'open') html += `<${OPEN_TAG[token.tag]} data-m="${token.pair}">`;
    else html += `</${CLOSE_TAG[token.tag]}>`;
  }
  return html;
}

/** Pair ids whose opener and closer are both in `tokens`, opener first. */
export function pairedMarkup(tokens: readonly InlineToken[]): Set<number> {
  const opened = new Set<number>();
  const paired = new Set<number>();
  for (const token of tokens) {
    if (token.kind === 'open') opened.add(token.pair);
    else if (token.kind === 'close' && opened.has(token.pair)) paired.add(token.pair);
  }
  return paired;
}
