/** Small S3 operations on UTF-8 text objects, each retried on throttling and 5xx. */
import {
  DeleteObjectsCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { errorName, httpStatusOf, mapWithConcurrency, withRetry, type RetryPolicy } from './retry.js';

export interface S3Location {
  readonly bucket: string;
  readonly key: string;
}

export function s3Uri(bucket: string, key: string): string {
  return `s3://${bucket}/${key}`;
}

export function parseS3Uri(uri: string): S3Location {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/u.exec(uri);
  if (!match?.[1]) throw new Error(`"${uri}" is not an s3:// URI`);
  return { bucket: match[1], key: match[2] ?? '' };
}

export interface S3TextStore {
  readonly s3: S3Client;
  readonly retry: RetryPolicy;
  /** Most transfers in flight at once. */
  readonly concurrency: number;
}

export async function putText(store: S3TextStore, location: S3Location, text: string, contentType: string) {
  await withRetry(
    () =>
      store.s3.send(
        new PutObjectCommand({
          Bucket: location.bucket,
          Key: location.key,
          Body: Buffer.from(text, 'utf8'),
          ContentType: contentType,
        }),
      ),
    store.retry,
  );
}

function isMissing(error: unknown): boolean {
  return errorName(error) === 'NoSuchKey' || httpStatusOf(error) === 404;
}

/** The object's text, or undefined when there is no such key. */
export async function getTextIfExists(store: S3TextStore, location: S3Location): Promise<string | undefined> {
  try {
    return await withRetry(async () => {
      const response = await store.s3.send(new GetObjectCommand({ Bucket: location.bucket, Key: location.key }));
      if (!response.Body) return '';
      return response.Body.transformToString('utf-8');
    }, store.retry);
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

export async function listKeys(store: S3TextStore, bucket: string, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let continuationToken: string | undefined;
  do {
    const page = await withRetry(
      () =>
        store.s3.send(
          new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: continuationToken }),
        ),
      store.retry,
    );
    for (const object of page.Contents ?? []) if (object.Key) keys.push(object.Key);
    continuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (continuationToken);
  return keys;
}

const DELETE_BATCH = 1000;

export async function deletePrefix(store: S3TextStore, bucket: string, prefix: string): Promise<number> {
  const keys = await listKeys(store, bucket, prefix);
  const batches: string[][] = [];
  for (let start = 0; start < keys.length; start += DELETE_BATCH) batches.push(keys.slice(start, start + DELETE_BATCH));
  await mapWithConcurrency(batches, store.concurrency, (batch) =>
    withRetry(
      () =>
        store.s3.send(
          new DeleteObjectsCommand({
            Bucket: bucket,
            Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true },
          }),
        ),
      store.retry,
    ),
  );
  return keys.length;
}
