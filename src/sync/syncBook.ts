import { rm } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import picomatch from 'picomatch';
import type { HtmlUnit, TranslationEngine } from '../engines/engine.js';
import { describeError } from '../errors.js';
import { markdownFilesUnder } from '../io/listMarkdownFiles.js';
import { mapWithConcurrency } from '../io/mapWithConcurrency.js';
import { writeFileAtomic } from '../io/writeFileAtomic.js';
import { parseMarkdown } from '../markdown/parseMarkdown.js';
import { readMarkdownFile } from '../markdown/readMarkdownFile.js';
import { renderUnitHtml } from '../markdown/renderUnitHtml.js';
import { RestoreError, restoreUnitHtml } from '../markdown/restoreUnitHtml.js';
import type { ParsedDocument } from '../markdown/types.js';
import { composeChapter, ComposeError } from './composeChapter.js';
import { openOldEnglish, type OldEnglishSource } from './readOldEnglish.js';
import { refuseWithoutOldEnglish } from './refuseBook.js';
import { excludedBy, readTargetConfig, TARGET_CONFIG_FILE } from './targetConfig.js';
import type { ChapterPlan, DraftRequest } from './types.js';
import type { FileReport, SyncOptions, SyncReport } from './report.js';
import type { SentenceChanges } from './countSentences.js';
import type { ChapterSyncTask } from './prepareChapter.js';
import { prepareInline, prepareUpdates, type ChapterPreparer } from './prepareUpdates.js';
import { applyTranslationMemory, TranslationMemory } from './translationMemory.js';
import { lostProtectedPiece } from './verifyChapter.js';

export interface SyncSettings {
  /** List price per million characters, for the estimate (Amazon Translate: $15 standard, $60 with ACT). */
  readonly pricePerMillionUsd?: number;
  /** Tabs only the translation has (d2l-zh's Paddle), never deleted. */
  readonly targetOnlyTabs?: readonly string[];
  /** Write the updated translation under this directory instead of in place. */
  readonly outDir?: string;
  /** Progress messages. */
  readonly log?: (message: string) => void;
  /** Prepares chapters (parse, align, plan); default: one after another in this thread. */
  readonly prepareChapters?: ChapterPreparer;
  /** Leave new chapters unparsed (their units out of the plan), for a caller that counts them its own way. */
  readonly skipNewChapterParsing?: boolean;
  /**
   * Leave chapters whose English units did not change unplanned (no report, no plan; their sentences counted), for
   * a caller that only counts what would be sent (see prepareUpdates).
   */
  readonly skipUnchangedChapters?: boolean;
}

export type Chapter =
  | {
      readonly kind: 'update';
      readonly path: string;
      readonly renamedFrom?: string;
      readonly oldText: string;
      readonly newText: string;
      readonly targetText: string;
    }
  | { readonly kind: 'new'; readonly path: string; readonly newText: string }
  | { readonly kind: 'delete'; readonly path: string }
  | { readonly kind: 'skip'; readonly path: string; readonly reason: string }
  | { readonly kind: 'error'; readonly path: string; readonly error: string };

export type UpdateChapter = Extract<Chapter, { kind: 'update' }>;
export type NewChapter = Extract<Chapter, { kind: 'new' }> & { readonly newEnglish: ParsedDocument };

export interface PlannedUpdate {
  readonly chapter: UpdateChapter;
  readonly plan: ChapterPlan;
}

export type { ChapterPreparer } from './prepareUpdates.js';

const DEFAULT_PRICE_PER_MILLION = 15;

/**
 * Brings a translated book in step with its new English: per chapter, only what the English
 * changed is drafted, in one engine request for the whole book; everything else is kept byte for
 * byte. A chapter with any problem is reported and left exactly as it was.
 */
