/**
 * The few GitHub REST calls the action makes, over `fetch`. Kept tiny on purpose: the action needs
 * seven endpoints, and a hand-written client can be pointed at a local test server with one URL.
 */

export interface GitHubRequest {
  readonly method: 'GET' | 'POST' | 'PATCH';
  /** Path with query, e.g. `/repos/o/r/pulls?state=open`. */
  readonly path: string;
  readonly body?: unknown;
}

export interface GitHubClient {
  request(request: GitHubRequest): Promise<unknown>;
  /** Follows `Link: rel="next"` until the last page and concatenates the arrays. */
  paginate(path: string): Promise<unknown[]>;
}

export interface GitHubClientOptions {
  readonly apiUrl: string;
  /** '' for anonymous access. */
  readonly token: string;
}

export type GitHubClientFactory = (options: GitHubClientOptions) => GitHubClient;

/** A non-2xx answer; the message quotes GitHub's own message, never the request headers. */
export class GitHubApiError extends Error {
  constructor(
    readonly status: number,
    readonly request: string,
    readonly apiMessage: string,
  ) {
    super(`GitHub API ${request} failed with ${status}: ${apiMessage}`);
    this.name = 'GitHubApiError';
  }
}

const MAX_PAGES = 100;

export function createRestClient(options: GitHubClientOptions): GitHubClient {
  const apiUrl = options.apiUrl.replace(/\/+$/, '');
  const headers: Record<string, string> = {
    accept: 'application/vnd.github+json',
    'x-github-api-version': '2022-11-28',
    'user-agent': 'amts-action',
  };
  if (options.token) headers.authorization = `Bearer ${options.token}`;

  async function send(method: GitHubRequest['method'], url: string, body: unknown): Promise<Response> {
    const response = await fetch(url, {
      method,
      headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) {
      const text = await response.text();
      throw new GitHubApiError(response.status, `${method} ${new URL(url).pathname}`, apiMessageOf(text));
    }
    return response;
  }

  return {
    async request({ method, path, body }) {
      const response = await send(method, `${apiUrl}${path}`, body);
      const text = await response.text();
      return text ? (JSON.parse(text) as unknown) : undefined;
    },
    async paginate(path) {
      const items: unknown[] = [];
      let url: string | undefined = `${apiUrl}${path}${path.includes('?') ? '&' : '?'}per_page=100`;
      for (let page = 0; url && page < MAX_PAGES; page++) {
        const response = await send('GET', url, undefined);
        const data: unknown = await response.json();
        if (!Array.isArray(data)) throw new GitHubApiError(response.status, `GET ${path}`, 'expected a list');
        items.push(...(data as unknown[]));
        url = nextPageUrl(response.headers.get('link'));
      }
      return items;
    },
  };
}

function nextPageUrl(link: string | null): string | undefined {
  if (!link) return undefined;
  for (const part of link.split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="next"/.exec(part);
    if (match?.[1]) return match[1];
  }
  return undefined;
}

function apiMessageOf(text: string): string {
  try {
    const parsed: unknown = JSON.parse(text);
    const record = asRecord(parsed);
    const message = typeof record?.message === 'string' ? record.message : text;
    const errors = Array.isArray(record?.errors) ? ` (${JSON.stringify(record.errors)})` : '';
    return `${message}${errors}`.slice(0, 500);
  } catch {
    return text.slice(0, 500);
  }
}

/** Narrowing helpers for JSON from GitHub (API answers and event payloads). */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

export function stringAt(record: Record<string, unknown> | undefined, key: string): string | undefined {
  const value = record?.[key];
  return typeof value === 'string' ? value : undefined;
}

export function numberAt(record: Record<string, unknown> | undefined, key: string): number | undefined {
  const value = record?.[key];
  return typeof value === 'number' ? value : undefined;
}

export function recordAt(
  record: Record<string, unknown> | undefined,
  key: string,
): Record<string, unknown> | undefined {
  return asRecord(record?.[key]);
}
