/**
 * The `AMTS_AWS_*` variables that point the AWS engines at the local S3 and Translate servers of
 * __tests__/aws/harness.ts, as a user would set them, plus the SDK's own credential variables
 * (s3rver accepts only its fixed key pair; the engines take credentials from the default chain).
 */
import type { AwsHarness } from '../aws/harness.js';
import { TEST_CREDENTIALS, TEST_REGION } from '../servers/s3Server.js';

export const TEST_ROLE_ARN = 'arn:aws:iam::123456789012:role/AmtsTranslate';

/** Where the services are and how fast to poll them; what to translate with is left to the caller. */
export function awsEndpointEnvironment(harness: AwsHarness): Record<string, string> {
  return {
    AMTS_AWS_S3_ENDPOINT: harness.s3.endpoint,
    AMTS_AWS_TRANSLATE_ENDPOINT: harness.translate.endpoint,
    AMTS_AWS_POLL_INTERVAL_SECONDS: '0.005',
    AMTS_AWS_JOB_DEADLINE_SECONDS: '20',
  };
}

export function awsEnvironment(harness: AwsHarness): Record<string, string> {
  return {
    ...awsEndpointEnvironment(harness),
    AMTS_AWS_REGION: TEST_REGION,
    AMTS_AWS_BUCKET: harness.s3.bucket,
    AMTS_AWS_ROLE_ARN: TEST_ROLE_ARN,
  };
}

/** For code that builds its clients from the SDK's default credential chain. */
export const SDK_CREDENTIAL_ENVIRONMENT: Record<string, string> = {
  AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
  AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
  AWS_EC2_METADATA_DISABLED: 'true',
};