export async function syncBook(
  options: SyncOptions,
  engine: TranslationEngine,
  settings: SyncSettings = {},
): Promise<SyncReport> {
  const log = settings.log ?? (() => undefined);
  const { oldEnglish, chapters, planned, newChapters, reports, units } = await planBook(options, settings);
  const charactersToSend = units.reduce((sum, unit) => sum + unit.characters, 0);
  log(`${units.length} units to translate (${charactersToSend} characters)`);
  const response =
    options.dryRun || units.length === 0
      ? undefined
      : await engine.translate({
          sourceLanguage: options.sourceLanguage,
          targetLanguage: options.targetLanguage,
          units: units.map(({ id, html }) => ({ id, html })),
        });
  const translationOf = (id: string, tokens: DraftRequest['tokens']): string => {
    const failure = response?.failed.find((failed) => failed.id === id);
    if (failure) throw new RestoreError(`the engine could not translate it: ${failure.reason}`);
    const html = response?.units.get(id);
    if (html === undefined) throw new RestoreError('the engine returned no translation');
    return restoreUnitHtml(tokens, html);
  };
  for (const update of planned) {
    reports.set(update.chapter.path, await writeUpdate(update, options, settings, oldEnglish, translationOf));
  }
  for (const chapter of newChapters) {
    reports.set(chapter.path, await writeNewChapter(chapter, options, settings, oldEnglish, translationOf));
  }
  for (const chapter of chapters) {
    if (chapter.kind === 'delete')
      reports.set(chapter.path, await deleteChapter(chapter.path, options, settings, oldEnglish));
  }
  const files = [...reports.values()].sort((a, b) => a.path.localeCompare(b.path));
  const charactersSent = options.dryRun ? charactersToSend : (response?.sentCharacters ?? 0);
  return {
    sourceLanguage: options.sourceLanguage,
    targetLanguage: options.targetLanguage,
    engine: engine.name,
    dryRun: options.dryRun,
    files,
    totals: {
      files: files.length,
      filesChanged: files.filter((file) => !['unchanged', 'skipped', 'error'].includes(file.status)).length,
      filesWithErrors: files.filter((file) => file.status === 'error').length,
      kept: sum(files, 'kept'),
      reused: sum(files, 'reused'),
      drafted: sum(files, 'drafted'),
      removed: sum(files, 'removed'),
      failed: sum(files, 'failed'),
      charactersSent,
      charactersBilled: response?.billedCharacters ?? 0,
      estimatedCostUsd: (charactersSent / 1_000_000) * (settings.pricePerMillionUsd ?? DEFAULT_PRICE_PER_MILLION),
    },
    jobIds: response?.jobIds ?? [],
  };
}

/** Everything a sync decides before the engine: which chapter is updated, created, deleted or left, and every unit to send. */
export interface BookPlan {
  readonly oldEnglish: OldEnglishSource;
  readonly chapters: readonly Chapter[];
  /** Updated chapters, translation memory applied. */
  readonly planned: readonly PlannedUpdate[];
  readonly newChapters: readonly NewChapter[];
  /** Chapters already decided: errors and skips. */
  readonly reports: Map<string, FileReport>;
  readonly units: readonly CollectedUnit[];
  /** The target config's exclusions. */
  readonly excluded: (path: string) => boolean;
  /** How each updated chapter's English moved, when `countSentences` asked (refused chapters too). */
  readonly sentences: ReadonlyMap<string, SentenceChanges>;
}

/**
 * Plans the sync of a book without an engine: `sync --dry-run` and `amts status` count the same units. With
 * `countSentences`, each planned chapter also says how many English sentences changed.
 */
export async function planBook(
  options: SyncOptions,
  settings: SyncSettings = {},
  countSentences = false,
): Promise<BookPlan> {
  const log = settings.log ?? (() => undefined);
  const oldEnglish = await openOldEnglish(options.base, options.sourceDir, options.targetDir);
  await refuseWithoutOldEnglish(options.base, options.targetDir);
  const excluded = excludedBy(await readTargetConfig(options.targetDir));
  const paths = await chapterPaths(options, oldEnglish, excluded);
  log(`${paths.length} chapters to look at; old English from ${oldEnglish.description}`);
  const chapters = skipNewChapters(await loadChapters(paths, options, oldEnglish), options);
  const updates = chapters.filter((chapter): chapter is UpdateChapter => chapter.kind === 'update');
  const prepared = await prepareUpdates(
    updates.map((chapter) => syncTask(chapter, options, settings, countSentences)),
    settings.prepareChapters ?? prepareInline,
    settings.skipUnchangedChapters ?? false,
  );
  const memory = new TranslationMemory();
  for (const chapter of prepared) if ('memory' in chapter) memory.add(chapter.memory);
  const planned: PlannedUpdate[] = [];
  const reports = new Map<string, FileReport>();
  const sentences = new Map<string, SentenceChanges>();
  for (const chapter of chapters) {
    if (chapter.kind === 'error') reports.set(chapter.path, errorReport(chapter.path, chapter.error));
    if (chapter.kind === 'skip')
      reports.set(chapter.path, { ...emptyReport(chapter.path), status: 'skipped', reason: chapter.reason });
  }
  prepared.forEach((outcome, index) => {
    const chapter = updates[index];
    if (!chapter) return;
    if ('problem' in outcome) reports.set(chapter.path, errorReport(chapter.path, outcome.problem));
    else if ('plan' in outcome) planned.push({ chapter, plan: applyTranslationMemory(outcome.plan, memory) });
    if (outcome.sentences) sentences.set(chapter.path, outcome.sentences);
  });
  const newChapters = settings.skipNewChapterParsing ? [] : parseNewChapters(chapters, options, reports);
  const units = collectUnits(planned, newChapters);
  return { oldEnglish, chapters, planned, newChapters, reports, units, excluded, sentences };
}

