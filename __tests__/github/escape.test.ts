import { describe, expect, it } from 'vitest';
import { cutAtLine } from '../../src/report/cutAtLine.js';
import { codeNameHtml, escapeCell, escapeInline } from '../../src/report/escape.js';
import { buildPullRequestBody } from '../../src/report/prBody.js';
import type { SyncReport } from '../../src/sync/report.js';
import { NEEDED_BREAK, rewritesIn, ZERO_WIDTH_SPACE } from '../helpers/githubRewrites.js';
import { asShown, elementsNamed, renderGfm, tableCells, visibleText } from '../helpers/renderGfm.js';

/** Texts that Markdown, HTML, math or GitHub's autolinking would each change if written as they are. */
const TRICKY = [
  "Let's write out the equations in detail.",
  'a "quoted" word and an entity: &#39; &amp; &lt;b&gt; &#x41; &copy',
  '<b>bold</b> <!-- comment --> <br> <https://example.com>',
  'back\\slash \\| pipe | cell \\* \\\\',
  '`code` *em* _em_ **strong** ~~gone~~ [link](x) ![image](y) [^1]',
  'math $x^2$ and $$y$$ and \\$ and $5 and $6',
  '#12 GH-3 owner/repo#4 PR #5 and #x',
  '@mli, @d2l-ai/team and mail@example.com',
  'https://github.com/d2l-ai/d2l-en/issues/12 and www.d2l.ai',
  ':label: :+1: :numref:`sec_x`',
  '# not a heading',
  '1. not a list',
  '- not a list',
  '+ not a list',
  '> not a quote',
];

function expectVerbatim(shown: string, source: string): void {
  expect(rewritesIn(shown), shown).toEqual([]);
  expect(asShown(shown.split(ZERO_WIDTH_SPACE).join(''))).toBe(asShown(source));
  expect(shown.match(NEEDED_BREAK)?.length ?? 0).toBe(shown.split(ZERO_WIDTH_SPACE).length - 1);
}

describe('escaping renders back to the literal text', () => {
  it('in a paragraph, a list item and a table cell', () => {
    for (const text of TRICKY) {
      const dom = renderGfm(
        `${escapeInline(text)}\n\n- ${escapeInline(text)}\n\n| a |\n| --- |\n| ${escapeCell(text)} |\n`,
      );
      const [paragraph] = elementsNamed(dom, 'p');
      const [item] = elementsNamed(dom, 'li');
      const [table] = elementsNamed(dom, 'table');
      expect(elementsNamed(dom, 'a'), text).toEqual([]);
      expectVerbatim(paragraph ? visibleText(paragraph) : '', text);
      expectVerbatim(item ? visibleText(item) : '', text);
      const rows = table ? tableCells(table) : [];
      expect(rows[1], text).toHaveLength(1);
      expectVerbatim(rows[1]?.[0] ?? '', text);
    }
  });

  it('in raw HTML (a summary line), where backslashes are literal', () => {
    for (const text of TRICKY) {
      const dom = renderGfm(`<details><summary>${codeNameHtml(text)}: 1 draft</summary>\n\nx\n\n</details>\n`);
      const [summary] = elementsNamed(dom, 'summary');
      expect(elementsNamed(dom, 'b'), text).toEqual([]);
      expectVerbatim(summary ? visibleText(summary) : '', `${text}: 1 draft`);
    }
  });

  it('keeps apostrophes and quotes as they are and writes no numeric entity', () => {
    expect(escapeInline(`it's "so"`)).toBe(`it's "so"`);
    for (const text of TRICKY) expect(escapeInline(text) + escapeCell(text) + codeNameHtml(text)).not.toMatch(/&#/);
  });

  it('keeps a draft’s lines, and a blank line between paragraphs, in a cell', () => {
    expect(escapeCell('第一行，\n第二行。\n\n下一段。\n')).toBe('第一行，<br>第二行。<br><br>下一段。');
  });
});

describe('cutAtLine', () => {
  it('cuts at the end of a line, within the limit', () => {
    const text = Array.from({ length: 100 }, (_, index) => `| <span>\\$</span>${index} &amp; |`).join('\n');
    const cut = cutAtLine(text, 500);
    expect(cut.length).toBeLessThanOrEqual(500);
    expect(cut.endsWith('\n\n…')).toBe(true);
    const lines = cut.slice(0, -3).split('\n');
    expect(lines.every((line) => text.split('\n').includes(line))).toBe(true);
    expect(cutAtLine('short', 500)).toBe('short');
  });
});

describe('the footer says only what holds', () => {
  const report: SyncReport = {
    sourceLanguage: 'en',
    targetLanguage: 'zh',
    engine: 'identity',
    dryRun: false,
    files: [],
    totals: {
      files: 0,
      filesChanged: 0,
      filesWithErrors: 0,
      kept: 0,
      reused: 0,
      drafted: 0,
      removed: 0,
      failed: 0,
      charactersSent: 0,
      charactersBilled: 0,
      estimatedCostUsd: 0,
    },
    jobIds: [],
  };
  const context = { repository: 'd2l-ai/d2l-en', serverUrl: 'https://github.com', commit: 'a'.repeat(40) };
  const draftsFile = { path: '.amts/drafts/x.md', url: 'https://github.com/d2l-ai/d2l-zh/blob/b/.amts/drafts/x.md' };

  it('names no drafts and no comments when there are none', () => {
    const { body } = buildPullRequestBody(report, context, draftsFile, { reviewComments: 50 });
    expect(body).not.toMatch(/machine drafts|review comment|marked/i);
    expect(body).toContain('Edit this branch directly');
  });

  it('mentions review comments only when they are on', () => {
    const file = {
      path: 'a.md',
      status: 'updated' as const,
      kept: 1,
      reused: 0,
      drafted: 1,
      removed: 0,
      failed: 0,
      charactersSent: 3,
      drafts: [{ line: 1, source: 'New.', draft: '新。', reason: 'inserted' as const }],
    };
    const withDraft = { ...report, files: [file] };
    expect(buildPullRequestBody(withDraft, context, draftsFile).body).not.toContain('review comment');
    expect(buildPullRequestBody(withDraft, context, draftsFile, { reviewComments: 50 }).body).toContain(
      'at most 50 new comments per run',
    );
  });
});
