/**
 * Engines for the experiment. Offline engines ignore parallel data (they test the harness, not ACT). The AWS
 * factory gives each configuration its own parallel-data resource, named after direction and granularity, created
 * or updated from the configuration's CSV by the batch engine itself (settings parallelDataName/parallelDataFile).
 */
import { join } from 'node:path';
import { createOfflineEngine, type OfflineEngineName } from '../engines/createEngine.js';
import type { AwsClients, AwsEngineOptions, AwsEngineSettings } from '../engines/aws/index.js';
import { validateAwsSettings } from '../engines/aws/settings.js';
import { writeFileAtomic } from '../io/writeFileAtomic.js';
import type { ExperimentEngineConfig, ExperimentEngineFactory } from './runExperiment.js';

export function offlineExperimentEngines(name: OfflineEngineName): ExperimentEngineFactory {
  return () => createOfflineEngine(name);
}

export interface AwsExperimentOptions {
  /** Validated batch settings; their own parallel-data settings are replaced per configuration. */
  readonly settings: AwsEngineSettings;
  readonly clients: AwsClients;
  readonly engineOptions?: AwsEngineOptions;
  /** Where each configuration's CSV is written for the engine to import. */
  readonly workDirectory: string;
  /** Resource names are `<prefix>-<from>-<to>-<granularity>`. */
  readonly parallelDataPrefix: string;
}

export function parallelDataResourceName(prefix: string, config: ExperimentEngineConfig): string | undefined {
  const data = config.parallelData;
  return data === undefined
    ? undefined
    : `${prefix}-${config.sourceLanguage}-${config.targetLanguage}-${data.granularity}`;
}

export function awsExperimentEngines(options: AwsExperimentOptions): ExperimentEngineFactory {
  return async (config) => {
    const { createAwsBatchEngine } = await import('../engines/aws/index.js');
    const base = { ...options.settings, parallelDataName: undefined, parallelDataFile: undefined };
    const name = parallelDataResourceName(options.parallelDataPrefix, config);
    if (name === undefined || config.parallelData === undefined) {
      return createAwsBatchEngine(validateAwsSettings(base, 'batch'), options.clients, options.engineOptions);
    }
    const file = join(options.workDirectory, `${name}.csv`);
    await writeFileAtomic(file, config.parallelData.csv);
    const settings = validateAwsSettings({ ...base, parallelDataName: name, parallelDataFile: file }, 'batch');
    return createAwsBatchEngine(settings, options.clients, options.engineOptions);
  };
}
