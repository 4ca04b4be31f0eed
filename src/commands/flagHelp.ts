/**
 * What each flag of a command means, for `amts <command> --help`. Every command keeps one table keyed by its
 * `parseArgs` options, so a flag without a description or without its default does not compile.
 */

export interface FlagHelp {
  /** Placeholder of the flag's value (`<dir>`); absent for a switch. */
  readonly value?: string;
  readonly description: string;
  /** What applies when the flag is not given, in words (`_origin`, `every core`, `off`). */
  readonly default?: string;
  /** The flag this old spelling stands for: it still works, with a deprecation line. */
  readonly deprecatedFor?: string;
}

export type FlagHelpTable<Options> = { readonly [Flag in keyof Options]: FlagHelp };

/** The flags as lines: name and value, then what it does and its default, deprecated spellings last. */
export function formatFlagHelp(table: Readonly<Record<string, FlagHelp>>): string {
  const entries = Object.entries(table).sort(
    ([, a], [, b]) => Number(a.deprecatedFor !== undefined) - Number(b.deprecatedFor !== undefined),
  );
  const names = entries.map(([flag, help]) => `--${flag}${help.value ? ` ${help.value}` : ''}`);
  const width = Math.min(34, Math.max(...names.map((name) => name.length)) + 2);
  return entries
    .map(([, help], index) => {
      const name = names[index] ?? '';
      const text = help.deprecatedFor
        ? `Deprecated spelling of --${help.deprecatedFor}.`
        : `${help.description}${help.default === undefined ? '' : ` (default: ${help.default})`}`;
      return name.length + 2 > width ? `  ${name}\n  ${' '.repeat(width)}${text}` : `  ${name.padEnd(width)}${text}`;
    })
    .join('\n');
}
