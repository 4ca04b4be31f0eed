import { UsageError } from '../errors.js';
import type { FlagHelp } from './flagHelp.js';

/**
 * Old spellings of renamed flags keep working: the value moves to the new name and one line on stderr says which
 * name to use from now on. Giving both spellings is refused, since one would silently lose.
 */
export function renameDeprecatedFlags<Values extends Record<string, unknown>>(
  values: Values,
  table: Readonly<Record<string, FlagHelp>>,
  warn: (message: string) => void,
): Values {
  const renamed: Record<string, unknown> = { ...values };
  for (const [old, help] of Object.entries(table)) {
    const current = help.deprecatedFor;
    if (current === undefined || renamed[old] === undefined) continue;
    if (renamed[current] !== undefined)
      throw new UsageError(`give --${current} or its old spelling --${old}, not both`);
    warn(`--${old} is deprecated; use --${current}`);
    renamed[current] = renamed[old];
    delete renamed[old];
  }
  return renamed as Values;
}
