/** What every AWS-backed step needs at hand: settings, clients, retry policy and a logger. */
import { createHash } from 'node:crypto';
import type { AwsClients } from './clients.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry.js';
import type { S3TextStore } from './s3io.js';
import type { AwsEngineSettings } from './settings.js';

export interface AwsEngineOptions {
  /** Retries on top of the SDK's (throttling bursts, 5xx, conflicts). */
  readonly retry?: RetryPolicy;
  /** Most S3 transfers in flight at once. */
  readonly transferConcurrency?: number;
  /** Most TranslateText requests in flight at once (realtime engine). */
  readonly requestConcurrency?: number;
  /** Budget of translatable UTF-8 bytes per batch document; Translate's limit is 1 MB. */
  readonly maxDocumentTextBytes?: number;
  /** Longest wait between two status polls. */
  readonly maxPollIntervalMs?: number;
  readonly log?: (message: string) => void;
}

export interface AwsRuntime {
  readonly settings: AwsEngineSettings;
  readonly clients: AwsClients;
  readonly retry: RetryPolicy;
  readonly store: S3TextStore;
  readonly maxPollIntervalMs: number;
  readonly log: (message: string) => void;
}

export function createAwsRuntime(
  settings: AwsEngineSettings,
  clients: AwsClients,
  options: AwsEngineOptions = {},
): AwsRuntime {
  const retry = options.retry ?? DEFAULT_RETRY_POLICY;
  return {
    settings,
    clients,
    retry,
    store: { s3: clients.s3, retry, concurrency: options.transferConcurrency ?? 8 },
    maxPollIntervalMs: options.maxPollIntervalMs ?? 5 * 60_000,
    log: options.log ?? (() => undefined),
  };
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

const DESCRIPTION_MARK = 'amts-sha256:';

/** A resource Description recording which content it was built from. */
export function describeContentHash(hash: string): string {
  return `Managed by AMTS; ${DESCRIPTION_MARK}${hash}`;
}

export function contentHashFromDescription(description: string | undefined): string | undefined {
  const at = description?.indexOf(DESCRIPTION_MARK) ?? -1;
  if (description === undefined || at < 0) return undefined;
  return description.slice(at + DESCRIPTION_MARK.length, at + DESCRIPTION_MARK.length + 64);
}

/** Milliseconds-since-epoch deadline `seconds` from now. */
export function deadlineIn(seconds: number): number {
  return Date.now() + seconds * 1000;
}
