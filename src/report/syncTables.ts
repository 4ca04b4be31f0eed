/**
 * The Markdown pieces the PR body and the job summary share: where the English came from, the
 * per-file table, problems, and the drafts shown next to their English.
 */
import type { FileReport, SyncReport } from '../sync/report.js';
import { codeName, codeNameHtml, escapeCell, escapeInline } from './escape.js';

/** Where the English of this sync comes from, for links in the PR body and summary. */
export interface SourceContext {
  /** `owner/name` of the English repository. */
  readonly repository: string;
  /** Web root, e.g. `https://github.com`. */
  readonly serverUrl: string;
  /** English commit the sync used. */
  readonly commit: string;
  readonly pullRequest?: { readonly number: number; readonly title: string; readonly url: string };
  /** Commit range of a push or scheduled run. */
  readonly range?: { readonly from: string; readonly to: string };
  /** Every English change a rolling bot branch holds, this one included, newest first. */
  readonly included?: readonly SourceEntry[];
}

/** One English pull request or commit range a bot branch was synced with. */
export type SourceEntry = Pick<SourceContext, 'repository' | 'commit' | 'pullRequest' | 'range'>;

export function renderSource(context: SourceContext): string {
  const repositoryUrl = `${context.serverUrl}/${context.repository}`;
  if (context.pullRequest) {
    const { number, title, url } = context.pullRequest;
    const link = `[${escapeInline(context.repository)}\\#\u200b${number}](${safeUrl(url || `${repositoryUrl}/pull/${number}`)})`;
    return `${link}: ${escapeInline(title)}`;
  }
  if (context.range) {
    const { from, to } = context.range;
    const text = escapeInline(`${context.repository}@${shortSha(from)}..${shortSha(to)}`);
    return `[${text}](${safeUrl(`${repositoryUrl}/compare/${from}...${to}`)})`;
  }
  return `[${escapeInline(`${context.repository}@${shortSha(context.commit)}`)}](${safeUrl(`${repositoryUrl}/commit/${context.commit}`)})`;
}

/** `- English: …` for one change; a nested list, newest first, for a rolling branch that holds several. */
function renderEnglish(context: SourceContext): string {
  const included = context.included ?? [];
  if (included.length <= 1) return `- English: ${renderSource(context)}`;
  const items = included.map((entry) => `  - ${renderSource({ ...entry, serverUrl: context.serverUrl })}`);
  return [`- English: ${included.length} changes, newest first`, ...items].join('\n');
}

export function renderHeader(report: SyncReport, context: SourceContext): string {
  const lines = [
    `### AMTS: ${escapeInline(report.sourceLanguage)} → ${escapeInline(report.targetLanguage)} translation sync${report.dryRun ? ' (dry run)' : ''}`,
    '',
    renderEnglish(context),
    `- Engine: ${escapeInline(report.engine)}`,
  ];
  if (report.jobIds.length > 0)
    lines.push(`- Translation jobs: ${report.jobIds.map((id) => `<code>${escapeInline(id)}</code>`).join(', ')}`);
  return lines.join('\n');
}

/** The per-file table; unchanged files are counted, not listed. `maxRows` caps very large syncs. */
export function renderFileTable(report: SyncReport, maxRows = Number.POSITIVE_INFINITY): string {
  const listed = report.files.filter((file) => file.status !== 'unchanged');
  const shown = listed.slice(0, maxRows);
  const { totals } = report;
  const lines = [
    '| File | Status | Kept | Reused | Drafted | Removed | Characters | Est. cost |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...shown.map((file) => fileRow(file, costShare(report, file))),
    `| **Total** (${totals.files} files) | ${totals.filesChanged} changed | ${totals.kept} | ${totals.reused} | ${totals.drafted} | ${totals.removed} | ${totals.charactersSent} | ${escapeInline(formatUsd(totals.estimatedCostUsd))} |`,
  ];
  const notes: string[] = [];
  if (listed.length > shown.length)
    notes.push(`${listed.length - shown.length} more changed files are listed in the job summary.`);
  const unchanged = report.files.length - listed.length;
  if (unchanged > 0) notes.push(`${unchanged} files needed no change.`);
  notes.push(`Characters billed: ${totals.charactersBilled}.`);
  if (totals.failed > 0)
    notes.push(`**${totals.failed} units could not be translated**; nothing was written for them.`);
  return `${lines.join('\n')}\n\n${notes.join(' ')}`;
}

