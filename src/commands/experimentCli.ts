import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readAwsSettingsFromEnvironment, validateAwsSettings } from '../engines/aws/settings.js';
import { isOfflineEngine, OFFLINE_ENGINES } from '../engines/createEngine.js';
import { loadBook, selectChapters } from '../experiment/book.js';
import { awsExperimentEngines, offlineExperimentEngines } from '../experiment/engineFactories.js';
import { formatExperimentMarkdown } from '../experiment/formatResults.js';
import { runExperiment, type ExperimentEngineFactory, type ExperimentRun } from '../experiment/runExperiment.js';
import { writeExperimentOutput } from '../experiment/writeOutput.js';
import {
  languageFlag,
  parseCommandArgs,
  requiredFlag,
  UsageError,
  type CliCommand,
  type CommandOutput,
} from './args.js';
import type { FlagHelpTable } from './flagHelp.js';

const OPTIONS = {
  chapters: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  engine: { type: 'string' },
  book: { type: 'string' },
  'origin-suffix': { type: 'string' },
  'both-directions': { type: 'boolean' },
  out: { type: 'string' },
} as const;

const ENGINES = [...OFFLINE_ENGINES, 'aws'] as const;

const FLAGS: FlagHelpTable<typeof OPTIONS> = {
  chapters: { value: '<a,b,...>', description: 'Chapters to translate and score, by path or name (required)' },
  from: { value: '<lang>', description: 'Language of the origins, a code Amazon Translate accepts (required)' },
  to: { value: '<lang>', description: 'Language of the human translation, a code Amazon Translate accepts (required)' },
  engine: {
    value: `<${ENGINES.join('|')}>`,
    description: 'Engine to translate with; aws reads its settings from AMTS_AWS_* (required)',
  },
  book: { value: '<dir>', description: 'The translated book, origins beside it', default: 'the current directory' },
  'origin-suffix': { value: '<suffix>', description: 'Suffix of the origin files', default: '_origin' },
  'both-directions': { description: 'Also translate the translation back into the origin language', default: 'off' },
  out: { value: '<dir>', description: 'Write results, parallel data and translations here', default: 'stdout only' },
};

export const experimentCli: CliCommand = {
  name: 'experiment',
  synopsis:
    'experiment --chapters <a,b,...> --from <origin lang> --to <translation lang> --engine <name> [--book <dir>] ' +
    '[--origin-suffix _origin] [--both-directions] [--out <dir>]',
  summary:
    'Translates the named chapters without parallel data, with paragraph pairs and with sentence pairs from the ' +
    "rest of the book, and scores each against the book's human translation (BLEU, chrF on prose).",
  flags: FLAGS,
  async run(args, output) {
    const { values, positionals } = parseCommandArgs(args, OPTIONS);
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    const engineName = requiredFlag(values.engine, '--engine');
    if (!isOfflineEngine(engineName) && engineName !== 'aws') {
      throw new UsageError(`unknown engine '${engineName}': choose one of ${ENGINES.join(', ')}`);
    }
    const originSuffix = values['origin-suffix'] ?? '_origin';
    const requested = chapterList(requiredFlag(values.chapters, '--chapters'));
    const started = performance.now();
    const book = await loadBook(values.book ?? '.', {
      originSuffix,
      originLanguage: languageFlag(values.from, '--from'),
      translationLanguage: languageFlag(values.to, '--to'),
    });
    const chapters = selectChapters(book, requested, originSuffix);
    const options = {
      chapters,
      bothDirections: values['both-directions'] ?? false,
      log: (message: string) => output.stderr(`amts experiment: ${message}\n`),
    };
    const run = isOfflineEngine(engineName)
      ? await runExperiment(book, options, offlineExperimentEngines(engineName))
      : await withAwsEngines(values.out, (engines) => runExperiment(book, options, engines));
    output.stdout(formatExperimentMarkdown(run.results));
    await reportOutput(run, values.out, output);
    output.stderr(`amts experiment: done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    return 0;
  },
};

function chapterList(value: string): string[] {
  const names = value
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  if (names.length === 0) throw new UsageError('--chapters names no chapter');
  return names;
}

async function reportOutput(run: ExperimentRun, out: string | undefined, output: CommandOutput): Promise<void> {
  if (out === undefined) return;
  const files = await writeExperimentOutput(run, out);
  output.stderr(
    `amts experiment: wrote ${files.length} files under ${out} (results.json, results.md, parallel data, translations)\n`,
  );
}

/**
 * AWS settings come from `AMTS_AWS_*` like every other command; the parallel-data name there, if any, becomes the
 * prefix of the per-configuration resources. CSVs for import go under --out, or a temporary folder removed after.
 */
async function withAwsEngines(
  out: string | undefined,
  body: (engines: ExperimentEngineFactory) => Promise<ExperimentRun>,
): Promise<ExperimentRun> {
  const input = readAwsSettingsFromEnvironment();
  if (input.region === undefined)
    throw new UsageError('the aws engine needs AMTS_AWS_REGION (or AWS_REGION) and the other AMTS_AWS_* settings');
  const settings = validateAwsSettings({ ...input, region: input.region }, 'batch');
  const { createAwsClients, destroyAwsClients } = await import('../engines/aws/index.js');
  const clients = createAwsClients(settings);
  const temporary = out === undefined ? await mkdtemp(join(tmpdir(), 'amts-experiment-')) : undefined;
  try {
    return await body(
      awsExperimentEngines({
        settings,
        clients,
        workDirectory: temporary ?? join(out ?? '.', 'aws-parallel-data'),
        parallelDataPrefix: settings.parallelDataName ?? 'amts-experiment',
      }),
    );
  } finally {
    destroyAwsClients(clients);
    if (temporary !== undefined) await rm(temporary, { recursive: true, force: true });
  }
}
