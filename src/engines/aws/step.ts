/**
 * Names the step of an AWS engine that failed. A bare `getaddrinfo ENOTFOUND` or `AccessDenied` says nothing about
 * which bucket, job or resource was being reached; `uploading batch input to s3://bucket/amts/runs/…: getaddrinfo
 * ENOTFOUND` does. The engine's own errors (job failed, deadline, cost guard) already say what happened and pass
 * through unchanged, so callers can still tell them apart.
 */
import { describeError } from './retry.js';

export class AwsStepError extends Error {
  constructor(
    readonly step: string,
    cause: unknown,
  ) {
    super(`${step}: ${describeError(cause)}`, { cause });
    this.name = 'AwsStepError';
  }
}

/** An error from the SDK (a service exception carries `$metadata`) or from the network (a system error `code`). */
function isServiceOrNetworkError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || error instanceof AwsStepError) return false;
  if ('$metadata' in error) return true;
  return 'code' in error && typeof error.code === 'string' && /^E[A-Z_]+$/u.test(error.code);
}

/** The error to throw for a failure in `step`: SDK and network failures name the step, the engine's own pass as they are. */
export function inStepError(step: string, error: unknown): unknown {
  return isServiceOrNetworkError(error) ? new AwsStepError(step, error) : error;
}

/** Runs one step; an SDK or network failure in it comes out as an `AwsStepError` naming the step. */
export async function inStep<T>(step: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw inStepError(step, error);
  }
}
