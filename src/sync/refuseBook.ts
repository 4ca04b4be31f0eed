/**
 * Whole-book checks a sync makes before it prepares, sends or writes anything: a run that cannot be right is
 * refused with one line saying what to change, instead of drafting a book's worth of text or keeping the wrong
 * sentences.
 */
import { readFile } from 'node:fs/promises';
import { InputError } from '../errors.js';
import { markdownFilesUnder } from '../io/listMarkdownFiles.js';
import { markdownScriptLetters, wrongScript } from '../language/scriptShare.js';
import type { BaseSpec } from './report.js';

/** How a user gives the old English, for the refusal (CLI flags; the action's inputs have the same names). */
const HOW_TO_GIVE_OLD_ENGLISH =
  'give the English it was translated from with --base <old-English dir or git rev>, --state-file <state.json> ' +
  'or --origin-suffix <suffix> (action inputs state-file, origin-suffix)';

/**
 * A translation with chapters but not one `<chapter><suffix>.md` beside them has no old English at all: every
 * chapter would be skipped and every English chapter drafted anew. An empty target is a new translation, not refused.
 */
export async function refuseWithoutOldEnglish(base: BaseSpec, targetDir: string): Promise<void> {
  if (base.kind !== 'origin-suffix') return;
  const files = await markdownFilesUnder(targetDir);
  if (files.length === 0 || files.some((file) => file.endsWith(`${base.suffix}.md`))) return;
  throw new InputError(
    targetDir,
    `no old English: none of its ${files.length} Markdown files has a ${base.suffix}.md beside it; ${HOW_TO_GIVE_OLD_ENGLISH}`,
  );
}

/**
 * The translation's own prose must be in a script `language` is written in (d2l-zh with `--to es` is refused with
 * the share measured), so a wrong code never keeps or drafts sentences for a language the book is not in. One
 * chapter left in English is that chapter's problem (the sync reports it); most chapters in another script is the
 * flag's.
 */
export function refuseWrongScript(translations: readonly string[], language: string, targetDir: string): void {
  const book = { cjk: 0, latin: 0 };
  let measured = 0;
  let wrong = 0;
  for (const text of translations) {
    const letters = { cjk: 0, latin: 0 };
    markdownScriptLetters(text, letters);
    book.cjk += letters.cjk;
    book.latin += letters.latin;
    if (letters.cjk + letters.latin === 0) continue;
    measured += 1;
    if (wrongScript(letters, language) !== undefined) wrong += 1;
  }
  const problem = wrongScript(book, language);
  if (problem === undefined || wrong * 2 <= measured) return;
  throw new InputError(
    targetDir,
    `the translation ${problem.replace(/\)$/u, `; ${wrong} of ${measured} chapters`)}); check --to (action input target-language)`,
  );
}

/**
 * Both checks straight from the files, for a caller that opens an engine (which may import parallel data) before
 * the sync reads the book: a run that would be refused is refused before anything is sent.
 */
export async function refuseBookBeforeSync(options: {
  readonly base: BaseSpec;
  readonly targetDir: string;
  readonly targetLanguage: string;
}): Promise<void> {
  await refuseWithoutOldEnglish(options.base, options.targetDir);
  const suffix = options.base.kind === 'origin-suffix' ? `${options.base.suffix}.md` : undefined;
  const files = (await markdownFilesUnder(options.targetDir)).filter(
    (file) => suffix === undefined || !file.endsWith(suffix),
  );
  const texts = await Promise.all(files.map((file) => readFile(file, 'utf8')));
  refuseWrongScript(texts, options.targetLanguage, options.targetDir);
}