/**
 * Chapters named by `files`, or every English chapter and every translated chapter that still has an origin;
 * never those the target's `.amts.yml` excludes.
 */
async function chapterPaths(
  options: SyncOptions,
  oldEnglish: OldEnglishSource,
  excluded: (path: string) => boolean,
): Promise<string[]> {
  const include = picomatch(options.include && options.include.length > 0 ? [...options.include] : ['**/*.md'], {
    dot: false,
  });
  const isOrigin = (path: string): boolean =>
    options.base.kind === 'origin-suffix' && path.endsWith(`${options.base.suffix}.md`);
  const keep = (path: string): boolean =>
    path.endsWith('.md') && include(path) && !isOrigin(path) && !path.startsWith('.amts/') && !excluded(path);
  if (options.files) return [...new Set(options.files.map(normalizePath))].filter(keep).sort();
  const english = (await markdownFilesUnder(options.sourceDir)).map((path) => relativePath(options.sourceDir, path));
  const translated = (await markdownFilesUnder(options.targetDir)).map((path) => relativePath(options.targetDir, path));
  const synced = [];
  for (const path of translated) if (keep(path) && oldEnglish.originPath(path) !== undefined) synced.push(path);
  return [...new Set([...english.filter(keep), ...synced])].sort();
}

async function loadChapters(
  paths: readonly string[],
  options: SyncOptions,
  oldEnglish: OldEnglishSource,
): Promise<Chapter[]> {
  const loaded: Chapter[] = [];
  const fresh: Array<Extract<Chapter, { kind: 'new' }>> = [];
  const gone: GoneChapter[] = [];
  // Read a few chapters at a time: one after another, the book's 500 small reads left the thread idle 0.15 s.
  const texts = await mapWithConcurrency(paths, READS_IN_FLIGHT, (path) => readChapterTexts(path, options, oldEnglish));
  paths.forEach((path, index) => {
    const read = texts[index];
    if (read === undefined) return;
    if ('error' in read) {
      loaded.push({ kind: 'error', path, error: read.error });
      return;
    }
    const { english, target, old } = read;
    if (english !== undefined && target !== undefined) {
      if (old === undefined) {
        const why = `no old English (${oldEnglish.description}): cannot tell what changed, so the translation is left as it is`;
        loaded.push(options.strict ? { kind: 'error', path, error: why } : { kind: 'skip', path, reason: why });
        return;
      }
      loaded.push({ kind: 'update', path, oldText: old, newText: english, targetText: target });
    } else if (english !== undefined) {
      fresh.push({ kind: 'new', path, newText: english });
    } else if (target !== undefined && old !== undefined) {
      gone.push({ path, oldText: old, targetText: target });
    }
  });
  const candidates = gone.length > 0 && options.files ? await unlistedNewChapters(paths, options) : [];
  return [...loaded, ...matchRenames(fresh, gone, candidates)];
}

const READS_IN_FLIGHT = 8;

type ChapterTexts =
  { readonly english?: string; readonly target?: string; readonly old?: string } | { readonly error: string };

