import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/commands/args.js';
import { evaluateCli } from '../../src/commands/evaluateCli.js';
import { InputError } from '../../src/errors.js';
import { FIXTURE_CORPUS as CORPUS } from '../helpers/corpus.js';
import { loadSacrebleuCases } from './sharedData.js';

let workDir = '';

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'amts-evaluate-cli-'));
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

async function evaluate(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await evaluateCli.run(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  });
  return { code, stdout, stderr };
}

async function writeText(relative: string, text: string): Promise<string> {
  const path = join(workDir, relative);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text, 'utf8');
  return path;
}

interface JsonReport {
  readonly bleu: number;
  readonly chrf: number;
  readonly signature: string;
  readonly bleuSignature: string;
  readonly documents: ReadonlyArray<{ readonly name: string; readonly bleu: number }>;
}

const CHAPTERS = ['chapter_recurrent-modern/machine-translation-and-dataset', 'chapter_recurrent-modern/beam-search'];

describe('amts evaluate on plain text', () => {
  const cases = loadSacrebleuCases().filter((testCase) => ['zh-perturbed', 'en-perturbed'].includes(testCase.name));

  it.each(cases.map((testCase) => [testCase.name, testCase] as const))(
    '%s gives the numbers sacreBLEU recorded',
    async (name, testCase) => {
      const hypothesis = await writeText(`text/${name}.hyp`, `${testCase.hyps.join('\n')}\n`);
      const reference = await writeText(`text/${name}.ref`, `${testCase.refs.join('\n')}\n`);
      const language = testCase.tokenize === 'zh' ? 'zh' : 'en';
      const { code, stdout } = await evaluate([
        '--hyp',
        hypothesis,
        '--ref',
        reference,
        '--lang',
        language,
        '--format',
        'json',
      ]);
      expect(code).toBe(0);
      const report = JSON.parse(stdout) as JsonReport;
      expect(report.bleu).toBeCloseTo(testCase.corpus_bleu, 3);
      expect(report.chrf).toBeCloseTo(testCase.corpus_chrf, 3);
      expect(report.bleuSignature).toBe(testCase.signature);
      expect(report.signature).toContain(`BLEU|${testCase.signature}`);
      expect(report.documents.map((document) => document.name)).toEqual([`${name}.hyp`]);
    },
  );

  it('prints the study-style table with BLEU on 0–1 and 0–100 and the signature', async () => {
    const [testCase] = cases;
    if (testCase === undefined) throw new Error('the zh-perturbed case is missing from the shared data');
    const hypothesis = await writeText('table/a.hyp', `${testCase.hyps.join('\n')}\n`);
    const reference = await writeText('table/a.ref', `${testCase.refs.join('\n')}\n`);
    const { stdout } = await evaluate(['--hyp', hypothesis, '--ref', reference, '--lang', 'zh']);
    const bleu01 = (testCase.corpus_bleu / 100).toFixed(4);
    expect(stdout).toContain('| Document | Lines | BLEU (0–1) | BLEU |');
    expect(stdout).toContain(`**${bleu01}**`);
    expect(stdout).toContain(`**${testCase.corpus_bleu.toFixed(2)}**`);
    expect(stdout).toContain(`BLEU signature: \`${testCase.signature}\``);
  });

  it('uses the 13a tokenizer unless told otherwise for a language other than Chinese', async () => {
    const hypothesis = await writeText('tok/a.hyp', '我们 训练 模型\n');
    const reference = await writeText('tok/a.ref', '我们 训练 了 模型\n');
    const english = JSON.parse(
      (await evaluate(['--hyp', hypothesis, '--ref', reference, '--lang', 'en', '--format', 'json'])).stdout,
    ) as JsonReport;
    const forced = JSON.parse(
      (
        await evaluate([
          '--hyp',
          hypothesis,
          '--ref',
          reference,
          '--lang',
          'en',
          '--tokenize',
          'zh',
          '--format',
          'json',
        ])
      ).stdout,
    ) as JsonReport;
    expect(english.bleuSignature).toContain('tok:13a');
    expect(forced.bleuSignature).toContain('tok:zh');
  });
});

