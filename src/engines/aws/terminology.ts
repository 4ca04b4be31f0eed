/**
 * Custom terminology: imported from a CSV when the content hash recorded in the resource's
 * Description differs, and built from the glossary the d2l-zh translators keep in TERMINOLOGY.md.
 */
import { GetTerminologyCommand, ImportTerminologyCommand } from '@aws-sdk/client-translate';
import Papa from 'papaparse';
import { readTerminologyTable } from '../../paralleldata/terminology.js';
import { readCsvLanguageHeader } from './csvLanguages.js';
import { backoffDelay, errorName, isConflictError, sleep, withRetry } from './retry.js';
import { contentHashFromDescription, describeContentHash, sha256Hex, type AwsRuntime } from './runtime.js';

export interface TerminologyOutcome {
  readonly name: string;
  readonly action: 'imported' | 'unchanged';
  readonly termCount: number;
  readonly skippedTermCount: number;
}

async function currentDescription(runtime: AwsRuntime, name: string): Promise<string | undefined> {
  try {
    const response = await withRetry(
      () => runtime.clients.translate.send(new GetTerminologyCommand({ Name: name })),
      runtime.retry,
    );
    return response.TerminologyProperties?.Description ?? '';
  } catch (error) {
    if (errorName(error) === 'ResourceNotFoundException') return undefined;
    throw error;
  }
}

async function importTerminology(runtime: AwsRuntime, name: string, csv: string, hash: string) {
  const { kmsKeyId } = runtime.settings;
  const command = new ImportTerminologyCommand({
    Name: name,
    MergeStrategy: 'OVERWRITE',
    Description: describeContentHash(hash),
    TerminologyData: { File: Buffer.from(csv, 'utf8'), Format: 'CSV', Directionality: 'UNI' },
    ...(kmsKeyId ? { EncryptionKey: { Type: 'KMS', Id: kmsKeyId } } : {}),
  });
  for (let attempt = 0; ; attempt++) {
    try {
      return await withRetry(() => runtime.clients.translate.send(command), runtime.retry);
    } catch (error) {
      if (!isConflictError(error) || attempt + 1 >= runtime.retry.maxAttempts) throw error;
      await sleep(backoffDelay(attempt, runtime.retry));
    }
  }
}

/** Imports `csv` (header row of language codes) as terminology `name` unless it already holds it. */
export async function ensureTerminology(
  runtime: AwsRuntime,
  name: string,
  csv: string,
  source = `terminology "${name}"`,
): Promise<TerminologyOutcome> {
  readCsvLanguageHeader(csv, source);
  const hash = sha256Hex(csv);
  const description = await currentDescription(runtime, name);
  if (contentHashFromDescription(description) === hash)
    return { name, action: 'unchanged', termCount: 0, skippedTermCount: 0 };
  const response = await importTerminology(runtime, name, csv, hash);
  const properties = response.TerminologyProperties;
  runtime.log(`terminology "${name}": imported ${properties?.TermCount ?? 0} terms`);
  return {
    name,
    action: 'imported',
    termCount: properties?.TermCount ?? 0,
    skippedTermCount: properties?.SkippedTermCount ?? 0,
  };
}

/** "准确率/精度" offers alternatives; the first is the preferred rendering. */
function preferredTarget(target: string): string {
  return (target.split(/[/／]/u)[0] ?? target).trim();
}

/** "long short-term memory (LSTM)": the gloss rarely appears together with the full name. */
function sourceWithoutGloss(source: string): string {
  return source.replace(/\s*[(（][^)）]*[)）]\s*$/u, '').trim();
}

/**
 * Converts a glossary (d2l-zh's TERMINOLOGY.md "中文，English" lines or a two-column Markdown
 * table, read by `readTerminologyTable`) into terminology CSV with header `en,<target>`. Translate
 * needs one target per source term, so the first alternative is kept, glosses are dropped, and
 * the first entry for an English term wins.
 */
export function terminologyCsvFromMarkdownTable(
  markdown: string,
  file = 'glossary',
  languages: readonly [string, string] = ['en', 'zh'],
): string {
  const rows: string[][] = [[...languages]];
  const seen = new Set<string>();
  for (const term of readTerminologyTable(markdown, file)) {
    const source = sourceWithoutGloss(term.source);
    const target = preferredTarget(term.target);
    if (source === '' || target === '' || seen.has(source.toLowerCase())) continue;
    seen.add(source.toLowerCase());
    rows.push([source, target]);
  }
  if (rows.length === 1) throw new Error(`${file}: the glossary holds no term pairs`);
  return `${Papa.unparse(rows, { newline: '\n' })}\n`;
}