function fileRow(file: FileReport, cost: number): string {
  const name = file.renamedFrom ? `${codeName(file.renamedFrom)} → ${codeName(file.path)}` : codeName(file.path);
  return `| ${name} | ${file.status} | ${file.kept} | ${file.reused} | ${file.drafted} | ${file.removed} | ${file.charactersSent} | ${escapeInline(formatUsd(cost))} |`;
}

/** The file's part of the run's estimate, in proportion to the characters it sent. */
function costShare(report: SyncReport, file: FileReport): number {
  const { charactersSent, estimatedCostUsd } = report.totals;
  return charactersSent > 0 ? (estimatedCostUsd * file.charactersSent) / charactersSent : 0;
}

export function formatUsd(amount: number): string {
  return `$${amount < 1 ? amount.toFixed(4) : amount.toFixed(2)}`;
}

export function renderProblems(report: SyncReport): string {
  const broken = report.files.filter((file) => file.error !== undefined);
  if (broken.length === 0) return '';
  const items = broken.map((file) => `- ${codeName(file.path)}: ${escapeInline(file.error ?? '')}`);
  return `#### Files left untouched\n\n${items.join('\n')}`;
}

/**
 * English sentences that only gained or lost slide markers, one collapsed block per file: their translation was
 * kept without the markers, and a translator who wants the same slides adds them.
 */
export function renderRestyled(report: SyncReport): string {
  const sections = report.files
    .filter((file) => (file.restyled ?? []).length > 0)
    .map((file) => {
      const sentences = file.restyled ?? [];
      return [
        `<details><summary>${codeNameHtml(file.path)}: ${sentences.length} sentence${sentences.length === 1 ? '' : 's'}</summary>`,
        '',
        ...sentences.map((sentence) => `- ${escapeInline(sentence)}`),
        '',
        '</details>',
      ].join('\n');
    });
  if (sections.length === 0) return '';
  return `#### Slide markers to mirror

The English only marked these sentences for the slides (or unmarked them); their human translation was kept as it was.

${sections.join('\n\n')}`;
}

/** Every draft next to its English, one collapsed block per file. */
export function renderDrafts(report: SyncReport): string {
  const sections = report.files.filter((file) => file.drafts.length > 0).map(renderFileDrafts);
  if (sections.length === 0) return '';
  return `#### Drafts to review\n\n${sections.join('\n\n')}`;
}

/**
 * A reviewer judges a draft against the English it translates and, when it replaces a human
 * translation, against the old English and that translation.
 */
function renderFileDrafts(file: FileReport): string {
  const rows = file.drafts.map((draft) => {
    const before = draft.replaces
      ? `${escapeCell(draft.replaces.source)}<br>→ ${escapeCell(draft.replaces.translation)}`
      : '';
    return `| ${draft.line} | ${draft.reason} | ${before} | ${escapeCell(draft.source)} | ${escapeCell(draft.draft)} |`;
  });
  return [
    `<details><summary>${codeNameHtml(file.path)}: ${file.drafts.length} draft${file.drafts.length === 1 ? '' : 's'}</summary>`,
    '',
    '| Line | Why | Before (English → translation) | New English | Draft |',
    '| ---: | --- | --- | --- | --- |',
    ...rows,
    '',
    '</details>',
  ].join('\n');
}

function shortSha(sha: string): string {
  return sha.slice(0, 7);
}

/** A URL inside `(...)` of a Markdown link: only http(s), with parentheses and spaces encoded. */
export function safeUrl(url: string): string {
  if (!/^https?:\/\//.test(url)) return '#';
  return url.replace(/[()\s<>]/g, (character) => encodeURIComponent(character));
}
