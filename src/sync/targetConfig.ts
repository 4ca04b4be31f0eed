/**
 * `.amts.yml` at the root of a translation: what that translation wants from every sync, whoever runs it (the CLI
 * or the action read the same file from the target). Today one key: `exclude`, globs of chapters the translation
 * never wants (relative to the book root, as `--files` and `include` are).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import picomatch from 'picomatch';
import { parse, YAMLParseError } from 'yaml';
import { InputError } from '../errors.js';

export const TARGET_CONFIG_FILE = '.amts.yml';

export interface TargetConfig {
  /** Globs of chapters never synced into this translation. */
  readonly exclude: readonly string[];
}

const KEYS = new Set(['exclude']);

/** The target's `.amts.yml`, or an empty config when it has none; a malformed file is an `InputError` naming it. */
export async function readTargetConfig(targetDir: string): Promise<TargetConfig> {
  const path = join(targetDir, TARGET_CONFIG_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT')
      return { exclude: [] };
    throw new InputError(path, `cannot read: ${String(error)}`);
  }
  let value: unknown;
  try {
    value = parse(text);
  } catch (error) {
    const line = error instanceof YAMLParseError ? error.linePos?.[0].line : undefined;
    throw new InputError(
      path,
      `is not valid YAML: ${error instanceof Error ? error.message.split('\n')[0] : ''}`,
      line,
    );
  }
  return configFrom(value ?? {}, path);
}

function configFrom(value: unknown, path: string): TargetConfig {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new InputError(path, 'must be a mapping such as "exclude: [index.md]"');
  const unknown = Object.keys(value).find((key) => !KEYS.has(key));
  if (unknown !== undefined) throw new InputError(path, `unknown key '${unknown}' (known: ${[...KEYS].join(', ')})`);
  const exclude = 'exclude' in value ? value.exclude : [];
  const globs = typeof exclude === 'string' ? [exclude] : exclude;
  if (!Array.isArray(globs) || !globs.every((glob): glob is string => typeof glob === 'string' && glob.trim() !== ''))
    throw new InputError(path, "'exclude' must be a list of globs such as chapter_references/*.md");
  for (const glob of globs)
    if (glob.startsWith('/') || glob.split('/').includes('..'))
      throw new InputError(path, `exclude glob '${glob}' must be relative to the book and stay inside it`);
  return { exclude: globs.map((glob) => glob.trim()) };
}

/** A test for book-relative paths the config excludes. */
export function excludedBy(config: TargetConfig): (path: string) => boolean {
  if (config.exclude.length === 0) return () => false;
  return picomatch([...config.exclude], { dot: false });
}
