import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('README', () => {
  it('holds the input and output tables generated from action.yml', () => {
    const tables = execFileSync('node', ['scripts/generate-readme-tables.mjs'], { cwd: root, encoding: 'utf8' });
    const readme = readFileSync(`${root}README.md`, 'utf8');
    expect(tables).toMatch(/\| `target-repo` \| yes \|/);
    expect(readme).toContain(tables);
  });

  it('opens with the two set-up commands', () => {
    const readme = readFileSync(`${root}README.md`, 'utf8');
    const block = /```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    expect(block.trim().split('\n')).toEqual([
      'npm ci && npm test',
      expect.stringMatching(
        /^npm ci && npx amts sync --source examples\/book\/en --target examples\/book\/zh .*--engine pseudo/,
      ),
    ]);
    expect(readme.indexOf('```sh')).toBeLessThan(readme.indexOf('\n## '));
  });
});
