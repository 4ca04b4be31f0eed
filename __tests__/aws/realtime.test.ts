import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAwsRealtimeEngine, MAX_TEXT_BYTES } from '../../src/engines/aws/realtimeEngine.js';
import { validateAwsSettings } from '../../src/engines/aws/settings.js';
import { restoreUnitHtml } from '../../src/markdown/restoreUnitHtml.js';
import { corpusUnits, FAST_OPTIONS, startAwsHarness, type AwsHarness, type CorpusUnit } from './harness.js';

describe('aws-realtime engine', () => {
  let harness: AwsHarness;
  let units: CorpusUnit[];

  beforeAll(async () => {
    units = await corpusUnits('d2l-zh/chapter_convolutional-modern/batch-norm_origin.md');
  });
  beforeEach(async () => {
    harness = await startAwsHarness();
  });
  afterEach(async () => harness.stop());

  const realtimeSettings = (overrides = {}) =>
    validateAwsSettings(
      { region: 'us-east-1', translateEndpoint: harness.translate.endpoint, pollIntervalSeconds: 0.01, ...overrides },
      'realtime',
    );

  it('packs units on unit boundaries into requests under 10,000 bytes', async () => {
    const engine = createAwsRealtimeEngine(realtimeSettings(), harness.clients, FAST_OPTIONS);
    const response = await engine.translate({ sourceLanguage: 'en', targetLanguage: 'ja', units });
    expect(response.failed).toEqual([]);
    expect(response.units.size).toBe(units.length);
    for (const unit of units) restoreUnitHtml(unit.tokens, response.units.get(unit.id) ?? '');

    const sizes = harness.translate.state.translateTextBytes;
    const totalBytes = units.reduce((total, unit) => total + Buffer.byteLength(unit.html) + 20, 0);
    expect(sizes.every((size) => size <= MAX_TEXT_BYTES)).toBe(true);
    expect(sizes.length).toBeGreaterThanOrEqual(Math.ceil(totalBytes / MAX_TEXT_BYTES));
    expect(sizes.length).toBeLessThan(units.length);
    // Realtime bills what was sent, markup included.
    expect(response.billedCharacters).toBeGreaterThan(response.sentCharacters);
    expect(harness.s3.stats.requests).toBe(0);
  });

  it('fails a unit too large for one request without sending it, and translates the rest', async () => {
    const huge = { id: 'huge', html: 'word '.repeat(2500) };
    const engine = createAwsRealtimeEngine(realtimeSettings(), harness.clients, FAST_OPTIONS);
    const response = await engine.translate({
      sourceLanguage: 'en',
      targetLanguage: 'de',
      units: [huge, ...units.slice(0, 5)],
    });
    expect(response.failed).toEqual([{ id: 'huge', reason: expect.stringContaining('10000-byte limit') }]);
    expect(response.units.size).toBe(5);
    expect(harness.translate.state.translateTextBytes.every((size) => size <= MAX_TEXT_BYTES)).toBe(true);
  });

  it('retries throttling, passes terminology and settings, and rejects damaged protected spans', async () => {
    harness.translate.faults.throttleNext.TranslateText = 4;
    harness.translate.state.terminologies.set('terms', {
      name: 'terms',
      description: undefined,
      languages: ['en', 'zh'],
      terms: [['normalization', '规范化']],
      createdAt: 0,
    });
    const engine = createAwsRealtimeEngine(
      realtimeSettings({ terminologyName: 'terms', profanity: 'MASK' }),
      harness.clients,
      {
        ...FAST_OPTIONS,
        requestConcurrency: 1,
      },
    );
    const response = await engine.translate({ sourceLanguage: 'en', targetLanguage: 'zh', units });
    expect(response.failed).toEqual([]);
    const withTerm = units.find((unit) => /^[^<]*\bnormalization\b/iu.test(unit.html));
    expect(withTerm).toBeDefined();
    expect(response.units.get(withTerm?.id ?? '')).toContain('规范化');

    harness.translate.faults.damageProtectedSpan = true;
    const damaged = await engine.translate({ sourceLanguage: 'en', targetLanguage: 'zh', units });
    expect(damaged.failed.length).toBeGreaterThan(0);
    for (const failed of damaged.failed) expect(failed.reason).toContain('tampered');
    expect(damaged.units.size + damaged.failed.length).toBe(units.length);
  });
});
