import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alignUnits } from '../../src/align/buildPairs.js';
import { parseMarkdown } from '../../src/markdown/parseMarkdown.js';
import { composeChapter } from '../../src/sync/composeChapter.js';
import { planChapter, type ChapterPlan } from '../../src/sync/planChapter.js';
import { EXAMPLE_BOOK } from '../helpers/corpus.js';

const chapter = 'chapter_optimization/rmsprop';
const oldText = readFileSync(join(EXAMPLE_BOOK, 'zh', `${chapter}_origin.md`), 'utf8');
const targetText = readFileSync(join(EXAMPLE_BOOK, 'zh', `${chapter}.md`), 'utf8');

const FIRST = 'One of the key issues in :numref:`sec_adagrad`';
const SECOND = ':cite:`Tieleman.Hinton.2012` proposed';
const THIRD = 'One way of fixing this problem';

function paragraph(text: string, start: string): string {
  const from = text.indexOf(start);
  return text.slice(from, text.indexOf('\n\n', from));
}

function plan(newText: string): { plan: ChapterPlan; output: string } {
  const oldEnglish = parseMarkdown(oldText, 'old.md');
  const target = parseMarkdown(targetText, 'target.md');
  const result = planChapter({
    oldEnglish,
    newEnglish: parseMarkdown(newText, 'new.md'),
    target,
    alignment: alignUnits(oldEnglish, target),
    sourceLanguage: 'en',
    targetLanguage: 'zh',
  });
  const composed = composeChapter(
    targetText,
    result.edits,
    result.drafts,
    (index) => `«${result.drafts[index]?.source ?? ''}»`,
  );
  return { plan: result, output: composed.text };
}

/** The Chinese paragraph that follows `anchor` (a phrase of it) in the translation. */
function chineseParagraph(anchor: string): string {
  return paragraph(targetText, anchor);
}

describe('planChapter on a real chapter', () => {
  it('leaves the translation alone when the English did not change', () => {
    const { plan: result, output } = plan(oldText);
    expect(result.edits).toEqual([]);
    expect(output).toBe(targetText);
  });

  it('replaces only the translation of the one sentence that changed', () => {
    const changed = oldText.replace(
      'Yet, the coordinate-wise adaptivity of Adagrad is highly desirable',
      'Still, the per-coordinate adaptivity of Adagrad is very desirable',
    );
    const { plan: result, output } = plan(changed);
    expect(result.drafts.map((draft) => draft.source)).toEqual([
      'Still, the per-coordinate adaptivity of Adagrad is very desirable as a preconditioner.',
    ]);
    expect(result.removed).toBe(1);
    // Reviewers see what the draft replaces: the old English and its human translation.
    expect(result.drafts[0]?.replaces?.source).toBe(
      'Yet, the coordinate-wise adaptivity of Adagrad is highly desirable as a preconditioner.',
    );
    expect(result.drafts[0]?.replaces?.translation).toMatch(/^\P{ASCII}/u);
    expect(targetText).toContain(result.drafts[0]?.replaces?.translation ?? '\u0000');
    const outputLines = output.split('\n');
    const targetLines = targetText.split('\n');
    expect(outputLines.length).toBe(targetLines.length);
    expect(outputLines.filter((line, index) => line !== targetLines[index])).toHaveLength(1);
  });

  it('keeps the translation when the English only marks words for the slides', () => {
    const marked = oldText
      .replace('Yet, the coordinate-wise adaptivity of Adagrad', '[**Yet, the coordinate-wise adaptivity of Adagrad')
      .replace('desirable as a preconditioner.', 'desirable as a preconditioner.**]');
    expect(marked).not.toBe(oldText);
    const { plan: result, output } = plan(marked);
    expect(result.drafts).toEqual([]);
    expect(output).toBe(targetText);
    // Translators are told which sentences to mark in the translation.
    expect(result.restyled).toEqual([
      '[**Yet, the coordinate-wise adaptivity of Adagrad is highly desirable as a preconditioner.**]',
    ]);
    expect(plan(oldText).plan.restyled).toEqual([]);
    // Words changed inside the markers are still a change.
    const edited = marked.replace('highly desirable', 'very desirable');
    expect(plan(edited).plan.drafts.map((draft) => draft.source)).toEqual([
      '[**Yet, the coordinate-wise adaptivity of Adagrad is very desirable as a preconditioner.**]',
    ]);
  });

  it('drafts an inserted sentence right after the sentence before it', () => {
    const inserted = oldText.replace('as a preconditioner.', 'as a preconditioner. This sentence is new.');
    const { plan: result, output } = plan(inserted);
    expect(result.drafts.map((draft) => draft.source)).toEqual(['This sentence is new.']);
    expect(result.removed).toBe(0);
    expect(output.replace('«This sentence is new.»', '')).toBe(targetText);
  });

  it('removes the translation of a deleted paragraph with its blank line', () => {
    const deleted = oldText.replace(`${paragraph(oldText, THIRD)}\n\n`, '');
    const { plan: result, output } = plan(deleted);
    expect(result.drafts).toEqual([]);
    const third = chineseParagraph('解决此问题的一种方法');
    expect(third.length).toBeGreaterThan(20);
    expect(output).toBe(targetText.replace(`\n\n${third}`, ''));
  });

  it('keeps the human translation of a paragraph the English moved', () => {
    const first = paragraph(oldText, FIRST);
    const second = paragraph(oldText, SECOND);
    const swapped = oldText.replace(`${first}\n\n${second}`, `${second}\n\n${first}`);
    const { plan: result, output } = plan(swapped);
    expect(result.drafts).toEqual([]);
    const chineseFirst = chineseParagraph('在 :numref:`sec_adagrad`');
    const chineseSecond = chineseParagraph(':cite:`Tieleman.Hinton.2012`');
    expect(output.indexOf(chineseSecond)).toBeGreaterThan(-1);
    expect(output.indexOf(chineseFirst)).toBeGreaterThan(output.indexOf(chineseSecond));
    // Only the layout around the moved paragraph may differ (it takes the new English's blank line).
    expect(output.replace(/\s/g, '').length).toBe(targetText.replace(/\s/g, '').length);
  });

  it('replaces a changed code cell with the new English cell and keeps the others', () => {
    const changed = oldText.replace('npx.set_np()', 'npx.set_np()  # changed');
    const { plan: result, output } = plan(changed);
    expect(result.drafts).toEqual([]);
    expect(output).toContain('npx.set_np()  # changed');
    expect(output.length - targetText.length).toBe('  # changed'.length);
  });
});

