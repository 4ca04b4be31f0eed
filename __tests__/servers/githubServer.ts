/**
 * A local stand-in for the GitHub REST endpoints the action calls, with in-memory state and a
 * log of every request, so tests can check what the action did and never did.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { issueRoute, type FakeIssue } from './githubIssues.js';

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly body: unknown;
  readonly authorization: string | undefined;
  /** `performance.now()` when the request arrived, to check how writes were paced. */
  readonly at: number;
}

/**
 * Failures GitHub really answers with, to inject on chosen requests: a proxy's 502, a connection dropped before
 * any answer, a 429 with Retry-After, a secondary rate limit (403 + Retry-After), and a used-up primary limit
 * (403, `x-ratelimit-remaining: 0`, `x-ratelimit-reset` `resetIn` seconds from now).
 */
export type Fault =
  | { readonly kind: 'bad-gateway' }
  | { readonly kind: 'connection-reset' }
  | { readonly kind: 'too-many-requests'; readonly retryAfter: number }
  | { readonly kind: 'secondary-rate-limit'; readonly retryAfter: number }
  | { readonly kind: 'primary-rate-limit'; readonly resetIn: number };

export interface FakePullRequest {
  readonly number: number;
  title: string;
  body: string;
  readonly head: string;
  readonly base: string;
  state: 'open' | 'closed';
  readonly draft: boolean;
  readonly labels: string[];
  readonly requestedReviewers: string[];
  readonly requestedTeams: string[];
  /** Line comments of the reviews posted on it, as GitHub lists them. */
  readonly reviewComments: ReviewComment[];
  merged: boolean;
  mergeCommitSha: string | null;
  /** The head commit when the PR was closed; GitHub freezes `head.sha` then. */
  closedHeadSha?: string;
}

/** A comment on the conversation of an issue or pull request. */
export interface IssueComment {
  readonly id: number;
  readonly user: string;
  readonly body: string;
}

/** A collaborator's role, as `role_name`; `permission` is GitHub's legacy level derived from it. */
export type CollaboratorRole = 'admin' | 'maintain' | 'write' | 'triage' | 'read';

/** What only git knows: where a branch points and whether two branches merge cleanly (GitHub's `mergeable`). */
export interface GitView {
  resolve(ref: string): string | undefined;
  mergeable(head: string, base: string): boolean | undefined;
}

export interface ReviewComment {
  readonly path: string;
  readonly line: number;
  readonly side: string;
  readonly body: string;
  readonly commitId: string;
}

export interface PullRequestFile {
  readonly filename: string;
  readonly status: 'added' | 'modified' | 'removed' | 'renamed' | 'copied' | 'changed' | 'unchanged';
  readonly previous_filename?: string;
}

interface FakeRepository {
  readonly owner: string;
  readonly name: string;
  /** Writes need the token (`token <t>` or `Bearer <t>`); reads are open (a public repository). */
  readonly token: string | undefined;
  readonly pulls: FakePullRequest[];
  readonly pullFiles: Map<number, PullRequestFile[]>;
  readonly issueComments: Map<number, IssueComment[]>;
  readonly collaborators: Map<string, CollaboratorRole>;
  git?: GitView;
  readonly issues: FakeIssue[];
}

export interface Reply {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

/** `'reset'` drops the connection without an answer. */
type Interceptor = (request: RecordedRequest) => Reply | 'reset' | undefined;

export class GitHubServer {
  readonly requests: RecordedRequest[] = [];
  private readonly repositories = new Map<string, FakeRepository>();
  private readonly interceptors: { method: string; pattern: RegExp; handle: Interceptor }[] = [];
  private nextNumber = 1;
  private nextCommentId = 1;

  private constructor(
    private readonly server: http.Server,
    readonly url: string,
  ) {}

