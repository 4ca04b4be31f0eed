/**
 * Git's smart HTTP protocol for end-to-end tests: `git http-backend` (it ships with git) behind a small HTTP server
 * on 127.0.0.1 that wants the token by Basic auth, as GitHub does (any user name, the token as the password). Reads
 * are open, as for a public repository; a push needs the token; a wrong token is refused either way. It keeps what
 * each request presented, so tests can check how git authenticated.
 */
import { spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export interface GitHttpRequest {
  readonly method: string;
  /** Path and query, e.g. `/d2l-ai/d2l-zh.git/info/refs?service=git-upload-pack`. */
  readonly url: string;
  readonly credentials: 'none' | 'token' | 'wrong';
  readonly status: number;
}

export class GitHttpServer {
  readonly requests: GitHttpRequest[] = [];

  private constructor(
    private readonly server: http.Server,
    readonly url: string,
  ) {}

  /** Serves the bare repositories under `root` (`<root>/<owner>/<name>.git`) to holders of `token`. */
  static async start(root: string, token: string): Promise<GitHttpServer> {
    const holder: { instance?: GitHttpServer } = {};
    const server = http.createServer((request, response) => {
      holder.instance?.handle(request, response, root, token);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    holder.instance = new GitHttpServer(server, `http://127.0.0.1:${port}`);
    return holder.instance;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private handle(request: http.IncomingMessage, response: http.ServerResponse, root: string, token: string): void {
    const url = new URL(request.url ?? '/', this.url);
    const credentials = credentialsOf(request.headers.authorization, token);
    const push = url.pathname.endsWith('/git-receive-pack') || url.searchParams.get('service') === 'git-receive-pack';
    const record = (status: number): void => {
      this.requests.push({ method: request.method ?? 'GET', url: `${url.pathname}${url.search}`, credentials, status });
    };
    if (credentials === 'wrong' || (push && credentials === 'none')) {
      record(401);
      request.resume();
      response.writeHead(401, { 'www-authenticate': 'Basic realm="GitHub"', 'content-type': 'text/plain' });
      response.end('Invalid username or token.\n');
      return;
    }
    const backend = spawn('git', ['http-backend'], {
      env: {
        PATH: process.env.PATH ?? '',
        GIT_PROJECT_ROOT: path.resolve(root),
        GIT_HTTP_EXPORT_ALL: '1',
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_CONFIG_GLOBAL: '/dev/null',
        PATH_INFO: decodeURIComponent(url.pathname),
        QUERY_STRING: url.search.replace(/^\?/, ''),
        REQUEST_METHOD: request.method ?? 'GET',
        CONTENT_TYPE: request.headers['content-type'] ?? '',
        REMOTE_ADDR: '127.0.0.1',
        // http-backend lets a push through only for an authenticated user.
        ...(credentials === 'token' ? { REMOTE_USER: 'x-access-token' } : {}),
        ...(request.headers['content-length'] ? { CONTENT_LENGTH: request.headers['content-length'] } : {}),
        ...(request.headers['content-encoding'] ? { HTTP_CONTENT_ENCODING: request.headers['content-encoding'] } : {}),
        ...(request.headers['git-protocol'] ? { GIT_PROTOCOL: String(request.headers['git-protocol']) } : {}),
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    request.pipe(backend.stdin);
    backend.stderr.resume();
    relayCgi(backend.stdout, response, record);
  }
}

/** Whether an `Authorization: Basic` header holds the token as its password. */
function credentialsOf(authorization: string | undefined, token: string): GitHttpRequest['credentials'] {
  const match = /^basic\s+(\S+)$/i.exec(authorization ?? '');
  if (!match?.[1]) return authorization ? 'wrong' : 'none';
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  return decoded.slice(decoded.indexOf(':') + 1) === token ? 'token' : 'wrong';
}

/** Turns the CGI answer (headers, a blank line, the body) into the HTTP response. */
function relayCgi(
  output: NodeJS.ReadableStream,
  response: http.ServerResponse,
  record: (status: number) => void,
): void {
  let head = Buffer.alloc(0);
  let started = false;
  output.on('data', (chunk: Buffer) => {
    if (started) {
      response.write(chunk);
      return;
    }
    head = Buffer.concat([head, chunk]);
    const text = head.toString('latin1');
    const crlf = text.indexOf('\r\n\r\n');
    const lf = text.indexOf('\n\n');
    const end = crlf >= 0 && (lf < 0 || crlf < lf) ? crlf + 4 : lf >= 0 ? lf + 2 : -1;
    if (end < 0) return;
    started = true;
    const headers: Record<string, string> = {};
    let status = 200;
    for (const line of text.slice(0, end).split(/\r?\n/)) {
      const colon = line.indexOf(':');
      if (colon <= 0) continue;
      const name = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      if (name === 'status') status = Number.parseInt(value, 10) || 200;
      else headers[name] = value;
    }
    record(status);
    response.writeHead(status, headers);
    response.write(head.subarray(end));
  });
  output.on('end', () => {
    if (!started) {
      record(500);
      response.writeHead(500, { 'content-type': 'text/plain' });
    }
    response.end();
  });
}
