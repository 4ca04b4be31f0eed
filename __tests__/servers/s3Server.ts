/**
 * A real S3 protocol server for tests: s3rver on 127.0.0.1 (random port, temporary directory)
 * behind a small proxy that counts requests and bytes and can inject faults (503 SlowDown for the
 * next N requests, or a delay on every request).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';

/** s3rver accepts only this key pair (it does not verify SigV4 signatures). */
export const TEST_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;
export const TEST_REGION = 'us-east-1';

interface S3rverOptions {
  readonly address: string;
  readonly port: number;
  readonly silent: boolean;
  readonly directory: string;
  readonly configureBuckets: readonly { readonly name: string }[];
}

interface S3rverInstance {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}

const S3rver = createRequire(import.meta.url)('s3rver') as new (options: S3rverOptions) => S3rverInstance;

export interface S3Faults {
  /** The next N requests get 503 SlowDown. */
  failNext: number;
  /** Every request waits this long before it is forwarded. */
  delayMs: number;
}

export interface S3Stats {
  requests: number;
  bytesIn: number;
  bytesOut: number;
  rejected: number;
}

export interface S3TestServer {
  /** Endpoint for the code under test (through the proxy). */
  readonly endpoint: string;
  /** Endpoint straight to s3rver, for servers that play AWS's side. */
  readonly directEndpoint: string;
  readonly bucket: string;
  readonly faults: S3Faults;
  readonly stats: S3Stats;
  /** A client on the direct endpoint, for assertions and fixtures. */
  readonly client: S3Client;
  listKeys(prefix?: string): Promise<string[]>;
  getText(key: string): Promise<string | undefined>;
  putText(key: string, text: string): Promise<void>;
  resetStats(): void;
  stop(): Promise<void>;
}

export function createTestS3Client(endpoint: string): S3Client {
  return new S3Client({
    endpoint,
    region: TEST_REGION,
    forcePathStyle: true,
    credentials: TEST_CREDENTIALS,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

function listen(server: http.Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

const SLOW_DOWN =
  '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>SlowDown</Code>' +
  '<Message>Please reduce your request rate.</Message><RequestId>fault</RequestId></Error>';

function createProxy(targetPort: number, faults: S3Faults, stats: S3Stats): http.Server {
  return http.createServer((request, response) => {
    stats.requests += 1;
    request.on('data', (chunk: Buffer) => (stats.bytesIn += chunk.length));
    if (faults.failNext > 0) {
      faults.failNext -= 1;
      stats.rejected += 1;
      request.resume();
      request.on('end', () => {
        response.writeHead(503, { 'content-type': 'application/xml' });
        response.end(SLOW_DOWN);
      });
      return;
    }
    const forward = (): void => {
      const upstream = http.request(
        { host: '127.0.0.1', port: targetPort, method: request.method, path: request.url, headers: request.headers },
        (reply) => {
          response.writeHead(reply.statusCode ?? 500, reply.headers);
          reply.on('data', (chunk: Buffer) => (stats.bytesOut += chunk.length));
          reply.pipe(response);
        },
      );
      upstream.on('error', (error) => response.destroy(error));
      request.pipe(upstream);
    };
    if (faults.delayMs > 0) {
      request.pause();
      setTimeout(forward, faults.delayMs);
    } else forward();
  });
}

export async function startS3Server(bucket = 'amts-test'): Promise<S3TestServer> {
  const directory = await mkdtemp(path.join(os.tmpdir(), 'amts-s3-'));
  const s3rver = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port: s3rverPort } = await s3rver.run();
  const faults: S3Faults = { failNext: 0, delayMs: 0 };
  const stats: S3Stats = { requests: 0, bytesIn: 0, bytesOut: 0, rejected: 0 };
  const proxy = createProxy(s3rverPort, faults, stats);
  const proxyPort = await listen(proxy);
  const directEndpoint = `http://127.0.0.1:${s3rverPort}`;
  const client = createTestS3Client(directEndpoint);

  async function getText(key: string): Promise<string | undefined> {
    try {
      const response = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      return (await response.Body?.transformToString('utf-8')) ?? '';
    } catch (error) {
      if (error instanceof Error && error.name === 'NoSuchKey') return undefined;
      throw error;
    }
  }

  async function listKeys(prefix = ''): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await client.send(
        new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }),
      );
      keys.push(...(page.Contents ?? []).flatMap((object) => (object.Key ? [object.Key] : [])));
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return keys;
  }

  return {
    endpoint: `http://127.0.0.1:${proxyPort}`,
    directEndpoint,
    bucket,
    faults,
    stats,
    client,
    listKeys,
    getText,
    async putText(key, text) {
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: Buffer.from(text, 'utf8') }));
    },
    resetStats() {
      Object.assign(stats, { requests: 0, bytesIn: 0, bytesOut: 0, rejected: 0 });
    },
    async stop() {
      client.destroy();
      const closed = new Promise<void>((resolve) => proxy.close(() => resolve()));
      proxy.closeAllConnections();
      await closed;
      await s3rver.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
