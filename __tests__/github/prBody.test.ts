import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  BODY_MARKER,
  MAX_BODY_CHARACTERS,
  buildDraftsDocument,
  buildPullRequestBody,
  buildPullRequestTitle,
} from '../../src/report/prBody.js';
import { draftCommentKeys, draftComments } from '../../src/report/draftComments.js';
import { buildJobSummary } from '../../src/report/jobSummary.js';
import { branchSafeName, escapeCell, escapeInline } from '../../src/report/escape.js';
import type { SourceContext } from '../../src/report/syncTables.js';
import type { DraftedUnit, FileReport, SyncReport } from '../../src/sync/report.js';
import { CORPUS } from './fixture.js';

/** Drafts made from real English paragraphs of the corpus. */
function paragraphs(chapter: string): string[] {
  return readFileSync(`${CORPUS}${chapter}_origin.md`, 'utf8')
    .split(/\n{2,}/)
    .filter((paragraph) => /^[A-Z]/.test(paragraph));
}

function fileReport(path: string, sources: readonly string[]): FileReport {
  const drafts: DraftedUnit[] = sources.map((source, index) => ({
    line: index * 3 + 1,
    source,
    draft: `【草稿】${source}`,
    reason: 'changed',
  }));
  const charactersSent = sources.reduce((total, source) => total + source.length, 0);
  return {
    path,
    status: 'updated',
    kept: 10,
    reused: 1,
    drafted: drafts.length,
    removed: 2,
    failed: 0,
    charactersSent,
    drafts,
  };
}

function syncReport(files: FileReport[]): SyncReport {
  const sum = (key: 'kept' | 'reused' | 'drafted' | 'removed' | 'charactersSent'): number =>
    files.reduce((total, file) => total + file[key], 0);
  return {
    sourceLanguage: 'en',
    targetLanguage: 'zh',
    engine: 'aws',
    dryRun: false,
    files,
    totals: {
      files: files.length + 3,
      filesChanged: files.length,
      filesWithErrors: 0,
      kept: sum('kept'),
      reused: sum('reused'),
      drafted: sum('drafted'),
      removed: sum('removed'),
      failed: 0,
      charactersSent: sum('charactersSent'),
      charactersBilled: sum('charactersSent'),
      estimatedCostUsd: (sum('charactersSent') * 60) / 1e6,
    },
    jobIds: ['a1b2c3'],
  };
}

const context: SourceContext = {
  repository: 'd2l-ai/d2l-en',
  serverUrl: 'https://github.com',
  commit: '0123456789abcdef0123456789abcdef01234567',
  pullRequest: {
    number: 2345,
    title: 'Fix <img src=x onerror=alert(1)> in *softmax* @mli',
    url: 'https://github.com/d2l-ai/d2l-en/pull/2345',
  },
};
const draftsFile = {
  path: '.amts/drafts/amts-zh-pr-2345.md',
  url: 'https://github.com/d2l-ai/d2l-zh/blob/amts/zh/pr-2345/.amts/drafts/amts-zh-pr-2345.md',
};

