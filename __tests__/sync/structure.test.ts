import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alignUnits } from '../../src/align/buildPairs.js';
import { parseMarkdown } from '../../src/markdown/parseMarkdown.js';
import { composeChapter } from '../../src/sync/composeChapter.js';
import { planChapter } from '../../src/sync/planChapter.js';
import { mergeCodeCell } from '../../src/sync/mergeCodeCell.js';
import { verifyChapter } from '../../src/sync/verifyChapter.js';
import { CORPUS, markdownFilesIn } from '../helpers/corpus.js';

const ZH = join(CORPUS, 'd2l-zh');
const NEW = join(CORPUS, 'd2l-en-classic');
const PADDLE = new Set(['paddle']);

function syncChapter(chapter: string): { before: string; after: string; verdict: string | undefined } {
  const oldText = readFileSync(join(ZH, `${chapter}_origin.md`), 'utf8');
  const newText = readFileSync(join(NEW, `${chapter}.md`), 'utf8');
  const before = readFileSync(join(ZH, `${chapter}.md`), 'utf8');
  const oldEnglish = parseMarkdown(oldText, 'old.md');
  const newEnglish = parseMarkdown(newText, 'new.md');
  const target = parseMarkdown(before, 'target.md');
  const plan = planChapter({
    oldEnglish,
    newEnglish,
    target,
    alignment: alignUnits(oldEnglish, target, { sourceLanguage: 'en', targetLanguage: 'zh' }),
    sourceLanguage: 'en',
    targetLanguage: 'zh',
  });
  const after = composeChapter(before, plan.edits, plan.drafts, (index) =>
    (plan.drafts[index]?.tokens ?? []).map((token) => token.source).join(''),
  ).text;
  const verdict = verifyChapter({
    oldEnglish,
    newEnglish,
    target,
    composed: parseMarkdown(after, 'composed.md'),
    targetOnlyTabs: PADDLE,
    removedTargetOnly: plan.removedTargetOnly,
  });
  return { before, after, verdict };
}

