/**
 * The follow-up PR's description. GitHub refuses bodies over 65,536 characters, so when the
 * drafts do not fit they move to a file committed on the branch (and to the job summary) and the
 * body links to it.
 */
import type { SyncReport } from '../sync/report.js';
import { escapeInline } from './escape.js';
import type { SourceContext } from './syncTables.js';
import { renderDrafts, renderFileTable, renderHeader, renderProblems, renderRestyled } from './syncTables.js';

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

const FOOTER =
  'Machine drafts are marked in the translation for review. Edit this branch directly: later runs merge their changes on top of your commits and never overwrite them.';

export function buildPullRequestBody(
  report: SyncReport,
  context: SourceContext,
  draftsFile: DraftsFile,
): PullRequestBody {
  const head = [BODY_MARKER, renderHeader(report, context)];
  const problems = renderProblems(report);
  const full = joinSections([
    ...head,
    renderFileTable(report),
    problems,
    renderDrafts(report),
    renderRestyled(report),
    FOOTER,
  ]);
  if (full.length <= BODY_BUDGET) return { body: full, overflow: false };

  const note = `#### Drafts to review\n\nThe drafts are too long for this description: read them in [${escapeInline(draftsFile.path)}](${draftsFile.url}) on this branch, or in the job summary of the run.`;
  for (let rows = report.files.length; ; rows = Math.floor(rows / 2)) {
    const body = joinSections([...head, renderFileTable(report, rows), truncate(problems, 8_000), note, FOOTER]);
    if (body.length <= BODY_BUDGET || rows === 0) return { body: body.slice(0, BODY_BUDGET), overflow: true };
  }
}

/** The committed overflow file: everything the body had to leave out. */
export function buildDraftsDocument(report: SyncReport, context: SourceContext): string {
  return `${joinSections([
    renderHeader(report, context),
    renderFileTable(report),
    renderProblems(report),
    renderDrafts(report),
    renderRestyled(report),
  ])}\n`;
}

/** One line, as GitHub shows titles: plain text, at most 256 characters. */
export function buildPullRequestTitle(report: SyncReport, context: SourceContext): string {
  const what = context.pullRequest
    ? `${context.repository}#${context.pullRequest.number} ${context.pullRequest.title}`
    : `${context.repository}@${context.commit.slice(0, 7)}`;
  const title = `[AMTS] ${report.targetLanguage}: sync with ${what}`.replace(/\s+/g, ' ').trim();
  return title.length <= 256 ? title : `${title.slice(0, 255)}…`;
}

function joinSections(sections: readonly string[]): string {
  return sections.filter((section) => section.length > 0).join('\n\n');
}

function truncate(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit)}\n\n…`;
}