/** Plans and composes a chapter given as texts; each draft is written as its English in «…». */
function syncTexts(oldText: string, newText: string, targetText: string): { plan: ChapterPlan; output: string } {
  const old = parseMarkdown(oldText, 'old.md');
  const target = parseMarkdown(targetText, 'target.md');
  const result = planChapter({
    oldEnglish: old,
    newEnglish: parseMarkdown(newText, 'new.md'),
    target,
    alignment: alignUnits(old, target),
    sourceLanguage: 'en',
    targetLanguage: 'zh',
  });
  const output = composeChapter(targetText, result.edits, result.drafts, (index) => {
    return `«${result.drafts[index]?.source ?? ''}»`;
  }).text;
  return { plan: result, output };
}

describe('planChapter when the English moves prose past a code cell', () => {
  const cell = '```{.python .input}\nx = np.arange(12)\n```';
  const oldEnglish = `# Multilayer Perceptrons

We build networks with hidden layers.

${cell}

## Activation Functions

Activation functions decide whether a neuron should be activated.
They are differentiable operators.
`;
  const newEnglish = `# Multilayer Perceptrons

We build networks with hidden layers.

## Activation Functions
:label:\`subsec_activation-functions\`

Activation functions decide whether a neuron should be activated.
(**They are differentiable operators.**)

${cell}
`;
  const sync = (targetText: string): { plan: ChapterPlan; output: string } =>
    syncTexts(oldEnglish, newEnglish, targetText);

  it('keeps a translation the translators already moved, with their own label, and drafts nothing', () => {
    const moved = `# 多层感知机

我们用隐藏层构建网络。

## 激活函数
:label:\`subsec_activation_functions\`

激活函数决定神经元是否应该被激活。
它们是可微的运算。

${cell}
`;
    const { plan: result, output } = sync(moved);
    expect(output).toBe(moved);
    expect(result.drafts).toEqual([]);
    expect(result.restyled).toEqual(['(**They are differentiable operators.**)']);
    expect(result.structure).toEqual([]);
  });

  it('moves a translation still in the old order to the new place, without drafting it again', () => {
    const inOldOrder = `# 多层感知机

我们用隐藏层构建网络。

${cell}

## 激活函数

激活函数决定神经元是否应该被激活。
它们是可微的运算。
`;
    const { plan: result, output } = sync(inOldOrder);
    expect(output.split('## 激活函数')).toHaveLength(2);
    expect(output.indexOf('## 激活函数')).toBeLessThan(output.indexOf(cell));
    expect(output).toContain(':label:`subsec_activation-functions`');
    expect(output).not.toMatch(/«/);
    expect(result.drafts).toEqual([]);
    expect(result.structure.map((change) => change.kind)).toEqual(['cell-moved', 'block-inserted']);
  });
});

