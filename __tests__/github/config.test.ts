import { describe, expect, it } from 'vitest';
import { ConfigError, listInput, readSettings } from '../../src/config.js';

function inputs(values: Record<string, string>): { getInput(name: string): string } {
  return { getInput: (name) => values[name] ?? '' };
}

const minimal = { 'target-language': 'zh', 'target-repo': 'd2l-ai/d2l-zh', 'target-token': 'tok' };

describe('readSettings', () => {
  it('fills the documented defaults from a minimal workflow', () => {
    const settings = readSettings(inputs(minimal), { GITHUB_WORKSPACE: '/w', RUNNER_TEMP: '/t' });
    expect(settings).toMatchObject({
      sourceLanguage: 'en',
      targetLanguage: 'zh',
      sourcePath: '/w',
      targetRepository: { owner: 'd2l-ai', name: 'd2l-zh' },
      targetBranch: 'main',
      include: ['**/*.md'],
      base: { kind: 'origin-suffix', suffix: '_origin' },
      engine: { kind: 'aws', jobWaitMinutes: 300, aws: { s3Prefix: 'amts', profanity: false } },
      maxCharacters: undefined,
      draft: false,
      dryRun: false,
      pullRequestMode: 'rolling',
      githubApiUrl: 'https://api.github.com',
      rateLimitWaitSeconds: 600,
      githubServerUrl: 'https://github.com',
      workDirectory: '/t',
    });
  });

  it('reads pull-request-mode and refuses a mode it does not know', () => {
    expect(readSettings(inputs({ ...minimal, 'pull-request-mode': 'per-source' }), {}).pullRequestMode).toBe(
      'per-source',
    );
    expect(() => readSettings(inputs({ ...minimal, 'pull-request-mode': 'rebase' }), {})).toThrow(
      "Input 'pull-request-mode': 'rebase' is not one of rolling, per-source",
    );
  });

  it('parses lists, booleans, numbers and AWS settings', () => {
    const settings = readSettings(
      inputs({
        ...minimal,
        include: 'chapter_*/**/*.md,\n  index.md\n',
        labels: 'translation, zh',
        reviewers: '@astonzhang\nmli',
        'team-reviewers': 'zh-translators',
        draft: 'true',
        'dry-run': 'no',
        'max-characters': '2_000_000',
        engine: 'aws-realtime',
        formality: 'formal',
        profanity: 'yes',
        'state-file': '.amts/base.json',
        'aws-region': 'us-west-2',
        's3-prefix': 'books/d2l/',
        'rate-limit-wait-seconds': '120',
      }),
      {},
    );
    expect(settings.include).toEqual(['chapter_*/**/*.md', 'index.md']);
    expect(settings.labels).toEqual(['translation', 'zh']);
    expect(settings.reviewers).toEqual(['astonzhang', 'mli']);
    expect(settings.teamReviewers).toEqual(['zh-translators']);
    expect(settings.draft).toBe(true);
    expect(settings.maxCharacters).toBe(2_000_000);
    expect(settings.rateLimitWaitSeconds).toBe(120);
    expect(settings.base).toEqual({ kind: 'state-file', path: '.amts/base.json' });
    expect(settings.engine.kind).toBe('aws-realtime');
    expect(settings.engine.aws).toMatchObject({
      region: 'us-west-2',
      s3Prefix: 'books/d2l',
      formality: 'FORMAL',
      profanity: true,
    });
  });

  it.each([
    [{ 'target-language': '' }, "Input 'target-language': is required"],
    [{ 'target-language': 'Chinese' }, "Input 'target-language': 'Chinese' is not a language code"],
    [{ 'target-repo': 'd2l-zh' }, "Input 'target-repo': 'd2l-zh' is not a repository in the form owner/name"],
    [{ 'target-repo': 'a/b/c' }, "Input 'target-repo': 'a/b/c' is not a repository"],
    [{ 'target-branch': 'main..x' }, "Input 'target-branch': 'main..x' is not a valid branch name"],
    [{ 'target-branch': '-f' }, "Input 'target-branch': '-f' is not a valid branch name"],
    [{ include: '../secrets/*.md' }, "Input 'include': '../secrets/*.md' must be relative"],
    [{ include: '.github/**/*.md' }, "Input 'include': '.github/**/*.md' points into .github/"],
    [{ engine: 'google' }, "Input 'engine': 'google' is not one of identity, pseudo, aws, aws-realtime"],
    [{ 'max-characters': '-5' }, "Input 'max-characters': '-5' is not a positive whole number"],
    [{ 'rate-limit-wait-seconds': '1h' }, "Input 'rate-limit-wait-seconds': '1h' is not a positive whole number"],
    [{ draft: 'maybe' }, "Input 'draft': 'maybe' is not true or false"],
    [{ formality: 'casual' }, "Input 'formality': 'casual' is not FORMAL or INFORMAL"],
    [{ 'origin-suffix': '_o', 'state-file': 's.json' }, "Input 'state-file': give either origin-suffix or state-file"],
    [{ 'state-file': '../s.json' }, "Input 'state-file': '../s.json' must be a path inside the target repository"],
    [{ reviewers: 'not a login' }, "Input 'reviewers': 'not a login' is not a valid GitHub name"],
    [{ 'github-api-url': 'ftp://x' }, "Input 'github-api-url': 'ftp://x' is not an http(s) or file URL"],
  ])('rejects %j', (bad, message) => {
    const read = (): unknown => readSettings(inputs({ ...minimal, ...bad }), {});
    expect(read).toThrow(ConfigError);
    expect(read).toThrow(message);
  });

  it('never puts the token in an error message', () => {
    try {
      readSettings(inputs({ ...minimal, 'target-token': 'ghs_secret', 'target-repo': 'bad' }), {});
    } catch (error) {
      expect(String(error)).not.toContain('ghs_secret');
    }
  });
});

describe('listInput', () => {
  it('splits on newlines and commas and drops blanks', () => {
    expect(listInput(' a, b\n\nc ,\n')).toEqual(['a', 'b', 'c']);
  });
});
