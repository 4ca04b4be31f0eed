import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  formatScoreReport,
  parseScoreFormat,
  readSegments,
  scoreDocuments,
  scoreTextFiles,
  splitSegments,
  type TokenizerName,
} from '../../src/evaluate/index.js';
import { formatFixed } from '../../src/evaluate/pythonText.js';
import { CORPUS } from '../helpers/corpus.js';
import { CORPUS_TAG } from '../helpers/corpusTag.js';
import { loadSacrebleuCases } from './sharedData.js';

let workDir = '';

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'amts-evaluate-'));
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

async function writeLines(name: string, lines: readonly string[], newline = '\n'): Promise<string> {
  const path = join(workDir, name);
  await writeFile(path, lines.map((line) => line + newline).join(''), 'utf8');
  return path;
}

describe('splitSegments', () => {
  it('splits like Python iterating a file opened with newline="\\n", then right-strips', () => {
    expect(splitSegments('')).toEqual([]);
    expect(splitSegments('a')).toEqual(['a']);
    expect(splitSegments('a\n')).toEqual(['a']);
    expect(splitSegments('a\n\n')).toEqual(['a', '']);
    expect(splitSegments('a \r\nb\rc\t\n')).toEqual(['a', 'b\rc']);
  });
});

describe('scoreTextFiles on the recorded sacreBLEU cases', () => {
  it.each(loadSacrebleuCases().map((testCase) => [testCase.name, testCase] as const))(
    '%s scores as sacreBLEU did',
    async (name, testCase) => {
      const hypothesisPath = await writeLines(`${name}.hyp`, testCase.hyps);
      const referencePath = await writeLines(`${name}.ref`, testCase.refs, '\r\n');
      const score = await scoreTextFiles(hypothesisPath, referencePath, {
        tokenize: testCase.tokenize as TokenizerName,
      });
      expect(Math.abs(score.bleu - testCase.corpus_bleu)).toBeLessThanOrEqual(0.01);
      expect(Math.abs(score.chrf - testCase.corpus_chrf)).toBeLessThanOrEqual(0.01);
      expect(Math.abs(score.bp - testCase.bp)).toBeLessThanOrEqual(0.01);
      expect([score.sysLen, score.refLen, score.segments]).toEqual([
        testCase.sys_len,
        testCase.ref_len,
        testCase.hyps.length,
      ]);
      expect(score.bleuSignature).toBe(testCase.signature);
      expect(score.signature).toBe(`BLEU|${score.bleuSignature} chrF2|${score.chrfSignature}`);
    },
  );
});

describe('scoreTextFiles on the shared corpus', { tags: [CORPUS_TAG] }, () => {
  const documents = ['chapter_computational-performance/parameterserver.md', 'chapter_multilayer-perceptrons/index.md'];
  const pair = (file: string) => ({
    name: file,
    hypothesisPath: join(CORPUS, 'd2l-en-classic', file),
    referencePaths: join(CORPUS, 'd2l-en', file),
  });

  // Expected values: `sacrebleu REF -i HYP -m bleu chrf -w 4` (2.6.0) on the same files, and on their concatenation.
  it('matches the sacreBLEU command line per document and for the corpus', async () => {
    const report = await scoreDocuments(documents.map(pair));
    const [server, index] = report.documents;
    expect(server?.bleu).toBeCloseTo(98.2647, 3);
    expect(server?.chrf).toBeCloseTo(99.2537, 3);
    expect([server?.sysLen, server?.refLen]).toEqual([3031, 3017]);
    expect(index?.bleu).toBeCloseTo(32.1243, 3);
    expect(index?.chrf).toBeCloseTo(35.9269, 3);
    expect(report.corpus.bleu).toBeCloseTo(94.2083, 3);
    expect(report.corpus.chrf).toBeCloseTo(93.9786, 3);
    expect([report.corpus.sysLen, report.corpus.refLen]).toEqual([3268, 3253]);
    expect(report.corpus.segments).toBe((server?.segments ?? 0) + (index?.segments ?? 0));
  });

  it('scores chrF++ when asked', async () => {
    const report = await scoreDocuments(documents.map(pair), { chrfWordOrder: 2 });
    expect(report.corpus.chrf).toBeCloseTo(93.8769, 3);
    expect(report.corpus.chrfName).toBe('chrF2++');
    expect(report.corpus.chrfSignature).toBe('nrefs:1|case:mixed|eff:yes|nc:6|nw:2|space:no|version:2.6.0');
  });

  // Expected values from sacreBLEU 2.6.0 on the same file with every 7th code point (index 3 mod 7) dropped.
  it('scores a real Chinese chapter with the zh tokenizer', async () => {
    const referencePath = join(CORPUS, 'd2l-zh/chapter_linear-networks/softmax-regression-scratch.md');
    const references = await readSegments(referencePath);
    const damaged = references.map((line) =>
      Array.from(line)
        .filter((_, index) => index % 7 !== 3)
        .join(''),
    );
    const hypothesisPath = await writeLines('softmax-damaged.md', damaged);
    const zh = await scoreTextFiles(hypothesisPath, referencePath, { tokenize: 'zh' });
    expect(zh.segments).toBe(635);
    expect(zh.bleu).toBeCloseTo(42.14518340761372, 6);
    expect(zh.bp).toBeCloseTo(0.8582197835766723, 9);
    expect([zh.sysLen, zh.refLen]).toEqual([6632, 7646]);
    expect(zh.precisions[3]).toBeCloseTo(27.791021056813666, 6);
    expect(zh.chrf).toBeCloseTo(52.81462580981399, 6);
    const withoutZh = await scoreTextFiles(hypothesisPath, referencePath, { tokenize: '13a' });
    expect(withoutZh.bleu).toBeCloseTo(22.968025827564492, 6);
  });
});

