/**
 * The PR body, the overflow drafts document and the job summary of real corpus syncs (d2l-zh chapters against
 * d2l-en-classic, pseudo engine), rendered by a GFM renderer: a reviewer must see every English sentence, human
 * translation and draft exactly as the chapters have it, with nothing pinged, linked or turned into math.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Document, Element } from 'domhandler';
import { DomUtils } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPseudoEngine } from '../../src/engines/pseudo.js';
import { draftComments } from '../../src/report/draftComments.js';
import { buildJobSummary } from '../../src/report/jobSummary.js';
import { buildDraftsDocument, buildPullRequestBody, MAX_BODY_CHARACTERS } from '../../src/report/prBody.js';
import { structureSummary } from '../../src/report/structureSummary.js';
import type { SourceContext } from '../../src/report/syncTables.js';
import type { FileReport, SyncReport } from '../../src/sync/report.js';
import { syncBook } from '../../src/sync/syncBook.js';
import { CORPUS, markdownFilesIn } from '../helpers/corpus.js';
import { NEEDED_BREAK, OTHER_INVISIBLE, rewritesIn, ZERO_WIDTH_SPACE } from '../helpers/githubRewrites.js';
import {
  asShown,
  childElements,
  elementsNamed,
  markdownCellCount,
  renderGfm,
  tableCells,
  visibleText,
} from '../helpers/renderGfm.js';

const ENGLISH = join(CORPUS, 'd2l-en-classic');
const ZH = join(CORPUS, 'd2l-zh');

const PR_URL = 'https://github.com/d2l-ai/d2l-en/pull/2345';
const context: SourceContext = {
  repository: 'd2l-ai/d2l-en',
  serverUrl: 'https://github.com',
  commit: '0123456789abcdef0123456789abcdef01234567',
  pullRequest: { number: 2345, title: `Fix "quotes", it's <b>5 & $x$</b> \\ #12 @mli :label:`, url: PR_URL },
};
const draftsFile = {
  path: '.amts/drafts/amts-zh-pr-2345.md',
  url: 'https://github.com/d2l-ai/d2l-zh/blob/amts/zh/pr-2345/.amts/drafts/amts-zh-pr-2345.md',
};
const TARGET_PR = 'https://github.com/d2l-ai/d2l-zh/pull/77';
const outcome = {
  headline: 'Pull request created:',
  link: { text: 'd2l-ai/d2l-zh#77', url: TARGET_PR },
  notes: ["pull request #3 isn't merged & comes from @someone's fork"],
};

/** A copy edit of one corpus file, so the sync drafts text the corpus holds nowhere else. */
interface Edit {
  readonly file: string;
  readonly from: string;
  readonly to: string;
}

interface CorpusSync {
  readonly report: SyncReport;
  readonly target: string;
}

const workDirs: string[] = [];
afterAll(() => {
  for (const dir of workDirs) rmSync(dir, { recursive: true, force: true });
});

/** Syncs copies of the chapters (with their `_origin.md`, unless `created`) in a scratch directory. */
async function syncCopies(chapters: readonly string[], created: readonly string[], edits: readonly Edit[]) {
  const work = mkdtempSync(join(tmpdir(), 'amts-rendered-'));
  workDirs.push(work);
  const source = join(work, 'en');
  const target = join(work, 'zh');
  const copy = (from: string, to: string): void => {
    mkdirSync(dirname(to), { recursive: true });
    cpSync(from, to);
  };
  for (const chapter of [...chapters, ...created]) copy(join(ENGLISH, chapter), join(source, chapter));
  for (const chapter of chapters) {
    copy(join(ZH, chapter), join(target, chapter));
    const origin = chapter.replace(/\.md$/, '_origin.md');
    copy(join(ZH, origin), join(target, origin));
  }
  for (const edit of edits) {
    const path = join(work, edit.file);
    const text = readFileSync(path, 'utf8');
    expect(text, `${edit.file} still holds the text the test edits`).toContain(edit.from);
    writeFileSync(path, text.replace(edit.from, edit.to));
  }
  const report = await syncBook(
    {
      sourceDir: source,
      targetDir: target,
      sourceLanguage: 'en',
      targetLanguage: 'zh',
      base: { kind: 'origin-suffix', suffix: '_origin' },
      files: [...chapters, ...created],
      dryRun: false,
    },
    createPseudoEngine(),
  );
  return { report, target };
}