/** A chapter's English, translation and (where both or only the translation exist) old English. */
async function readChapterTexts(
  path: string,
  options: SyncOptions,
  oldEnglish: OldEnglishSource,
): Promise<ChapterTexts> {
  try {
    const [english, target] = await Promise.all([
      readIfExists(join(options.sourceDir, path)),
      readIfExists(join(options.targetDir, path)),
    ]);
    const old = target === undefined ? undefined : await oldEnglish.read(path);
    return {
      ...(english === undefined ? {} : { english }),
      ...(target === undefined ? {} : { target }),
      ...(old === undefined ? {} : { old }),
    };
  } catch (error) {
    return { error: describeError(error) };
  }
}

/** With `newChapters: 'skip'`, English chapters the translation does not have are reported, not drafted. */
function skipNewChapters(chapters: readonly Chapter[], options: SyncOptions): Chapter[] {
  if (options.newChapters !== 'skip') return [...chapters];
  return chapters.map((chapter) =>
    chapter.kind === 'new'
      ? {
          kind: 'skip',
          path: chapter.path,
          reason: `new English chapter, not drafted (new chapters: skip; or exclude it in ${TARGET_CONFIG_FILE})`,
        }
      : chapter,
  );
}

/**
 * English chapters that have no translation yet and were not named in `files`: when a named chapter
 * disappeared, one of these may be its new name.
 */
async function unlistedNewChapters(
  paths: readonly string[],
  options: SyncOptions,
): Promise<Array<Extract<Chapter, { kind: 'new' }>>> {
  const listed = new Set(paths);
  const candidates: Array<Extract<Chapter, { kind: 'new' }>> = [];
  for (const file of await markdownFilesUnder(options.sourceDir)) {
    const path = relativePath(options.sourceDir, file);
    if (listed.has(path) || (await readIfExists(join(options.targetDir, path))) !== undefined) continue;
    const english = await readIfExists(file).catch(() => undefined);
    if (english !== undefined) candidates.push({ kind: 'new', path, newText: english });
  }
  return candidates;
}

interface GoneChapter {
  readonly path: string;
  readonly oldText: string;
  readonly targetText: string;
}

/**
 * A chapter that disappeared while a similar one appeared was renamed: its translation moves to
 * the new path and is synced there, instead of being deleted and translated again from scratch.
 */
function matchRenames(
  fresh: ReadonlyArray<Extract<Chapter, { kind: 'new' }>>,
  gone: readonly GoneChapter[],
  unlisted: ReadonlyArray<Extract<Chapter, { kind: 'new' }>>,
): Chapter[] {
  const out: Chapter[] = [];
  const used = new Set<string>();
  for (const chapter of [...fresh, ...unlisted]) {
    const isUnlisted = unlisted.includes(chapter);
    const best = gone
      .filter((candidate) => !used.has(candidate.path))
      .map((candidate) => ({ candidate, score: lineSimilarity(candidate.oldText, chapter.newText) }))
      .sort((a, b) => b.score - a.score)[0];
    if (!best || best.score < RENAME_SIMILARITY) {
      if (!isUnlisted) out.push(chapter);
      continue;
    }
    used.add(best.candidate.path);
    out.push({
      kind: 'update',
      path: chapter.path,
      renamedFrom: best.candidate.path,
      oldText: best.candidate.oldText,
      newText: chapter.newText,
      targetText: best.candidate.targetText,
    });
  }
  for (const candidate of gone) if (!used.has(candidate.path)) out.push({ kind: 'delete', path: candidate.path });
  return out;
}

/** Share of identical lines above which a vanished chapter and a new one are the same chapter renamed. */
const RENAME_SIMILARITY = 0.5;

function lineSimilarity(a: string, b: string): number {
  const left = new Set(
    a
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
  );
  const right = new Set(
    b
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
  );
  let shared = 0;
  for (const line of left) if (right.has(line)) shared += 1;
  return left.size + right.size === 0 ? 0 : (2 * shared) / (left.size + right.size);
}

export interface CollectedUnit extends HtmlUnit {
  readonly characters: number;
}

function collectUnits(planned: readonly PlannedUpdate[], newChapters: readonly NewChapter[]): CollectedUnit[] {
  const units: CollectedUnit[] = [];
  for (const update of planned) {
    update.plan.drafts.forEach((draft, index) => {
      units.push({
        id: draftId(update.chapter.path, index),
        html: renderUnitHtml(draft.tokens),
        characters: textCharacters(draft.tokens),
      });
    });
  }
  for (const chapter of newChapters) {
    chapter.newEnglish.blocks.forEach((block, index) => {
      if (block.kind !== 'prose' || !block.tokens) return;
      units.push({
        id: blockId(chapter.path, index),
        html: renderUnitHtml(block.tokens),
        characters: textCharacters(block.tokens),
      });
    });
  }
  return units;
}

