/**
 * A conflict AMTS could not resolve is never left silent: the bot PR gets the `amts:conflict` label and one comment
 * naming the files (not repeated while the files stay the same), and the job summary lists it too.
 */
import { codeName, escapeInline } from '../report/escape.js';
import { safeUrl } from '../report/syncTables.js';
import type { GitHubClient } from './client.js';
import { asRecord, stringAt } from './json.js';
import type { PullRequestRef } from './pullRequest.js';

export const CONFLICT_LABEL = 'amts:conflict';

export interface ConflictNote {
  readonly branch: string;
  readonly base: string;
  readonly pullRequest?: PullRequestRef;
  /** Target-relative paths a person must look at. */
  readonly files: readonly string[];
  /** One sentence: why AMTS stopped. */
  readonly reason: string;
}

/** Labels and comments the PR; a comment with the same file list from an earlier run is not posted again. */
export async function reportConflict(github: GitHubClient, repository: string, note: ConflictNote): Promise<void> {
  const number = note.pullRequest?.number;
  if (number === undefined) return;
  const labels = await github.paginate(`/repos/${repository}/issues/${number}/labels`);
  if (!labels.some((label) => stringAt(asRecord(label), 'name') === CONFLICT_LABEL)) {
    await github.request({
      method: 'POST',
      path: `/repos/${repository}/issues/${number}/labels`,
      body: { labels: [CONFLICT_LABEL] },
    });
  }
  const marker = conflictMarker(note);
  const comments = await github.paginate(`/repos/${repository}/issues/${number}/comments`);
  if (comments.some((comment) => (stringAt(asRecord(comment), 'body') ?? '').includes(marker))) return;
  await github.request({
    method: 'POST',
    path: `/repos/${repository}/issues/${number}/comments`,
    body: { body: conflictComment(note) },
  });
}

export function conflictComment(note: ConflictNote): string {
  return [
    conflictMarker(note),
    `AMTS could not bring ${codeName(note.branch)} in step with ${codeName(note.base)}: ${escapeInline(note.reason)}`,
    '',
    ...(note.files.length > 0
      ? ['These files need a person:', '', ...note.files.map((file) => `- ${codeName(file)}`), '']
      : []),
    `Merge ${codeName(note.base)} into this branch and resolve them by hand; the next run then syncs on top of your resolution.`,
  ].join('\n');
}

/** The job summary's section: every conflict of the run, with its files. */
export function renderConflictSummary(notes: readonly ConflictNote[]): string {
  if (notes.length === 0) return '';
  const lines = ['### AMTS: conflicts left for a person', ''];
  for (const note of notes) {
    const where = note.pullRequest ? ` ([#${note.pullRequest.number}](${safeUrl(note.pullRequest.url)}))` : '';
    lines.push(`- ${codeName(note.branch)}${where}: ${escapeInline(note.reason)}`);
    for (const file of note.files) lines.push(`  - ${codeName(file)}`);
  }
  return `${lines.join('\n')}\n`;
}

function conflictMarker(note: ConflictNote): string {
  return `<!-- ${CONFLICT_LABEL} ${JSON.stringify([...note.files].sort())} -->`;
}
