/**
 * Test-only stand-ins for the sync engine and translation engines, so the action can be driven end
 * to end before the real `amts sync` is wired in. The sync is small but real: it compares each
 * English paragraph with the recorded origin, sends the new ones to the engine, and writes the
 * translation and origin files.
 */
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import picomatch from 'picomatch';
import type { TranslationEngine, TranslationRequest, TranslationResponse } from '../../src/engines/engine.js';
import type { DraftedUnit, FileReport, SyncOptions, SyncReport } from '../../src/sync/report.js';

export const PRICE_PER_CHARACTER = 15 / 1_000_000;

/** Prefixes every unit with `[lang] `; bills every character. */
export function createTaggingEngine(): TranslationEngine {
  return {
    name: 'tagging',
    translate(request: TranslationRequest): Promise<TranslationResponse> {
      const units = new Map(
        request.units.map((unit) => [unit.id, `[${request.targetLanguage}] ${unit.html}`] as const),
      );
      const characters = request.units.reduce((total, unit) => total + unit.html.length, 0);
      return Promise.resolve({
        units,
        failed: [],
        billedCharacters: characters,
        sentCharacters: characters,
        jobIds: ['job-tagging'],
      });
    },
  };
}

/** A batch engine whose job outlives the run: it throws an error carrying the job id. */
export function createSlowBatchEngine(jobId: string): TranslationEngine {
  return {
    name: 'slow-batch',
    translate(): Promise<TranslationResponse> {
      return Promise.reject(Object.assign(new Error(`job ${jobId} did not finish before the deadline`), { jobId }));
    },
  };
}

function paragraphsOf(text: string): string[] {
  return text
    .split(/\n{2,}/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph.length > 0);
}

function originPathOf(relative: string, options: SyncOptions): string {
  if (options.base.kind !== 'origin-suffix') throw new Error('copySync only supports origin-suffix');
  return relative.replace(/\.md$/, `${options.base.suffix}.md`);
}

async function readOptional(file: string): Promise<string | undefined> {
  return readFile(file, 'utf8').catch(() => undefined);
}

async function listMarkdown(root: string, include: readonly string[]): Promise<string[]> {
  const matches = picomatch([...include]);
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((relative) => !relative.startsWith('.git/') && matches(relative))
    .sort();
}

async function syncFile(relative: string, options: SyncOptions, engine: TranslationEngine): Promise<FileReport> {
  const sourceFile = path.join(options.sourceDir, relative);
  const targetFile = path.join(options.targetDir, relative);
  const originFile = path.join(options.targetDir, originPathOf(relative, options));
  const english = await readOptional(sourceFile);
  const empty = { kept: 0, reused: 0, drafted: 0, removed: 0, failed: 0, charactersSent: 0, drafts: [] };
  if (english === undefined) {
    const existed = (await readOptional(targetFile)) !== undefined;
    if (existed && !options.dryRun) {
      await rm(targetFile);
      await rm(originFile, { force: true });
    }
    return { path: relative, status: existed ? 'deleted' : 'unchanged', ...empty };
  }
  const origin = (await readOptional(originFile)) ?? '';
  if (origin === english) return { path: relative, status: 'unchanged', ...empty, kept: paragraphsOf(english).length };

  const englishParagraphs = paragraphsOf(english);
  const originParagraphs = paragraphsOf(origin);
  const translated = paragraphsOf((await readOptional(targetFile)) ?? '');
  const fresh = englishParagraphs
    .map((paragraph, index) => ({ paragraph, index }))
    .filter(({ paragraph }) => !originParagraphs.includes(paragraph));
  const response = options.dryRun
    ? {
        units: new Map<string, string>(),
        billedCharacters: 0,
        sentCharacters: fresh.reduce((total, { paragraph }) => total + paragraph.length, 0),
      }
    : await engine.translate({
        sourceLanguage: options.sourceLanguage,
        targetLanguage: options.targetLanguage,
        units: fresh.map(({ paragraph, index }) => ({ id: String(index), html: paragraph })),
      });
  // The existing translation stays as it is; the drafts follow it, for a reviewer to move in place.
  const drafts: DraftedUnit[] = [];
  const output = [...translated];
  for (const { paragraph, index } of fresh) {
    const draft = response.units.get(String(index));
    if (draft === undefined) continue;
    output.push(draft);
    drafts.push({ line: 0, source: paragraph, draft, reason: origin ? 'changed' : 'new-file' });
  }
  if (!options.dryRun) {
    await mkdir(path.dirname(targetFile), { recursive: true });
    await writeFile(targetFile, `${output.join('\n\n')}\n`);
    await writeFile(originFile, english);
  }
  return {
    path: relative,
    status: origin ? 'updated' : 'created',
    kept: englishParagraphs.length - fresh.length,
    reused: 0,
    drafted: fresh.length,
    removed: originParagraphs.filter((paragraph) => !englishParagraphs.includes(paragraph)).length,
    failed: 0,
    charactersSent: response.sentCharacters,
    drafts: drafts.map((draft) => ({ ...draft, line: lineOf(`${output.join('\n\n')}\n`, draft.draft) })),
  };
}

/** The test sync: every requested (or included) source file, one at a time. */
export async function copySync(options: SyncOptions, engine: TranslationEngine): Promise<SyncReport> {
  const include = options.include ?? ['**/*.md'];
  const files = options.files ?? (await listMarkdown(options.sourceDir, include));
  const reports: FileReport[] = [];
  for (const relative of files) reports.push(await syncFile(relative, options, engine));
  const sum = (key: 'kept' | 'reused' | 'drafted' | 'removed' | 'failed' | 'charactersSent'): number =>
    reports.reduce((total, report) => total + report[key], 0);
  const charactersSent = sum('charactersSent');
  return {
    sourceLanguage: options.sourceLanguage,
    targetLanguage: options.targetLanguage,
    engine: engine.name,
    dryRun: options.dryRun,
    files: reports,
    totals: {
      files: reports.length,
      filesChanged: reports.filter((report) => report.status !== 'unchanged').length,
      filesWithErrors: 0,
      kept: sum('kept'),
      reused: sum('reused'),
      drafted: sum('drafted'),
      removed: sum('removed'),
      failed: sum('failed'),
      charactersSent,
      charactersBilled: options.dryRun ? 0 : charactersSent,
      estimatedCostUsd: charactersSent * PRICE_PER_CHARACTER,
    },
    jobIds: options.dryRun || charactersSent === 0 ? [] : ['job-tagging'],
  };
}

function lineOf(text: string, paragraph: string): number {
  return text.slice(0, text.indexOf(paragraph)).split('\n').length;
}
