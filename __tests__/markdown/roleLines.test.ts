import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/align/splitSentences.js';
import type { TranslationEngine, TranslationRequest } from '../../src/engines/engine.js';
import { createIdentityEngine } from '../../src/engines/identity.js';
import { D2LBOOK_DIRECTIVES } from '../../src/markdown/directives.js';
import { parseMarkdown, type ParserChoice } from '../../src/markdown/parseMarkdown.js';
import type { Block, ParsedDocument } from '../../src/markdown/types.js';
import { translateDocuments } from '../../src/translate/translateDocument.js';
import { CORPUS, corpusName, markdownFilesIn } from '../helpers/corpus.js';
import { isEnglishChapter, keepsNeighbours, roleLines, type RoleLine } from '../helpers/roleLines.js';

/**
 * d2l breaks its sentences into short lines, and a role often starts one mid-sentence:
 * "… linear transformations,\n:numref:`fig_multi-head-attention`\ndescribes …". Such a line is part of
 * its sentence; only d2lbook's own directives (`:label:`, `:width:` …) stand apart.
 */

interface Chapter {
  readonly path: string;
  readonly text: string;
  readonly lines: readonly RoleLine[];
}

const chapters: Chapter[] = markdownFilesIn(CORPUS)
  .map((file) => {
    const text = readFileSync(file, 'utf8');
    return { path: corpusName(file), text, lines: roleLines(text) };
  })
  .filter((chapter) => chapter.lines.length > 0);
const english = chapters.filter((chapter) => isEnglishChapter(chapter.path));

/** The prose block whose source holds the role line, or undefined. */
function blockOf(document: ParsedDocument, role: RoleLine): Block | undefined {
  return document.blocks.find((block) => {
    const lineCount = block.source.split('\n').length;
    return block.kind === 'prose' && block.line <= role.line && role.line < block.line + lineCount;
  });
}

/** Where the role stands in its block's source. */
function roleOffset(block: Block, role: RoleLine): number {
  const lines = block.source.split('\n');
  const index = role.line - block.line;
  const before = lines.slice(0, index).reduce((sum, line) => sum + line.length + 1, 0);
  return before + (lines[index] ?? '').indexOf(role.role);
}

describe('a line led by a d2lbook role', () => {
  it('stands in 62 lines of 40 English chapters of the corpus, and in 2 of its Chinese ones', () => {
    expect(english.flatMap((chapter) => chapter.lines)).toHaveLength(62);
    expect(english).toHaveLength(40);
    expect(
      chapters.filter((chapter) => !isEnglishChapter(chapter.path)).flatMap((chapter) => chapter.lines),
    ).toHaveLength(2);
  });

  it.each<ParserChoice>(['auto', 'remark'])(
    'is parsed (%s) into the prose unit and the sentence of the lines around it',
    (parser) => {
      const astray: string[] = [];
      let checked = 0;
      for (const chapter of chapters) {
        const document = parseMarkdown(chapter.text, chapter.path, parser);
        for (const role of chapter.lines) {
          checked += 1;
          const where = `${chapter.path}:${role.line}`;
          const block = blockOf(document, role);
          const token = block?.tokens?.find((entry) => entry.kind === 'protected' && entry.source === role.role);
          const at = block ? roleOffset(block, role) : -1;
          const sentence = block?.tokens
            ? splitSentences(block.tokens, isEnglishChapter(chapter.path) ? 'en' : 'zh').find(
                (span) => span.start <= at && at < span.end,
              )
            : undefined;
          const words = sentence?.text.replace(role.role, '') ?? '';
          if (token?.kind !== 'protected' || token.role !== 'role') astray.push(`${where}: not a role in a unit`);
          else if (!/\p{L}/u.test(words)) astray.push(`${where}: alone in its sentence`);
          else if (isEnglishChapter(chapter.path) && !keepsNeighbours(sentence?.text ?? '', role))
            astray.push(`${where}: cut from its neighbours: ${sentence?.text ?? ''}`);
        }
        const strays = document.blocks.filter(
          (block) => block.kind === 'directive' && !D2LBOOK_DIRECTIVES.has(block.info ?? ''),
        );
        for (const stray of strays) astray.push(`${chapter.path}:${stray.line}: directive ${stray.source}`);
      }
      expect(astray).toEqual([]);
      expect(checked).toBe(64);
    },
  );

  it('reaches the engine inside the unit of its sentence, next to the words around it', async () => {
    const requests: TranslationRequest[] = [];
    const identity = createIdentityEngine();
    const recording: TranslationEngine = {
      name: 'recording identity',
      translate: async (request) => {
        requests.push(request);
        return identity.translate(request);
      },
    };
    const documents = chapters.map((chapter) => parseMarkdown(chapter.text, chapter.path));
    const result = await translateDocuments(documents, recording, 'en', 'zh');
    expect(result.documents.map((translated) => translated.text)).toEqual(chapters.map((chapter) => chapter.text));
    const texts = requests.flatMap((request) => request.units).map((unit) => unitText(unit.html));
    const astray = chapters.flatMap((chapter) =>
      chapter.lines
        .filter((role) => !texts.some((text) => text.includes(role.role) && keepsNeighbours(text, role)))
        .map((role) => `${chapter.path}:${role.line}`),
    );
    expect(astray).toEqual([]);
  });
});

/** The Markdown a unit's HTML stands for: protected spans give back their source, markup tags go. */
function unitText(html: string): string {
  return html
    .replace(/<[^>]+>/gu, '')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&amp;', '&');
}
