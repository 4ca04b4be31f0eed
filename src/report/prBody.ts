/**
 * The follow-up PR's description. GitHub refuses bodies over 65,536 characters, so when the
 * drafts do not fit they move to a file committed on the branch (and to the job summary) and the
 * body links to it.
 */
import type { SyncReport } from '../sync/report.js';
import { cutAtLine } from './cutAtLine.js';
import { renderParallelData } from './parallelDataSection.js';
import { includedTitle } from './includedSources.js';
import { escapeInline } from './escape.js';
import { renderStructure } from './renderStructure.js';
import type { SourceContext } from './syncTables.js';
import { renderDrafts, renderFileTable, renderHeader, renderProblems, renderRestyled, safeUrl } from './syncTables.js';

/** GitHub's limit, less room for the marker and the overflow note. */
export const MAX_BODY_CHARACTERS = 65_536;
const BODY_BUDGET = MAX_BODY_CHARACTERS - 1_024;

/** Lets a later run recognize the body it wrote. */
export const BODY_MARKER = '<!-- amts:sync -->';

export interface DraftsFile {
  /** Path in the target repository, e.g. `.amts/drafts/amts-zh-pr-12.md`. */
  readonly path: string;
  /** Web link to the file on the bot branch. */
  readonly url: string;
}

export interface PullRequestBody {
  readonly body: string;
  /** The drafts did not fit: commit `draftsDocument` at `draftsFile.path`. */
  readonly overflow: boolean;
}

export interface BodyOptions {
  /** New review comments a run may put on drafts' lines (the `review-comments` input); 0 when off. */
  readonly reviewComments?: number;
}

export function buildPullRequestBody(
  report: SyncReport,
  context: SourceContext,
  draftsFile: DraftsFile,
  options: BodyOptions = {},
): PullRequestBody {
  const head = [BODY_MARKER, renderHeader(report, context)];
  const problems = renderProblems(report);
  const full = joinSections([
    ...head,
    renderFileTable(report),
    problems,
    renderParallelData(report),
    renderDrafts(report),
    renderStructure(report),
    renderRestyled(report),
    renderFooter(report, false, options),
  ]);
  if (full.length <= BODY_BUDGET) return { body: full, overflow: false };

  const note = `#### Drafts to review\n\nThe drafts are too long for this description: they are in [${escapeInline(draftsFile.path)}](${safeUrl(draftsFile.url)}) on this branch, with the whole file table${report.files.some((file) => (file.restyled ?? []).length > 0) ? ' and the slide markers to mirror' : ''}, and in the job summary of the run.`;
  const footer = renderFooter(report, true, options);
  for (let rows = report.files.length; ; rows = Math.floor(rows / 2)) {
    const body = joinSections([
      ...head,
      renderFileTable(report, rows),
      cutAtLine(problems, 8_000),
      cutAtLine(renderParallelData(report), 8_000),
      note,
      structureNote(report),
      footer,
    ]);
    if (body.length <= BODY_BUDGET || rows === 0) return { body: cutAtLine(body, BODY_BUDGET), overflow: true };
  }
}

/** The committed overflow file: everything the body had to leave out. */
export function buildDraftsDocument(report: SyncReport, context: SourceContext): string {
  return `${joinSections([
    renderHeader(report, context),
    renderFileTable(report),
    renderProblems(report),
    renderDrafts(report),
    renderStructure(report),
    renderRestyled(report),
  ])}\n`;
}

/** One line, as GitHub shows titles: plain text, at most 256 characters. */
export function buildPullRequestTitle(report: SyncReport, context: SourceContext): string {
  const what =
    (context.included?.length ?? 0) > 1
      ? includedTitle(context.included ?? [])
      : context.pullRequest
        ? `${context.repository}#${context.pullRequest.number} ${context.pullRequest.title}`
        : `${context.repository}@${context.commit.slice(0, 7)}`;
  const title = `[AMTS] ${report.targetLanguage}: sync with ${what}`.replace(/\s+/g, ' ').trim();
  return title.length <= 256 ? title : `${title.slice(0, 255)}…`;
}

/** When the body overflows, the structure changes are counted here and listed in the drafts file. */
function structureNote(report: SyncReport): string {
  const changes = report.files.reduce((sum, file) => sum + (file.structure ?? []).length, 0);
  if (changes === 0) return '';
  return `#### Structure to check\n\n${changes} code cell, tab and block changes are listed in the drafts file.`;
}

function joinSections(sections: readonly string[]): string {
  return sections.filter((section) => section.length > 0).join('\n\n');
}

/** What the body says last: where the drafts are, and how to edit them. Every sentence holds for this run. */
function renderFooter(report: SyncReport, overflow: boolean, options: BodyOptions): string {
  const sentences: string[] = [];
  if (report.files.some((file) => file.drafts.length > 0)) {
    sentences.push(
      `The machine drafts are written into the chapters as plain text, with no marker in the files: ${overflow ? 'the drafts file' : 'the tables above'} list${overflow ? 's' : ''} every one next to its English.`,
    );
    const comments = options.reviewComments ?? 0;
    if (comments > 0)
      sentences.push(
        `Each draft's line also gets a review comment with its English (at most ${comments} new comments per run).`,
      );
  }
  sentences.push(
    'Edit this branch directly: later runs add their commits on top of yours without force-pushing, and redraft only the sentences whose English changes again.',
  );
  return sentences.join(' ');
}
