import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAwsBatchEngine } from '../../src/engines/aws/batchEngine.js';
import { terminologyCsvFromMarkdownTable } from '../../src/engines/aws/terminology.js';
import { restoreUnitHtml } from '../../src/markdown/restoreUnitHtml.js';
import { FIXTURES } from '../helpers/corpus.js';
import { corpusUnits, FAST_OPTIONS, startAwsHarness, type AwsHarness, type CorpusUnit } from './harness.js';

interface GoldAlignment {
  readonly beads: readonly { readonly en: string; readonly zh: string }[];
}

async function goldParallelCsv(name: string): Promise<string> {
  const gold = JSON.parse(await readFile(path.join(FIXTURES, 'gold/align', `${name}.json`), 'utf8')) as GoldAlignment;
  return Papa.unparse([['en', 'zh'], ...gold.beads.map((bead) => [bead.en, bead.zh])], { newline: '\n' });
}

describe('aws batch engine, happy path', () => {
  let harness: AwsHarness;
  let units: CorpusUnit[];
  let workDirectory: string;
  let parallelDataFile: string;
  let terminologyFile: string;
  const log: string[] = [];

  beforeAll(async () => {
    harness = await startAwsHarness();
    units = await corpusUnits('d2l-zh/chapter_convolutional-modern/batch-norm_origin.md');
    workDirectory = await mkdtemp(path.join(os.tmpdir(), 'amts-aws-'));
    parallelDataFile = path.join(workDirectory, 'parallel.csv');
    terminologyFile = path.join(workDirectory, 'terminology.csv');
    await writeFile(parallelDataFile, await goldParallelCsv('batch-norm'));
    const glossary = await readFile(path.join(FIXTURES, 'corpus/d2l-zh/TERMINOLOGY.md'), 'utf8');
    await writeFile(terminologyFile, terminologyCsvFromMarkdownTable(glossary, 'TERMINOLOGY.md'));
  });
  afterAll(async () => harness.stop());

  it('translates a corpus chapter through a batch job with parallel data and terminology', async () => {
    const settings = harness.settings({
      parallelDataName: 'd2l-en-zh',
      parallelDataFile,
      terminologyName: 'd2l-terms',
      terminologyFile,
      formality: 'FORMAL',
    });
    const engine = createAwsBatchEngine(settings, harness.clients, { ...FAST_OPTIONS, log: (line) => log.push(line) });
    const response = await engine.translate({ sourceLanguage: 'en', targetLanguage: 'zh', units });

    expect(response.failed).toEqual([]);
    expect(response.units.size).toBe(units.length);
    expect(response.jobIds).toHaveLength(1);
    for (const unit of units) {
      const translated = response.units.get(unit.id) ?? '';
      expect(translated).not.toBe(unit.html);
      // Everything the engine accepts must go back into Markdown with its protected pieces intact.
      const markdown = restoreUnitHtml(unit.tokens, translated);
      for (const token of unit.tokens) if (token.kind === 'protected') expect(markdown).toContain(token.source);
    }
    // Terminology: "overfitting" → 过拟合 wherever the source uses it outside protected spans.
    const withTerm = units.filter((unit) =>
      /\boverfitting\b/iu.test(unit.html.replace(/<span[^>]*>.*?<\/span>/gu, '')),
    );
    expect(withTerm.length).toBeGreaterThan(0);
    for (const unit of withTerm) expect(response.units.get(unit.id)).toContain('过拟合');

    const jobs = [...harness.translate.state.jobs.values()];
    expect(jobs).toHaveLength(1);
    const request = jobs[0]?.request ?? {};
    expect(request['ParallelDataNames']).toEqual(['d2l-en-zh']);
    expect(request['TerminologyNames']).toEqual(['d2l-terms']);
    expect(request['InputDataConfig']).toMatchObject({ ContentType: 'text/html' });
    expect(request['Settings']).toEqual({ Formality: 'FORMAL' });
    expect(String(request['ClientToken'])).toMatch(/^[0-9a-f]{64}$/u);

    expect(response.sentCharacters).toBeGreaterThan(1000);
    // Billing comes from the job's auxiliary details file, not from the engine's own count.
    expect(response.billedCharacters).toBe(jobs[0]?.charactersTranslated);
    expect(Math.abs(response.billedCharacters - response.sentCharacters)).toBeLessThan(units.length * 2);
    // The run's inputs and outputs are gone; only the parallel-data CSV stays for later updates.
    const remaining = await harness.s3.listKeys('amts/');
    expect(remaining.filter((key) => key.includes('/runs/'))).toEqual([]);
    expect(remaining.some((key) => key.startsWith('amts/parallel-data/d2l-en-zh/'))).toBe(true);
    expect(log.some((line) => line.includes('parallel data "d2l-en-zh": created'))).toBe(true);
  });

  it('reuses unchanged parallel data and terminology, and updates parallel data when the CSV changes', async () => {
    const settings = harness.settings({
      parallelDataName: 'd2l-en-zh',
      parallelDataFile,
      terminologyName: 'd2l-terms',
      terminologyFile,
    });
    const calls = harness.translate.state.calls;
    const before = {
      update: calls.UpdateParallelData ?? 0,
      create: calls.CreateParallelData ?? 0,
      terms: calls.ImportTerminology ?? 0,
    };
    const unchanged = await createAwsBatchEngine(settings, harness.clients, FAST_OPTIONS).prepareResources();
    expect(unchanged.parallelData?.action).toBe('unchanged');
    expect(unchanged.terminology?.action).toBe('unchanged');
    expect(calls.UpdateParallelData ?? 0).toBe(before.update);
    expect(calls.CreateParallelData ?? 0).toBe(before.create);
    expect(calls.ImportTerminology ?? 0).toBe(before.terms);

    await writeFile(parallelDataFile, `${await goldParallelCsv('batch-norm')}\nbatch normalization,批量规范化\n`);
    const updated = await createAwsBatchEngine(settings, harness.clients, FAST_OPTIONS).prepareResources();
    expect(updated.parallelData?.action).toBe('updated');
    const goldRows = Papa.parse(await goldParallelCsv('batch-norm'), { skipEmptyLines: true }).data.length;
    expect(updated.parallelData?.importedRecordCount).toBe(goldRows);
  });

  it('splits units over several documents when they exceed the per-document budget, and keeps objects on request', async () => {
    const engine = createAwsBatchEngine(harness.settings({ keepS3Objects: true, prefix: 'kept/' }), harness.clients, {
      ...FAST_OPTIONS,
      maxDocumentTextBytes: 4000,
    });
    const response = await engine.translate({ sourceLanguage: 'en', targetLanguage: 'fr', units });
    expect(response.failed).toEqual([]);
    expect(response.units.size).toBe(units.length);
    const keys = await harness.s3.listKeys('kept/runs/');
    const inputs = keys.filter((key) => key.includes('/input/'));
    expect(inputs.length).toBeGreaterThan(2);
    expect(
      keys.some((key) =>
        /\/output\/123456789012-TranslateText-[0-9a-f]+\/details\/fr\.auxiliary-translation-details\.json$/u.test(key),
      ),
    ).toBe(true);
    expect(keys.some((key) => /\/fr\.part-0001\.html$/u.test(key))).toBe(true);
  });
});