describe('scoreTextFiles input checks', () => {
  it('names both files and their line counts when they differ', async () => {
    const hypothesisPath = await writeLines('three.hyp', ['a', 'b', 'c']);
    const referencePath = await writeLines('two.ref', ['a', 'b']);
    await expect(scoreTextFiles(hypothesisPath, referencePath)).rejects.toThrow(
      `Line count mismatch: hypothesis file ${hypothesisPath} has 3 lines but reference file ${referencePath} has 2 lines`,
    );
  });

  it('rejects a missing file, invalid UTF-8 and an empty hypothesis file', async () => {
    const referencePath = await writeLines('one.ref', ['a']);
    const missing = join(workDir, 'missing.hyp');
    await expect(scoreTextFiles(missing, referencePath)).rejects.toThrow(`Cannot read hypothesis file ${missing}`);
    const latin1 = join(workDir, 'latin1.hyp');
    await writeFile(latin1, Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
    await expect(scoreTextFiles(latin1, referencePath)).rejects.toThrow(
      `The hypothesis file ${latin1} is not valid UTF-8`,
    );
    const empty = await writeLines('empty.hyp', []);
    await expect(scoreTextFiles(empty, referencePath)).rejects.toThrow(
      `The hypothesis file ${empty} has no lines to score`,
    );
    await expect(scoreTextFiles(referencePath, [])).rejects.toThrow(/No reference file/);
  });

  it('reads gzipped files and several reference files', async () => {
    const hypothesisPath = join(workDir, 'fox.hyp.gz');
    await writeFile(hypothesisPath, gzipSync(Buffer.from('A quick brown fox jumps.\nHello there\n')));
    const first = await writeLines('fox1.ref', ['The quick brown fox jumped over.', 'Hello there!']);
    const second = await writeLines('fox2.ref', ['A fast brown fox jumps.', 'hi there']);
    const score = await scoreTextFiles(hypothesisPath, [first, second]);
    expect(score.bleuSignature.startsWith('nrefs:2|')).toBe(true);
    expect(score.segments).toBe(2);
  });
});

describe('formatScoreReport', () => {
  async function smallReport() {
    const hypothesisPath = await writeLines('cat.hyp', ['The cat sat on the mat.', 'A quick brown fox jumps.']);
    const referencePath = await writeLines('cat.ref', ['The cat is on the mat.', 'A fast brown fox jumps.']);
    const otherHypothesis = await writeLines('hello.hyp', ['Hello there']);
    const otherReference = await writeLines('hello.ref', ['Hello there!']);
    return scoreDocuments([
      { name: 'cat|fox', hypothesisPath, referencePaths: referencePath },
      { hypothesisPath: otherHypothesis, referencePaths: [otherReference] },
    ]);
  }

  it('renders a Markdown table with per-document and corpus rows, BLEU on 0–1 and 0–100', async () => {
    const report = await smallReport();
    const markdown = formatScoreReport(report, 'md');
    const lines = markdown.split('\n');
    expect(lines[0]).toBe('| Document | Lines | BLEU (0–1) | BLEU | chrF2 | BP | Hyp tokens | Ref tokens |');
    expect(lines[1]).toBe('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    const corpusBleu = report.corpus.bleu;
    expect(lines[2]).toMatch(/^\| cat\\\|fox \| 2 \| 0\.\d{4} \| \d+\.\d{2} \|/);
    expect(lines[3]).toMatch(/^\| hello\.hyp \| 1 \|/);
    expect(lines[4]).toContain(`| **${formatFixed(corpusBleu / 100, 4)}** | **${formatFixed(corpusBleu, 2)}** |`);
    expect(markdown).toContain(`BLEU signature: \`${report.corpus.bleuSignature}\``);
    expect(markdown).toContain(`chrF2 signature: \`${report.corpus.chrfSignature}\``);
  });

  it('renders JSON with the corpus score at the top and documents below', async () => {
    const report = await smallReport();
    const parsed = JSON.parse(formatScoreReport(report, parseScoreFormat('json'))) as Record<string, unknown>;
    expect(parsed.bleu).toBe(report.corpus.bleu);
    expect(parsed.bleu).toBeGreaterThan(1);
    expect(parsed.chrf).toBe(report.corpus.chrf);
    expect(parsed.signature).toBe(report.corpus.signature);
    expect(parsed.documents).toHaveLength(2);
  });

  it('rejects unknown formats', () => {
    expect(parseScoreFormat('md')).toBe('md');
    expect(() => parseScoreFormat('csv')).toThrow('Unknown score format "csv": expected md or json');
  });
});
