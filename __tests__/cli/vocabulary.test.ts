/**
 * One vocabulary: every command's --help describes every flag it parses with its default, `amts --version` names
 * the package's version, and the action's inputs take the same language codes and settings as the flags.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
import { evaluateCli } from '../../src/commands/evaluateCli.js';
import { experimentCli } from '../../src/commands/experimentCli.js';
import { pairsCli } from '../../src/commands/pairsCli.js';
import { syncCli } from '../../src/commands/syncCli.js';
import { translateCli } from '../../src/commands/translateCli.js';
import { ConfigError, readSettings } from '../../src/config.js';
import { listPricePerMillion, listPriceOf, planningEngine } from '../../src/engines/createEngine.js';
import { closeLanguageCode, TRANSLATE_LANGUAGE_CODES, translateLanguageCode } from '../../src/language/codes.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const VERSION = (JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { version: string }).version;

async function amts(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

describe('amts --help and --version', () => {
  it.each([syncCli, pairsCli, translateCli, evaluateCli, experimentCli])(
    '$name --help describes every flag, with its default where it has one',
    async (command) => {
      const { code, stdout } = await amts(command.name, '--help');
      expect(code).toBe(0);
      const options = stdout.slice(stdout.indexOf('\nOptions:\n'));
      for (const [flag, help] of Object.entries(command.flags)) {
        const line = new RegExp(`^  --${flag}\\b.*$(\\n {3,}.*$)?`, 'mu').exec(options)?.[0] ?? '';
        expect(line, `--${flag}`).not.toBe('');
        if (help.deprecatedFor !== undefined) expect(line).toContain(`--${help.deprecatedFor}`);
        else {
          expect(help.description.length, `--${flag}`).toBeGreaterThan(10);
          if (help.default !== undefined) expect(line).toContain(`(default: ${help.default})`);
          else expect(line, `--${flag} has no default, so it must say it is required`).toMatch(/required/u);
        }
      }
    },
  );

  it('prints the version of the package', async () => {
    const { code, stdout } = await amts('--version');
    expect(code).toBe(0);
    expect(stdout).toBe(`amts ${VERSION}\n`);
  });

  it('exits with the refusal code as a process, not only in-process', async () => {
    const run = promisify(execFile);
    const tsx = `${ROOT}node_modules/.bin/tsx`;
    const { stdout } = await run(tsx, [`${ROOT}src/bin.ts`, '--version']);
    expect(stdout).toBe(`amts ${VERSION}\n`);
    const failure = await run(tsx, [`${ROOT}src/bin.ts`, 'evaluate', '--hyp', 'a', '--ref', 'b', '--to', 'cn']).catch(
      (error: unknown) => error as { code: number; stderr: string },
    );
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr.split('\n')[0]).toBe(
      "amts evaluate: --to 'cn' is not a language code Amazon Translate accepts; did you mean 'zh'?",
    );
  });
});

describe('the language list', () => {
  it('holds the 75 codes of the Amazon Translate Developer Guide, each once, spelled as Translate spells them', () => {
    expect(TRANSLATE_LANGUAGE_CODES).toHaveLength(75);
    expect(new Set(TRANSLATE_LANGUAGE_CODES).size).toBe(75);
    for (const code of ['en', 'zh', 'zh-TW', 'ja', 'ko', 'es', 'es-MX', 'pt', 'pt-PT', 'fa-AF', 'fr-CA'])
      expect(TRANSLATE_LANGUAGE_CODES).toContain(code);
    expect(translateLanguageCode('ZH-tw')).toBe('zh-TW');
    expect(translateLanguageCode('auto')).toBeUndefined();
    expect(translateLanguageCode('pt-BR')).toBeUndefined();
  });

  it.each([
    ['cn', 'zh'],
    ['zh-CN', 'zh'],
    ['zh_Hant', 'zh-TW'],
    ['pt-BR', 'pt'],
    ['english', 'en'],
    ['Japanese', 'ja'],
    ['jp', 'ja'],
    ['de-AT', 'de'],
  ])('suggests %s -> %s', (written, meant) => {
    expect(closeLanguageCode(written)).toBe(meant);
  });

  it('suggests nothing for a code that is no language', () => {
    expect(closeLanguageCode('xx')).toBeUndefined();
  });
});

describe('action inputs use the same list and names', () => {
  const minimal = { 'target-language': 'zh', 'target-repo': 'd2l-ai/d2l-zh' };
  const inputs = (values: Record<string, string>) => ({ getInput: (name: string) => values[name] ?? '' });

  it('refuses a close code naming the code meant, and takes new-chapters', () => {
    const read = (): unknown => readSettings(inputs({ ...minimal, 'target-language': 'cn' }), {});
    expect(read).toThrow(ConfigError);
    expect(read).toThrow(
      "Input 'target-language': 'cn' is not a language code Amazon Translate accepts; did you mean 'zh'?",
    );
    expect(readSettings(inputs({ ...minimal, 'target-language': 'zh-tw' }), {}).targetLanguage).toBe('zh-TW');
    expect(readSettings(inputs(minimal), {}).newChapters).toBe('draft');
    expect(readSettings(inputs({ ...minimal, 'new-chapters': 'skip' }), {}).newChapters).toBe('skip');
    expect(() => readSettings(inputs({ ...minimal, 'new-chapters': 'never' }), {})).toThrow(
      "Input 'new-chapters': 'never' is not one of draft, skip",
    );
  });

  it('prices a dry run at the ACT rate when parallel data is named, without opening an engine', () => {
    expect(listPricePerMillion('aws', 'd2l-zh', {})).toBe(60);
    expect(listPricePerMillion('aws', undefined, {})).toBe(15);
    expect(listPricePerMillion('aws-realtime', 'd2l-zh', {})).toBe(15);
    expect(listPricePerMillion('pseudo', 'd2l-zh', {})).toBe(0);
    expect(listPricePerMillion('aws', 'd2l-zh', { AMTS_AWS_PRICE_ACT: '48' })).toBe(48);
    const engine = planningEngine({ kind: 'aws', aws: { parallelDataName: 'd2l-zh' } }, { check: false, env: {} });
    expect(listPriceOf(engine)).toBe(60);
    expect(engine.name).toBe('identity');
  });
});
