export {
  AwsJobDeadlineError,
  AwsJobError,
  createAwsBatchEngine,
  type AwsBatchEngine,
  type PreparedResources,
} from './batchEngine.js';
export { createAwsClients, destroyAwsClients, type AwsClientOptions, type AwsClients } from './clients.js';
export { ensureParallelData, ParallelDataImportError, type ParallelDataOutcome } from './parallelData.js';
export { createAwsRealtimeEngine } from './realtimeEngine.js';
export type { RetryPolicy } from './retry.js';
export type { AwsEngineOptions } from './runtime.js';
export {
  AwsSettingsError,
  CostGuardError,
  enforceCostGuard,
  estimateCostUsd,
  readAwsSettingsFromEnvironment,
  validateAwsSettings,
  type AwsEngineMode,
  type AwsEngineSettings,
  type AwsEngineSettingsInput,
} from './settings.js';
export { ensureTerminology, terminologyCsvFromMarkdownTable, type TerminologyOutcome } from './terminology.js';
