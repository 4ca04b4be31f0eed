import { describe, expect, it } from 'vitest';
import { readParallelData } from '../../src/paralleldata/read.js';
import { writeParallelData } from '../../src/paralleldata/write.js';
import type { ParallelDataFormat } from '../../src/paralleldata/types.js';
import { goldPairs } from './goldPairs.js';

const languages = { sourceLanguage: 'en', targetLanguage: 'zh' } as const;

describe.each<ParallelDataFormat>(['csv', 'tsv', 'tmx'])('%s round trip', (format) => {
  it('reads back exactly the pairs written from the gold alignments', () => {
    const pairs = [
      ...goldPairs(),
      { source: 'Quotes "inside", commas, & <tags>.', target: '引号"在内"，逗号，& <标签>。', confidence: 0.5 },
    ];
    const written = writeParallelData(pairs, { ...languages, format });
    const read = readParallelData(written.text, `parallel.${format}`, languages);
    expect(read).toHaveLength(written.written);
    const expected = writeParallelData(pairs, { ...languages, format: 'tsv' })
      .text.split('\n')
      .slice(1, -1);
    expect(read.map((pair) => `${pair.source}\t${pair.target}`)).toEqual(expected);
    expect(read.every((pair) => pair.confidence === 1 && pair.origin?.file === `parallel.${format}`)).toBe(true);
  });
});

describe('readParallelData from CSV', () => {
  it('picks columns by language code, region subtags included, and reports lines of records', () => {
    const text =
      'fr,en-US,zh-CN\r\nbonjour,hello,你好\r\n"multi\nligne","multi\nline","多\n行"\r\nmerci,thanks,谢谢\r\n';
    const pairs = readParallelData(text, 'user.csv', languages);
    expect(pairs.map((pair) => [pair.source, pair.target, pair.origin?.line])).toEqual([
      ['hello', '你好', 2],
      ['multi\nline', '多\n行', 3],
      ['thanks', '谢谢', 7],
    ]);
  });

  it('never takes Traditional Chinese for Simplified', () => {
    expect(() => readParallelData('en,zh-TW\nhello,你好\n', 'user.csv', languages)).toThrow(
      'user.csv: line 1: the header row has no column for language "zh" (found: en, zh-TW)',
    );
  });

  it('names the file and line of a missing header, a bad record and an unterminated quote', () => {
    expect(() => readParallelData('hello,你好\n', 'a.csv', languages)).toThrow(
      'a.csv: line 1: the first row must hold language codes',
    );
    expect(() => readParallelData('en,zh\nhello,你好\nthree,fields,here\n', 'b.csv', languages)).toThrow(
      'b.csv: line 3: expected 2 fields, found 3',
    );
    expect(() => readParallelData('en,zh\nhello,你好\n"open,quote\n', 'c.csv', languages)).toThrow(
      /^c\.csv: line 3: Quoted field unterminated/u,
    );
  });
});

describe('readParallelData from TSV', () => {
  it('reads files without a header as source then target', () => {
    const pairs = readParallelData('hello\t你好\r\n\r\nthanks\t谢谢\n', 'user.tsv', languages);
    expect(pairs.map((pair) => [pair.source, pair.target, pair.origin?.line])).toEqual([
      ['hello', '你好', 1],
      ['thanks', '谢谢', 3],
    ]);
  });

  it('uses a header of language codes when there is one', () => {
    const pairs = readParallelData('zh\ten\n你好\thello\n', 'user.tsv', languages);
    expect(pairs.map((pair) => [pair.source, pair.target])).toEqual([['hello', '你好']]);
  });

  it('names the line of a row without two fields', () => {
    expect(() => readParallelData('hello\t你好\nlonely\n', 'user.tsv', languages)).toThrow(
      'user.tsv: line 2: expected 2 fields, found 1',
    );
  });
});

describe('readParallelData from TMX', () => {
  const tmx = (body: string): string =>
    `<?xml version="1.0"?>\n<tmx version="1.4"><header srclang="en-US"/><body>\n${body}\n</body></tmx>`;

  it('matches xml:lang and lang with region subtags, drops inline codes and skips units lacking a language', () => {
    const text = tmx(
      [
        '<tu><tuv xml:lang="en-US"><seg>Use <bpt i="1">&lt;b&gt;</bpt>bold<ept i="1">&lt;/b&gt;</ept> &amp; more</seg></tuv>',
        '<tuv xml:lang="zh-CN"><seg>使用<hi>粗体</hi>及更多</seg></tuv></tu>',
        '<tu><tuv lang="EN"><seg>Only English</seg></tuv><tuv lang="fr"><seg>Seulement</seg></tuv></tu>',
        '<tu><tuv lang="zh"><seg><![CDATA[a < b]]>的情况</seg></tuv><tuv lang="en"><seg>when a &lt; b</seg></tuv></tu>',
      ].join('\n'),
    );
    const pairs = readParallelData(text, 'memory.tmx', languages);
    expect(pairs.map((pair) => [pair.source, pair.target, pair.origin?.line])).toEqual([
      ['Use bold & more', '使用粗体及更多', 3],
      ['when a < b', 'a < b的情况', 6],
    ]);
  });

  it('names the file and line of malformed units', () => {
    expect(() => readParallelData(tmx('<tu>\n<tuv><seg>x</seg></tuv></tu>'), 'bad.tmx', languages)).toThrow(
      'bad.tmx: line 4: <tuv> without an xml:lang attribute',
    );
    expect(() => readParallelData(tmx('<tu><tuv xml:lang="en"><seg>x</tuv></tu>'), 'open.tmx', languages)).toThrow(
      /^open\.tmx: line \d+: <seg> is not closed/u,
    );
    expect(() => readParallelData('<xml><tu/></xml>', 'other.tmx', languages)).toThrow(
      'other.tmx: not a TMX file (no <tmx> element)',
    );
    expect(() =>
      readParallelData(tmx('<tu><tuv xml:lang="en"><seg>x</seg></tuv></tu>'), 'english.tmx', languages),
    ).toThrow('english.tmx: none of its 1 <tu> elements holds both "en" and "zh"');
  });

  it('rejects unknown file extensions by name', () => {
    expect(() => readParallelData('', 'pairs.xlsx', languages)).toThrow(
      'pairs.xlsx: unknown parallel data format ".xlsx"',
    );
  });
});