describe('buildPullRequestBody', () => {
  it('shows a per-file table and every draft next to its English', () => {
    const english = paragraphs('chapter_preliminaries/pandas').slice(0, 2);
    const report = syncReport([fileReport('chapter_preliminaries/pandas.md', english)]);
    const { body, overflow } = buildPullRequestBody(report, context, draftsFile);
    expect(overflow).toBe(false);
    expect(body.startsWith(BODY_MARKER)).toBe(true);
    expect(body).toContain('| <code>chapter\\_preliminaries/pandas.md</code> | updated | 10 | 1 | 2 | 2 |');
    expect(body).toContain(`| **Total** (4 files) | 1 changed | 10 | 1 | 2 | 2 | ${report.totals.charactersSent} |`);
    // Raw HTML takes no backslash escapes: the name is written as it is.
    expect(body).toContain('<details><summary><code>chapter_preliminaries/pandas.md</code>: 2 drafts</summary>');
    expect(body).toContain('【草稿】');
    expect(body).toContain('<code>a1b2c3</code>');
    expect(body).toContain('[d2l-ai/d2l-en\\#\u200b2345](https://github.com/d2l-ai/d2l-en/pull/2345)');
  });

  it('escapes titles, file names and sentences so they render as text and ping nobody', () => {
    const report = syncReport([
      fileReport('chapter_x/<b>|evil`.md', [
        'Call @astonzhang about #12 and <script>alert(1)</script> | [link](javascript:x)',
      ]),
    ]);
    const { body } = buildPullRequestBody(report, context, draftsFile);
    expect(body).not.toMatch(/<img|<script|<b>/);
    expect(body).toContain('Fix &lt;img src=x onerror=alert\\(1\\)&gt; in \\*softmax\\* @\u200bmli');
    expect(body).toContain('<code>chapter\\_x/&lt;b&gt;\\|evil\\`.md</code>');
    expect(body).toContain('@\u200bastonzhang about #\u200b12');
    expect(body).not.toContain('](javascript:');
    // no unescaped pipe can split a table row
    for (const line of body.split('\n').filter((row) => row.startsWith('| ') && row.includes('evil'))) {
      expect(line.replace(/\\\|/g, '').split('|')).toHaveLength(10);
    }
  });

  it('stays under 65,536 characters: drafts overflow to the committed file, linked from the body', () => {
    const english = paragraphs('chapter_convolutional-modern/batch-norm');
    const files = Array.from({ length: 60 }, (_, index) => fileReport(`chapter_${index}/batch-norm.md`, english));
    const report = syncReport(files);
    const { body, overflow } = buildPullRequestBody(report, context, draftsFile);
    expect(overflow).toBe(true);
    expect(body.length).toBeLessThanOrEqual(MAX_BODY_CHARACTERS);
    expect(body).toContain(`[.amts/drafts/amts-zh-pr-2345.md](${draftsFile.url})`);
    expect(body).toContain('<code>chapter\\_59/batch-norm.md</code>');
    const document = buildDraftsDocument(report, context);
    expect(document.length).toBeGreaterThan(MAX_BODY_CHARACTERS);
    expect(document).toContain(escapeInline(english[0]?.split('\n')[0] ?? ''));
  });

  it('shortens the table when even the rows do not fit', () => {
    const files = Array.from({ length: 2000 }, (_, index) =>
      fileReport(`chapter_${index}/a-rather-long-section-name.md`, ['One sentence.']),
    );
    const { body, overflow } = buildPullRequestBody(syncReport(files), context, draftsFile);
    expect(overflow).toBe(true);
    expect(body.length).toBeLessThanOrEqual(MAX_BODY_CHARACTERS);
    expect(body).toMatch(/\d+ more changed files are listed in the job summary/);
  });
});

describe('titles, summaries and names', () => {
  it('makes a one-line title of at most 256 characters', () => {
    const report = syncReport([]);
    expect(buildPullRequestTitle(report, context)).toBe(
      '[AMTS] zh: sync with d2l-ai/d2l-en#2345 Fix <img src=x onerror=alert(1)> in *softmax* @mli',
    );
    const long = { ...context, pullRequest: { number: 1, title: 'word\n'.repeat(200), url: '' } };
    const title = buildPullRequestTitle(report, long);
    expect(title.length).toBeLessThanOrEqual(256);
    expect(title).not.toContain('\n');
    expect(buildPullRequestTitle(report, { ...context, pullRequest: undefined })).toBe(
      '[AMTS] zh: sync with d2l-ai/d2l-en@0123456',
    );
  });

  it('puts the same table and every draft in the job summary, with a compare link for ranges', () => {
    const report = syncReport([fileReport('chapter_a/x.md', ['A sentence.'])]);
    const summary = buildJobSummary(
      { ...report, dryRun: true },
      { ...context, pullRequest: undefined, range: { from: 'aaaaaaa1111', to: 'bbbbbbb2222' } },
      {
        headline: 'Dry run: 1 units would be drafted',
        notes: ['pull request #3 comes from a fork'],
      },
    );
    expect(summary).toContain('translation sync (dry run)');
    expect(summary).toContain('(https://github.com/d2l-ai/d2l-en/compare/aaaaaaa1111...bbbbbbb2222)');
    expect(summary).toContain('| <code>chapter\\_a/x.md</code> | updated |');
    expect(summary).toContain('【草稿】A sentence.');
    expect(summary).toContain('> pull request #\u200b3 comes from a fork');
  });

  it('makes branch names safe as file names', () => {
    expect(branchSafeName('amts/zh/pr-12')).toBe('amts-zh-pr-12');
    expect(branchSafeName('../..')).toBe('branch');
  });
});