describe('amts evaluate on Markdown chapters', () => {
  it('pairs directories by relative path and scores identical chapters at 100, per chapter and as a corpus', async () => {
    for (const chapter of CHAPTERS) {
      for (const side of ['hyp', 'ref']) {
        const destination = join(workDir, 'md', side, `${chapter}.md`);
        await mkdir(dirname(destination), { recursive: true });
        await copyFile(join(CORPUS, 'd2l-zh', `${chapter}.md`), destination);
      }
    }
    const { code, stdout } = await evaluate([
      '--hyp',
      join(workDir, 'md/hyp'),
      '--ref',
      join(workDir, 'md/ref'),
      '--lang',
      'zh',
      '--format',
      'json',
    ]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.bleu).toBeCloseTo(100, 6);
    expect(report.chrf).toBeCloseTo(100, 6);
    expect(report.bleuSignature).toBe('nrefs:1|case:mixed|eff:no|tok:zh|smooth:exp|version:2.6.0');
    expect(report.documents.map((document) => document.name).sort()).toEqual(
      CHAPTERS.map((chapter) => `${chapter}.md`).sort(),
    );
  });

  it('scores an English original against the Chinese translation near zero, noting how prose was paired', async () => {
    const chapter = CHAPTERS[0] ?? '';
    const { stdout } = await evaluate([
      '--hyp',
      join(CORPUS, 'd2l-zh', `${chapter}_origin.md`),
      '--ref',
      join(CORPUS, 'd2l-zh', `${chapter}.md`),
      '--lang',
      'zh',
    ]);
    const corpusRow = stdout.split('\n').find((line) => line.startsWith('| **Corpus**')) ?? '';
    const bleu = Number(/\*\*([\d.]+)\*\* \| \*\*([\d.]+)\*\*/u.exec(corpusRow)?.[2]);
    expect(bleu).toBeGreaterThanOrEqual(0);
    expect(bleu).toBeLessThan(5);
    expect(stdout).toMatch(/paired by structure: \d+ blocks one to one/u);
  });

  it('names the file when a reference is missing from the reference directory', async () => {
    await writeText('missing/hyp/extra.md', '# Title\n\nSome prose.\n');
    await writeText('missing/ref/other.md', '# Title\n\nSome prose.\n');
    await expect(
      evaluate(['--hyp', join(workDir, 'missing/hyp'), '--ref', join(workDir, 'missing/ref'), '--lang', 'en']),
    ).rejects.toThrow(InputError);
    await expect(
      evaluate(['--hyp', join(workDir, 'missing/hyp'), '--ref', join(workDir, 'missing/ref'), '--lang', 'en']),
    ).rejects.toThrow(/missing\/ref\/extra\.md: missing/u);
  });

  it('refuses a file scored against a directory, and Markdown against plain text', async () => {
    const markdown = await writeText('mixed/a.md', '# Title\n\nSome prose.\n');
    const text = await writeText('mixed/a.txt', 'Some prose.\n');
    await expect(evaluate(['--hyp', markdown, '--ref', join(workDir, 'mixed'), '--lang', 'en'])).rejects.toThrow(
      /directory/u,
    );
    await expect(evaluate(['--hyp', markdown, '--ref', text, '--lang', 'en'])).rejects.toThrow(/one is Markdown/u);
    expect(await readFile(markdown, 'utf8')).toContain('Title');
  });
});

describe('amts evaluate arguments', () => {
  it('requires --lang and knows its tokenizers and formats', async () => {
    await expect(evaluate(['--hyp', 'a', '--ref', 'b'])).rejects.toThrow(UsageError);
    await expect(evaluate(['--hyp', 'a', '--ref', 'b', '--lang', 'en', '--tokenize', 'intl'])).rejects.toThrow(
      /unknown tokenizer/u,
    );
    await expect(evaluate(['--hyp', 'a', '--ref', 'b', '--lang', 'en', '--format', 'csv'])).rejects.toThrow(UsageError);
  });
});
