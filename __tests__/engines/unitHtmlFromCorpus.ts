/**
 * Builds unit HTML shaped like the renderer's output from real English paragraphs (the committed
 * `_origin.md` fixtures), so engine tests run on real prose: code, math and roles become protected spans, emphasis becomes markup.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURE_CORPUS } from '../helpers/corpus.js';

const INLINE = /:[a-z]+:`[^`]+`|`[^`]+`|\$[^$]+\$|\*\*[^*]+\*\*|\*[^*\s][^*]*\*/gu;

function escapeHtml(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');
}

function paragraphToUnitHtml(paragraph: string): string {
  let html = '';
  let position = 0;
  let nextId = 1;
  for (const match of paragraph.matchAll(INLINE)) {
    html += escapeHtml(paragraph.slice(position, match.index));
    const piece = match[0];
    const id = nextId++;
    if (piece.startsWith('**')) html += `<strong data-m="${id}">${escapeHtml(piece.slice(2, -2))}</strong>`;
    else if (piece.startsWith('*')) html += `<em data-m="${id}">${escapeHtml(piece.slice(1, -1))}</em>`;
    else html += `<span translate="no" data-p="${id}">${escapeHtml(piece)}</span>`;
    position = match.index + piece.length;
  }
  return html + escapeHtml(paragraph.slice(position));
}

function proseParagraphs(markdown: string): string[] {
  const withoutCode = markdown.replace(/```[\s\S]*?```/gu, '').replace(/\$\$[\s\S]*?\$\$/gu, '');
  return withoutCode
    .split(/\n\s*\n/u)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => /^[A-Za-z*`$]/u.test(paragraph) && !paragraph.includes('|') && !paragraph.includes('['));
}

export function corpusUnits(relativeFile: string): Array<{ id: string; html: string }> {
  const markdown = readFileSync(join(FIXTURE_CORPUS, relativeFile), 'utf8');
  return proseParagraphs(markdown).map((paragraph, index) => ({
    id: `u${index}`,
    html: paragraphToUnitHtml(paragraph),
  }));
}
