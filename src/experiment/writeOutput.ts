import { join } from 'node:path';
import { writeFileAtomic } from '../io/writeFileAtomic.js';
import { formatExperimentJson, formatExperimentMarkdown } from './formatResults.js';
import type { ExperimentRun } from './runExperiment.js';

/** `results.json` (chart-ready), `results.md` (the tables), the parallel-data CSVs used and every translation. */
export async function writeExperimentOutput(run: ExperimentRun, directory: string): Promise<string[]> {
  const files = [
    { path: 'results.json', text: formatExperimentJson(run.results) },
    { path: 'results.md', text: formatExperimentMarkdown(run.results) },
    ...run.artifacts,
  ];
  for (const file of files) await writeFileAtomic(join(directory, file.path), file.text);
  return files.map((file) => file.path);
}