function syncTask(
  chapter: UpdateChapter,
  options: SyncOptions,
  settings: SyncSettings,
  countSentences: boolean,
): ChapterSyncTask {
  return {
    ...(countSentences ? { countSentences } : {}),
    path: chapter.path,
    oldText: chapter.oldText,
    newText: chapter.newText,
    targetText: chapter.targetText,
    oldLabel: `${chapter.renamedFrom ?? chapter.path} (old English)`,
    newLabel: join(options.sourceDir, chapter.path),
    targetLabel: join(options.targetDir, chapter.renamedFrom ?? chapter.path),
    sourceLanguage: options.sourceLanguage,
    targetLanguage: options.targetLanguage,
    ...(settings.targetOnlyTabs ? { targetOnlyTabs: settings.targetOnlyTabs } : {}),
  };
}

/** New chapters are translated whole; one that cannot be parsed is reported instead. */
function parseNewChapters(
  chapters: readonly Chapter[],
  options: SyncOptions,
  reports: Map<string, FileReport>,
): NewChapter[] {
  const parsed: NewChapter[] = [];
  for (const chapter of chapters) {
    if (chapter.kind !== 'new') continue;
    try {
      parsed.push({ ...chapter, newEnglish: parseMarkdown(chapter.newText, join(options.sourceDir, chapter.path)) });
    } catch (error) {
      reports.set(chapter.path, errorReport(chapter.path, describeError(error)));
    }
  }
  return parsed;
}

export function textCharacters(tokens: DraftRequest['tokens']): number {
  return tokens.reduce((sum, token) => sum + (token.kind === 'text' ? token.source.length : 0), 0);
}

async function writeUpdate(
  update: PlannedUpdate,
  options: SyncOptions,
  settings: SyncSettings,
  oldEnglish: OldEnglishSource,
  translationOf: (id: string, tokens: DraftRequest['tokens']) => string,
): Promise<FileReport> {
  const { chapter, plan } = update;
  const base = {
    path: chapter.path,
    kept: plan.kept,
    reused: plan.reused,
    removed: plan.removed,
    failed: 0,
    ...(plan.reusedSources.length > 0 ? { reusedSources: plan.reusedSources } : {}),
    ...(plan.restyled.length > 0 ? { restyled: plan.restyled } : {}),
    ...(plan.alreadyTranslated.length > 0 ? { alreadyTranslated: plan.alreadyTranslated } : {}),
    ...(plan.structure.length > 0 ? { structure: plan.structure } : {}),
    structureCounts: plan.structureCounts,
  };
  const charactersSent = plan.drafts.reduce((total, draft) => total + textCharacters(draft.tokens), 0);
  if (options.dryRun) {
    return {
      ...base,
      status: plan.edits.length === 0 ? 'unchanged' : 'updated',
      drafted: plan.drafts.length,
      charactersSent,
      drafts: [],
    };
  }
  let composed;
  try {
    const written: Array<{ tokens: DraftRequest['tokens']; markdown: string }> = [];
    composed = composeChapter(chapter.targetText, plan.edits, plan.drafts, (index) => {
      const tokens = plan.drafts[index]?.tokens ?? [];
      const markdown = translationOf(draftId(chapter.path, index), tokens);
      written.push({ tokens, markdown });
      return markdown;
    });
    const lost = lostProtectedPiece(written);
    if (lost) throw new RestoreError(lost);
  } catch (error) {
    if (!(error instanceof RestoreError) && !(error instanceof ComposeError)) throw error;
    return { ...errorReport(chapter.path, `left as it was: ${error.message}`), failed: plan.drafts.length };
  }
  const originPath = oldEnglish.originPath(chapter.path);
  const renamed = chapter.renamedFrom !== undefined;
  const targetChanged = renamed || composed.text !== chapter.targetText;
  const originChanged = originPath !== undefined && (renamed || chapter.oldText !== chapter.newText);
  if (targetChanged || settings.outDir)
    await writeFileAtomic(outputPath(options, settings, chapter.path), composed.text);
  if (originChanged && originPath) await writeFileAtomic(outputOrigin(options, settings, originPath), chapter.newText);
  if (chapter.renamedFrom !== undefined && !settings.outDir)
    await removeChapterFiles(chapter.renamedFrom, options, oldEnglish);
  return {
    ...base,
    ...(chapter.renamedFrom !== undefined ? { renamedFrom: chapter.renamedFrom } : {}),
    status: renamed ? 'renamed' : targetChanged || originChanged ? 'updated' : 'unchanged',
    drafted: composed.drafts.length,
    charactersSent,
    drafts: composed.drafts,
  };
}