  static async start(): Promise<GitHubServer> {
    const holder: { instance?: GitHubServer } = {};
    const server = http.createServer((request, response) => {
      void holder.instance?.handle(request, response);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    holder.instance = new GitHubServer(server, `http://127.0.0.1:${port}`);
    return holder.instance;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  addRepository(fullName: string, options: { token?: string } = {}): void {
    const [owner = '', name = ''] = fullName.split('/');
    this.repositories.set(fullName, {
      owner,
      name,
      token: options.token,
      pulls: [],
      pullFiles: new Map(),
      issueComments: new Map(),
      collaborators: new Map(),
      issues: [],
    });
  }

  issues(fullName: string): FakeIssue[] {
    return this.repository(fullName).issues;
  }

  /** Lets the server answer `head.sha` and `mergeable` from the repository's real git data. */
  attachGit(fullName: string, view: GitView): void {
    this.repository(fullName).git = view;
  }

  setCollaborator(fullName: string, login: string, role: CollaboratorRole): void {
    this.repository(fullName).collaborators.set(login.toLowerCase(), role);
  }

  issueComments(fullName: string, number: number): IssueComment[] {
    return this.repository(fullName).issueComments.get(number) ?? [];
  }

  /** Marks a PR merged, as GitHub does once its merge commit is on the base branch (the caller made it with git). */
  markMerged(fullName: string, number: number, mergeCommitSha: string): void {
    const repository = this.repository(fullName);
    const pull = repository.pulls.find((candidate) => candidate.number === number);
    if (!pull) throw new Error(`test server: no pull request #${number} in ${fullName}`);
    pull.closedHeadSha = repository.git?.resolve(pull.head);
    pull.state = 'closed';
    pull.merged = true;
    pull.mergeCommitSha = mergeCommitSha;
  }

  setPullRequestFiles(fullName: string, number: number, files: PullRequestFile[]): void {
    this.repository(fullName).pullFiles.set(number, files);
  }

  pulls(fullName: string): FakePullRequest[] {
    return this.repository(fullName).pulls;
  }

  /** Adds a pull request as if someone (or another run) had opened it. */
  openPullRequest(
    fullName: string,
    head: string,
    base: string,
    title = 'opened elsewhere',
    number?: number,
  ): FakePullRequest {
    const pull: FakePullRequest = {
      number: number ?? this.nextNumber++,
      title,
      body: '',
      head,
      base,
      state: 'open',
      draft: false,
      labels: [],
      requestedReviewers: [],
      requestedTeams: [],
      reviewComments: [],
      merged: false,
      mergeCommitSha: null,
    };
    this.repository(fullName).pulls.push(pull);
    return pull;
  }

  /** The next matching request is answered by `handle` (when it returns a reply) instead of the normal route. */
  interceptOnce(method: string, pattern: RegExp, handle: Interceptor): void {
    this.interceptors.push({ method, pattern, handle });
  }

  /** The next `count` requests matching `method` and `pattern` fail with `fault`; the one after is served. */
  injectFault(method: string, pattern: RegExp, fault: Fault, count = 1): void {
    for (let index = 0; index < count; index++) this.interceptOnce(method, pattern, () => faultReply(fault));
  }

  writes(): RecordedRequest[] {
    return this.requests.filter((request) => request.method !== 'GET');
  }

  private repository(fullName: string): FakeRepository {
    const repository = this.repositories.get(fullName);
    if (!repository) throw new Error(`test server: unknown repository ${fullName}`);
    return repository;
  }

  private async handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.url);
    const text = await readBody(request);
    const recorded: RecordedRequest = {
      method: request.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      body: text ? (JSON.parse(text) as unknown) : undefined,
      authorization: request.headers.authorization,
      at: performance.now(),
    };
    this.requests.push(recorded);
    const intercepted = this.intercept(recorded);
    if (intercepted === 'reset') {
      request.socket.destroy();
      return;
    }
    const reply = intercepted ?? this.route(recorded);
    response.writeHead(reply.status, { 'content-type': 'application/json', ...(reply.headers ?? {}) });
    response.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
  }

  private intercept(request: RecordedRequest): Reply | 'reset' | undefined {
    const index = this.interceptors.findIndex(
      (entry) => entry.method === request.method && entry.pattern.test(request.path),
    );
    if (index < 0) return undefined;
    const [entry] = this.interceptors.splice(index, 1);
    return entry?.handle(request);
  }

  private route(request: RecordedRequest): Reply {
    const match = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(request.path);
    if (!match) return notFound();
    const repository = this.repositories.get(`${match[1]}/${match[2]}`);
    if (!repository) return notFound();
    if (request.method !== 'GET' && (!repository.token || tokenOf(request.authorization) !== repository.token)) {
      return { status: 401, body: { message: 'Bad credentials' } };
    }
    const rest = match[3] ?? '';
    const pullMatch = /^\/pulls\/(\d+)(\/files|\/requested_reviewers|\/comments|\/reviews)?$/.exec(rest);
    const labelsMatch = /^\/issues\/(\d+)\/labels$/.exec(rest);
    const commentsMatch = /^\/issues\/(\d+)\/comments$/.exec(rest);
    const permissionMatch = /^\/collaborators\/([^/]+)\/permission$/.exec(rest);
    if (rest === '' && request.method === 'GET') return { status: 200, body: repositoryJson(repository) };
    if (rest === '/pulls' && request.method === 'GET') return this.listPulls(repository, request);
    if (rest === '/pulls' && request.method === 'POST') return this.createPull(repository, request);
    if (pullMatch) return this.pullRoute(repository, Number(pullMatch[1]), pullMatch[2] ?? '', request);
    if (labelsMatch && request.method === 'POST') return this.addLabels(repository, Number(labelsMatch[1]), request);
    if (labelsMatch && request.method === 'GET') return this.listLabels(repository, Number(labelsMatch[1]), request);
    if (commentsMatch) return this.commentsRoute(repository, Number(commentsMatch[1]), request);
    if (permissionMatch && request.method === 'GET') {
      return collaboratorPermission(repository, decodeURIComponent(permissionMatch[1] ?? ''));
    }
    const issue = issueRoute(repository.issues, rest, request, {
      htmlBase: `${this.url}/${repository.owner}/${repository.name}`,
      nextNumber: () => this.nextNumber++,
      page: (items, listRequest) => this.page(items, listRequest),
    });
    return issue ?? notFound();
  }

  private listPulls(repository: FakeRepository, request: RecordedRequest): Reply {
    const state = request.query.get('state') ?? 'open';
    const head = request.query.get('head');
    const base = request.query.get('base');
    const pulls = repository.pulls.filter(
      (pull) =>
        (state === 'all' || pull.state === state) &&
        (!head || `${repository.owner}:${pull.head}` === head) &&
        (!base || pull.base === base),
    );
    // GitHub lists the newest first.
    return this.page(
      [...pulls].reverse().map((pull) => pullJson(repository, this.url, pull)),
      request,
    );
  }

  private createPull(repository: FakeRepository, request: RecordedRequest): Reply {
    const body = asObject(request.body);
    const head = String(body.head ?? '');
    const base = String(body.base ?? '');
    if (!head || !base || !body.title) return unprocessable('Validation Failed: head, base and title are required');
    if (repository.pulls.some((pull) => pull.state === 'open' && pull.head === head)) {
      return unprocessable(`A pull request already exists for ${repository.owner}:${head}.`);
    }
    const pull = this.openPullRequest(`${repository.owner}/${repository.name}`, head, base, String(body.title));
    pull.body = String(body.body ?? '');
    Object.assign(pull, { draft: body.draft === true });
    return { status: 201, body: pullJson(repository, this.url, pull) };
  }

  private pullRoute(repository: FakeRepository, number: number, sub: string, request: RecordedRequest): Reply {
    if (sub === '/files' && request.method === 'GET') {
      const files = repository.pullFiles.get(number);
      return files ? this.page(files, request) : notFound();
    }
    const pull = repository.pulls.find((candidate) => candidate.number === number);
    if (!pull) return notFound();
    const body = asObject(request.body);
    if (sub === '' && request.method === 'PATCH') {
      if (typeof body.title === 'string') pull.title = body.title;
      if (typeof body.body === 'string') pull.body = body.body;
      if (body.state === 'closed' && pull.state === 'open') pull.closedHeadSha = repository.git?.resolve(pull.head);
      if (body.state === 'open' || body.state === 'closed') pull.state = body.state;
      return { status: 200, body: pullJson(repository, this.url, pull) };
    }
    if (sub === '' && request.method === 'GET') return { status: 200, body: pullJson(repository, this.url, pull) };
    if (sub === '/comments' && request.method === 'GET') {
      const listed = pull.reviewComments.map((comment, index) => ({
        id: index + 1,
        path: comment.path,
        line: comment.line,
        side: comment.side,
        body: comment.body,
        commit_id: comment.commitId,
      }));
      return this.page(listed, request);
    }
    if (sub === '/reviews' && request.method === 'POST') return this.createReview(pull, body);
    if (sub === '/requested_reviewers' && request.method === 'POST') {
      pull.requestedReviewers.push(...stringList(body.reviewers));
      pull.requestedTeams.push(...stringList(body.team_reviewers));
      return { status: 201, body: pullJson(repository, this.url, pull) };
    }
    return notFound();
  }

  /** A review with line comments: every comment needs a path, a positive line and a body, as GitHub checks. */
  private createReview(pull: FakePullRequest, body: Record<string, unknown>): Reply {
    const commitId = typeof body.commit_id === 'string' ? body.commit_id : '';
    if (!/^[0-9a-f]{40}$/.test(commitId)) return unprocessable('commit_id is not a commit');
    const comments = Array.isArray(body.comments) ? body.comments.map(asObject) : [];
    for (const comment of comments) {
      const valid =
        typeof comment.path === 'string' &&
        Number.isInteger(comment.line) &&
        Number(comment.line) > 0 &&
        typeof comment.body === 'string';
      if (!valid) return unprocessable('Unprocessable Entity: "Line could not be resolved"');
    }
    for (const comment of comments) {
      pull.reviewComments.push({
        path: String(comment.path),
        line: Number(comment.line),
        side: String(comment.side ?? 'RIGHT'),
        body: String(comment.body),
        commitId,
      });
    }
    return { status: 200, body: { id: pull.reviewComments.length, state: 'COMMENTED', commit_id: commitId } };
  }

  /** `GET` lists the conversation's comments, `POST` adds one by the token's user (the bot here). */
  private commentsRoute(repository: FakeRepository, number: number, request: RecordedRequest): Reply {
    const exists = repository.pulls.some((pull) => pull.number === number) || repository.pullFiles.has(number);
    if (!exists) return notFound();
    const comments = repository.issueComments.get(number) ?? [];
    if (request.method === 'GET')
      return this.page(
        comments.map((comment) => commentJson(comment)),
        request,
      );
    if (request.method !== 'POST') return notFound();
    const body = asObject(request.body).body;
    if (typeof body !== 'string' || body.length === 0) return unprocessable('Validation Failed: body is required');
    const comment: IssueComment = { id: this.nextCommentId++, user: 'github-actions[bot]', body };
    repository.issueComments.set(number, [...comments, comment]);
    return { status: 201, body: commentJson(comment) };
  }

  private listLabels(repository: FakeRepository, number: number, request: RecordedRequest): Reply {
    const pull = repository.pulls.find((candidate) => candidate.number === number);
    return pull
      ? this.page(
          pull.labels.map((name) => ({ name })),
          request,
        )
      : notFound();
  }

  private addLabels(repository: FakeRepository, number: number, request: RecordedRequest): Reply {
    const pull = repository.pulls.find((candidate) => candidate.number === number);
    if (!pull) return notFound();
    for (const label of stringList(asObject(request.body).labels))
      if (!pull.labels.includes(label)) pull.labels.push(label);
    return { status: 200, body: pull.labels.map((name) => ({ name })) };
  }

  /** GitHub's pagination: `per_page`, `page` and a `Link` header with `rel="next"`. */
  private page(items: readonly unknown[], request: RecordedRequest): Reply {
    const perPage = Math.min(Number(request.query.get('per_page') ?? '30') || 30, 100);
    const page = Number(request.query.get('page') ?? '1') || 1;
    const slice = items.slice((page - 1) * perPage, page * perPage);
    const headers: Record<string, string> = {};
    if (page * perPage < items.length) {
      const next = new URL(request.path, this.url);
      request.query.forEach((value, key) => next.searchParams.set(key, value));
      next.searchParams.set('page', String(page + 1));
      headers.link = `<${next.toString()}>; rel="next"`;
    }
    return { status: 200, body: slice, headers };
  }
}

function repositoryJson(repository: FakeRepository): unknown {
  return {
    full_name: `${repository.owner}/${repository.name}`,
    name: repository.name,
    owner: { login: repository.owner },
    default_branch: 'main',
    private: false,
  };
}

function pullJson(repository: FakeRepository, serverUrl: string, pull: FakePullRequest): unknown {
  const fullName = `${repository.owner}/${repository.name}`;
  const headSha = pull.state === 'closed' ? pull.closedHeadSha : repository.git?.resolve(pull.head);
  // GitHub computes mergeability in the background; a closed PR, or one it has not computed yet, answers null.
  const mergeable = pull.state === 'open' ? (repository.git?.mergeable(pull.head, pull.base) ?? null) : null;
  return {
    number: pull.number,
    html_url: `${serverUrl}/${repository.owner}/${repository.name}/pull/${pull.number}`,
    title: pull.title,
    body: pull.body,
    state: pull.state,
    draft: pull.draft,
    head: {
      ref: pull.head,
      label: `${repository.owner}:${pull.head}`,
      sha: headSha ?? null,
      repo: { full_name: fullName },
    },
    base: { ref: pull.base, repo: { full_name: fullName } },
    labels: pull.labels.map((name) => ({ name })),
    merged: pull.merged,
    merged_at: pull.merged ? '2026-01-01T00:00:00Z' : null,
    merge_commit_sha: pull.mergeCommitSha,
    mergeable,
    mergeable_state: mergeable === null ? 'unknown' : mergeable ? 'clean' : 'dirty',
  };
}

function commentJson(comment: IssueComment): unknown {
  return { id: comment.id, body: comment.body, user: { login: comment.user } };
}

/**
 * `GET /collaborators/{username}/permission`: `role_name` as set, `permission` the legacy level (maintain counts as
 * write, triage as read). Anyone else on a public repository reads it: `read`, as GitHub answers for a public repo.
 */
function collaboratorPermission(repository: FakeRepository, login: string): Reply {
  const role = repository.collaborators.get(login.toLowerCase()) ?? 'read';
  const permission = role === 'maintain' ? 'write' : role === 'triage' ? 'read' : role;
  return { status: 200, body: { permission, role_name: role, user: { login } } };
}

/** GitHub takes a token as `token <t>` (what Octokit sends) or `Bearer <t>`. */
function tokenOf(authorization: string | undefined): string | undefined {
  return /^(?:token|bearer) (\S+)$/i.exec(authorization ?? '')?.[1];
}

function faultReply(fault: Fault): Reply | 'reset' {
  const documentation = 'https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api';
  switch (fault.kind) {
    case 'bad-gateway':
      return { status: 502, body: { message: 'Server Error' } };
    case 'connection-reset':
      return 'reset';
    case 'too-many-requests':
      return {
        status: 429,
        body: { message: 'Too Many Requests' },
        headers: { 'retry-after': String(fault.retryAfter) },
      };
    case 'secondary-rate-limit':
      return {
        status: 403,
        body: {
          message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
          documentation_url: documentation,
        },
        headers: { 'retry-after': String(fault.retryAfter) },
      };
    case 'primary-rate-limit':
      return {
        status: 403,
        body: { message: 'API rate limit exceeded for installation.', documentation_url: documentation },
        headers: {
          'x-ratelimit-limit': '5000',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-used': '5000',
          'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000 + fault.resetIn)),
        },
      };
  }
}

function notFound(): Reply {
  return { status: 404, body: { message: 'Not Found' } };
}

function unprocessable(message: string): Reply {
  return { status: 422, body: { message } };
}

function asObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