/** Shown text is the source, character for character, but for zero-width spaces where a pattern needs one. */
function expectShown(shown: string, source: string, where: string): void {
  expect(source.includes(ZERO_WIDTH_SPACE), `${where}: the source itself has no zero-width space`).toBe(false);
  expect(rewritesIn(shown), `${where}: ${JSON.stringify(shown)}`).toEqual([]);
  expect(OTHER_INVISIBLE.test(shown), where).toBe(false);
  expect(asShown(shown.split(ZERO_WIDTH_SPACE).join('')), where).toBe(asShown(source));
  expect(shown.match(NEEDED_BREAK)?.length ?? 0, `${where}: every zero-width space breaks a pattern`).toBe(
    shown.split(ZERO_WIDTH_SPACE).length - 1,
  );
}

function shown(element: Element): string {
  return asShown(element.children.map(visibleText).join(''));
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** The collapsed block whose summary names the file. */
function detailsOf(dom: Document, path: string, what: string): Element | undefined {
  return elementsNamed(dom, 'details').find((details) => {
    const [summary] = childElements(details, 'summary');
    return summary !== undefined && shown(summary).split(ZERO_WIDTH_SPACE).join('') === `${path}: ${what}`;
  });
}

/** What holds for any rendered report: text nodes, links, tables. */
function expectRendersCleanly(markdown: string, links: readonly string[]): Document {
  const dom = renderGfm(markdown);
  const all = asShown(visibleText(dom));
  expect(rewritesIn(all), 'nothing GitHub would ping, link or turn into an emoji').toEqual([]);
  expect(OTHER_INVISIBLE.test(all)).toBe(false);
  expect(elementsNamed(dom, 'a').map((anchor) => anchor.attribs.href)).toEqual(links);
  // Math: micromark renders it with KaTeX; GitHub finds `$…$` in text, so a dollar stands alone in a span.
  expect(DomUtils.findAll((element) => /katex|math/.test(element.attribs.class ?? ''), dom.children)).toEqual([]);
  const dollars = DomUtils.filter((node) => node.type === 'text' && node.data.includes('$'), dom.children);
  for (const node of dollars) {
    expect(node.type === 'text' ? node.data : '').toBe('$');
    expect(node.parent?.type === 'tag' ? node.parent.name : '').toBe('span');
  }
  // Every row has its header's cells, in the Markdown and once rendered.
  for (const table of elementsNamed(dom, 'table')) {
    const [header, ...rows] = tableCells(table);
    for (const row of rows) expect(row).toHaveLength(header?.length ?? 0);
  }
  let columns: number | undefined;
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('|')) columns = undefined;
    else if (columns === undefined) columns = markdownCellCount(line);
    else expect(markdownCellCount(line), line).toBe(columns);
  }
  return dom;
}

function expectFileTable(dom: Document, report: SyncReport): void {
  const table = elementsNamed(dom, 'table').find((candidate) => tableCells(candidate)[0]?.[0] === 'File');
  expect(table).toBeDefined();
  const [, ...rows] = table ? tableCells(table) : [];
  const listed = report.files.filter((file) => file.status !== 'unchanged');
  expect(rows).toHaveLength(listed.length + 1);
  listed.forEach((file, index) => {
    const name = file.renamedFrom ? `${file.renamedFrom} → ${file.path}` : file.path;
    expectShown(rows[index]?.[0] ?? '', name, `file table row of ${file.path}`);
    expect(rows[index]?.[1]).toBe(file.status);
    expect(rows[index]?.[7]).toMatch(/^\$\d+\.\d{2,4}$/);
  });
}