async function writeNewChapter(
  chapter: NewChapter,
  options: SyncOptions,
  settings: SyncSettings,
  oldEnglish: OldEnglishSource,
  translationOf: (id: string, tokens: DraftRequest['tokens']) => string,
): Promise<FileReport> {
  const prose = chapter.newEnglish.blocks.filter((block) => block.kind === 'prose');
  const charactersSent = prose.reduce((total, block) => total + textCharacters(block.tokens ?? []), 0);
  const base = { path: chapter.path, kept: 0, reused: 0, removed: 0, failed: 0, charactersSent };
  if (options.dryRun) return { ...base, status: 'created', drafted: prose.length, drafts: [] };
  try {
    let text = '';
    const drafts: FileReport['drafts'][number][] = [];
    for (const [index, block] of chapter.newEnglish.blocks.entries()) {
      if (block.kind !== 'prose' || !block.tokens) {
        text += block.source;
        continue;
      }
      const draft = translationOf(blockId(chapter.path, index), block.tokens);
      drafts.push({ line: text.split('\n').length, source: block.source, draft, reason: 'new-file' });
      text += draft;
    }
    await writeFileAtomic(outputPath(options, settings, chapter.path), text);
    const originPath = oldEnglish.originPath(chapter.path);
    if (originPath) await writeFileAtomic(outputOrigin(options, settings, originPath), chapter.newText);
    return { ...base, status: 'created', drafted: drafts.length, drafts };
  } catch (error) {
    if (!(error instanceof RestoreError)) throw error;
    return { ...errorReport(chapter.path, `not created: ${error.message}`), failed: prose.length };
  }
}

async function deleteChapter(
  path: string,
  options: SyncOptions,
  settings: SyncSettings,
  oldEnglish: OldEnglishSource,
): Promise<FileReport> {
  const report: FileReport = { ...emptyReport(path), status: 'deleted' };
  if (options.dryRun || settings.outDir) return report;
  await removeChapterFiles(path, options, oldEnglish);
  return report;
}

async function removeChapterFiles(path: string, options: SyncOptions, oldEnglish: OldEnglishSource): Promise<void> {
  await rm(join(options.targetDir, path), { force: true });
  const originPath = oldEnglish.originPath(path);
  if (originPath) await rm(originPath, { force: true });
}

function outputPath(options: SyncOptions, settings: SyncSettings, path: string): string {
  return join(settings.outDir ?? options.targetDir, path);
}

function outputOrigin(options: SyncOptions, settings: SyncSettings, originPath: string): string {
  return settings.outDir ? join(settings.outDir, relative(options.targetDir, originPath)) : originPath;
}

function draftId(path: string, index: number): string {
  return `${path}#d${index}`;
}

function blockId(path: string, index: number): string {
  return `${path}#b${index}`;
}

function emptyReport(path: string): FileReport {
  return {
    path,
    status: 'unchanged',
    kept: 0,
    reused: 0,
    drafted: 0,
    removed: 0,
    failed: 0,
    charactersSent: 0,
    drafts: [],
  };
}

function errorReport(path: string, error: string): FileReport {
  return { ...emptyReport(path), status: 'error', error };
}

function sum(files: readonly FileReport[], key: 'kept' | 'reused' | 'drafted' | 'removed' | 'failed'): number {
  return files.reduce((total, file) => total + file[key], 0);
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readMarkdownFile(path);
  } catch (error) {
    if (error instanceof Error && /no such file/.test(error.message)) return undefined;
    throw error;
  }
}

function relativePath(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}

function normalizePath(path: string): string {
  return path.split(sep).join('/').replace(/^\.\//, '');
}
