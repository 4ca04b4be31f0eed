import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAwsRuntime } from '../../src/engines/aws/runtime.js';
import { ensureTerminology, terminologyCsvFromMarkdownTable } from '../../src/engines/aws/terminology.js';
import { FIXTURES } from '../helpers/corpus.js';
import { FAST_OPTIONS, startAwsHarness, type AwsHarness } from './harness.js';

describe('terminology', () => {
  let glossary: string;
  let harness: AwsHarness;
  beforeAll(async () => {
    glossary = await readFile(path.join(FIXTURES, 'corpus/d2l-zh/TERMINOLOGY.md'), 'utf8');
    harness = await startAwsHarness();
  });
  afterAll(async () => harness.stop());

  it('converts d2l-zh TERMINOLOGY.md into en,zh CSV with one target per term', () => {
    const rows = Papa.parse<string[]>(terminologyCsvFromMarkdownTable(glossary, 'TERMINOLOGY.md'), {
      skipEmptyLines: true,
    }).data;
    expect(rows[0]).toEqual(['en', 'zh']);
    const byEnglish = new Map(rows.slice(1).map(([en = '', zh = '']) => [en, zh]));
    expect(byEnglish.get('saddle point')).toBe('鞍点');
    expect(byEnglish.get('hyperparameter')).toBe('超参数');
    expect(byEnglish.get('accuracy')).toBe('准确率');
    expect(byEnglish.get('long short-term memory')).toBe('长短期记忆网络');
    expect(new Set(rows.slice(1).map(([en = '']) => en.toLowerCase())).size).toBe(rows.length - 1);
    expect(rows.length).toBeGreaterThan(100);
  });

  it('accepts a two-column Markdown table too', () => {
    const csv = terminologyCsvFromMarkdownTable('| English | 中文 |\n|---|---|\n| stride | 步幅 |\n| label | 标签 |\n');
    expect(csv).toBe('en,zh\nstride,步幅\nlabel,标签\n');
  });

  it('imports once and skips an unchanged CSV by its hash', async () => {
    const runtime = createAwsRuntime(harness.settings(), harness.clients, FAST_OPTIONS);
    const csv = terminologyCsvFromMarkdownTable(glossary, 'TERMINOLOGY.md');
    const first = await ensureTerminology(runtime, 'd2l', csv);
    expect(first.action).toBe('imported');
    expect(first.termCount).toBe(Papa.parse(csv, { skipEmptyLines: true }).data.length - 1);
    expect((await ensureTerminology(runtime, 'd2l', csv)).action).toBe('unchanged');
    expect((await ensureTerminology(runtime, 'd2l', `${csv}dropout,暂退法\n`)).action).toBe('imported');
    expect(harness.translate.state.calls.ImportTerminology).toBe(2);
  });

  it('names the file when its header is not language codes', async () => {
    const runtime = createAwsRuntime(harness.settings(), harness.clients, FAST_OPTIONS);
    await expect(ensureTerminology(runtime, 'd2l', 'source,target\na,b\n', 'terms.csv')).rejects.toThrow(
      'terms.csv: header cell "source" is not a language code',
    );
  });
});
