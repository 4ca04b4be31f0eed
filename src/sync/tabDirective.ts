/** The new English `:begin_tab:` line, with the tabs only the translation has added to its list. */
export function mergedTabDirective(
  english: string,
  targetTabs: readonly string[],
  targetOnly: ReadonlySet<string>,
): string {
  const list = /`([^`]*)`/u.exec(english)?.[1] ?? '';
  const names = list.split(',').map((name) => name.trim().toLowerCase());
  const extra = targetTabs.filter((tab) => targetOnly.has(tab) && !names.includes(tab));
  return extra.length === 0 ? english : english.replace(`\`${list}\``, `\`${[list, ...extra].join(',')}\``);
}