/** Every draft of every file, in a row of five cells that show exactly the report's texts. */
function expectDraftTables(dom: Document, report: SyncReport): number {
  let rowsChecked = 0;
  for (const file of report.files.filter((entry) => entry.drafts.length > 0)) {
    const details = detailsOf(dom, file.path, plural(file.drafts.length, 'draft'));
    expect(details, `drafts of ${file.path}`).toBeDefined();
    const [summary] = details ? childElements(details, 'summary') : [];
    expectShown(summary ? shown(summary) : '', `${file.path}: ${plural(file.drafts.length, 'draft')}`, file.path);
    const [table] = details ? elementsNamed(details, 'table') : [];
    const [header, ...rows] = table ? tableCells(table) : [];
    expect(header).toEqual(['Line', 'Why', 'Before (English → translation)', 'New English', 'Draft']);
    expect(rows).toHaveLength(file.drafts.length);
    file.drafts.forEach((draft, index) => {
      const row = rows[index] ?? [];
      const where = `${file.path}, draft ${index + 1}`;
      expect(row).toHaveLength(5);
      expect(row[0]).toBe(String(draft.line));
      expect(row[1]).toBe(draft.reason);
      const before = draft.replaces ? `${draft.replaces.source}\n→ ${draft.replaces.translation}` : '';
      expectShown(row[2] ?? '', before, `${where}, before`);
      expectShown(row[3] ?? '', draft.source, `${where}, English`);
      expectShown(row[4] ?? '', draft.draft, `${where}, draft`);
      rowsChecked += 1;
    });
  }
  return rowsChecked;
}

function expectRestyled(dom: Document, report: SyncReport): number {
  let checked = 0;
  for (const file of report.files) {
    const sentences = file.restyled ?? [];
    if (sentences.length === 0) continue;
    const details = detailsOf(dom, file.path, plural(sentences.length, 'sentence'));
    expect(details, `slide markers of ${file.path}`).toBeDefined();
    const items = details ? elementsNamed(details, 'li') : [];
    expect(items).toHaveLength(sentences.length);
    sentences.forEach((sentence, index) => {
      const item = items[index];
      expectShown(item ? shown(item) : '', sentence, `${file.path}, restyled ${index + 1}`);
      checked += 1;
    });
  }
  return checked;
}

/** Every structure change of every file is listed under its file, at its line, with what it is verbatim. */
function expectStructure(dom: Document, report: SyncReport): number {
  let checked = 0;
  for (const file of report.files) {
    const changes = file.structure ?? [];
    if (changes.length === 0) continue;
    const details = detailsOf(dom, file.path, structureSummary(file.structureCounts));
    expect(details, `structure of ${file.path}`).toBeDefined();
    const items = details ? elementsNamed(details, 'li') : [];
    expect(items).toHaveLength(changes.length);
    changes.forEach((change, index) => {
      const item = items[index] ? shown(items[index]) : '';
      expect(item.startsWith(`line ${change.line}: `), `${file.path}: ${item}`).toBe(true);
      const code = items[index] ? elementsNamed(items[index], 'code') : [];
      if (change.what !== '')
        expectShown(code[0] ? shown(code[0]) : '', change.what, `${file.path}, change ${index + 1}`);
      expect(item.includes(' lost'), `${file.path}: ${item}`).toBe((change.commentsDropped ?? 0) > 0);
      checked += 1;
    });
  }
  return checked;
}

function expectHeader(dom: Document): void {
  const english = elementsNamed(dom, 'li').find((item) => shown(item).startsWith('English:'));
  const { pullRequest } = context;
  expectShown(
    english ? shown(english) : '',
    `English: ${context.repository}#${pullRequest?.number ?? 0}: ${pullRequest?.title ?? ''}`,
    'English source line',
  );
}

/** Everything a reviewer is shown of the chapters' text. */
function shownTexts(files: readonly FileReport[]): string[] {
  return files.flatMap((file) => [
    ...file.drafts.flatMap((draft) => [
      draft.source,
      draft.draft,
      draft.replaces?.source ?? '',
      draft.replaces?.translation ?? '',
    ]),
    ...(file.restyled ?? []),
  ]);
}

