import { readFileSync } from 'node:fs';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { math } from 'micromark-extension-math';
import { mathFromMarkdown } from 'mdast-util-math';
import { markdownFilesIn, CORPUS } from './__tests__/helpers/corpus.js';
const files = markdownFilesIn(CORPUS).filter(f => f.includes('d2l-zh')).map(f => readFileSync(f, 'utf8'));
const { text } = math();
const base = [gfmTable(), gfmStrikethrough(), { text }], bm = [gfmTableFromMarkdown(), gfmStrikethroughFromMarkdown(), mathFromMarkdown()];
for (let round = 0; round < 3; round++) {
  const time = (e: any[], m: any[]) => { const t = Date.now(); for (const f of files) fromMarkdown(f, { extensions: e, mdastExtensions: m }); return Date.now() - t; };
  console.log({ base: time(base, bm), footnote: time([...base, gfmFootnote()], [...bm, gfmFootnoteFromMarkdown()]), autolink: time([...base, gfmAutolinkLiteral()], [...bm, gfmAutolinkLiteralFromMarkdown()]) });
}
