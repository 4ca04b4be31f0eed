/**
 * Inline Markdown that translation leaves alone: code spans, math and d2l roles such as
 * :numref:`fig_x`. The batch job sees these inside `translate="no"` spans. As in the parser, an
 * escaped dollar never opens or closes math: the opener has an even run of backslashes before it,
 * and inside math a backslash takes the next character along (`$\$10 \pm \$1$` is one formula).
 */
const PROTECTED_INLINE =
  /:[\w-]+:(`+)[\s\S]*?\1|(`+)[\s\S]*?\2|(?<=(?:^|[^\\])(?:\\\\)*)(?:\$\$(?:\\[\s\S]|[^\\])*?\$\$|\$(?:\\.|[^$\\\n])+\$)/gu;

export function withoutProtectedInline(text: string): string {
  return text.replace(PROTECTED_INLINE, ' ');
}

/** Whether any letter remains once code, math and roles are taken out. */
export function hasTextOutsideProtected(text: string): boolean {
  // Every protected form starts with a backtick or a dollar: text with neither is all outside.
  const mayProtect = text.includes('`') || text.includes('$');
  return /\p{L}/u.test(mayProtect ? withoutProtectedInline(text) : text);
}
