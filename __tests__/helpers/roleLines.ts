/**
 * Lines of a chapter that hold nothing but one d2lbook inline role, `:numref:`fig_x`` and the like,
 * found without the parser under test: a plain line walk that skips fenced code.
 */

/** The inline roles d2lbook and sphinxcontrib-bibtex know; a line led by one is part of a sentence. */
const ROLE_ALONE = /^[ \t]*(:(?:numref|eqref|ref|cite|citet|citep|class|func):`[^`\n]+`)[ \t]*$/u;
const FENCE = /^[ \t>]*(`{3,}|~{3,})/u;

export interface RoleLine {
  /** 1-based. */
  readonly line: number;
  /** The role with its key, as written. */
  readonly role: string;
  /** The non-blank lines right before and after it in the same paragraph, trimmed ('' at a paragraph's edge). */
  readonly before: string;
  readonly after: string;
}

export function roleLines(text: string): RoleLine[] {
  const lines = text.split(/\r?\n/u);
  const found: RoleLine[] = [];
  let fence: string | null = null;
  lines.forEach((line, index) => {
    const run = FENCE.exec(line)?.[1];
    if (fence !== null) {
      if (run !== undefined && run[0] === fence[0] && run.length >= fence.length) fence = null;
      return;
    }
    if (run !== undefined) {
      fence = run;
      return;
    }
    const role = ROLE_ALONE.exec(line)?.[1];
    if (role === undefined) return;
    found.push({
      line: index + 1,
      role,
      before: (lines[index - 1] ?? '').trim(),
      after: (lines[index + 1] ?? '').trim(),
    });
  });
  return found;
}

/** Whether a corpus file is English: every d2l-en file, and the `_origin.md` beside a d2l-zh chapter. */
export function isEnglishChapter(path: string): boolean {
  return !path.startsWith('d2l-zh/') || path.endsWith('_origin.md');
}

/**
 * Whether `text` (a unit, a sentence, one side of a pair) holds the role next to a word that stands
 * beside it in the source, the line break between them read as white space.
 */
export function keepsNeighbours(text: string, role: RoleLine): boolean {
  const folded = text.replace(/\s+/gu, ' ');
  const lastBefore = role.before.split(/\s+/u).at(-1) ?? '';
  const firstAfter = role.after.split(/\s+/u)[0] ?? '';
  return (
    (lastBefore !== '' && folded.includes(`${lastBefore} ${role.role}`)) ||
    (firstAfter !== '' && folded.includes(`${role.role} ${firstAfter}`))
  );
}