describe('slide markers to mirror', () => {
  it('lists, per file, the English sentences that only gained slide markers, escaped', () => {
    const file = { ...fileReport('chapter_x/a.md', []), restyled: ['[**Flipping**] the image @mli.'] };
    const { body } = buildPullRequestBody(syncReport([file]), context, draftsFile);
    expect(body).toContain('#### Slide markers to mirror');
    expect(body).toContain('<details><summary><code>chapter_x/a.md</code>: 1 sentence</summary>');
    expect(body).toContain(`- ${escapeInline('[**Flipping**] the image @mli.')}`);
    expect(buildPullRequestBody(syncReport([fileReport('b.md', [])]), context, draftsFile).body).not.toContain(
      'Slide markers',
    );
  });
});

describe('draftComments', () => {
  const english = paragraphs('chapter_preliminaries/pandas').slice(0, 2);
  const report = syncReport([fileReport('chapter_preliminaries/pandas.md', english)]);
  const drafts = report.files[0]?.drafts ?? [];

  it('puts each draft on the line where its text starts in the committed file', () => {
    // A merge moved everything down two lines since the sync wrote the drafts.
    const first = drafts[0]?.draft ?? '';
    const second = drafts[1]?.draft ?? '';
    const committed = ['# 标题', '', first, '', '人写的段落。', '', second].join('\n');
    const lineOf = (text: string) => committed.slice(0, committed.indexOf(text)).split('\n').length;
    const comments = draftComments(report, () => committed);
    expect(comments.map((comment) => [comment.path, comment.line])).toEqual([
      ['chapter_preliminaries/pandas.md', 3],
      ['chapter_preliminaries/pandas.md', lineOf(second)],
    ]);
    expect(lineOf(second)).toBeGreaterThan(6);
    expect(comments[0]?.body).toContain(escapeCell(english[0] ?? ''));
    expect(draftCommentKeys(comments[1]?.body ?? '')).toEqual([comments[1]?.key]);
    expect(new Set(comments.map((comment) => comment.key)).size).toBe(2);
  });

  it('shows the human translation a draft replaces, escaped, and skips drafts no longer in the file', () => {
    const replacing = syncReport([
      {
        ...fileReport('a.md', ['New <b>English</b> @mli.']),
        drafts: [
          {
            line: 1,
            source: 'New <b>English</b> @mli.',
            draft: '新草稿。',
            reason: 'changed',
            replaces: { source: 'Old English.', translation: '旧的人工翻译。' },
          },
          { line: 3, source: 'Gone.', draft: '被人改掉了。', reason: 'inserted' },
        ],
      },
    ]);
    const [comment, ...rest] = draftComments(replacing, () => '新草稿。\n\n别的内容。\n');
    expect(rest).toEqual([]);
    expect(comment?.line).toBe(1);
    expect(comment?.body).toContain('> Old English.\n>\n> 旧的人工翻译。');
    expect(comment?.body).toContain('New &lt;b&gt;English&lt;/b&gt; @\u200bmli.');
    expect(draftComments(replacing, () => undefined)).toEqual([]);
  });
});