describe('planChapter on a code cell the translators already brought up to date', () => {
  it('leaves it as it is: the English comments they removed are not added back', () => {
    const name = 'chapter_convolutional-neural-networks/padding-and-strides';
    const read = (path: string): string => readFileSync(join(EXAMPLE_BOOK, path), 'utf8');
    const oldEnglish = parseMarkdown(read(`zh/${name}_origin.md`), 'old.md');
    const targetText = read(`zh/${name}.md`);
    const target = parseMarkdown(targetText, 'target.md');
    // The translation already has the tensorflow cell's new `padding='same'`, without the English comments.
    const cell = "#@tab tensorflow\nconv2d = tf.keras.layers.Conv2D(1, kernel_size=(5, 3), padding='same')";
    expect(targetText).toContain(cell);
    const result = planChapter({
      oldEnglish,
      newEnglish: parseMarkdown(read(`en/${name}.md`), 'new.md'),
      target,
      alignment: alignUnits(oldEnglish, target),
      sourceLanguage: 'en',
      targetLanguage: 'zh',
    });
    const output = composeChapter(targetText, result.edits, result.drafts, () => '«draft»').text;
    expect(output).toContain(cell);
    expect(output).not.toContain('# Here, we use a convolution kernel with a height of 5 and a width of 3');
    expect(result.structure.filter((change) => change.kind === 'cell-updated')).toEqual([]);
  });
});

describe('planChapter on a figure the English changed', () => {
  const sync = syncTexts;
  const english = (caption: string, image: string): string =>
    `# Setup\n\nWe choose an AMI first.\n\n![${caption}](../img/${image}.png)\n:width:\`400px\`\n`;
  const chinese = '# 设置\n\n我们先选择一个AMI。\n\n![选择一个AMI](../img/ubuntu.png)\n:width:`400px`\n';

  it('drafts a changed caption into the translation’s figure, and never writes the English caption', () => {
    const { plan: result, output } = sync(
      english('Choose an AMI.', 'ubuntu'),
      english('Choose an operating system.', 'ubuntu-new'),
      chinese,
    );
    expect(output).toBe(
      '# 设置\n\n我们先选择一个AMI。\n\n![«Choose an operating system.»](../img/ubuntu-new.png)\n:width:`400px`\n',
    );
    expect(result.drafts.map((draft) => [draft.source, draft.replaces])).toEqual([
      ['Choose an operating system.', { source: 'Choose an AMI.', translation: '选择一个AMI' }],
    ]);
  });

  it('drafts the caption of a figure the English added', () => {
    const { output } = sync(
      english('Choose an AMI.', 'ubuntu'),
      `${english('Choose an AMI.', 'ubuntu')}\n![The Jupyter server running on $n$ instances.](../img/jupyter.png)\n`,
      chinese,
    );
    expect(output).toBe(`${chinese}\n![«The Jupyter server running on $n$ instances.»](../img/jupyter.png)\n`);
  });

  it('keeps the translated caption when only the image changed', () => {
    const { plan: result, output } = sync(
      english('Choose an AMI.', 'ubuntu'),
      english('Choose an AMI.', 'ubuntu-new'),
      chinese,
    );
    expect(output).toBe(chinese.replace('ubuntu.png', 'ubuntu-new.png'));
    expect(result.drafts).toEqual([]);
  });
});
