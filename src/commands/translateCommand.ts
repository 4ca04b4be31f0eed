import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { TranslationEngine } from '../engines/engine.js';
import type { CommandOutput } from './args.js';
import { describeError, InputError } from '../errors.js';
import { listMarkdownFiles, type MarkdownInput } from '../io/listMarkdownFiles.js';
import { writeFileAtomic } from '../io/writeFileAtomic.js';
import { parseMarkdown } from '../markdown/parseMarkdown.js';
import { readMarkdownFile } from '../markdown/readMarkdownFile.js';
import type { Diagnostic, ParsedDocument } from '../markdown/types.js';
import { translateDocuments } from '../translate/translateDocument.js';

export interface TranslateCommandOptions {
  readonly inputs: readonly string[];
  readonly sourceLanguage: string;
  readonly targetLanguage: string;
  /** File or directory to write; without it a single input file goes to `stdout`. */
  readonly out?: string;
}

export interface TranslateSummary {
  readonly files: number;
  readonly written: number;
  readonly failedFiles: number;
  readonly failedUnits: number;
  readonly sentCharacters: number;
}

/**
 * Translates files and directory trees in one engine request. A file that cannot be read or parsed
 * is reported and skipped; the others are still translated. Returns whether everything succeeded.
 */
export async function translateCommand(
  options: TranslateCommandOptions,
  engine: TranslationEngine,
  output: CommandOutput,
): Promise<TranslateSummary> {
  const inputs = await listMarkdownFiles(options.inputs);
  if (inputs.length === 0) throw new InputError(options.inputs.join(', '), 'holds no .md files');
  const destinations = await planDestinations(inputs, options.out);
  const parsed: Array<{ input: MarkdownInput; document: ParsedDocument }> = [];
  let failedFiles = 0;
  for (const input of inputs) {
    try {
      const document = parseMarkdown(await readMarkdownFile(input.path), input.path);
      document.warnings.forEach((warning) => output.stderr(formatDiagnostic(warning)));
      parsed.push({ input, document });
    } catch (error) {
      failedFiles += 1;
      output.stderr(`error: ${describeError(error)}\n`);
    }
  }
  const result = await translateDocuments(
    parsed.map((entry) => entry.document),
    engine,
    options.sourceLanguage,
    options.targetLanguage,
  );
  let failedUnits = 0;
  for (const [index, translated] of result.documents.entries()) {
    const entry = parsed[index];
    if (!entry) continue;
    for (const failure of translated.failures) {
      failedUnits += 1;
      output.stderr(`warning: ${translated.path}:${failure.line}: not translated: ${failure.reason}\n`);
    }
    const destination = destinations.get(entry.input.path);
    if (destination === undefined) output.stdout(translated.text);
    else await writeFileAtomic(destination, translated.text);
  }
  return {
    files: inputs.length,
    written: destinations.size === 0 ? 0 : parsed.length,
    failedFiles,
    failedUnits,
    sentCharacters: result.sentCharacters,
  };
}

/**
 * Where each input goes. A translation never replaces one of its own inputs: that would lose the
 * text it was made from.
 */
async function planDestinations(
  inputs: readonly MarkdownInput[],
  out: string | undefined,
): Promise<Map<string, string>> {
  const destinations = new Map<string, string>();
  if (out === undefined) {
    const first = inputs[0];
    if (inputs.length > 1 || first?.fromDirectory) {
      throw new InputError(first?.path ?? '', 'more than one file to translate: name an output directory with --out');
    }
    return destinations;
  }
  const outIsDirectory = inputs.length > 1 || inputs.some((input) => input.fromDirectory) || (await isDirectory(out));
  const inputPaths = new Set(inputs.map((input) => resolve(input.path)));
  for (const input of inputs) {
    const destination = outIsDirectory ? join(out, input.relativePath) : out;
    if (inputPaths.has(resolve(destination))) {
      throw new InputError(destination, 'is one of the inputs: refusing to overwrite the text being translated');
    }
    destinations.set(input.path, destination);
  }
  return destinations;
}

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then(
    (info) => info.isDirectory(),
    () => path.endsWith('/'),
  );
}

export function formatDiagnostic(diagnostic: Diagnostic): string {
  return `warning: ${diagnostic.path}:${diagnostic.line}: ${diagnostic.message}\n`;
}
