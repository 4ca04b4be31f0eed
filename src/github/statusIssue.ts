/**
 * The one status issue of a translation repository: found by its label, created when there is none, otherwise
 * updated in place. Never two: when two runs raced and both created one, the later ones are closed.
 */
import type { RepositoryName } from '../config.js';
import type { GitHubClient } from './client.js';
import { asRecord, numberAt, stringAt } from './json.js';

export const STATUS_LABEL = 'amts:status';

export interface StatusIssueResult {
  readonly operation: 'created' | 'updated';
  readonly number: number;
  readonly url: string;
}

interface IssueRef {
  readonly number: number;
  readonly url: string;
  readonly state: string;
}

export async function upsertStatusIssue(
  github: GitHubClient,
  repository: RepositoryName,
  content: { readonly title: string; readonly body: string },
): Promise<StatusIssueResult> {
  const base = `/repos/${repository.owner}/${repository.name}/issues`;
  const existing = await statusIssues(github, base);
  // Closed ones too: a maintainer who closed it keeps it closed, and no second issue appears.
  const [first] = existing;
  if (first) {
    await github.request({ method: 'PATCH', path: `${base}/${first.number}`, body: content });
    return { operation: 'updated', number: first.number, url: first.url };
  }
  const created = asRecord(
    await github.request({ method: 'POST', path: base, body: { ...content, labels: [STATUS_LABEL] } }),
  );
  const number = numberAt(created, 'number');
  if (number === undefined) throw new Error(`GitHub created the status issue but did not say its number`);
  const result: StatusIssueResult = { operation: 'created', number, url: stringAt(created, 'html_url') ?? '' };
  // Another run may have created one at the same time: the oldest stays, the others are closed.
  const open = (await statusIssues(github, base)).filter((issue) => issue.state === 'open');
  const keep = open[0];
  if (keep === undefined) return result;
  for (const duplicate of open.slice(1))
    await github.request({ method: 'PATCH', path: `${base}/${duplicate.number}`, body: { state: 'closed' } });
  if (keep.number === number) return result;
  await github.request({ method: 'PATCH', path: `${base}/${keep.number}`, body: content });
  return { operation: 'updated', number: keep.number, url: keep.url };
}

/** Issues with the status label, oldest first; pull requests (which the issues API lists too) left out. */
async function statusIssues(github: GitHubClient, base: string): Promise<IssueRef[]> {
  const label = encodeURIComponent(STATUS_LABEL);
  const listed = await github.paginate(`${base}?labels=${label}&state=all&sort=created&direction=asc`);
  const issues: IssueRef[] = [];
  for (const item of listed) {
    const record = asRecord(item);
    const number = numberAt(record, 'number');
    if (number === undefined || record?.pull_request !== undefined) continue;
    issues.push({ number, url: stringAt(record, 'html_url') ?? '', state: stringAt(record, 'state') ?? 'open' });
  }
  return issues.sort((a, b) => a.number - b.number);
}