describe('reports of a sync of seven d2l-zh chapters, rendered', () => {
  let sync: CorpusSync;

  beforeAll(async () => {
    sync = await syncCopies(
      [
        'chapter_preliminaries/calculus.md',
        'chapter_notation/index.md',
        'chapter_installation/index.md',
        'chapter_linear-networks/softmax-regression-concise.md',
        'chapter_deep-learning-computation/use-gpu.md',
        'chapter_recurrent-modern/beam-search.md',
      ],
      // Not yet translated: a new chapter, drafted block by block with its line breaks.
      ['chapter_optimization/rmsprop.md'],
      [
        // A copy edit, so the sentence with the real `"&lt;eos&gt;"` and `$T'$` (and its human translation) is redrafted.
        {
          file: 'en/chapter_recurrent-modern/beam-search.md',
          from: 'Once "&lt;eos&gt;" is outputted',
          to: 'Once "&lt;eos&gt;" is output',
        },
        // The corpus has no bare `@name`, `#12` or `&` in prose: one English sentence gains them.
        {
          file: 'en/chapter_installation/index.md',
          from: 'Now close and reopen your current shell.',
          to: 'Now close and reopen your current shell (see #12, thanks to @astonzhang & @mli).',
        },
      ],
    );
  }, 120_000);

  it('drafts text holding each character that needs care', () => {
    const texts = shownTexts(sync.report.files);
    const cases: ReadonlyArray<readonly [string, RegExp]> = [
      ['apostrophe', /'/],
      ['double quote', /"/],
      ['ampersand', /&/],
      ['an entity', /&lt;eos&gt;/],
      ['less-than', /</],
      ['dollar', /\$/],
      ['backslash', /\\/],
      ['at sign before a name', /@[A-Za-z]/],
      ['issue number', /#\d/],
      ['pipe', /\|/],
      ['line break in a draft', /\S\n\S/],
    ];
    for (const [name, pattern] of cases)
      expect(
        texts.some((text) => pattern.test(text)),
        name,
      ).toBe(true);
    expect(sync.report.files.find((file) => file.path === 'chapter_optimization/rmsprop.md')?.status).toBe('created');
  });

  it('PR body: every draft, English and human translation shown verbatim, nothing pinged or linked', () => {
    const { body, overflow } = buildPullRequestBody(sync.report, context, draftsFile, { reviewComments: 50 });
    expect(overflow).toBe(false);
    const dom = expectRendersCleanly(body, [PR_URL]);
    expectHeader(dom);
    expectFileTable(dom, sync.report);
    expect(expectDraftTables(dom, sync.report)).toBe(sync.report.totals.drafted);
    expect(expectRestyled(dom, sync.report)).toBeGreaterThan(0);
    const paragraphs = elementsNamed(dom, 'p').map(shown);
    expect(paragraphs.at(-1)).toBe(
      "The machine drafts are written into the chapters as plain text, with no marker in the files: the tables above list every one next to its English. Each draft's line also gets a review comment with its English (at most 50 new comments per run). Edit this branch directly: later runs add their commits on top of yours without force-pushing, and redraft only the sentences whose English changes again.",
    );
  });

  it('the footer is true: each draft is in its chapter as plain text, at the line the table gives', () => {
    for (const file of sync.report.files.filter((entry) => entry.drafts.length > 0)) {
      const text = readFileSync(join(sync.target, file.path), 'utf8');
      const lines = text.split('\n');
      for (const draft of file.drafts) {
        expect(lines.slice(draft.line - 1).join('\n')).toContain(draft.draft.trim());
      }
      expect(text).not.toMatch(/amts|machine draft/i);
    }
  });

  it('review comments: the English and the translation it replaces, verbatim', () => {
    const comments = draftComments(sync.report, (path) => readFileSync(join(sync.target, path), 'utf8'));
    const drafts = sync.report.files.flatMap((file) => file.drafts);
    expect(comments).toHaveLength(drafts.length);
    comments.forEach((comment, index) => {
      const draft = drafts[index];
      const quotes = elementsNamed(expectRendersCleanly(comment.body, []), 'blockquote').map((quote) =>
        elementsNamed(quote, 'p').map(shown),
      );
      expect(quotes.map((paragraphs) => paragraphs.length)).toEqual(draft?.replaces ? [1, 2] : [1]);
      expectShown(quotes[0]?.[0] ?? '', draft?.source ?? '', `comment ${index + 1}, English`);
      if (draft?.replaces) {
        const [old, translation] = quotes[1] ?? [];
        expectShown(old ?? '', draft.replaces.source, `comment ${index + 1}, old English`);
        expectShown(translation ?? '', draft.replaces.translation, `comment ${index + 1}, translation`);
      }
    });
  });

  it('drafts document and job summary: the same texts, verbatim', () => {
    const document = expectRendersCleanly(buildDraftsDocument(sync.report, context), [PR_URL]);
    expectFileTable(document, sync.report);
    expect(expectDraftTables(document, sync.report)).toBe(sync.report.totals.drafted);
    expectRestyled(document, sync.report);

    const summary = expectRendersCleanly(buildJobSummary(sync.report, context, outcome), [PR_URL, TARGET_PR]);
    expectHeader(summary);
    expectFileTable(summary, sync.report);
    expect(expectDraftTables(summary, sync.report)).toBe(sync.report.totals.drafted);
    const [note] = elementsNamed(summary, 'blockquote');
    expectShown(note ? shown(note) : '', outcome.notes[0] ?? '', 'note');
    const headline = elementsNamed(summary, 'p').find((paragraph) => shown(paragraph).startsWith('Pull request'));
    expectShown(headline ? shown(headline) : '', `${outcome.headline} ${outcome.link.text}`, 'headline');
  });
});

describe('reports of a sync of the whole d2l-zh book, rendered', () => {
  let sync: CorpusSync;

  beforeAll(async () => {
    const chapters = markdownFilesIn(ZH)
      .filter((file) => file.endsWith('_origin.md'))
      .map((file) => file.slice(ZH.length + 1).replace(/_origin\.md$/, '.md'));
    const work = mkdtempSync(join(tmpdir(), 'amts-rendered-book-'));
    workDirs.push(work);
    cpSync(ZH, join(work, 'zh'), { recursive: true });
    const report = await syncBook(
      {
        sourceDir: ENGLISH,
        targetDir: join(work, 'zh'),
        sourceLanguage: 'en',
        targetLanguage: 'zh',
        base: { kind: 'origin-suffix', suffix: '_origin' },
        files: chapters,
        dryRun: false,
      },
      createPseudoEngine(),
    );
    sync = { report, target: join(work, 'zh') };
  }, 300_000);

  it('PR body overflows: it links the drafts file and says only what is true of it', () => {
    const { body, overflow } = buildPullRequestBody(sync.report, context, draftsFile);
    expect(overflow).toBe(true);
    expect(body.length).toBeLessThanOrEqual(MAX_BODY_CHARACTERS);
    const dom = expectRendersCleanly(body, [PR_URL, draftsFile.url]);
    expectHeader(dom);
    expectFileTable(dom, sync.report);
    expect(elementsNamed(dom, 'details')).toEqual([]);
    const paragraphs = elementsNamed(dom, 'p').map(shown);
    const changes = sync.report.files.reduce((sum, file) => sum + (file.structure ?? []).length, 0);
    expect(paragraphs).toContain(`${changes} code cell, tab and block changes are listed in the drafts file.`);
    expect(paragraphs).toContain(
      `The drafts are too long for this description: they are in ${draftsFile.path} on this branch, with the whole file table and the slide markers to mirror, and in the job summary of the run.`,
    );
    expect(paragraphs.at(-1)).toBe(
      'The machine drafts are written into the chapters as plain text, with no marker in the files: the drafts file lists every one next to its English. Edit this branch directly: later runs add their commits on top of yours without force-pushing, and redraft only the sentences whose English changes again.',
    );
  });

  it('drafts document and job summary show every one of the book’s drafts verbatim', () => {
    const document = buildDraftsDocument(sync.report, context);
    expect(document.length).toBeGreaterThan(MAX_BODY_CHARACTERS);
    const rendered = expectRendersCleanly(document, [PR_URL]);
    expectFileTable(rendered, sync.report);
    expect(expectDraftTables(rendered, sync.report)).toBe(sync.report.totals.drafted);
    expect(expectRestyled(rendered, sync.report)).toBeGreaterThan(100);
    const changes = sync.report.files.reduce((sum, file) => sum + (file.structure ?? []).length, 0);
    expect(changes).toBeGreaterThan(50);
    expect(expectStructure(rendered, sync.report)).toBe(changes);

    const summary = expectRendersCleanly(buildJobSummary(sync.report, context, outcome), [PR_URL, TARGET_PR]);
    expect(expectDraftTables(summary, sync.report)).toBe(sync.report.totals.drafted);
    expect(expectStructure(summary, sync.report)).toBe(changes);
  });
});
