import Papa from 'papaparse';
import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { writeParallelData } from '../../src/paralleldata/write.js';
import type { SentencePair } from '../../src/paralleldata/types.js';
import { goldPairs } from './goldPairs.js';

const languages = { sourceLanguage: 'en', targetLanguage: 'zh' } as const;

function pair(source: string, target: string, confidence = 0.8): SentencePair {
  return { source, target, confidence };
}

function csvRows(text: string): string[][] {
  const parsed = Papa.parse<string[]>(text, { delimiter: ',', skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe('writeParallelData as CSV', () => {
  it('starts with a header row of language codes and quotes commas and quotes per RFC 4180', () => {
    const result = writeParallelData([pair('Tensors, vectors and "scalars".', '张量、向量和"标量"，等等。')], {
      ...languages,
      format: 'csv',
    });
    expect(result.text).toBe('en,zh\r\n"Tensors, vectors and ""scalars"".","张量、向量和""标量""，等等。"\r\n');
    expect(csvRows(result.text)).toEqual([
      ['en', 'zh'],
      ['Tensors, vectors and "scalars".', '张量、向量和"标量"，等等。'],
    ]);
  });

  it('folds line breaks inside fields and counts the rewrite', () => {
    const result = writeParallelData([pair('The weights\ndetermine the influence.', '权重决定了\n每个特征的影响。')], {
      ...languages,
      format: 'csv',
    });
    expect(csvRows(result.text)[1]).toEqual(['The weights determine the influence.', '权重决定了每个特征的影响。']);
    expect(result.text.split('\r\n')).toHaveLength(3);
    expect(result.rewritten['line-break']).toBe(1);
  });

  it('keeps fields of exactly 1000 UTF-8 bytes and skips longer ones, multibyte characters included', () => {
    const chinese999 = '中'.repeat(333);
    const accented1000 = 'é'.repeat(500);
    const result = writeParallelData(
      [
        pair(`${'a'.repeat(999)}b`, `${chinese999}x`),
        pair(accented1000, `${chinese999}y`),
        pair(`${accented1000}z`, '中文'),
        pair('fits', `${chinese999}中`),
        pair(`${'a'.repeat(1000)}b`, '中文二'),
      ],
      { ...languages, format: 'csv' },
    );
    expect(Buffer.byteLength(`${chinese999}x`)).toBe(1000);
    expect(Buffer.byteLength(`${chinese999}中`)).toBe(1002);
    expect(result.written).toBe(2);
    expect(result.skipped['too-long']).toBe(3);
    expect(
      csvRows(result.text)
        .slice(1)
        .map((row) => row[1]),
    ).toEqual([`${chinese999}x`, `${chinese999}y`]);
  });

  it.each(['+', '-', '=', '@'])('skips a field starting with %s on either side, quoted or not', (prefix) => {
    const result = writeParallelData(
      [
        pair(`${prefix}1 is the answer, they said`, '他们说答案是负一'),
        pair('the answer', `${prefix}一是答案`),
        pair(`  ${prefix} leading spaces are trimmed first`, '先去掉前导空格'),
        pair('Kept row', '保留的行'),
      ],
      { ...languages, format: 'csv' },
    );
    expect(result.skipped['formula-prefix']).toBe(3);
    expect(csvRows(result.text)).toEqual([
      ['en', 'zh'],
      ['Kept row', '保留的行'],
    ]);
  });

  it('keeps one row per source text: the best confidence, at the place of the first occurrence', () => {
    const result = writeParallelData(
      [
        pair('Dropout.', '暂退法。', 0.5),
        pair('Other.', '其他。', 0.6),
        pair('Dropout.', '丢弃法。', 0.9),
        pair('Dropout.\n', '随机失活。', 0.7),
        pair('Other.', '另一个。', 0.6),
      ],
      { ...languages, format: 'csv' },
    );
    expect(csvRows(result.text).slice(1)).toEqual([
      ['Dropout.', '丢弃法。'],
      ['Other.', '其他。'],
    ]);
    expect(result.skipped.duplicate).toBe(3);
  });

  it('skips pairs identical on both sides and pairs holding only code or math', () => {
    const result = writeParallelData(
      [
        pair('PyTorch', 'PyTorch'),
        pair('PyTorch\n2.0', 'PyTorch 2.0'),
        pair('`X.sum(axis=0)`', '`X.sum(axis=0)`。'),
        pair('$\\mathbf{x} \\in \\mathbb{R}^d$', '向量$\\mathbf{x} \\in \\mathbb{R}^d$'),
        pair(':numref:`fig_lenet` and `net`', ':numref:`fig_lenet`，`net`'),
        pair('Call `net(X)` here.', '在这里调用`net(X)`。'),
        pair('', '空'),
      ],
      { ...languages, format: 'csv' },
    );
    expect(result.skipped.identical).toBe(2);
    expect(result.skipped['no-text']).toBe(3);
    expect(result.skipped.empty).toBe(1);
    expect(csvRows(result.text).slice(1)).toEqual([['Call `net(X)` here.', '在这里调用`net(X)`。']]);
  });

  it('reads an escaped dollar as the parser does: part of its formula inside math, a literal dollar outside', () => {
    const result = writeParallelData(
      [pair('$\\$10 \\pm \\$1$', '$\\$10 \\pm \\$1$。'), pair('Pay \\$5 or $x$ now.', '现在付\\$5或$x$。')],
      { ...languages, format: 'csv' },
    );
    expect(result.skipped['no-text']).toBe(1);
    expect(csvRows(result.text).slice(1)).toEqual([['Pay \\$5 or $x$ now.', '现在付\\$5或$x$。']]);
  });

  it('skips fields holding control characters', () => {
    const result = writeParallelData([pair('bell\u0007 here', '这里有响铃')], { ...languages, format: 'csv' });
    expect(result.skipped['control-character']).toBe(1);
    expect(result.written).toBe(0);
  });

  it('writes the gold pairs in input order', () => {
    const pairs = goldPairs();
    const result = writeParallelData(pairs, { ...languages, format: 'csv' });
    const rows = csvRows(result.text).slice(1);
    expect(rows).toHaveLength(result.written);
    expect(result.written).toBeGreaterThan(250);
    const skippedTotal = Object.values(result.skipped).reduce((total, count) => total + count, 0);
    expect(result.written + skippedTotal).toBe(pairs.length);
    expect(rows[0]).toEqual([pairs[0]?.source, pairs[0]?.target]);
  });
});

describe('writeParallelData as TSV', () => {
  it('writes a header row and turns tabs inside fields into spaces', () => {
    const result = writeParallelData([pair('a\tb "quoted", kept', '甲\t乙"引号"')], { ...languages, format: 'tsv' });
    expect(result.text).toBe('en\tzh\na b "quoted", kept\t甲 乙"引号"\n');
    expect(result.rewritten.tab).toBe(1);
  });
});

describe('writeParallelData as TMX', () => {
  it('writes TMX 1.4b with the required header and escaped segments', () => {
    const result = writeParallelData([pair('If a < b && c > d, use "x".', '如果a < b && c > d，使用"x"。')], {
      sourceLanguage: 'en',
      targetLanguage: 'zh',
      format: 'tmx',
      segType: 'paragraph',
    });
    expect(result.text).toContain('<seg>If a &lt; b &amp;&amp; c &gt; d, use &quot;x&quot;.</seg>');
    const document = parseDocument(result.text, { xmlMode: true });
    const header = document.children
      .flatMap((node) => ('children' in node ? node.children : []))
      .find((node) => 'name' in node && node.name === 'header');
    expect(header && 'attribs' in header ? header.attribs : undefined).toEqual({
      creationtool: 'amts',
      creationtoolversion: '0.1.0',
      segtype: 'paragraph',
      'o-tmf': 'amts',
      adminlang: 'en',
      srclang: 'en',
      datatype: 'plaintext',
    });
  });
});
