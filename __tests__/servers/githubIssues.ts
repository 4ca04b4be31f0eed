/**
 * The issue endpoints of the GitHub test server: list (filtered by labels and state, paginated), create and update.
 * Issues and pull requests share one number sequence, as on GitHub.
 */
import type { RecordedRequest, Reply } from './githubServer.js';

export interface FakeIssue {
  readonly number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  readonly labels: string[];
}

export interface IssueRouteContext {
  readonly htmlBase: string;
  readonly nextNumber: () => number;
  readonly page: (items: readonly unknown[], request: RecordedRequest) => Reply;
}

/** Answers `/issues` and `/issues/<n>`, or undefined for any other path. */
export function issueRoute(
  issues: FakeIssue[],
  rest: string,
  request: RecordedRequest,
  context: IssueRouteContext,
): Reply | undefined {
  const json = (issue: FakeIssue): unknown => ({
    number: issue.number,
    html_url: `${context.htmlBase}/issues/${issue.number}`,
    title: issue.title,
    body: issue.body,
    state: issue.state,
    labels: issue.labels.map((name) => ({ name })),
  });
  const body =
    typeof request.body === 'object' && request.body !== null ? (request.body as Record<string, unknown>) : {};
  if (rest === '/issues' && request.method === 'GET') {
    const wanted = (request.query.get('labels') ?? '').split(',').filter(Boolean);
    const state = request.query.get('state') ?? 'open';
    const listed = issues.filter(
      (issue) => (state === 'all' || issue.state === state) && wanted.every((label) => issue.labels.includes(label)),
    );
    return context.page(listed.map(json), request);
  }
  if (rest === '/issues' && request.method === 'POST') {
    if (typeof body.title !== 'string' || body.title === '')
      return { status: 422, body: { message: 'Validation Failed: title is required' } };
    const labels = Array.isArray(body.labels) ? body.labels.filter((label) => typeof label === 'string') : [];
    const issue: FakeIssue = {
      number: context.nextNumber(),
      title: body.title,
      body: typeof body.body === 'string' ? body.body : '',
      state: 'open',
      labels,
    };
    issues.push(issue);
    return { status: 201, body: json(issue) };
  }
  const match = /^\/issues\/(\d+)$/.exec(rest);
  if (!match) return undefined;
  const issue = issues.find((candidate) => candidate.number === Number(match[1]));
  if (!issue) return { status: 404, body: { message: 'Not Found' } };
  if (request.method === 'GET') return { status: 200, body: json(issue) };
  if (request.method !== 'PATCH') return undefined;
  if (typeof body.title === 'string') issue.title = body.title;
  if (typeof body.body === 'string') {
    // GitHub refuses a body past 65,536 characters.
    if (body.body.length > 65_536) return { status: 422, body: { message: 'Validation Failed: body is too long' } };
    issue.body = body.body;
  }
  if (body.state === 'open' || body.state === 'closed') issue.state = body.state;
  return { status: 200, body: json(issue) };
}
