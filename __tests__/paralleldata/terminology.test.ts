import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readTerminologyTable } from '../../src/paralleldata/terminology.js';
import { sharedRoot } from './goldPairs.js';

describe('readTerminologyTable', () => {
  it("reads all 138 terms of d2l-zh's TERMINOLOGY.md, English as source", () => {
    const markdown = readFileSync(new URL('corpus/d2l-zh/TERMINOLOGY.md', sharedRoot), 'utf8');
    const terms = readTerminologyTable(markdown, 'TERMINOLOGY.md');
    expect(terms).toHaveLength(138);
    expect(terms[0]).toEqual({ source: 'saddle point', target: '鞍点' });
    expect(terms).toContainEqual({ source: 'long short-term memory (LSTM)', target: '长短期记忆网络' });
    expect(terms).toContainEqual({ source: 'hierarchical softmax', target: '层序softmax' });
    expect(terms.at(-1)).toEqual({ source: 'accuracy', target: '准确率/精度' });
  });

  it('reads two-column Markdown tables in either order, skipping the header row', () => {
    const markdown = '| English | 中文 |\n|---|---|\n| dropout | 暂退法 |\n| 汇聚层 | pooling layer |\n';
    expect(readTerminologyTable(markdown, 'glossary.md')).toEqual([
      { source: 'dropout', target: '暂退法' },
      { source: 'pooling layer', target: '汇聚层' },
    ]);
  });

  it('names the file and line of an entry it cannot read', () => {
    expect(() => readTerminologyTable('## 术语\n\n鞍点，saddle point\n鞍点 saddle point\n', 'T.md')).toThrow(
      'T.md: line 4: expected "中文，English"',
    );
    expect(() => readTerminologyTable('dropout，dropout\n', 'T.md')).toThrow('T.md: line 1: cannot tell which side');
  });
});
