/**
 * The run's job summary: the same table as the PR body, plus every draft (the summary allows
 * 1 MiB, so it is where drafts go when the PR body overflows).
 */
import type { SyncReport } from '../sync/report.js';
import { cutAtLine } from './cutAtLine.js';
import { renderParallelData } from './parallelDataSection.js';
import { escapeInline } from './escape.js';
import { renderStructure } from './renderStructure.js';
import type { SourceContext } from './syncTables.js';
import { renderDrafts, renderFileTable, renderHeader, renderProblems, renderRestyled, safeUrl } from './syncTables.js';

const MAX_SUMMARY_CHARACTERS = 900_000;

export interface SummaryOutcome {
  /** One line on what happened: the PR link, "no change", "dry run", "job pending". */
  readonly headline: string;
  /** Shown after the headline, e.g. the pull request. */
  readonly link?: { readonly text: string; readonly url: string };
  readonly notes?: readonly string[];
}

export function buildJobSummary(report: SyncReport, context: SourceContext, outcome: SummaryOutcome): string {
  const sections = [
    renderHeader(report, context),
    `**${escapeInline(outcome.headline)}**${outcome.link ? ` [${escapeInline(outcome.link.text)}](${safeUrl(outcome.link.url)})` : ''}`,
    ...(outcome.notes ?? []).map((note) => `> ${escapeInline(note)}`),
    renderFileTable(report),
    renderProblems(report),
    renderParallelData(report),
    renderDrafts(report),
    renderStructure(report),
    renderRestyled(report),
  ].filter((section) => section.length > 0);
  const summary = `${sections.join('\n\n')}\n`;
  return summary.length <= MAX_SUMMARY_CHARACTERS
    ? summary
    : `${cutAtLine(summary, MAX_SUMMARY_CHARACTERS)}(cut at ${MAX_SUMMARY_CHARACTERS} characters)\n`;
}

/** A summary for runs that stop before a sync report exists (refused events, pending jobs). */
export function buildMessageSummary(title: string, lines: readonly string[]): string {
  return `### ${escapeInline(title)}\n\n${lines.map((line) => `- ${escapeInline(line)}`).join('\n')}\n`;
}