/** Counts as the structure check of the issue does: Paddle cells, Chinese comment lines, unbalanced tabs. */
function census(text: string): { paddle: number; cjkComments: number; badTabs: number } {
  let fence: string | undefined;
  let tabLine = '';
  let paddle = 0;
  let cjkComments = 0;
  let open = 0;
  let badTabs = 0;
  for (const line of text.split('\n')) {
    if (fence) {
      if (line.trim() === fence) {
        if (/paddle/.test(tabLine) && !/mxnet|pytorch|tensorflow|all/.test(tabLine)) paddle += 1;
        fence = undefined;
        tabLine = '';
      } else if (/^#@tab /.test(line)) tabLine = line;
      else if (/#.*[\u3400-\u9fff]/.test(line)) cjkComments += 1;
      continue;
    }
    const opening = /^(```+|~~~+)/.exec(line);
    if (opening) fence = opening[1];
    else if (/^:begin_tab:/.test(line)) {
      if (open > 0) badTabs += 1;
      open += 1;
    } else if (/^:end_tab:/.test(line)) {
      if (open === 0) badTabs += 1;
      else open -= 1;
    }
  }
  return { paddle, cjkComments, badTabs: badTabs + open };
}

const chapters = markdownFilesIn(ZH)
  .filter((file) => file.endsWith('_origin.md'))
  .map((file) => file.slice(ZH.length + 1).replace(/_origin\.md$/, ''))
  .filter((chapter) => {
    try {
      readFileSync(join(NEW, `${chapter}.md`));
      return true;
    } catch {
      return false;
    }
  });

describe('structure of the whole d2l-zh sync (X_origin.md → d2l-en-classic)', () => {
  const results = chapters.map((chapter) => ({ chapter, ...syncChapter(chapter) }));
  const written = results.filter((result) => result.verdict === undefined);

  it('writes no chapter with unbalanced tabs, keeps every Paddle cell and ≥ 90% of the Chinese comment lines', () => {
    expect(chapters.length).toBeGreaterThan(130);
    let paddleBefore = 0;
    let paddleAfter = 0;
    let commentsBefore = 0;
    let commentsAfter = 0;
    const broken: string[] = [];
    for (const result of results) {
      const before = census(result.before);
      const after = census(result.verdict === undefined ? result.after : result.before);
      paddleBefore += before.paddle;
      paddleAfter += after.paddle;
      commentsBefore += before.cjkComments;
      commentsAfter += after.cjkComments;
      if (after.badTabs > 0) broken.push(result.chapter);
    }
    expect(broken).toEqual([]);
    expect(paddleBefore).toBeGreaterThan(550);
    expect(paddleAfter).toBe(paddleBefore);
    expect(commentsAfter).toBeGreaterThanOrEqual(0.9 * commentsBefore);
  });

  it('writes every chapter: none fails the check before writing', () => {
    expect(results.filter((result) => result.verdict !== undefined).map((r) => [r.chapter, r.verdict])).toEqual([]);
    expect(written.length).toBe(results.length);
  });

  it('mlp: prose the translators already moved past three code cells, as the English later did, stays once', () => {
    const mlp = results.find((result) => result.chapter === 'chapter_multilayer-perceptrons/mlp');
    const after = mlp?.after ?? '';
    const heading = '## 激活函数\n:label:`subsec_activation_functions`\n\n*激活函数*（activation function）';
    expect(mlp?.before).toContain(heading);
    expect(after.split(heading)).toHaveLength(2);
    // Neither the moved English heading and paragraph, nor the English's renamed label beside the translators' own.
    expect(after).not.toMatch(/Activation Functions|Activation functions decide|subsec_activation-functions/);
    const headings = (text: string): string[] =>
      parseMarkdown(text, 'x.md')
        .blocks.filter((block) => block.context === 'heading')
        .map((block) => /^#+/.exec(block.source)?.[0] ?? '');
    expect(headings(after)).toEqual(headings(readFileSync(join(NEW, 'chapter_multilayer-perceptrons/mlp.md'), 'utf8')));
  });

  it.each([
    'chapter_convolutional-neural-networks/pooling',
    'chapter_appendix-tools-for-deep-learning/d2l',
    'chapter_preliminaries/ndarray',
    'chapter_preliminaries/linear-algebra',
    'chapter_convolutional-modern/vgg',
    'chapter_deep-learning-computation/custom-layer',
    'chapter_deep-learning-computation/model-construction',
    'chapter_installation/index',
    'chapter_convolutional-modern/batch-norm',
  ])('%s: tabs balanced, Paddle cells kept, headings and cells in the English order', (chapter) => {
    const result = results.find((entry) => entry.chapter === chapter);
    expect(result?.verdict).toBeUndefined();
    const before = census(result?.before ?? '');
    const after = census(result?.after ?? '');
    expect(after.badTabs).toBe(0);
    expect(after.paddle).toBe(before.paddle);
    expect(after.cjkComments).toBeGreaterThanOrEqual(Math.floor(0.9 * before.cjkComments));
    // No tab block is repeated: a tab the translation already had is not inserted again.
    const tabs = (result?.after ?? '').match(/^:begin_tab:.*$/gmu) ?? [];
    const english = readFileSync(join(NEW, `${chapter}.md`), 'utf8').match(/^:begin_tab:.*$/gmu) ?? [];
    expect(tabs.length).toBeLessThanOrEqual(english.length + (before.paddle > 0 ? 40 : 10));
  });

  it('batch-norm keeps its Paddle batch_norm cell, and the LeNet cells stay under their heading', () => {
    const result = results.find((entry) => entry.chapter === 'chapter_convolutional-modern/batch-norm');
    const text = result?.after ?? '';
    const paddleCells = (result?.before ?? '').match(/```\{\.python \.input\}\n#@tab paddle\n[\s\S]*?\n```/gu) ?? [];
    expect(paddleCells.length).toBeGreaterThan(3);
    for (const cell of paddleCells) expect(text).toContain(cell);
    expect(text).toContain('class BatchNorm(nn.Layer):');
    const heading = text.indexOf('##  使用批量规范化层的 LeNet');
    expect(heading).toBeGreaterThan(-1);
    const lenet = text.indexOf('net = nn.Sequential(', heading);
    expect(lenet).toBeGreaterThan(heading);
  });
});

describe('mergeCodeCell', () => {
  it('keeps translated comments on unchanged lines and takes the new code, with the translation-only tabs', () => {
    const old = '```{.python .input}\n#@tab mxnet, pytorch\n# Make a net\nnet = f(1)\nx = g(net)  # apply\n```';
    const fresh =
      '```{.python .input}\n#@tab mxnet, pytorch, tensorflow\n# Make a net\nnet = f(2)\nx = g(net)  # apply\n```';
    const target =
      '```{.python .input}\n#@tab mxnet, pytorch, paddle\n# 建一个网络\nnet = f(1)\nx = g(net)  # 应用\n```';
    const merged = mergeCodeCell(old, fresh, target, PADDLE);
    expect(merged.text).toBe(
      '```{.python .input}\n#@tab mxnet, pytorch, tensorflow, paddle\n# Make a net\nnet = f(2)\nx = g(net)  # 应用\n```',
    );
    expect(merged).toMatchObject({ carried: 1, dropped: 1 });
  });
});

describe('verifyChapter', () => {
  it('refuses a hand-broken composition with the first violation', () => {
    const oldText = '# A\n\n:begin_tab:`mxnet`\nHello.\n:end_tab:\n\n```{.python .input}\n#@tab paddle\nx = 1\n```\n';
    const target = parseMarkdown(
      '# 甲\n\n:begin_tab:`mxnet`\n你好。\n:end_tab:\n\n```{.python .input}\n#@tab paddle\nx = 1\n```\n',
      't.md',
    );
    const english = parseMarkdown(oldText, 'o.md');
    const check = (composed: string): string | undefined =>
      verifyChapter({
        oldEnglish: english,
        newEnglish: english,
        target,
        composed: parseMarkdown(composed, 'c.md'),
        targetOnlyTabs: PADDLE,
        removedTargetOnly: [],
      });
    expect(check(target.text)).toBeUndefined();
    expect(
      check(
        '# 甲\n\n:begin_tab:`mxnet`\n:begin_tab:`mxnet`\n你好。\n:end_tab:\n\n```{.python .input}\n#@tab paddle\nx = 1\n```\n',
      ),
    ).toBe('line 4: :begin_tab: inside the tab opened at line 3');
    expect(check('# 甲\n\n:begin_tab:`mxnet`\n你好。\n:end_tab:\n')).toMatch(
      /^the block only the translation has at line 7/,
    );
    expect(
      check('## 甲\n\n:begin_tab:`mxnet`\n你好。\n:end_tab:\n\n```{.python .input}\n#@tab paddle\nx = 1\n```\n'),
    ).toMatch(/^headings differ/);
  });
});
