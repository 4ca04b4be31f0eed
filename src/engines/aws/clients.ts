/**
 * The two SDK clients the engines use, built from settings. Both retry throttling themselves
 * (standard mode); the engines add their own longer retries on top.
 */
import { S3Client } from '@aws-sdk/client-s3';
import { TranslateClient } from '@aws-sdk/client-translate';
import type { AwsEngineSettings } from './settings.js';

export interface AwsClients {
  readonly translate: TranslateClient;
  readonly s3: S3Client;
}

export interface StaticCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

export interface AwsClientOptions {
  /** Static credentials (tests); otherwise the SDK's default provider chain. */
  readonly credentials?: StaticCredentials;
  /** SDK-level attempts per call, including the first. */
  readonly maxAttempts?: number;
}

type EndpointSettings = Pick<AwsEngineSettings, 'region' | 'endpoint' | 's3Endpoint' | 'translateEndpoint'>;

export function createAwsClients(settings: EndpointSettings, options: AwsClientOptions = {}): AwsClients {
  const common = {
    region: settings.region,
    maxAttempts: options.maxAttempts ?? 5,
    retryMode: 'standard',
    ...(options.credentials ? { credentials: options.credentials } : {}),
  };
  const s3Endpoint = settings.s3Endpoint ?? settings.endpoint;
  const translateEndpoint = settings.translateEndpoint ?? settings.endpoint;
  return {
    translate: new TranslateClient({ ...common, ...(translateEndpoint ? { endpoint: translateEndpoint } : {}) }),
    s3: new S3Client({
      ...common,
      ...(s3Endpoint ? { endpoint: s3Endpoint, forcePathStyle: true } : {}),
      // Flexible checksums turn streamed uploads into aws-chunked bodies that S3-compatible stores
      // (and older proxies) keep verbatim; plain bodies work everywhere.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    }),
  };
}

export function destroyAwsClients(clients: AwsClients): void {
  clients.translate.destroy();
  clients.s3.destroy();
}
